package be.keten.stats.export;

import be.keten.core.person.Nationality;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceFiles;
import be.keten.stats.ChainStatistics;
import be.keten.core.calendar.Period;
import be.keten.stats.Unit;
import be.keten.stats.publication.Applicants;
import be.keten.stats.publication.DecisionRow;
import be.keten.stats.publication.DecisionRows;
import be.keten.stats.publication.MonthlyPublication;
import be.keten.stats.publication.Ranking;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The five files of the reference folder ({@link ReferenceFiles#PUBLICATION}), computed from the chain's
 * statistics for a run of months: what the monthly publications of those months contain, with the
 * reference's exact headers and row conventions. For every month of the window: the month's rows, and
 * its year-to-date rows (period {@code YYYY-01/YYYY-MM}, row type {@code ytd_total}; for December the
 * year, {@code year_total}); months after the last one up to December are written blank, never zero.
 * Every figure comes from {@link MonthlyPublication}, so the export and the rendered publication cannot
 * disagree. Source is {@code keten export}, locator the publication month, note only on blank rows.
 */
public final class PublicationExport {
    public static final String SOURCE = "keten export";
    private static final String NOT_REACHED = "month not yet reached";

    private final ChainStatistics statistics;
    private final YearMonth from;
    private final YearMonth to;
    private final DecisionRow.RowMapping mapping;
    private final Map<YearMonth, MonthlyPublication> publications = new LinkedHashMap<>();
    private final Map<String, String> names;

    public PublicationExport(ChainStatistics statistics, YearMonth from, YearMonth to) {
        this(statistics, from, to, DecisionRow.RowMapping.defaults());
    }

    public PublicationExport(ChainStatistics statistics, YearMonth from, YearMonth to, DecisionRow.RowMapping mapping) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        this.statistics = statistics;
        this.from = from;
        this.to = to;
        this.mapping = mapping;
        this.names = CountryNames.NAMES;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            publications.put(m, MonthlyPublication.of(statistics, m, mapping));
        }
    }

    public YearMonth from() {
        return from;
    }

    public YearMonth to() {
        return to;
    }

    public ChainStatistics statistics() {
        return statistics;
    }

    public Map<YearMonth, MonthlyPublication> publications() {
        return publications;
    }

    /** The five tables, in {@link ReferenceFiles#PUBLICATION} order. */
    public List<ExportTable> tables() {
        return List.of(applicationsMonthly(), applicationsByNationality(), decisions(), decisionsByNationality(), workload());
    }

    /** The tables as the texts of the five files, by file name (what {@link ReferenceData#read(Map)} reads). */
    public Map<String, String> texts() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ExportTable t : tables()) {
            out.put(t.file(), t.csv());
        }
        return out;
    }

    private List<Integer> years() {
        List<Integer> out = new ArrayList<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            out.add(y);
        }
        return out;
    }

    /** Months of the year shown: those of the window, then blank ones after the last month. */
    private List<YearMonth> monthsShown(int year) {
        List<YearMonth> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            if (!ym.isBefore(from)) {
                out.add(ym);
            }
        }
        return out;
    }

    private static String n(long v) {
        return Long.toString(v);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "" : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).toPlainString();
    }

    private static Period cumulative(YearMonth m) {
        return Period.yearToDate(m);
    }

    private static String cumulativeType(YearMonth m) {
        return m.getMonthValue() == 12 ? "year_total" : "ytd_total";
    }

    private static String locator(YearMonth publication) {
        return "monthly publication " + publication;
    }

    // ---- applications_monthly ------------------------------------------------------------------

    ExportTable applicationsMonthly() {
        List<List<String>> rows = new ArrayList<>();
        for (int year : years()) {
            for (YearMonth m : monthsShown(year)) {
                MonthlyPublication p = publications.get(m);
                if (p == null) {
                    rows.add(List.of(m.toString(), n(year), n(m.getMonthValue()), "month", "", "", "", "", SOURCE, "", NOT_REACHED));
                } else {
                    rows.add(applicantsRow(m.toString(), year, Integer.toString(m.getMonthValue()), "month", p.applicantsMonth(), m));
                }
            }
            for (YearMonth m : monthsShown(year)) {
                MonthlyPublication p = publications.get(m);
                if (p != null && m.getMonthValue() > 1) {
                    rows.add(applicantsRow(cumulative(m).label(), year, "", cumulativeType(m), p.applicantsYearToDate(), m));
                }
            }
        }
        return new ExportTable(ReferenceFiles.APPLICATIONS_MONTHLY, List.of("period", "year", "month", "row_type", "total",
                "first_excl_resettlement", "first_resettlement", "subsequent", "source", "locator", "note"), rows);
    }

    private static List<String> applicantsRow(String period, int year, String month, String type, Applicants a, YearMonth publication) {
        return List.of(period, n(year), month, type, n(a.total()), n(a.firstExclResettlement()), n(a.firstResettlement()), n(a.subsequent()),
                SOURCE, locator(publication), "");
    }

    // ---- applications_by_nationality -----------------------------------------------------------

    ExportTable applicationsByNationality() {
        List<List<String>> rows = new ArrayList<>();
        for (var e : publications.entrySet()) {
            YearMonth m = e.getKey();
            MonthlyPublication p = e.getValue();
            applicantsTable(rows, Period.month(m).label(), p.topApplicantsMonth(), m);
            if (m.getMonthValue() > 1) {
                applicantsTable(rows, cumulative(m).label(), p.topApplicantsYearToDate(), m);
            }
        }
        return new ExportTable(ReferenceFiles.APPLICATIONS_BY_NATIONALITY, List.of("period", "nationality", "iso2", "row_type", "rank", "total",
                "first_excl_resettlement", "first_resettlement", "subsequent", "share_percent", "source", "locator", "note"), rows);
    }

    private void applicantsTable(List<List<String>> rows, String period, Ranking<Applicants> r, YearMonth publication) {
        long total = r.total().total();
        for (Ranking.Entry<Applicants> e : r.top()) {
            rows.add(nationalityRow(period, name(e.nationality()), e.nationality().code(), "country", n(e.rank()), e.value(), total, publication));
        }
        rows.add(nationalityRow(period, "Other countries", "", "other", "", r.others(), total, publication));
        rows.add(nationalityRow(period, "Total", "", "total", "", r.total(), total, publication));
    }

    private static List<String> nationalityRow(String period, String name, String iso2, String type, String rank, Applicants a, long total,
                                               YearMonth publication) {
        return List.of(period, name, iso2, type, rank, n(a.total()), n(a.firstExclResettlement()), n(a.firstResettlement()), n(a.subsequent()),
                percent(a.total(), total), SOURCE, locator(publication), "");
    }

    private String name(Nationality n) {
        return names.computeIfAbsent(n.code(), CountryNames::english);
    }

    // ---- cgvs_decisions ------------------------------------------------------------------------

    ExportTable decisions() {
        List<List<String>> rows = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (DecisionRow r : DecisionRow.values()) {
            codes.add(r.code());
        }
        codes.add(ReferenceData.TOTAL);
        for (int year : years()) {
            for (Unit unit : Unit.values()) {
                for (String code : codes) {
                    Function<DecisionRows, Long> value = code.equals(ReferenceData.TOTAL) ? DecisionRows::total
                            : rs -> rs.get(rowOf(code));
                    String stage = code.equals(ReferenceData.TOTAL) ? "all" : rowOf(code).stage();
                    for (YearMonth m : monthsShown(year)) {
                        MonthlyPublication p = publications.get(m);
                        if (p == null) {
                            rows.add(List.of(m.toString(), n(year), n(m.getMonthValue()), "month", unit.code(), code, stage, "", "", SOURCE, "",
                                    NOT_REACHED));
                        } else {
                            rows.add(List.of(m.toString(), n(year), n(m.getMonthValue()), "month", unit.code(), code, stage,
                                    n(value.apply(p.decisionsMonth().get(unit))), "", SOURCE, locator(m), ""));
                        }
                    }
                    for (YearMonth m : monthsShown(year)) {
                        MonthlyPublication p = publications.get(m);
                        if (p != null && m.getMonthValue() > 1) {
                            rows.add(List.of(cumulative(m).label(), n(year), "", cumulativeType(m), unit.code(), code, stage,
                                    n(value.apply(p.decisionsYearToDate().get(unit))), "", SOURCE, locator(m), ""));
                        }
                    }
                }
            }
        }
        return new ExportTable(ReferenceFiles.CGVS_DECISIONS, List.of("period", "year", "month", "row_type", "unit", "decision_type", "stage",
                "count", "share_percent", "source", "locator", "note"), rows);
    }

    private static DecisionRow rowOf(String code) {
        for (DecisionRow r : DecisionRow.values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("not a publication row: " + code);
    }

    // ---- cgvs_decisions_by_nationality ---------------------------------------------------------

    /** The top-10 table's columns (GUIDE §5.3), each a function of the publication rows. */
    static final Map<String, Function<DecisionRows, Long>> TOP10_COLUMNS = top10Columns();

    private static Map<String, Function<DecisionRows, Long>> top10Columns() {
        Map<String, Function<DecisionRows, Long>> m = new LinkedHashMap<>();
        m.put("refugee_status", r -> r.get(DecisionRow.REFUGEE_STATUS));
        m.put("subsidiary_protection", r -> r.get(DecisionRow.SUBSIDIARY_PROTECTION));
        m.put("withdrawal_or_revocation", r -> r.get(DecisionRow.WITHDRAWAL_OR_REVOCATION));
        m.put("negative_total", DecisionRows::refusals);
        m.put("total_final", DecisionRows::finals);
        return m;
    }

    ExportTable decisionsByNationality() {
        List<List<String>> rows = new ArrayList<>();
        for (var e : publications.entrySet()) {
            YearMonth m = e.getKey();
            Ranking<DecisionRows> r = e.getValue().topRefugee();
            String period = cumulative(m).label();
            for (Ranking.Entry<DecisionRows> c : r.top()) {
                decisionRows(rows, period, name(c.nationality()), c.nationality().code(), "country", n(c.rank()), c.value(), m);
            }
            decisionRows(rows, period, "Other countries", "", "other", "", r.others(), m);
            decisionRows(rows, period, "Total", "", "total", "", r.total(), m);
        }
        return new ExportTable(ReferenceFiles.CGVS_DECISIONS_BY_NATIONALITY, List.of("period", "nationality", "iso2", "row_type", "rank", "unit",
                "decision_type", "count", "source", "locator", "note"), rows);
    }

    private static void decisionRows(List<List<String>> rows, String period, String name, String iso2, String type, String rank, DecisionRows v,
                                     YearMonth publication) {
        for (var c : TOP10_COLUMNS.entrySet()) {
            rows.add(List.of(period, name, iso2, type, rank, Unit.PERSONS.code(), c.getKey(), n(c.getValue().apply(v)), SOURCE, locator(publication), ""));
        }
    }

    // ---- cgvs_workload -------------------------------------------------------------------------

    ExportTable workload() {
        List<List<String>> rows = new ArrayList<>();
        for (var e : publications.entrySet()) {
            MonthlyPublication p = e.getValue();
            String day = e.getKey().atEndOfMonth().toString();
            String loc = locator(e.getKey());
            rows.add(List.of(day, "workload_total", Unit.DOSSIERS.code(), n(p.workloadDossiers()), "exact", SOURCE, loc, ""));
            rows.add(List.of(day, "workload_total", Unit.PERSONS.code(), n(p.workloadPersons()), "exact", SOURCE, loc, ""));
            p.normalWorkload().ifPresent(v -> rows.add(List.of(day, "normal_workload", Unit.DOSSIERS.code(), n(v), "exact", SOURCE, loc,
                    "a parameter of the statistics not counted from events")));
            p.realBacklog().ifPresent(v -> rows.add(List.of(day, "real_backlog", Unit.DOSSIERS.code(), n(v), "exact", SOURCE, loc, "")));
        }
        return new ExportTable(ReferenceFiles.CGVS_WORKLOAD, List.of("period", "measure", "unit", "value", "qualifier", "source", "locator", "note"),
                rows);
    }

    /** English country names: those the reference folder uses, else the JDK's; never a comma (plain CSV). */
    static final class CountryNames {
        static final Map<String, String> NAMES = new java.util.concurrent.ConcurrentHashMap<>(fromReference());

        private CountryNames() {
        }

        private static Map<String, String> fromReference() {
            Map<String, String> m = new HashMap<>();
            try {
                ReferenceData d = ReferenceData.readBundled();
                d.applicationsByNationality().stream().filter(r -> !r.iso2().isEmpty()).forEach(r -> m.put(r.iso2(), r.nationality()));
                d.decisionsByNationality().stream().filter(r -> !r.iso2().isEmpty()).forEach(r -> m.put(r.iso2(), r.nationality()));
            } catch (RuntimeException e) {
                // The bundled files are checked by tests; the JDK names serve if they cannot be read.
            }
            return m;
        }

        static String english(String code) {
            if (code.equals(Nationality.STATELESS.code())) {
                return "Stateless";
            }
            if (code.equals(Nationality.UNKNOWN.code())) {
                return "Unknown";
            }
            String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            return (name.isBlank() ? code : name).replace(",", "").replace("\"", "");
        }
    }
}
