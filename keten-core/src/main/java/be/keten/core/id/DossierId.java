package be.keten.core.id;

/** Pseudonymous identifier of a dossier (a case file grouping the persons of one household), e.g. {@code D-2023-000123}. */
public record DossierId(String value) implements Comparable<DossierId> {
    public DossierId {
        PseudonymousId.check("dossier", "D-", value);
    }

    public static DossierId of(String value) {
        return new DossierId(value);
    }

    @Override
    public int compareTo(DossierId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
