package be.keten.server.web;

import be.keten.stats.report.Document.Block;
import be.keten.stats.report.Document.Cell;
import be.keten.stats.report.Document.CellType;
import be.keten.stats.report.Document.Row;
import be.keten.stats.report.Document.RowKind;
import be.keten.stats.report.Document.Table;
import be.keten.stats.report.Document.TableStyle;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A Chart.js chart for a table of a report, drawn in the browser from the table's own figures (so
 * chart and table cannot disagree): month-by-month tables (months across) as stacked bars per row,
 * other tables as bars per row with a bar per column of counts (or of percentages when the table
 * has no counts). Totals are left out of the chart. The templates call {@code @tableCharts.json(b)}.
 */
@Component("tableCharts")
public class TableCharts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LABEL_MAX = 48;

    /** The chart's specification as JSON for a {@code data-chart} attribute; null when the table has nothing to chart. */
    public String json(Block block) {
        if (!(block instanceof Table t)) {
            return null;
        }
        Map<String, Object> spec = spec(t);
        if (spec == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> spec(Table t) {
        List<Row> body = t.rows().stream().filter(r -> r.kind() == RowKind.BODY || r.kind() == RowKind.OTHERS).toList();
        if (body.isEmpty()) {
            return null;
        }
        int labelColumn = -1;
        for (int i = 0; i < t.columns().size(); i++) {
            if (!t.columns().get(i).numeric()) {
                labelColumn = i;
            }
        }
        if (labelColumn < 0) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        List<Map<String, Object>> datasets = new ArrayList<>();
        boolean percent = false;
        boolean stacked = false;
        if (t.style() == TableStyle.WIDE) {
            // Months across, a row per decision type; the last column is the year's total.
            int last = t.columns().size() - 1;
            for (int c = labelColumn + 1; c < last; c++) {
                labels.add(t.columns().get(c).label());
            }
            for (Row r : body) {
                List<Number> data = new ArrayList<>();
                for (int c = labelColumn + 1; c < last; c++) {
                    data.add(value(r.cells().get(c)));
                }
                datasets.add(dataset(r.cells().get(labelColumn).text(), data));
            }
            stacked = true;
        } else {
            List<Integer> columns = columnsOf(t, body, CellType.COUNT);
            if (columns.isEmpty()) {
                columns = columnsOf(t, body, CellType.PERCENT);
                percent = true;
            }
            if (columns.isEmpty()) {
                return null;
            }
            for (Row r : body) {
                labels.add(shorten(r.cells().get(labelColumn).text()));
            }
            for (int c : columns) {
                List<Number> data = new ArrayList<>();
                for (Row r : body) {
                    Number v = value(r.cells().get(c));
                    data.add(v == null ? null : percent ? v.doubleValue() * 100 : v);
                }
                datasets.add(dataset(t.columns().get(c).label(), data));
            }
        }
        boolean any = datasets.stream().anyMatch(d -> ((List<?>) d.get("data")).stream().anyMatch(v -> v != null));
        if (labels.size() < 2 || !any) {
            return null;
        }
        boolean horizontal = t.style() != TableStyle.WIDE && labels.stream().anyMatch(l -> l.length() > 14);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "bar");
        spec.put("labels", labels);
        spec.put("datasets", datasets);
        spec.put("stacked", stacked);
        spec.put("percent", percent);
        spec.put("horizontal", horizontal);
        return spec;
    }

    private static List<Integer> columnsOf(Table t, List<Row> body, CellType type) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            if (!t.columns().get(c).numeric()) {
                continue;
            }
            final int col = c;
            if (body.stream().anyMatch(r -> r.cells().get(col).type() == type)) {
                out.add(c);
            }
        }
        return out;
    }

    private static Map<String, Object> dataset(String label, List<Number> data) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("label", shorten(label));
        d.put("data", data);
        return d;
    }

    private static Number value(Cell c) {
        return c.type() == CellType.COUNT || c.type() == CellType.PERCENT || c.type() == CellType.DECIMAL ? c.value() : null;
    }

    static String shorten(String s) {
        return s.length() <= LABEL_MAX ? s : s.substring(0, LABEL_MAX - 1).strip() + "…";
    }
}
