package be.keten.io.events;

/**
 * An event line that cannot be read: malformed JSON, an unknown type or field, a missing field or
 * an invalid value. {@link #field()} is the path of the offending field (e.g.
 * {@code persons[0].nationality}), null when the fault is the line as a whole; {@link #line()} is
 * the 1-based line number when read from a file, 0 otherwise.
 */
public final class EventFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final String field;
    private final String detail;

    public EventFormatException(String field, String detail) {
        this(0, field, detail, null);
    }

    EventFormatException(long line, String field, String detail, Throwable cause) {
        super(render(line, field, detail), cause);
        this.line = line;
        this.field = field;
        this.detail = detail;
    }

    /** The same error, located on a line of a file. */
    public EventFormatException atLine(long lineNumber) {
        return new EventFormatException(lineNumber, field, detail, getCause());
    }

    public long line() {
        return line;
    }

    /** Path of the field at fault, or null. */
    public String field() {
        return field;
    }

    /** What is wrong, without line or field. */
    public String detail() {
        return detail;
    }

    /** "field 'x': detail", or the detail alone when no field is at fault; no line number. */
    public String describe() {
        return field == null ? detail : "field '" + field + "': " + detail;
    }

    private static String render(long line, String field, String detail) {
        String where = field == null ? detail : "field '" + field + "': " + detail;
        return line > 0 ? "line " + line + ": " + where : where;
    }
}
