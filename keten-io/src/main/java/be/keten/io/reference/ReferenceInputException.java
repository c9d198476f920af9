package be.keten.io.reference;

/**
 * A reference file that cannot be used: malformed CSV, an unknown column or code, a malformed number, a
 * period that does not match its row type. Names the file, the line and the column, so a user can fix it.
 */
public final class ReferenceInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String column;
    private final int position;
    private final String problem;

    public ReferenceInputException(String file, int line, String column, String problem) {
        this(file, line, column, 0, problem);
    }

    /** @param position 1-based position of the column in the header, 0 if unknown */
    public ReferenceInputException(String file, int line, String column, int position, String problem) {
        super(render(file, line, column, position, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.position = position;
        this.problem = problem;
    }

    /** From a {@link CsvRows} location ({@code FILE} or {@code FILE line N}). */
    static ReferenceInputException at(String location, String column, int position, String problem) {
        int i = location.lastIndexOf(" line ");
        if (i > 0) {
            try {
                return new ReferenceInputException(location.substring(0, i), Integer.parseInt(location.substring(i + 6)), column, position,
                        problem);
            } catch (NumberFormatException e) {
                // not a line suffix: the whole text names the file
            }
        }
        return new ReferenceInputException(location, 0, column, position, problem);
    }

    public String file() {
        return file;
    }

    /** 1-based line (1 = header), 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }

    public String column() {
        return column;
    }

    /** 1-based position of the column in the file's header, 0 when not known. */
    public int position() {
        return position;
    }

    public String problem() {
        return problem;
    }

    private static String render(String file, int line, String column, int position, String problem) {
        return file + (line > 0 ? " line " + line : "") + (column == null ? "" : ", column '" + column + "'" + (position > 0 ? " (" + position + ")" : ""))
                + ": " + problem;
    }
}
