package be.keten.stats.publication;

import be.keten.core.person.Nationality;
import be.keten.stats.ChainStatistics;
import be.keten.stats.DecisionTally;
import be.keten.core.calendar.Period;
import be.keten.stats.Unit;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The content of the CGVS monthly asylum statistics (GUIDE §5.5) for one month, computed from
 * {@link ChainStatistics}: the figures every renderer (CSV export, HTML, PDF, XLSX, JSON) shows.
 * Months after the reported one are absent (blank in the tables, never zero).
 *
 * @param hasData              false when no event of the chain falls in the reported month
 * @param previousYear         applicants per month of the previous year, January to December
 * @param currentYear          applicants per month of the current year, January to the reported month
 * @param decisionsByMonth     per unit, decisions per month of the current year to the reported month
 * @param topRefugee           top 10 nationalities by refugee recognitions, year to date, persons
 * @param protectionRateMonth  official protection rate of the month (dossiers), NaN if nothing was decided
 */
public record MonthlyPublication(
        YearMonth month, boolean hasData,
        Applicants applicantsMonth, Applicants applicantsYearToDate,
        Map<YearMonth, Applicants> previousYear, Map<YearMonth, Applicants> currentYear,
        Ranking<Applicants> topApplicantsMonth, Ranking<Applicants> topApplicantsYearToDate,
        Map<Unit, Map<YearMonth, DecisionRows>> decisionsByMonth, Map<Unit, DecisionRows> decisionsYearToDate,
        Map<Unit, DecisionRows> decisionsMonth,
        Ranking<DecisionRows> topRefugee,
        double protectionRateMonth, double protectionRateYearToDate, double protectionRateExcludingInadmissibleYearToDate,
        double inadmissibilityShareYearToDate,
        long workloadDossiers, long workloadPersons, OptionalLong normalWorkload, OptionalLong realBacklog) {

    public static MonthlyPublication of(ChainStatistics s, YearMonth month) {
        return of(s, month, DecisionRow.RowMapping.defaults());
    }

    public static MonthlyPublication of(ChainStatistics s, YearMonth month, DecisionRow.RowMapping mapping) {
        Period m = Period.month(month);
        Period ytd = Period.yearToDate(month);
        boolean hasData = s.coverage().map(c -> !month.isBefore(c.from()) && !month.isAfter(c.to())).orElse(false);

        Map<YearMonth, Applicants> previous = new LinkedHashMap<>();
        for (YearMonth x : Period.year(month.getYear() - 1).months()) {
            previous.put(x, applicants(s, Period.month(x)));
        }
        Map<YearMonth, Applicants> current = new LinkedHashMap<>();
        for (YearMonth x : ytd.months()) {
            current.put(x, applicants(s, Period.month(x)));
        }

        Map<Unit, Map<YearMonth, DecisionRows>> byMonth = new LinkedHashMap<>();
        Map<Unit, DecisionRows> ytdRows = new LinkedHashMap<>();
        Map<Unit, DecisionRows> monthRows = new LinkedHashMap<>();
        for (Unit u : Unit.values()) {
            Map<YearMonth, DecisionRows> rows = new LinkedHashMap<>();
            for (YearMonth x : ytd.months()) {
                rows.put(x, DecisionRows.of(s.decisions(Period.month(x), u), mapping));
            }
            byMonth.put(u, rows);
            ytdRows.put(u, DecisionRows.of(s.decisions(ytd, u), mapping));
            monthRows.put(u, DecisionRows.of(s.decisions(m, u), mapping));
        }

        Map<Nationality, DecisionRows> byNationality = new HashMap<>();
        s.decisionsByNationality(ytd, Unit.PERSONS).forEach((n, t) -> byNationality.put(n, DecisionRows.of(t, mapping)));
        Ranking<DecisionRows> topRefugee = Ranking.of(byNationality, r -> r.get(DecisionRow.REFUGEE_STATUS),
                DecisionRows.of(new DecisionTally(), mapping), DecisionRows::plus, 10);

        DecisionTally monthDossiers = s.decisions(m, Unit.DOSSIERS);
        DecisionTally ytdDossiers = s.decisions(ytd, Unit.DOSSIERS);
        LocalDate end = month.atEndOfMonth();
        return new MonthlyPublication(month, hasData, applicants(s, m), applicants(s, ytd), previous, current,
                topApplicants(s, m), topApplicants(s, ytd), byMonth, ytdRows, monthRows, topRefugee,
                monthDossiers.protectionRate(), ytdDossiers.protectionRate(), ytdDossiers.protectionRateExcludingInadmissible(),
                ytdDossiers.inadmissibilityShare(), s.workload(end, Unit.DOSSIERS), s.workload(end, Unit.PERSONS),
                s.parameters().normalWorkloadOn(end), s.realBacklog(end));
    }

    public Applicants previousYearTotal() {
        return previousYear.values().stream().reduce(Applicants.ZERO, Applicants::plus);
    }

    /** The reported month's applicants; empty for months after it (blank, not zero). */
    public Optional<Applicants> currentYearMonth(YearMonth m) {
        return Optional.ofNullable(currentYear.get(m));
    }

    /** Persons applying in the period by DVZ column (shared with {@link AnnualPublication}). */
    static Applicants applicants(ChainStatistics s, Period p) {
        Map<String, Long> byColumn = new HashMap<>();
        s.applications(p).forEach((col, byNat) -> byColumn.put(col, byNat.values().stream().mapToLong(Long::longValue).sum()));
        return Applicants.of(byColumn);
    }

    static Ranking<Applicants> topApplicants(ChainStatistics s, Period p) {
        return topApplicants(s, p, 10);
    }

    /** Countries of origin ranked by total applicants (GUIDE §5.3), shared with {@link AnnualPublication}. */
    static Ranking<Applicants> topApplicants(ChainStatistics s, Period p, int size) {
        Map<Nationality, Map<String, Long>> byNat = new HashMap<>();
        s.applications(p).forEach((col, m) -> m.forEach((n, v) -> byNat.computeIfAbsent(n, k -> new HashMap<>()).merge(col, v, Long::sum)));
        Map<Nationality, Applicants> out = new HashMap<>();
        byNat.forEach((n, cols) -> out.put(n, Applicants.of(cols)));
        return Ranking.of(out, Applicants::total, Applicants.ZERO, Applicants::plus, size);
    }
}
