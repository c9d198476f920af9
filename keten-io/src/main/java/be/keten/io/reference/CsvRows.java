package be.keten.io.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A small CSV file read whole, each record with its line number, so that every error can name file, line
 * and column. Header names are matched trimmed and case-insensitively; values are trimmed. Which exception
 * an error becomes is the caller's choice ({@link Errors}), so each input family keeps its own type.
 */
public final class CsvRows {

    /** Builds the exception for a problem at a location ({@code FILE line N}) in a field or column. */
    @FunctionalInterface
    public interface Errors {
        RuntimeException at(String location, String field, String problem);
    }

    /** One data record and the line it starts on (1 = header). */
    public record Row(int line, Map<String, String> values, int fields) {
        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    private final String source;
    private final List<String> header;
    private final List<Row> rows;
    private final Errors errors;

    private CsvRows(String source, List<String> header, List<Row> rows, Errors errors) {
        this.source = source;
        this.header = header;
        this.rows = rows;
        this.errors = errors;
    }

    public static CsvRows read(Reader in, String source, Errors errors) throws IOException {
        String text = slurp(in);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw errors.at(source + " line 1", "header", "the file is empty");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).build();
        List<Row> rows = new ArrayList<>();
        List<String> names;
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            names = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            // Commons CSV reports malformed quoting and duplicate header names this way.
            throw errors.at(source, "format", "not a readable CSV file: " + e.getMessage());
        }
        List<String> header = new ArrayList<>();
        for (String h : names) {
            String name = h.strip().toLowerCase(Locale.ROOT);
            if (header.contains(name)) {
                throw errors.at(source + " line 1", name, "the column appears twice in the header");
            }
            header.add(name);
        }
        for (CSVRecord r : records) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size() && i < r.size(); i++) {
                values.put(header.get(i), r.get(i).strip());
            }
            rows.add(new Row(lineOf(text, r.getCharacterPosition()), values, r.size()));
        }
        return new CsvRows(source, List.copyOf(header), List.copyOf(rows), errors);
    }

    private static String slurp(Reader in) throws IOException {
        StringBuilder b = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = in.read(buf)) >= 0; ) {
            b.append(buf, 0, n);
        }
        return b.toString();
    }

    private static int lineOf(String text, long position) {
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    public String source() {
        return source;
    }

    public List<String> header() {
        return header;
    }

    /**
     * The data rows; checked here rather than on reading so that a reader can first report problems with
     * the header, which explain a wrong field count better.
     *
     * @throws RuntimeException (from {@link Errors}) for a row whose field count differs from the header's
     */
    public List<Row> rows() {
        for (Row r : rows) {
            if (r.fields() != header.size()) {
                throw error(r, "columns", "expected " + header.size() + " fields as in the header, found " + r.fields());
            }
        }
        return rows;
    }

    public boolean has(String column) {
        return header.contains(column);
    }

    /** 1-based position of a column in the header, 0 if absent. */
    public int position(String column) {
        return header.indexOf(column) + 1;
    }

    public String at(Row row) {
        return source + " line " + row.line();
    }

    public RuntimeException error(Row row, String field, String problem) {
        return errors.at(at(row), field, problem);
    }

    /** @throws RuntimeException naming the line and column unless the cell is a decimal number */
    public BigDecimal decimal(Row row, String column) {
        String v = row.get(column);
        if (v.isEmpty()) {
            throw error(row, column, "is empty");
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw error(row, column, "'" + v + "' is not a number (use a dot for decimals and no thousands separators)");
        }
    }
}
