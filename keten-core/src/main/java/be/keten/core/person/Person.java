package be.keten.core.person;

import be.keten.core.id.PersonId;
import java.util.Objects;

/**
 * A person as the chain records them: no name, no address, only what the statistics and the rules
 * need. The year of birth, not the date, keeps the record pseudonymous.
 */
public record Person(PersonId id, Nationality nationality, Sex sex, int yearOfBirth, boolean declaredUnaccompaniedMinor) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nationality, "nationality");
        Objects.requireNonNull(sex, "sex");
        if (yearOfBirth < 1900 || yearOfBirth > 2100) {
            throw new IllegalArgumentException("yearOfBirth " + yearOfBirth + " is outside 1900..2100");
        }
    }

    /** Age reached in the given year (the chain's statistics count age in completed years at year end). */
    public int ageIn(int year) {
        return year - yearOfBirth;
    }
}
