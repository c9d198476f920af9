package be.keten.stats.export;

import be.keten.core.person.Nationality;
import be.keten.stats.ChainStatistics;
import be.keten.core.calendar.Period;
import be.keten.stats.Unit;
import be.keten.stats.publication.DecisionRow;
import be.keten.stats.publication.DecisionRows;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * How an export is written: the five reference CSV files, one XLSX workbook with a sheet per file, or
 * Eurostat's SDMX-CSV layout of the asylum datasets (applications by citizenship and month,
 * {@code migr_asyappctzm}; first-instance decisions by citizenship and quarter, {@code migr_asydcfstq})
 * with the code lists used.
 */
public enum ExportFormat {
    CSV("csv"), XLSX("xlsx"), SDMX_CSV("sdmx-csv");

    public static final String WORKBOOK = "keten-export.xlsx";
    public static final String SDMX_APPLICATIONS = "migr_asyappctzm.csv";
    public static final String SDMX_DECISIONS = "migr_asydcfstq.csv";
    public static final String SDMX_CODELISTS = "sdmx_codelists.csv";

    /** Columns holding numbers, written as numbers in the workbook. */
    private static final Set<String> NUMERIC = Set.of("year", "month", "rank", "total", "first_excl_resettlement", "first_resettlement",
            "subsequent", "share_percent", "count", "value");

    private final String code;

    ExportFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ExportFormat ofCode(String code) {
        for (ExportFormat f : values()) {
            if (f.code.equals(code)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + code + "'; expected csv, sdmx-csv or xlsx");
    }

    /** Writes the export into a folder (created if needed); returns the files written. */
    public List<Path> write(PublicationExport export, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        switch (this) {
            case CSV -> {
                for (ExportTable t : export.tables()) {
                    Path f = dir.resolve(t.file());
                    Files.writeString(f, t.csv(), StandardCharsets.UTF_8);
                    out.add(f);
                }
            }
            case XLSX -> {
                Path f = dir.resolve(WORKBOOK);
                try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "keten", "1.0")) {
                    for (ExportTable t : export.tables()) {
                        sheet(wb.newWorksheet(t.file().replace(".csv", "")), t);
                    }
                    wb.finish();
                }
                out.add(f);
            }
            case SDMX_CSV -> {
                out.add(write(dir.resolve(SDMX_APPLICATIONS), Sdmx.applications(export)));
                out.add(write(dir.resolve(SDMX_DECISIONS), Sdmx.decisions(export)));
                out.add(write(dir.resolve(SDMX_CODELISTS), Sdmx.codelists()));
            }
        }
        return out;
    }

    private static Path write(Path f, List<List<String>> rows) throws IOException {
        StringBuilder b = new StringBuilder();
        for (List<String> r : rows) {
            b.append(String.join(",", r)).append('\n');
        }
        Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
        return f;
    }

    private static void sheet(Worksheet ws, ExportTable t) {
        for (int c = 0; c < t.header().size(); c++) {
            ws.value(0, c, t.header().get(c));
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                String v = row.get(c);
                if (v.isEmpty()) {
                    continue;
                }
                if (NUMERIC.contains(t.header().get(c)) && v.matches("-?\\d+(\\.\\d+)?")) {
                    ws.value(r + 1, c, new BigDecimal(v));
                } else {
                    ws.value(r + 1, c, v);
                }
            }
        }
    }

    /** Eurostat's SDMX-CSV layout; sex and age are totals (the statistics count by citizenship only). */
    static final class Sdmx {
        static final String GEO = "BE";

        private Sdmx() {
        }

        /** Eurostat's citizenship codes: ISO 3166 alpha-2 except Greece (EL) and the United Kingdom (UK). */
        static String citizen(Nationality n) {
            if (n.equals(Nationality.STATELESS)) {
                return "STLS";
            }
            if (n.equals(Nationality.UNKNOWN)) {
                return "UNK";
            }
            return switch (n.code()) {
                case "GR" -> "EL";
                case "GB" -> "UK";
                default -> n.code();
            };
        }

        static List<List<String>> applications(PublicationExport export) {
            ChainStatistics s = export.statistics();
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("DATAFLOW", "LAST UPDATE", "freq", "unit", "citizen", "sex", "age", "asyl_app", "geo", "TIME_PERIOD", "OBS_VALUE",
                    "OBS_FLAG"));
            for (YearMonth m = export.from(); !m.isAfter(export.to()); m = m.plusMonths(1)) {
                Map<String, long[]> byCitizen = new TreeMap<>();
                long[] total = new long[2];
                for (var col : s.applications(Period.month(m)).entrySet()) {
                    int i = col.getKey().equals("subsequent") ? 1 : 0;
                    for (var e : col.getValue().entrySet()) {
                        byCitizen.computeIfAbsent(citizen(e.getKey()), k -> new long[2])[i] += e.getValue();
                        total[i] += e.getValue();
                    }
                }
                byCitizen.put("TOTAL", total);
                for (var e : byCitizen.entrySet()) {
                    long[] v = e.getValue();
                    for (String[] app : new String[][] {{"ASY_APP", Long.toString(v[0] + v[1])}, {"NASY_APP", Long.toString(v[0])},
                            {"SASY_APP", Long.toString(v[1])}}) {
                        rows.add(List.of("ESTAT:MIGR_ASYAPPCTZM(1.0)", "", "M", "PER", e.getKey(), "T", "TOTAL", app[0], GEO, m.toString(), app[1], ""));
                    }
                }
            }
            return rows;
        }

        static List<List<String>> decisions(PublicationExport export) {
            ChainStatistics s = export.statistics();
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("DATAFLOW", "LAST UPDATE", "freq", "unit", "citizen", "sex", "age", "decision", "geo", "TIME_PERIOD", "OBS_VALUE",
                    "OBS_FLAG"));
            // Whole quarters inside the window only: a part of a quarter is not a quarterly figure.
            YearMonth q = export.from();
            while ((q.getMonthValue() - 1) % 3 != 0) {
                q = q.plusMonths(1);
            }
            for (; !q.plusMonths(2).isAfter(export.to()); q = q.plusMonths(3)) {
                Period p = new Period(q, q.plusMonths(2));
                Map<String, DecisionRows> byCitizen = new TreeMap<>();
                DecisionRows total = DecisionRows.of(new be.keten.stats.DecisionTally(), DecisionRow.RowMapping.defaults());
                for (var e : s.decisionsByNationality(p, Unit.PERSONS).entrySet()) {
                    DecisionRows r = DecisionRows.of(e.getValue(), DecisionRow.RowMapping.defaults());
                    byCitizen.merge(citizen(e.getKey()), r, DecisionRows::plus);
                    total = total.plus(r);
                }
                byCitizen.put("TOTAL", total);
                String label = q.getYear() + "-Q" + ((q.getMonthValue() - 1) / 3 + 1);
                for (var e : byCitizen.entrySet()) {
                    DecisionRows r = e.getValue();
                    long gen = r.get(DecisionRow.REFUGEE_STATUS);
                    long sub = r.get(DecisionRow.SUBSIDIARY_PROTECTION);
                    long rej = r.refusals();
                    for (String[] d : new String[][] {{"TOTAL", Long.toString(gen + sub + rej)}, {"TOTAL_POS", Long.toString(gen + sub)},
                            {"GENCONV", Long.toString(gen)}, {"SUB_PROT", Long.toString(sub)}, {"REJECTED", Long.toString(rej)}}) {
                        rows.add(List.of("ESTAT:MIGR_ASYDCFSTQ(1.0)", "", "Q", "PER", e.getKey(), "T", "TOTAL", d[0], GEO, label, d[1], ""));
                    }
                }
            }
            return rows;
        }

        static List<List<String>> codelists() {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("dimension", "code", "label"));
            rows.add(List.of("freq", "M", "monthly (applications)"));
            rows.add(List.of("freq", "Q", "quarterly (decisions)"));
            rows.add(List.of("unit", "PER", "persons"));
            rows.add(List.of("citizen", "ISO 3166-1 alpha-2", "country of citizenship; Eurostat writes Greece EL and the United Kingdom UK"));
            rows.add(List.of("citizen", "XK", "Kosovo (user-assigned code)"));
            rows.add(List.of("citizen", "STLS", "stateless"));
            rows.add(List.of("citizen", "UNK", "unknown"));
            rows.add(List.of("citizen", "TOTAL", "all citizenships"));
            rows.add(List.of("sex", "T", "total (the statistics do not break down by sex)"));
            rows.add(List.of("age", "TOTAL", "total (the statistics do not break down by age)"));
            rows.add(List.of("asyl_app", "ASY_APP", "asylum applicants: first and subsequent"));
            rows.add(List.of("asyl_app", "NASY_APP", "first-time applicants: DVZ first applications excluding and in the framework of resettlement"));
            rows.add(List.of("asyl_app", "SASY_APP", "subsequent applicants"));
            rows.add(List.of("decision", "TOTAL", "first-instance decisions: TOTAL_POS + REJECTED (interim decisions and withdrawals of status excluded)"));
            rows.add(List.of("decision", "TOTAL_POS", "positive decisions: GENCONV + SUB_PROT"));
            rows.add(List.of("decision", "GENCONV", "Geneva Convention status (CGVS refugee status)"));
            rows.add(List.of("decision", "SUB_PROT", "subsidiary protection"));
            rows.add(List.of("decision", "REJECTED", "rejected: inadmissible + manifestly unfounded + refusal (exclusion and closure in the refusal row)"));
            rows.add(List.of("geo", "BE", "Belgium"));
            rows.add(List.of("TIME_PERIOD", "YYYY-MM / YYYY-Qn", "month / quarter"));
            return rows;
        }
    }
}
