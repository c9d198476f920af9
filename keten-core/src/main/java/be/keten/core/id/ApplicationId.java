package be.keten.core.id;

/** Pseudonymous identifier of a application, e.g. {@code A-2023-000123}. */
public record ApplicationId(String value) implements Comparable<ApplicationId> {
    public ApplicationId {
        PseudonymousId.check("application", "A-", value);
    }

    public static ApplicationId of(String value) {
        return new ApplicationId(value);
    }

    @Override
    public int compareTo(ApplicationId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
