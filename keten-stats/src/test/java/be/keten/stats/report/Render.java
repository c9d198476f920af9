package be.keten.stats.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Renders reports and reads them back as a reader would: parsed JSON, PDF text, workbook cells. */
final class Render {
    private Render() {
    }

    static byte[] bytes(Report r, ReportFormat f, Language l) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.write(r, f, l, out);
        return out.toByteArray();
    }

    static String html(Report r, Language l) {
        return new String(bytes(r, ReportFormat.HTML, l), StandardCharsets.UTF_8);
    }

    static JsonNode json(Report r, Language l) {
        try {
            return new ObjectMapper().readTree(bytes(r, ReportFormat.JSON, l));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF's text, page by page. */
    static List<String> pdfPages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                pages.add(s.getText(doc));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Font names used on the PDF's first page. */
    static List<String> pdfFonts(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> out = new ArrayList<>();
            var res = doc.getPage(0).getResources();
            for (var name : res.getFontNames()) {
                out.add(res.getFont(name).getName());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sheet name to its rows; each row a list of cells (null where empty). */
    static Map<String, List<List<Cell>>> xlsx(byte[] xlsx) {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            Map<String, List<List<Cell>>> out = new LinkedHashMap<>();
            for (Sheet s : wb.getSheets().toList()) {
                List<List<Cell>> rows = new ArrayList<>();
                for (Row r : s.read()) {
                    List<Cell> cells = new ArrayList<>();
                    for (int c = 0; c < r.getCellCount(); c++) {
                        Optional<Cell> cell = r.getOptionalCell(c);
                        cells.add(cell.filter(x -> x.getType() != CellType.EMPTY).orElse(null));
                    }
                    rows.add(cells);
                }
                out.put(s.getName(), rows);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first row of a sheet whose first cell has this text. */
    static List<Cell> row(List<List<Cell>> sheet, String label) {
        return sheet.stream().filter(r -> !r.isEmpty() && r.get(0) != null && label.equals(r.get(0).getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + label + "'"));
    }

    /** The first row of a sheet whose second cell has this text (ranked tables: rank, country, figures). */
    static List<Cell> rankedRow(List<List<Cell>> sheet, String label) {
        return sheet.stream().filter(r -> r.size() > 1 && r.get(1) != null && label.equals(r.get(1).getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no ranked row '" + label + "'"));
    }

    static boolean numeric(Cell c) {
        return c != null && c.getType() == CellType.NUMBER;
    }
}
