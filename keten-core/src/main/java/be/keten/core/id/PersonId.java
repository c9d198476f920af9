package be.keten.core.id;

/** Pseudonymous identifier of a person, e.g. {@code P-2023-000123}. */
public record PersonId(String value) implements Comparable<PersonId> {
    public PersonId {
        PseudonymousId.check("person", "P-", value);
    }

    public static PersonId of(String value) {
        return new PersonId(value);
    }

    @Override
    public int compareTo(PersonId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
