package be.keten.io.reference;

import be.keten.core.calendar.Period;

import be.keten.core.person.Nationality;
import be.keten.core.procedure.DecisionStage;
import be.keten.core.procedure.DecisionType;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The figures of the five publication files of a reference folder ({@link ReferenceFiles#PUBLICATION}),
 * as typed rows that keep their line numbers. Any subset of the five may be present; a file that is
 * present is checked whole: its header (no unknown column, none missing), its codes (row type, unit,
 * decision type, measure, qualifier, nationality), its numbers and whether each period fits its row type.
 * The first problem is thrown as a {@link ReferenceInputException} naming file, line and column.
 * Whether the figures agree with each other is {@link ReferenceConsistency}'s business.
 *
 * <p>An empty cell is a figure not printed: it is absent from a row's {@code counts}.
 */
public record ReferenceData(Set<String> files, List<Applications> applications, List<ApplicationsByNationality> applicationsByNationality,
                            List<Decisions> decisions, List<DecisionsByNationality> decisionsByNationality, List<Workload> workload) {

    /** The DVZ columns of the applications tables, then their total. */
    public static final List<String> APPLICATION_COLUMNS = List.of("first_excl_resettlement", "first_resettlement", "subsequent");
    public static final String TOTAL = "total";

    /**
     * Decision-type codes of the files that group several {@link DecisionType}s (reference README):
     * the monthly table's interim and status-ending rows, the top-10 table's refusal decisions and totals.
     */
    public static final Set<String> COMBINED_DECISION_CODES = Set.of("admissible_subsequent_or_border", "withdrawal_or_revocation",
            "negative_total", "total_final", "total");

    public static final Set<String> WORKLOAD_MEASURES = Set.of("workload_total", "normal_workload", "real_backlog", "workload_to_normal_ratio");
    public static final Set<String> QUALIFIERS = Set.of("exact", "approx", "almost", "more_than", "less_than", "up_to");

    /** A row of {@code applications_monthly.csv}: persons by DVZ column ({@link #APPLICATION_COLUMNS} and {@code total}). */
    public record Applications(int line, Period period, String rowType, Map<String, Long> counts) {
        public OptionalLong count(String column) {
            Long v = counts.get(column);
            return v == null ? OptionalLong.empty() : OptionalLong.of(v);
        }
    }

    /** A row of {@code applications_by_nationality.csv}; {@code iso2} is empty for the other and total rows. */
    public record ApplicationsByNationality(int line, Period period, String nationality, String iso2, String rowType, Integer rank,
                                            Map<String, Long> counts, BigDecimal sharePercent) {
        public OptionalLong count(String column) {
            Long v = counts.get(column);
            return v == null ? OptionalLong.empty() : OptionalLong.of(v);
        }
    }

    /** A row of {@code cgvs_decisions.csv}. */
    public record Decisions(int line, Period period, String rowType, String unit, String decisionType, String stage, Long count,
                            BigDecimal sharePercent) {
    }

    /** A row of {@code cgvs_decisions_by_nationality.csv}. */
    public record DecisionsByNationality(int line, Period period, String nationality, String iso2, String rowType, Integer rank,
                                         String unit, String decisionType, Long count) {
    }

    /** A row of {@code cgvs_workload.csv}: a stock at the end of a day. */
    public record Workload(int line, LocalDate date, String measure, String unit, BigDecimal value, String qualifier) {
    }

    public ReferenceData {
        files = Collections.unmodifiableSet(new TreeSet<>(files));
        applications = List.copyOf(applications);
        applicationsByNationality = List.copyOf(applicationsByNationality);
        decisions = List.copyOf(decisions);
        decisionsByNationality = List.copyOf(decisionsByNationality);
        workload = List.copyOf(workload);
    }

    public boolean has(String file) {
        return files.contains(file);
    }

    /** The stage a decision-type code belongs to, as the files write it: interim, final or all. */
    public static String stageOf(String code) {
        if (code.equals("total")) {
            return "all";
        }
        if (code.equals("admissible_subsequent_or_border")) {
            return "interim";
        }
        if (COMBINED_DECISION_CODES.contains(code)) {
            return "final";
        }
        return DecisionType.ofCode(code).stage() == DecisionStage.INTERIM ? "interim" : "final";
    }

    public static boolean isDecisionCode(String code) {
        if (COMBINED_DECISION_CODES.contains(code)) {
            return true;
        }
        try {
            DecisionType.ofCode(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The same folder with every absolute figure multiplied by {@code k}: applicants, decisions (persons
     * and dossiers) and workload stocks; shares, ratios, qualifiers and line numbers stay, so the scaled
     * figures agree with each other exactly as the printed ones do.
     */
    public ReferenceData scaled(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("scale " + k + " is not a whole number of at least 1");
        }
        if (k == 1) {
            return this;
        }
        return new ReferenceData(files,
                applications.stream().map(r -> new Applications(r.line(), r.period(), r.rowType(), times(r.counts(), k))).toList(),
                applicationsByNationality.stream().map(r -> new ApplicationsByNationality(r.line(), r.period(), r.nationality(), r.iso2(),
                        r.rowType(), r.rank(), times(r.counts(), k), r.sharePercent())).toList(),
                decisions.stream().map(r -> new Decisions(r.line(), r.period(), r.rowType(), r.unit(), r.decisionType(), r.stage(),
                        r.count() == null ? null : r.count() * k, r.sharePercent())).toList(),
                decisionsByNationality.stream().map(r -> new DecisionsByNationality(r.line(), r.period(), r.nationality(), r.iso2(),
                        r.rowType(), r.rank(), r.unit(), r.decisionType(), r.count() == null ? null : r.count() * k)).toList(),
                workload.stream().map(r -> r.measure().equals("workload_to_normal_ratio") ? r : new Workload(r.line(), r.date(), r.measure(),
                        r.unit(), r.value().multiply(BigDecimal.valueOf(k)), r.qualifier())).toList());
    }

    private static Map<String, Long> times(Map<String, Long> counts, int k) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((c, v) -> out.put(c, v * k));
        return Collections.unmodifiableMap(out);
    }

    // ---- reading ----------------------------------------------------------------------------

    /** Reads the publication files present in a folder; at least one must be. */
    public static ReferenceData read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ReferenceInputException(dir.toString(), 0, null, "not a folder");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : ReferenceFiles.PUBLICATION) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                texts.put(name, Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        if (texts.isEmpty()) {
            throw new ReferenceInputException(dir.toString(), 0, null, "no publication file found; expected any of "
                    + String.join(", ", ReferenceFiles.PUBLICATION));
        }
        return read(texts);
    }

    /** The five files shipped with keten-io. */
    public static ReferenceData readBundled() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : ReferenceFiles.PUBLICATION) {
            try (Reader in = ReferenceFiles.reader(name)) {
                StringBuilder b = new StringBuilder();
                char[] buf = new char[8192];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    b.append(buf, 0, n);
                }
                texts.put(name, b.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read(texts);
    }

    /** Reads files given as texts by name; names other than the five publication files are an error. */
    public static ReferenceData read(Map<String, String> texts) {
        List<Applications> apps = new ArrayList<>();
        List<ApplicationsByNationality> appsNat = new ArrayList<>();
        List<Decisions> decs = new ArrayList<>();
        List<DecisionsByNationality> decsNat = new ArrayList<>();
        List<Workload> work = new ArrayList<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String name = e.getKey();
            FileReader r = new FileReader(name, e.getValue());
            switch (name) {
                case ReferenceFiles.APPLICATIONS_MONTHLY -> r.applications(apps);
                case ReferenceFiles.APPLICATIONS_BY_NATIONALITY -> r.applicationsByNationality(appsNat);
                case ReferenceFiles.CGVS_DECISIONS -> r.decisions(decs);
                case ReferenceFiles.CGVS_DECISIONS_BY_NATIONALITY -> r.decisionsByNationality(decsNat);
                case ReferenceFiles.CGVS_WORKLOAD -> r.workload(work);
                default -> throw new ReferenceInputException(name, 0, null, "not a publication file; expected one of "
                        + String.join(", ", ReferenceFiles.PUBLICATION));
            }
        }
        return new ReferenceData(texts.keySet(), apps, appsNat, decs, decsNat, work);
    }

    /** Reads one file: header check, then row by row. */
    private static final class FileReader {
        private static final Set<String> TEXT_COLUMNS = Set.of("source", "locator", "note");

        private final String file;
        private final Map<String, Integer> positions = new HashMap<>();
        private final CsvRows csv;
        private final Map<String, Integer> seen = new HashMap<>();

        FileReader(String file, String text) {
            this.file = file;
            try {
                this.csv = CsvRows.read(new StringReader(text), file, (location, field, problem) -> {
                    Integer pos = positions.get(field);
                    return ReferenceInputException.at(location, field, pos == null ? 0 : pos, problem);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < csv.header().size(); i++) {
                positions.put(csv.header().get(i), i + 1);
            }
        }

        private ReferenceInputException error(CsvRows.Row row, String column, String problem) {
            return (ReferenceInputException) csv.error(row, column, problem);
        }

        private void header(List<String> required, List<String> optional) {
            for (String h : csv.header()) {
                if (!required.contains(h) && !optional.contains(h) && !TEXT_COLUMNS.contains(h)) {
                    List<String> all = new ArrayList<>(required);
                    all.addAll(optional);
                    all.addAll(TEXT_COLUMNS);
                    throw new ReferenceInputException(file, 1, h, positions.get(h), "unknown column; expected " + String.join(",", all));
                }
            }
            for (String r : required) {
                if (!csv.has(r)) {
                    throw new ReferenceInputException(file, 1, r, "column missing; expected at least " + String.join(",", required));
                }
            }
        }

        private Period period(CsvRows.Row row) {
            try {
                return Period.parse(row.get("period"));
            } catch (IllegalArgumentException e) {
                throw error(row, "period", e.getMessage());
            }
        }

        private Long count(CsvRows.Row row, String column) {
            String v = row.get(column);
            if (v.isEmpty()) {
                return null;
            }
            if (!v.matches("\\d+")) {
                throw error(row, column, "'" + v + "' is not a whole number of persons or dossiers (digits only, no separators)");
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw error(row, column, "'" + v + "' is too large");
            }
        }

        private BigDecimal percent(CsvRows.Row row, String column) {
            if (!csv.has(column) || row.get(column).isEmpty()) {
                return null;
            }
            BigDecimal p = csv.decimal(row, column);
            if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw error(row, column, p + " is not a percentage between 0 and 100");
            }
            return p;
        }

        private Integer rank(CsvRows.Row row) {
            if (!csv.has("rank") || row.get("rank").isEmpty()) {
                return null;
            }
            String v = row.get("rank");
            if (!v.matches("[1-9]\\d{0,3}")) {
                throw error(row, "rank", "'" + v + "' is not a rank (a whole number from 1)");
            }
            return Integer.parseInt(v);
        }

        private String code(CsvRows.Row row, String column, Set<String> allowed) {
            String v = row.get(column);
            if (!allowed.contains(v)) {
                throw error(row, column, "unknown code '" + v + "'; expected one of " + String.join(", ", new TreeSet<>(allowed)));
            }
            return v;
        }

        private String decisionCode(CsvRows.Row row) {
            String v = row.get("decision_type");
            if (!isDecisionCode(v)) {
                Set<String> all = new TreeSet<>(COMBINED_DECISION_CODES);
                for (DecisionType t : DecisionType.values()) {
                    all.add(t.code());
                }
                throw error(row, "decision_type", "unknown decision type '" + v + "'; expected one of " + String.join(", ", all));
            }
            if (csv.has("stage") && !row.get("stage").isEmpty() && !row.get("stage").equals(stageOf(v))) {
                throw error(row, "stage", "'" + row.get("stage") + "' does not fit decision type " + v + ", which is " + stageOf(v));
            }
            return v;
        }

        /** year and month columns, when present, must repeat the period. */
        private void yearMonth(CsvRows.Row row, Period p, String rowType) {
            if (csv.has("year") && !row.get("year").isEmpty()) {
                String want = p.from().getYear() == p.to().getYear() ? Integer.toString(p.from().getYear()) : null;
                if (!row.get("year").equals(want)) {
                    throw error(row, "year", "'" + row.get("year") + "' does not match period " + p.label()
                            + (want == null ? " (which spans several years: leave year empty)" : " (expected " + want + ")"));
                }
            }
            if (csv.has("month")) {
                String want = rowType.equals("month") ? Integer.toString(p.from().getMonthValue()) : "";
                if (!row.get("month").equals(want)) {
                    throw error(row, "month", "'" + row.get("month") + "' does not match a " + rowType + " row of period " + p.label()
                            + (want.isEmpty() ? " (expected empty)" : " (expected " + want + ")"));
                }
            }
        }

        /** Row types of the tables by period and what period each needs. */
        private void periodFits(CsvRows.Row row, Period p, String rowType) {
            boolean ok = switch (rowType) {
                case "month" -> p.isMonth();
                case "ytd_total" -> p.isYearToDate();
                case "year_total", "month_unknown" -> p.isCalendarYear();
                default -> true;
            };
            if (!ok) {
                String want = switch (rowType) {
                    case "month" -> "a month (YYYY-MM)";
                    case "ytd_total" -> "January to a month before December of one year (YYYY-01/YYYY-MM)";
                    default -> "a calendar year (YYYY)";
                };
                throw error(row, "period", "'" + row.get("period") + "' does not fit row type " + rowType + ", which needs " + want);
            }
        }

        private void unique(CsvRows.Row row, String key, String column) {
            Integer earlier = seen.putIfAbsent(key, row.line());
            if (earlier != null) {
                throw error(row, column, "the same figure is given again (first on line " + earlier + ")");
            }
        }

        private String country(CsvRows.Row row, String rowType) {
            String iso2 = row.get("iso2");
            if (rowType.equals("country")) {
                try {
                    Nationality.of(iso2);
                } catch (IllegalArgumentException e) {
                    throw error(row, "iso2", e.getMessage());
                }
                if (row.get("nationality").isEmpty()) {
                    throw error(row, "nationality", "is empty for a country row");
                }
            } else if (!iso2.isEmpty()) {
                throw error(row, "iso2", "must be empty on an '" + rowType + "' row (was '" + iso2 + "')");
            }
            return iso2;
        }

        void applications(List<Applications> out) {
            List<String> required = new ArrayList<>(List.of("period", "row_type", TOTAL));
            required.addAll(APPLICATION_COLUMNS);
            header(required, List.of("year", "month"));
            for (CsvRows.Row row : csv.rows()) {
                String type = code(row, "row_type", Set.of("month", "month_unknown", "ytd_total", "year_total", "period_total"));
                Period p = period(row);
                periodFits(row, p, type);
                yearMonth(row, p, type.equals("month_unknown") ? "year_total" : type);
                if (!type.equals("month_unknown")) {
                    unique(row, p.label() + "|" + type, "period");
                }
                Map<String, Long> counts = new LinkedHashMap<>();
                for (String c : List.of(TOTAL, APPLICATION_COLUMNS.get(0), APPLICATION_COLUMNS.get(1), APPLICATION_COLUMNS.get(2))) {
                    Long v = count(row, c);
                    if (v != null) {
                        counts.put(c, v);
                    }
                }
                out.add(new Applications(row.line(), p, type, Collections.unmodifiableMap(counts)));
            }
        }

        void applicationsByNationality(List<ApplicationsByNationality> out) {
            List<String> required = new ArrayList<>(List.of("period", "nationality", "iso2", "row_type", TOTAL));
            required.addAll(APPLICATION_COLUMNS);
            header(required, List.of("rank", "share_percent"));
            for (CsvRows.Row row : csv.rows()) {
                String type = code(row, "row_type", Set.of("country", "other", TOTAL));
                Period p = period(row);
                String iso2 = country(row, type);
                Integer rank = rank(row);
                if (rank != null && !type.equals("country")) {
                    throw error(row, "rank", "only country rows are ranked");
                }
                unique(row, p.label() + "|" + type + "|" + iso2, type.equals("country") ? "iso2" : "row_type");
                Map<String, Long> counts = new LinkedHashMap<>();
                for (String c : List.of(TOTAL, APPLICATION_COLUMNS.get(0), APPLICATION_COLUMNS.get(1), APPLICATION_COLUMNS.get(2))) {
                    Long v = count(row, c);
                    if (v != null) {
                        counts.put(c, v);
                    }
                }
                out.add(new ApplicationsByNationality(row.line(), p, row.get("nationality"), iso2, type, rank,
                        Collections.unmodifiableMap(counts), percent(row, "share_percent")));
            }
        }

        void decisions(List<Decisions> out) {
            header(List.of("period", "row_type", "unit", "decision_type", "count"), List.of("year", "month", "stage", "share_percent"));
            for (CsvRows.Row row : csv.rows()) {
                String type = code(row, "row_type", Set.of("month", "ytd_total", "year_total", "period_total"));
                Period p = period(row);
                periodFits(row, p, type);
                yearMonth(row, p, type);
                String unit = code(row, "unit", Set.of("persons", "dossiers"));
                String decision = decisionCode(row);
                unique(row, p.label() + "|" + type + "|" + unit + "|" + decision, "decision_type");
                out.add(new Decisions(row.line(), p, type, unit, decision, stageOf(decision), count(row, "count"), percent(row, "share_percent")));
            }
        }

        void decisionsByNationality(List<DecisionsByNationality> out) {
            header(List.of("period", "nationality", "iso2", "row_type", "unit", "decision_type", "count"), List.of("rank"));
            for (CsvRows.Row row : csv.rows()) {
                String type = code(row, "row_type", Set.of("country", "other", TOTAL));
                Period p = period(row);
                String iso2 = country(row, type);
                Integer rank = rank(row);
                if (rank != null && !type.equals("country")) {
                    throw error(row, "rank", "only country rows are ranked");
                }
                String unit = code(row, "unit", Set.of("persons", "dossiers"));
                String decision = decisionCode(row);
                unique(row, p.label() + "|" + type + "|" + iso2 + "|" + unit + "|" + decision, "decision_type");
                out.add(new DecisionsByNationality(row.line(), p, row.get("nationality"), iso2, type, rank, unit, decision, count(row, "count")));
            }
        }

        void workload(List<Workload> out) {
            header(List.of("period", "measure", "unit", "value"), List.of("qualifier"));
            for (CsvRows.Row row : csv.rows()) {
                LocalDate date;
                try {
                    date = LocalDate.parse(row.get("period"));
                } catch (DateTimeParseException e) {
                    throw error(row, "period", "'" + row.get("period") + "' is not a day (YYYY-MM-DD): a workload is a stock at the end of a day");
                }
                String measure = code(row, "measure", WORKLOAD_MEASURES);
                String unit = row.get("unit");
                if (measure.equals("workload_to_normal_ratio")) {
                    if (!unit.isEmpty() && !unit.equals("ratio")) {
                        throw error(row, "unit", "a ratio has unit 'ratio' or none (was '" + unit + "')");
                    }
                } else {
                    unit = code(row, "unit", Set.of("persons", "dossiers"));
                }
                BigDecimal value = csv.decimal(row, "value");
                if (!measure.equals("workload_to_normal_ratio") && (value.stripTrailingZeros().scale() > 0
                        || (value.signum() < 0 && !measure.equals("real_backlog")))) {
                    throw error(row, "value", "'" + row.get("value") + "' is not a whole number of " + unit);
                }
                String q = csv.has("qualifier") && !row.get("qualifier").isEmpty() ? code(row, "qualifier", QUALIFIERS) : "exact";
                unique(row, date + "|" + measure + "|" + unit, "measure");
                out.add(new Workload(row.line(), date, measure, unit, value, q));
            }
        }
    }

    /** Every period named in the folder, ordered; for reports. */
    public Set<Period> periods() {
        Set<Period> out = new LinkedHashSet<>();
        applications.forEach(r -> out.add(r.period()));
        applicationsByNationality.forEach(r -> out.add(r.period()));
        decisions.forEach(r -> out.add(r.period()));
        decisionsByNationality.forEach(r -> out.add(r.period()));
        workload.forEach(r -> out.add(new Period(YearMonth.from(r.date()), YearMonth.from(r.date()))));
        return new TreeSet<>(out);
    }
}
