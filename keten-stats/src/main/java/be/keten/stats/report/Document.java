package be.keten.stats.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A report laid out in one language: sections of paragraphs, tables and charts, every text already
 * in the language and every figure already formatted (with its raw value kept for the
 * spreadsheet). The HTML (and so the PDF) and the XLSX are drawn from the same document, so they
 * cannot disagree; the JSON is written from the publication itself.
 *
 * @param noData         when set, the report has no figures and says this instead of showing sections
 * @param footer         short running title for the PDF pages
 * @param pagePerSection in print, every section starts a page (the monthly publication's layout)
 */
public record Document(Language language, String title, String subtitle, List<String> meta, String noData, String footer,
                       boolean pagePerSection, List<Section> sections) {
    public Document {
        meta = List.copyOf(meta);
        sections = List.copyOf(sections);
    }

    public boolean hasData() {
        return noData == null;
    }

    public String lang() {
        return language.code();
    }

    /**
     * One section of the publication.
     *
     * @param id        stable identifier (HTML anchor)
     * @param sheet     worksheet name in the XLSX (at most 31 characters)
     */
    public record Section(String id, String title, String sheet, List<Block> blocks) {
        public Section {
            if (sheet.length() > 31) {
                throw new IllegalArgumentException("sheet name longer than 31 characters: " + sheet);
            }
            blocks = List.copyOf(blocks);
        }
    }

    /** A part of a section; {@link #kind()} lets the template choose the markup. */
    public sealed interface Block permits Paragraph, Table, Chart, Columns {
        String kind();
    }

    /** Running text; a note is set smaller (footnotes, definitions). */
    public record Paragraph(String text, boolean note) implements Block {
        public static Paragraph text(String t) {
            return new Paragraph(t, false);
        }

        public static Paragraph note(String t) {
            return new Paragraph(t, true);
        }

        @Override
        public String kind() {
            return "paragraph";
        }
    }

    /** Blocks shown side by side on a wide page (stacked in the spreadsheet). */
    public record Columns(List<Block> blocks) implements Block {
        public Columns {
            blocks = List.copyOf(blocks);
        }

        @Override
        public String kind() {
            return "columns";
        }
    }

    /**
     * A chart as an SVG element, with a title and a text that says what it shows (for screen
     * readers). {@code printSvg} draws its text as outlines: the PDF renderer would otherwise set
     * the labels in another font than the one they were measured with, and they would overlap.
     */
    public record Chart(String title, String description, String svg, String printSvg) implements Block {
        @Override
        public String kind() {
            return "chart";
        }
    }

    /**
     * How a table is set: month-by-month tables smaller, ranked tables with a rank column, short
     * tables narrow (a ranked table with few figures is both).
     */
    public enum TableStyle {
        NORMAL, WIDE, RANKED, NARROW, RANKED_NARROW;

        public String css() {
            return this == RANKED_NARROW ? "data ranked narrow" : "data " + name().toLowerCase();
        }
    }

    /** A table: a title above, columns, rows, notes below. */
    public record Table(String title, List<Column> columns, List<Row> rows, List<String> notes, TableStyle style) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            notes = List.copyOf(notes);
            for (Row r : rows) {
                if (!r.group() && r.cells().size() != columns.size()) {
                    throw new IllegalArgumentException("row has " + r.cells().size() + " cells for " + columns.size() + " columns: " + r);
                }
            }
        }

        @Override
        public String kind() {
            return "table";
        }

        public int width() {
            return columns.size();
        }

        /** Builds a table row by row. */
        public static Builder builder(String title) {
            return new Builder(title);
        }

        public static final class Builder {
            private final String title;
            private final List<Column> columns = new ArrayList<>();
            private final List<Row> rows = new ArrayList<>();
            private final List<String> notes = new ArrayList<>();
            private TableStyle style = TableStyle.NORMAL;

            private Builder(String title) {
                this.title = title;
            }

            public Builder label(String header) {
                columns.add(new Column(header, false));
                return this;
            }

            public Builder numbers(String... headers) {
                for (String h : headers) {
                    columns.add(new Column(h, true));
                }
                return this;
            }

            public Builder numbers(List<String> headers) {
                return numbers(headers.toArray(String[]::new));
            }

            public Builder row(RowKind kind, Cell... cells) {
                rows.add(new Row(kind, Arrays.asList(cells)));
                return this;
            }

            public Builder row(RowKind kind, List<Cell> cells) {
                rows.add(new Row(kind, cells));
                return this;
            }

            /** A subheading spanning the table ("Eindbeslissingen"). */
            public Builder group(String heading) {
                rows.add(new Row(RowKind.GROUP, List.of(Cell.text(heading))));
                return this;
            }

            public Builder note(String note) {
                notes.add(note);
                return this;
            }

            public Builder style(TableStyle s) {
                style = s;
                return this;
            }

            public Table build() {
                return new Table(title, columns, rows, notes, style);
            }
        }
    }

    public record Column(String label, boolean numeric) {
    }

    public enum RowKind {
        BODY, GROUP, OTHERS, TOTAL;

        public String css() {
            return name().toLowerCase();
        }
    }

    public record Row(RowKind kind, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public boolean group() {
            return kind == RowKind.GROUP;
        }

        public String css() {
            return kind.css();
        }
    }

    /**
     * One cell: its text as shown and, for a figure, its value (a count or a fraction). A blank
     * cell (a month not reached, a month without data) has neither; it is never a zero.
     */
    public record Cell(String text, Number value, CellType type) {
        public Cell {
            Objects.requireNonNull(type, "type");
            text = text == null ? "" : text;
        }

        public static Cell text(String t) {
            return new Cell(t, null, CellType.TEXT);
        }

        public static Cell count(long n, Messages m) {
            return new Cell(m.integer(n), n, CellType.COUNT);
        }

        /** A rate; undefined (nothing decided) shows a dash, never 0%. */
        public static Cell percent(double fraction, Messages m) {
            return Double.isNaN(fraction) ? new Cell("–", null, CellType.UNDEFINED) : new Cell(m.percent(fraction), fraction, CellType.PERCENT);
        }

        /** A measure with one decimal (months of stay); undefined shows a dash, never 0. */
        public static Cell decimal(double v, Messages m) {
            return Double.isNaN(v) ? new Cell("–", null, CellType.UNDEFINED) : new Cell(m.decimal(v), v, CellType.DECIMAL);
        }

        public static Cell blank() {
            return new Cell("", null, CellType.BLANK);
        }

        public boolean numeric() {
            return type != CellType.TEXT;
        }

        public String css() {
            return numeric() ? "num" : "lbl";
        }
    }

    public enum CellType {
        TEXT, COUNT, PERCENT, DECIMAL, BLANK, UNDEFINED
    }
}
