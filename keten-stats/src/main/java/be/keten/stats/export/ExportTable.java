package be.keten.stats.export;

import java.util.List;

/**
 * One exported file as text cells: the header and the rows, every cell already formatted as the
 * reference folder writes it (integers, percentages with one decimal, blank for a figure not given).
 */
public record ExportTable(String file, List<String> header, List<List<String>> rows) {
    public ExportTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException(file + ": a row has " + r.size() + " cells for " + header.size() + " columns");
            }
        }
    }

    /** The table as CSV text: comma separated, LF line ends, no quoting (no cell holds a comma, quote or line break). */
    public String csv() {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", header)).append('\n');
        for (List<String> r : rows) {
            b.append(String.join(",", r)).append('\n');
        }
        return b.toString();
    }

    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(file + " has no column " + name);
        }
        return i;
    }
}
