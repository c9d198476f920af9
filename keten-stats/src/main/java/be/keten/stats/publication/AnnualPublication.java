package be.keten.stats.publication;

import be.keten.core.person.Nationality;
import be.keten.core.procedure.DecisionType;
import be.keten.stats.ChainStatistics;
import be.keten.stats.DecisionTally;
import be.keten.core.calendar.Period;
import be.keten.stats.Unit;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The content of the annual tables (CGVS annual report, GUIDE §3.2, §5.1, §5.2) for one calendar
 * year, computed from {@link ChainStatistics}, for every renderer. Only the months of the year that
 * the data cover count: a year still running, or one the data start in, is reported for the months
 * covered and says so ({@link #complete()}); months outside are absent, never zero.
 *
 * @param covered                 the months of the year with data; empty when the data do not reach the year
 * @param applicantsPreviousYear  the previous year's applicants, only when the data cover that whole year
 * @param topApplicants           top 10 countries of origin of applicants in the year, persons
 * @param decisions               decisions of the year by annual row, per unit
 * @param protectionRateByYear    the official rate (dossiers) of every year from the first covered year to this one
 * @param protectionRateByMonth   the official rate of each covered month of the year (NaN: nothing decided)
 * @param mainNationalities       top 10 nationalities by final decisions in the year, dossiers, with their rate
 * @param workloadDossiers        CGVS workload at each covered month end, dossiers
 * @param workloadPreviousYearEnd workload on 31 December of the previous year, when the data cover that day
 * @param workloadDate            the last covered month end: the date of the year-end workload
 */
public record AnnualPublication(
        int year, Optional<Period> covered,
        Applicants applicants, Optional<Applicants> applicantsPreviousYear, Ranking<Applicants> topApplicants,
        Map<Unit, AnnualDecisions> decisions,
        double protectionRate, double protectionRateExcludingInadmissible, double inadmissibilityShare,
        List<YearRate> protectionRateByYear, Map<YearMonth, Double> protectionRateByMonth,
        Ranking<NationalityDecisions> mainNationalities,
        Map<YearMonth, Long> workloadDossiers, Map<YearMonth, Long> workloadPersons,
        OptionalLong workloadPreviousYearEnd, LocalDate workloadDate, long workloadEndDossiers, long workloadEndPersons,
        OptionalLong normalWorkload, OptionalLong realBacklog) {

    /** Number of countries in the ranked tables. */
    public static final int TOP = 10;

    /**
     * The protection rate of one year, with its parts (dossiers).
     *
     * @param covered      the months of that year with data
     * @param positive     refugee status plus subsidiary protection
     * @param denominator  all decisions minus interim decisions minus withdrawals and revocations
     */
    public record YearRate(int year, Period covered, long positive, long denominator, double rate) {
        public boolean complete() {
            return covered.isCalendarYear();
        }
    }

    /** One nationality's final decisions in dossiers, with its protection rate (GUIDE §5.1). */
    public record NationalityDecisions(long finals, long refugee, long subsidiary, double protectionRate) {
        public static NationalityDecisions of(DecisionTally t) {
            return new NationalityDecisions(AnnualPublication.finals(t), t.count(DecisionType.REFUGEE_STATUS), t.count(DecisionType.SUBSIDIARY_PROTECTION),
                    t.protectionRate());
        }
    }

    public static AnnualPublication of(ChainStatistics s, int year) {
        Optional<Period> covered = coveredMonths(s, year);
        Period whole = Period.year(year);

        Map<Unit, AnnualDecisions> decisions = new EnumMap<>(Unit.class);
        for (Unit u : Unit.values()) {
            decisions.put(u, AnnualDecisions.of(s.decisions(whole, u)));
        }
        DecisionTally dossiers = s.decisions(whole, Unit.DOSSIERS);

        List<YearRate> byYear = new ArrayList<>();
        Optional<Period> coverage = s.coverage();
        if (coverage.isPresent()) {
            for (int y = coverage.get().from().getYear(); y <= year; y++) {
                Optional<Period> c = coveredMonths(s, y);
                if (c.isPresent()) {
                    DecisionTally t = s.decisions(c.get(), Unit.DOSSIERS);
                    byYear.add(new YearRate(y, c.get(), t.positive(), t.protectionRateDenominator(), t.protectionRate()));
                }
            }
        }

        Map<YearMonth, Double> byMonth = new LinkedHashMap<>();
        Map<YearMonth, Long> workloadDossiers = new LinkedHashMap<>();
        Map<YearMonth, Long> workloadPersons = new LinkedHashMap<>();
        covered.ifPresent(c -> c.months().forEach(m -> {
            byMonth.put(m, s.decisions(Period.month(m), Unit.DOSSIERS).protectionRate());
            workloadDossiers.put(m, s.workload(m.atEndOfMonth(), Unit.DOSSIERS));
            workloadPersons.put(m, s.workload(m.atEndOfMonth(), Unit.PERSONS));
        }));

        Map<Nationality, DecisionTally> byNationality = new HashMap<>(s.decisionsByNationality(whole, Unit.DOSSIERS));
        Ranking<DecisionTally> ranked = Ranking.of(byNationality, AnnualPublication::finals, new DecisionTally(),
                (a, b) -> new DecisionTally().addAll(a).addAll(b), TOP);
        List<Ranking.Entry<NationalityDecisions>> top = ranked.top().stream()
                .map(e -> new Ranking.Entry<>(e.rank(), e.nationality(), NationalityDecisions.of(e.value()))).toList();
        Ranking<NationalityDecisions> mainNationalities = new Ranking<>(top, NationalityDecisions.of(ranked.others()),
                NationalityDecisions.of(ranked.total()));

        LocalDate end = covered.map(Period::lastDay).orElse(whole.lastDay());
        YearMonth previousDecember = YearMonth.of(year - 1, 12);
        boolean previousYearCovered = coveredMonths(s, year - 1).map(Period::isCalendarYear).orElse(false);
        OptionalLong previousEnd = coverage.isPresent() && !previousDecember.isBefore(coverage.get().from())
                && !previousDecember.isAfter(coverage.get().to())
                ? OptionalLong.of(s.workload(previousDecember.atEndOfMonth(), Unit.DOSSIERS)) : OptionalLong.empty();

        return new AnnualPublication(year, covered,
                MonthlyPublication.applicants(s, whole),
                previousYearCovered ? Optional.of(MonthlyPublication.applicants(s, Period.year(year - 1))) : Optional.empty(),
                MonthlyPublication.topApplicants(s, whole, TOP), decisions,
                dossiers.protectionRate(), dossiers.protectionRateExcludingInadmissible(), dossiers.inadmissibilityShare(),
                List.copyOf(byYear), byMonth, mainNationalities, workloadDossiers, workloadPersons,
                previousEnd, end, s.workload(end, Unit.DOSSIERS), s.workload(end, Unit.PERSONS),
                s.parameters().normalWorkloadOn(end), s.realBacklog(end));
    }

    /** True when the data reach into the year. */
    public boolean hasData() {
        return covered.isPresent();
    }

    /** True when the data cover the whole calendar year. */
    public boolean complete() {
        return covered.map(Period::isCalendarYear).orElse(false);
    }

    /** Final decisions as the publications count them ({@link DecisionRows#finals()}): all but interim decisions. */
    public static long finals(DecisionTally t) {
        return DecisionRows.of(t, DecisionRow.RowMapping.defaults()).finals();
    }

    /** The months of {@code year} inside the data's coverage (first to last month with an event). */
    public static Optional<Period> coveredMonths(ChainStatistics s, int year) {
        return s.coverage().flatMap(c -> {
            YearMonth from = c.from().getYear() < year ? YearMonth.of(year, 1) : c.from();
            YearMonth to = c.to().getYear() > year ? YearMonth.of(year, 12) : c.to();
            return from.getYear() == year && to.getYear() == year && !to.isBefore(from) ? Optional.of(new Period(from, to)) : Optional.empty();
        });
    }
}
