package be.keten.app.resettlement;

import be.keten.core.resettlement.ProgrammeSummary;
import be.keten.core.resettlement.SelectionMission;
import java.util.List;
import java.util.Locale;

/** A self-contained HTML page: the table and an inline SVG bar chart; no script, no external resources. */
final class ResettlementHtml {
    private ResettlementHtml() {
    }

    private static final String PLEDGED = "#4a6fa5";
    private static final String REALISED = "#e07b39";
    private static final String REGISTERED = "#5b9a5b";

    static String page(ProgrammeSummary s, List<ProgrammeSummary.Line> undated, int from, int to, String source,
                       boolean registered, List<SelectionMission> missions) {
        String years = from == to ? Integer.toString(from) : from + "-" + to;
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Resettlement: pledged vs realised, ").append(years).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:70em}")
                .append("table{border-collapse:collapse}td,th{padding:.2em .8em;border-bottom:1px solid #ccc}")
                .append("td.n{text-align:right}caption{text-align:left;font-weight:bold}</style>\n</head>\n<body>\n")
                .append("<h1>Resettlement and other legal pathways: pledged vs realised, ").append(years).append("</h1>\n")
                .append("<p>Source: ").append(esc(source))
                .append(". Periods are shown as published; programmes are not added up.</p>\n");
        if (s.lines().isEmpty()) {
            b.append("<p>No published figures for these years.</p>\n");
        } else {
            b.append(chart(s, registered));
            b.append("<table>\n<caption>Figures</caption>\n<tr>");
            String[] head = registered ? new String[] {"period", "programme", "pledged", "realised", "realised %", "registered"}
                    : new String[] {"period", "programme", "pledged", "realised", "realised %"};
            for (String h : head) {
                b.append("<th>").append(h).append("</th>");
            }
            b.append("</tr>\n");
            for (ProgrammeSummary.Line l : s.lines()) {
                String[] cells = ResettlementReportCommand.cells(l, registered);
                b.append("<tr>");
                for (int i = 0; i < cells.length; i++) {
                    b.append(i < 2 ? "<td>" : "<td class=\"n\">").append(esc(cells[i])).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</table>\n");
            for (ProgrammeSummary.Line l : s.lines()) {
                if (!l.pledgeSplit().isEmpty()) {
                    b.append("<p>").append(esc(ResettlementReportCommand.splitNote(l))).append("</p>\n");
                }
            }
        }
        if (!undated.isEmpty()) {
            b.append("<p>Not placed in any year (the source gives no period):</p>\n<ul>\n");
            for (ProgrammeSummary.Line l : undated) {
                b.append("<li>").append(esc(l.programme().label()
                        + l.pledged().map(f -> ", pledged " + f.display()).orElse("")
                        + l.realised().map(f -> ", realised " + f.display()).orElse(""))).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        if (missions.isEmpty()) {
            b.append("<p>Selection missions: none in the data for these years.</p>\n");
        } else {
            b.append("<table>\n<caption>Selection missions (CGVS interviews in the first country of asylum)</caption>\n<tr>");
            for (String h : new String[] {"period", "host country", "interviewed", "accepted", "accepted %"}) {
                b.append("<th>").append(h).append("</th>");
            }
            b.append("</tr>\n");
            for (SelectionMission m : missions) {
                String[] cells = ResettlementReportCommand.missionCells(m);
                b.append("<tr>");
                for (int i = 0; i < cells.length; i++) {
                    b.append(i < 2 ? "<td>" : "<td class=\"n\">").append(esc(cells[i])).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /** Grouped bars, one group per line of the summary; a missing figure has no bar and reads "n/a". */
    static String chart(ProgrammeSummary s, boolean registered) {
        List<ProgrammeSummary.Line> lines = s.lines();
        int bars = registered ? 3 : 2;
        int barW = 22;
        int groupW = bars * barW + 56;
        int left = 60;
        int top = 40;
        int plotH = 260;
        int width = left + groupW * lines.size() + 20;
        int height = top + plotH + 60;
        long max = 1;
        for (ProgrammeSummary.Line l : lines) {
            max = Math.max(max, l.pledged().map(ProgrammeSummary.Figure::value).orElse(0L));
            max = Math.max(max, l.realised().map(ProgrammeSummary.Figure::value).orElse(0L));
            max = Math.max(max, l.registered().orElse(0L));
        }
        long scaleMax = niceCeiling(max);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Pledged versus realised per period and programme\""
                + " font-family=\"sans-serif\" font-size=\"11\">\n", width, height, width, height));
        // Legend
        String[][] legend = registered
                ? new String[][] {{PLEDGED, "pledged"}, {REALISED, "realised (published)"}, {REGISTERED, "registered"}}
                : new String[][] {{PLEDGED, "pledged"}, {REALISED, "realised (published)"}};
        int lx = left;
        for (String[] item : legend) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"20\">%s</text>\n", lx, item[0], lx + 16, esc(item[1])));
            lx += 16 + 8 * item[1].length() + 20;
        }
        // Axis and gridlines at quarters of the scale
        for (int i = 0; i <= 4; i++) {
            long v = scaleMax * i / 4;
            int y = top + plotH - plotH * i / 4;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                    left, y, width - 10, y, left - 6, y + 4, Numbers.persons(v)));
        }
        for (int g = 0; g < lines.size(); g++) {
            ProgrammeSummary.Line l = lines.get(g);
            int gx = left + g * groupW + (groupW - bars * barW) / 2;
            bar(b, gx, barW, top, plotH, scaleMax, PLEDGED, "pledged",
                    l.pledged().map(ProgrammeSummary.Figure::value).orElse(null),
                    l.pledged().map(ProgrammeSummary.Figure::display).orElse("n/a"), l);
            bar(b, gx + barW, barW, top, plotH, scaleMax, REALISED, "realised",
                    l.realised().map(ProgrammeSummary.Figure::value).orElse(null),
                    l.realised().map(ProgrammeSummary.Figure::display).orElse("n/a"), l);
            if (registered) {
                Long reg = l.registered().isPresent() ? l.registered().getAsLong() : null;
                bar(b, gx + 2 * barW, barW, top, plotH, scaleMax, REGISTERED, "registered", reg,
                        reg == null ? "n/a" : Numbers.persons(reg), l);
            }
            int cx = gx + bars * barW / 2;
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                    cx, top + plotH + 16, esc(l.period().label())));
            // One word per line keeps long programme names inside their group.
            String[] words = l.programme().label().split(" ");
            for (int i = 0; i < words.length; i++) {
                b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n",
                        cx, top + plotH + 30 + 12 * i, esc(words[i])));
            }
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n",
                left, top + plotH, width - 10, top + plotH));
        return b.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder b, int x, int w, int top, int plotH, long scaleMax, String colour,
                            String what, Long value, String label, ProgrammeSummary.Line l) {
        int h = value == null ? 0 : (int) Math.round((double) plotH * value / scaleMax);
        int y = top + plotH - h;
        String title = l.period().label() + " " + l.programme().label() + ", " + what + ": " + label;
        if (value != null) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                    + "<title>%s</title></rect>\n", x + 1, y, w - 2, h, colour, esc(title)));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"9\">%s</text>\n",
                x + w / 2, y - 3, esc(label)));
    }

    /** 1, 2 or 5 times a power of ten at or above {@code v}, so gridlines fall on round numbers. */
    static long niceCeiling(long v) {
        long p = 1;
        while (p * 10 <= v) {
            p *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
