package be.keten.sim;

import be.keten.core.calendar.Period;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes {@code series.csv}, {@code summary.csv} and a self-contained {@code report.html} (inline SVG, no script). */
public final class SimulationOutput {
    /** The series charted in the report. */
    static final List<String> CHARTED = List.of("applications|persons", "cgvs_decisions|dossiers", "cgvs_workload|dossiers",
            "protection_rate|dossiers", "rvv_pending|dossiers", "reception_occupancy|persons", "reception_capacity|places",
            "waiting_list|persons", "required_capacity|places");

    private SimulationOutput() {
    }

    public static void write(Path dir, Scenario sc, List<Outcome> runs, String mode) throws IOException {
        Files.createDirectories(dir);
        List<Indicator> all = Indicator.all();
        List<Period> months = Outcome.months(sc);
        List<Period> years = Outcome.years(sc);
        try (Writer w = Files.newBufferedWriter(dir.resolve("series.csv"), StandardCharsets.UTF_8)) {
            w.write("month,indicator,unit,mean,p5,p50,p95\n");
            for (int j = 0; j < months.size(); j++) {
                for (int i = 0; i < all.size(); i++) {
                    row(w, months.get(j).label(), all.get(i), Bands.of(runs, false, i, j));
                }
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("summary.csv"), StandardCharsets.UTF_8)) {
            w.write("year,indicator,unit,mean,p5,p50,p95\n");
            for (int j = 0; j < years.size(); j++) {
                for (int i = 0; i < all.size(); i++) {
                    row(w, Integer.toString(years.get(j).from().getYear()), all.get(i), Bands.of(runs, true, i, j));
                }
            }
        }
        Files.writeString(dir.resolve("report.html"), html(sc, runs, mode), StandardCharsets.UTF_8);
    }

    private static void row(Writer w, String period, Indicator ind, Bands b) throws IOException {
        w.write(period + "," + ind.code() + "," + ind.unit() + "," + num(b.mean()) + "," + num(b.p5()) + "," + num(b.p50()) + "," + num(b.p95()) + "\n");
    }

    /** Up to 4 decimals, no trailing zeros; empty when undefined. */
    static String num(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        String s = String.format(Locale.ROOT, "%.4f", d);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    private static String html(Scenario sc, List<Outcome> runs, String mode) {
        List<Indicator> all = Indicator.all();
        var index = Indicator.index(all);
        List<Period> months = Outcome.months(sc);
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Keten simulation: ").append(esc(sc.name()))
                .append("</title><style>body{font-family:sans-serif;margin:2em;max-width:1100px}figure{display:inline-block;margin:1em}"
                        + "figcaption{font-weight:bold}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}</style>"
                        + "</head><body>");
        h.append("<h1>Simulation: ").append(esc(sc.name())).append("</h1><p>").append(esc(mode)).append("; ").append(runs.size())
                .append(" replication(s); ").append(sc.firstMonth()).append(" to ").append(sc.lastMonth())
                .append(". Lines: mean; bands: 5th to 95th percentile across replications.</p>");
        for (String key : CHARTED) {
            int i = index.get(key);
            Indicator ind = all.get(i);
            double[][] b = new double[months.size()][];
            for (int j = 0; j < months.size(); j++) {
                Bands x = Bands.of(runs, false, i, j);
                b[j] = new double[] {x.mean(), x.p5(), x.p95()};
            }
            h.append("<figure><figcaption>").append(ind.code()).append(" (").append(ind.unit()).append(")</figcaption>")
                    .append(svg(b, months)).append("</figure>");
        }
        h.append("<h2>Summary by year (mean)</h2><table><tr><th>indicator</th><th>unit</th>");
        List<Period> years = Outcome.years(sc);
        years.forEach(y -> h.append("<th>").append(y.from().getYear()).append("</th>"));
        h.append("</tr>");
        for (int i = 0; i < all.size(); i++) {
            h.append("<tr><td style=\"text-align:left\">").append(all.get(i).code()).append("</td><td>").append(all.get(i).unit()).append("</td>");
            for (int j = 0; j < years.size(); j++) {
                h.append("<td>").append(num(Bands.of(runs, true, i, j).mean())).append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</table></body></html>\n").toString();
    }

    private static String svg(double[][] b, List<Period> months) {
        int w = 480;
        int ht = 220;
        int l = 60;
        int r = 10;
        int t = 10;
        int bot = 30;
        double max = 0;
        double min = 0;
        for (double[] x : b) {
            for (double v : x) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        if (max == min) {
            max = min + 1;
        }
        int n = b.length;
        StringBuilder band = new StringBuilder();
        StringBuilder line = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        for (int j = 0; j < n; j++) {
            double x = l + (n == 1 ? 0 : j * (w - l - r) / (double) (n - 1));
            if (Double.isNaN(b[j][0])) {
                continue;
            }
            band.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(b[j][2], min, max, t, ht - bot)));
            lower.insert(0, String.format(Locale.ROOT, "%.1f,%.1f ", x, y(b[j][1], min, max, t, ht - bot)));
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(b[j][0], min, max, t, ht - bot)));
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(ht).append("\">");
        s.append("<line x1=\"").append(l).append("\" y1=\"").append(ht - bot).append("\" x2=\"").append(w - r).append("\" y2=\"").append(ht - bot)
                .append("\" stroke=\"#888\"/>");
        s.append("<line x1=\"").append(l).append("\" y1=\"").append(t).append("\" x2=\"").append(l).append("\" y2=\"").append(ht - bot)
                .append("\" stroke=\"#888\"/>");
        s.append("<text x=\"").append(l - 4).append("\" y=\"").append(t + 10).append("\" font-size=\"10\" text-anchor=\"end\">").append(num(round(max)))
                .append("</text>");
        s.append("<text x=\"").append(l - 4).append("\" y=\"").append(ht - bot).append("\" font-size=\"10\" text-anchor=\"end\">").append(num(round(min)))
                .append("</text>");
        s.append("<text x=\"").append(l).append("\" y=\"").append(ht - 10).append("\" font-size=\"10\">").append(months.get(0).label()).append("</text>");
        s.append("<text x=\"").append(w - r).append("\" y=\"").append(ht - 10).append("\" font-size=\"10\" text-anchor=\"end\">")
                .append(months.get(n - 1).label()).append("</text>");
        s.append("<polygon points=\"").append(band).append(lower).append("\" fill=\"#9ecae1\" fill-opacity=\"0.6\" stroke=\"none\"/>");
        s.append("<polyline points=\"").append(line).append("\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"1.5\"/>");
        return s.append("</svg>").toString();
    }

    private static double round(double v) {
        return Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 1000) / 1000.0;
    }

    private static double y(double v, double min, double max, int top, int bottom) {
        return bottom - (v - min) / (max - min) * (bottom - top);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
