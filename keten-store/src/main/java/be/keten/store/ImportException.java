package be.keten.store;

import be.keten.core.rulebook.Rule;

/**
 * An import refused at the first bad line; nothing was stored. The message reads
 * {@code file:line: field 'f': what is wrong}, the field part only when one field is at fault.
 */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String field;
    private final transient Rule rule;
    private final String detail;

    public ImportException(String source, long line, String field, Rule rule, String detail, Throwable cause) {
        super(source + ":" + line + ": " + (field == null ? "" : "field '" + field + "': ") + detail, cause);
        this.source = source;
        this.line = line;
        this.field = field;
        this.rule = rule;
        this.detail = detail;
    }

    /** The file (or other source) name as given. */
    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }

    /** The rulebook rule the line broke, or null for a format error. */
    public Rule rule() {
        return rule;
    }

    public String detail() {
        return detail;
    }
}
