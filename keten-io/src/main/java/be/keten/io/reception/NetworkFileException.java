package be.keten.io.reception;

/** A network file that cannot be loaded: names the file, the line and the field. Nothing is loaded. */
public final class NetworkFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final String field;

    public NetworkFileException(String file, long line, String field, String message) {
        super(file + ":" + line + (field == null ? "" : ": field '" + field + "'") + ": " + message);
        this.line = line;
        this.field = field;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }
}
