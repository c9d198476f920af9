package be.keten.store;

import be.keten.core.id.DossierId;

/** The dossier moved on since the writer read it: its version is not the expected one. Nothing was stored. */
public final class ConcurrencyConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient DossierId dossier;
    private final int expectedVersion;
    private final int actualVersion;

    public ConcurrencyConflictException(DossierId dossier, int expectedVersion, int actualVersion) {
        super("dossier " + dossier + " is at version " + actualVersion + ", not the expected " + expectedVersion
                + ": it was changed concurrently; nothing was stored");
        this.dossier = dossier;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** A conflict on a dossier not known to the caller, e.g. during a bulk import. */
    public ConcurrencyConflictException(String message) {
        super(message);
        this.dossier = null;
        this.expectedVersion = -1;
        this.actualVersion = -1;
    }

    /** The dossier, or null when not known. */
    public DossierId dossier() {
        return dossier;
    }

    public int expectedVersion() {
        return expectedVersion;
    }

    public int actualVersion() {
        return actualVersion;
    }
}
