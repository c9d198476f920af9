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
}
