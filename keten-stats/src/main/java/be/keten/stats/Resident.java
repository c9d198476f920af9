package be.keten.stats;

import be.keten.core.person.Nationality;
import be.keten.core.person.Sex;

/**
 * What the reception statistics know of a resident: enough for Fedasil's profile tables (family or
 * single, sex, age group, nationality, procedure stage), nothing that identifies a person. The year
 * of birth, not an age, so the age group can be read on any date.
 */
public record Resident(boolean family, Sex sex, int yearOfBirth, Nationality nationality, ResidentCategory category) {
    /** Age group on a date's year, in the bands Fedasil reports. */
    public String ageGroup(int year) {
        int age = year - yearOfBirth;
        return age < 18 ? "0-17" : age < 26 ? "18-25" : age < 41 ? "26-40" : age < 61 ? "41-60" : "61+";
    }

    /**
     * Mixed, not the record's own hash: that one (31 times the fields before, plus the next) gives
     * equal hashes to profiles a year of birth apart whose nationality codes differ by 31, such as
     * AF and BF, and a simulation's stock of profiles ended up in a hash map's slow tree bins.
     * Enums by ordinal, so the hash is also the same from run to run.
     */
    @Override
    public int hashCode() {
        int h = nationality == null ? 0 : nationality.hashCode();
        h = h * 0x9E3779B1 + yearOfBirth;
        h = h * 0x9E3779B1 + (sex == null ? -1 : sex.ordinal());
        h = h * 0x9E3779B1 + (category == null ? -1 : category.ordinal());
        h = h * 0x9E3779B1 + (family ? 1 : 0);
        h ^= h >>> 15;
        h *= 0x85EBCA6B;
        return h ^ h >>> 13;
    }
}
