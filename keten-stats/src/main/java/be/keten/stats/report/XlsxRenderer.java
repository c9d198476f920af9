package be.keten.stats.report;

import be.keten.stats.report.Document.Block;
import be.keten.stats.report.Document.Cell;
import be.keten.stats.report.Document.Columns;
import be.keten.stats.report.Document.Paragraph;
import be.keten.stats.report.Document.Row;
import be.keten.stats.report.Document.RowKind;
import be.keten.stats.report.Document.Section;
import be.keten.stats.report.Document.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.BorderSide;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A {@link Document} as a workbook: one sheet per section, its tables one under the other, figures
 * as numbers (counts with a thousands format, rates as fractions with a percent format), blank
 * cells left empty. Charts are not repeated: their data are in the tables.
 */
public final class XlsxRenderer {
    private static final String BLUE = "0B3D6E";
    private static final String LIGHT = "EAF0F6";

    private XlsxRenderer() {
    }

    public static void write(Document d, OutputStream out) {
        try {
            Workbook wb = new Workbook(out, "Keten", "1.0");
            wb.properties().setTitle(d.title());
            if (!d.hasData()) {
                Worksheet ws = wb.newWorksheet(sheetName(d.title()));
                int r = cover(ws, d);
                ws.value(r, 0, d.noData());
                ws.style(r, 0).bold().fontColor("A33333").set();
                ws.width(0, 100);
            }
            boolean first = true;
            for (Section s : d.sections()) {
                Worksheet ws = wb.newWorksheet(sheetName(s.sheet()));
                int r = first ? cover(ws, d) : 0;
                first = false;
                ws.value(r, 0, s.title());
                ws.style(r, 0).bold().fontSize(13).fontColor(BLUE).set();
                r += 2;
                Map<Integer, Integer> widths = new HashMap<>();
                for (Block b : flatten(s.blocks())) {
                    r = block(ws, r, b, widths);
                }
                widths.forEach((c, w) -> ws.width(c, Math.max(9, Math.min(w + 2, c == 0 ? 80 : 30))));
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook: " + e.getMessage(), e);
        }
    }

    private static int cover(Worksheet ws, Document d) {
        ws.value(0, 0, d.title());
        ws.style(0, 0).bold().fontSize(15).fontColor(BLUE).set();
        ws.value(1, 0, d.subtitle());
        ws.style(1, 0).fontColor(BLUE).set();
        int r = 2;
        for (String line : d.meta()) {
            ws.value(r, 0, line);
            ws.style(r, 0).fontColor("555555").set();
            r++;
        }
        return r + 1;
    }

    private static List<Block> flatten(List<Block> blocks) {
        List<Block> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Columns c) {
                out.addAll(flatten(c.blocks()));
            } else {
                out.add(b);
            }
        }
        return out;
    }

    private static int block(Worksheet ws, int r, Block b, Map<Integer, Integer> widths) {
        if (b instanceof Paragraph p) {
            ws.value(r, 0, p.text());
            if (p.note()) {
                ws.style(r, 0).italic().fontColor("444444").set();
            }
            return r + 2;
        }
        if (b instanceof Table t) {
            return table(ws, r, t, widths);
        }
        return r; // charts: their figures are in the section's tables
    }

    private static int table(Worksheet ws, int r, Table t, Map<Integer, Integer> widths) {
        if (t.title() != null && !t.title().isEmpty()) {
            ws.value(r, 0, t.title());
            ws.style(r, 0).bold().set();
            r++;
        }
        for (int c = 0; c < t.width(); c++) {
            ws.value(r, c, t.columns().get(c).label());
            ws.style(r, c).bold().fontColor("FFFFFF").fillColor(BLUE).wrapText(true).verticalAlignment("bottom")
                    .horizontalAlignment(t.columns().get(c).numeric() ? "right" : "left").set();
            if (t.columns().get(c).numeric()) {
                widths.merge(c, Math.min(t.columns().get(c).label().length(), 18), Math::max);
            }
        }
        r++;
        for (Row row : t.rows()) {
            if (row.group()) {
                ws.value(r, 0, row.cells().get(0).text());
                for (int c = 0; c < t.width(); c++) {
                    ws.style(r, c).bold().fontColor(BLUE).fillColor(LIGHT).set();
                }
                r++;
                continue;
            }
            for (int c = 0; c < row.cells().size(); c++) {
                Cell cell = row.cells().get(c);
                var style = ws.style(r, c);
                switch (cell.type()) {
                    case COUNT:
                        ws.value(r, c, cell.value());
                        style.format("#,##0");
                        break;
                    case PERCENT:
                        ws.value(r, c, cell.value());
                        style.format("0.0%");
                        break;
                    case DECIMAL:
                        ws.value(r, c, cell.value());
                        style.format("0.0");
                        break;
                    case UNDEFINED:
                        ws.value(r, c, cell.text());
                        style.horizontalAlignment("right");
                        break;
                    case TEXT:
                        ws.value(r, c, cell.text());
                        break;
                    default:
                        break; // blank: left empty, never 0
                }
                if (row.kind() == RowKind.TOTAL) {
                    style.bold().borderStyle(BorderSide.TOP, "thin");
                } else if (row.kind() == RowKind.OTHERS) {
                    style.italic();
                }
                style.set();
                widths.merge(c, cell.text().length(), Math::max);
            }
            r++;
        }
        for (String n : t.notes()) {
            ws.value(r, 0, n);
            ws.style(r, 0).italic().fontColor("444444").set();
            r++;
        }
        return r + 1;
    }

    /** Excel's sheet-name rules: at most 31 characters, none of []:*?/\. */
    static String sheetName(String s) {
        String clean = s.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return clean.length() > 31 ? clean.substring(0, 31).strip() : clean;
    }
}
