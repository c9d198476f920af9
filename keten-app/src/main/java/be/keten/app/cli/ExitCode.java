package be.keten.app.cli;

/** Exit codes of every keten command (documented in the README). */
public final class ExitCode {
    public static final int OK = 0;
    /** Wrong command line: unknown option, missing argument. */
    public static final int USAGE = 1;
    /** Input refused: malformed file, a rule of the rulebook, an invalid value. Nothing was written. */
    public static final int INVALID_INPUT = 2;
    /** Concurrent change: the dossier moved on since it was read (expected version). Nothing was written. */
    public static final int CONFLICT = 3;
    /** The dossier, file or object asked for does not exist. */
    public static final int NOT_FOUND = 4;
    /** The database could not be opened or failed. */
    public static final int DATABASE = 5;

    private ExitCode() {
    }
}
