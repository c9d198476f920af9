package be.keten.sim.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.keten.core.calendar.Period;
import be.keten.io.reference.ReferenceData;
import be.keten.sim.Indicator;
import be.keten.sim.Outcome;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backtest arithmetic on hand-made published figures and hand-made runs. */
class BacktestTest {
    private static final LocalDate START = LocalDate.of(2023, 1, 1);
    private static final List<Indicator> ALL = Indicator.all();

    private static ReferenceData reference() {
        StringBuilder apps = new StringBuilder("period,row_type,total,first_excl_resettlement,first_resettlement,subsequent\n");
        for (int m = 1; m <= 12; m++) {
            apps.append(YearMonth.of(2022, m)).append(",month,100,,,\n");
        }
        apps.append("2022,year_total,1200,,,\n");
        for (int m = 1; m <= 11; m++) {
            apps.append(YearMonth.of(2023, m)).append(",month,110,,,\n");
        }
        apps.append("2023-01/2023-11,ytd_total,1210,,,\n2023,year_total,1300,,,\n");
        String decisions = "period,row_type,unit,decision_type,count\n"
                + "2023-01/2023-11,ytd_total,dossiers,admissible_subsequent_or_border,10\n"
                + "2023-01/2023-11,ytd_total,dossiers,refugee_status,40\n"
                + "2023-01/2023-11,ytd_total,dossiers,subsidiary_protection,5\n"
                + "2023-01/2023-11,ytd_total,dossiers,inadmissible,10\n"
                + "2023-01/2023-11,ytd_total,dossiers,manifestly_unfounded,5\n"
                + "2023-01/2023-11,ytd_total,dossiers,refusal,28\n"
                + "2023-01/2023-11,ytd_total,dossiers,withdrawal_or_revocation,2\n"
                + "2023-01/2023-11,ytd_total,dossiers,total,100\n";
        String workload = "period,measure,unit,value,qualifier\n"
                + "2022-12-31,workload_total,dossiers,500,exact\n"
                + "2023-06-15,workload_total,dossiers,550,exact\n"
                + "2023-11-30,workload_total,dossiers,600,exact\n"
                + "2023-11-30,workload_total,persons,20000,more_than\n";
        return ReferenceData.read(Map.of("applications_monthly.csv", apps.toString(), "cgvs_decisions.csv", decisions,
                "cgvs_workload.csv", workload));
    }

    private static Map<Period, Double> printedRates() throws Exception {
        return PublishedRates.read(new StringReader("period,actor,indicator,breakdown,category,iso2,value,value_percent,unit,qualifier\n"
                + "2023,CGVS,protection_rate,,,,,43.5,percent,exact\n"
                + "2022,CGVS,protection_rate,,,,,43,percent,exact\n"
                + "2023,CGVS,protection_rate,nationality,Syria,SY,,90,percent,exact\n"
                + "2023,CGVS,inadmissible_share_of_decisions,,,,,15.8,percent,exact\n"));
    }

    private static int at(String key) {
        int i = Indicator.indexOf(key);
        if (i < 0) {
            throw new AssertionError(key);
        }
        return i;
    }

    /** Replication r: 100 + 10r applications a month; the same decisions every run (December ten times larger); workload 580 + 10r in November. */
    private static Outcome run(int r) {
        double[][] m = new double[ALL.size()][12];
        for (int j = 0; j < 12; j++) {
            int f = j == 11 ? 10 : 1;
            m[at("applications|persons")][j] = 100 + 10 * r;
            m[at("cgvs_decisions_refugee_status|dossiers")][j] = 4 * f;
            m[at("cgvs_decisions_refusal|dossiers")][j] = 3 * f;
            m[at("cgvs_decisions_exclusion|dossiers")][j] = f;
            m[at("cgvs_decisions_admissible_subsequent|dossiers")][j] = f;
            m[at("cgvs_workload|dossiers")][j] = j == 10 ? 580 + 10 * r : 1;
        }
        return new Outcome(m, new double[ALL.size()][1]);
    }

    private static List<Outcome> runs() {
        List<Outcome> out = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            out.add(run(r));
        }
        return out;
    }

    private static BacktestRow row(List<BacktestRow> rows, String indicator, String unit) {
        return rows.stream().filter(r -> r.indicator().equals(indicator) && r.unit().equals(unit)).findFirst().orElseThrow();
    }

    @Test
    void aFlowIsComparedOverTheWholeYearWithThePreviousYearAsBaseline() throws Exception {
        List<BacktestRow> rows = Backtest.of(START, 12, Actuals.of(reference(), printedRates())).rows(runs());
        BacktestRow a = row(rows, "applications", "persons");
        assertThat(a.period()).isEqualTo("2023");
        assertThat(a.actual()).isEqualTo(1300);
        // Years 1200, 1320, 1440: type-7 percentiles.
        assertThat(a.p50()).isEqualTo(1320);
        assertThat(a.p5()).isCloseTo(1212, within(1e-9));
        assertThat(a.p95()).isCloseTo(1428, within(1e-9));
        assertThat(a.error()).isEqualTo(20);
        assertThat(a.relativeError()).isCloseTo(20 / 1300.0, within(1e-12));
        assertThat(a.inBand()).isTrue();
        assertThat(a.baselinePeriod()).isEqualTo("2022");
        assertThat(a.baseline()).isEqualTo(1200);
        assertThat(a.baselineError()).isEqualTo(-100);
    }

    @Test
    void decisionsAreComparedOverThePublishedMonthsWithThePublicationsRows() throws Exception {
        List<BacktestRow> rows = Backtest.of(START, 12, Actuals.of(reference(), printedRates())).rows(runs());
        BacktestRow total = row(rows, "cgvs_decisions", "dossiers");
        assertThat(total.period()).isEqualTo("2023-01/2023-11");
        // January to November: 11 x (4 + 3 + 1 + 1); December left out.
        assertThat(total.p50()).isEqualTo(99);
        assertThat(total.error()).isEqualTo(-1);
        assertThat(total.inBand()).isFalse();
        assertThat(total.hasBaseline()).isFalse();
        assertThat(row(rows, "cgvs_decisions_refugee_status", "dossiers").p50()).isEqualTo(44);
        // The publication's refusal row holds exclusions (DecisionRow default mapping): 33 + 11.
        BacktestRow refusal = row(rows, "cgvs_decisions_refusal", "dossiers");
        assertThat(refusal.p50()).isEqualTo(44);
        assertThat(refusal.error()).isEqualTo(16);
        assertThat(row(rows, "cgvs_decisions_admissible_subsequent_or_border", "dossiers").p50()).isEqualTo(11);
        assertThat(row(rows, "cgvs_decisions_withdrawal_or_revocation", "dossiers").p50()).isZero();
    }

    @Test
    void thePrintedYearlyProtectionRateWinsOverTheElevenMonthsAndHasABaseline() throws Exception {
        List<BacktestRow> rows = Backtest.of(START, 12, Actuals.of(reference(), printedRates())).rows(runs());
        BacktestRow r = row(rows, "protection_rate", "dossiers");
        assertThat(r.period()).isEqualTo("2023");
        assertThat(r.actual()).isCloseTo(0.435, within(1e-12));
        // Whole year: 84 refugee / (84 + 63 refusal + 21 exclusion); interim decisions left out.
        assertThat(r.p50()).isCloseTo(0.5, within(1e-12));
        assertThat(r.error()).isCloseTo(0.065, within(1e-12));
        assertThat(r.baseline()).isCloseTo(0.43, within(1e-12));
        assertThat(r.baselinePeriod()).isEqualTo("2022");
    }

    @Test
    void withoutPrintedRatesTheRateComesFromThePublishedCountsByTheOfficialFormula() {
        List<BacktestRow> rows = Backtest.of(START, 12, Actuals.of(reference())).rows(runs());
        BacktestRow r = row(rows, "protection_rate", "dossiers");
        assertThat(r.period()).isEqualTo("2023-01/2023-11");
        // (40 + 5) / (100 - 10 interim - 2 withdrawals/revocations).
        assertThat(r.actual()).isCloseTo(45 / 88.0, within(1e-12));
        // Model January to November: 44 / (44 + 33 + 11).
        assertThat(r.p50()).isCloseTo(0.5, within(1e-12));
        assertThat(r.hasBaseline()).isFalse();
    }

    @Test
    void aStockIsTheLastMonthEndPublishedAndItsBaselineTheLastValueBeforeTheStart() {
        List<BacktestRow> rows = Backtest.of(START, 12, Actuals.of(reference())).rows(runs());
        BacktestRow w = row(rows, "cgvs_workload", "dossiers");
        assertThat(w.period()).isEqualTo("2023-11-30");
        assertThat(w.actual()).isEqualTo(600);
        assertThat(w.p50()).isEqualTo(590);
        assertThat(w.error()).isEqualTo(-10);
        assertThat(w.baseline()).isEqualTo(500);
        assertThat(w.baselinePeriod()).isEqualTo("2022-12-31");
        assertThat(w.baselineError()).isEqualTo(-100);
        // A lower bound ("more than 20,000 persons") is no actual.
        assertThat(rows).noneMatch(r -> r.indicator().equals("cgvs_workload") && r.unit().equals("persons"));
    }

    @Test
    void aShortHorizonComparesTheSumOfThePublishedMonths() {
        List<Outcome> two = new ArrayList<>();
        for (Outcome o : runs()) {
            double[][] m = new double[ALL.size()][];
            for (int i = 0; i < m.length; i++) {
                m[i] = java.util.Arrays.copyOf(o.monthly()[i], 2);
            }
            two.add(new Outcome(m, new double[ALL.size()][1]));
        }
        List<BacktestRow> rows = Backtest.of(START, 2, Actuals.of(reference())).rows(two);
        BacktestRow a = row(rows, "applications", "persons");
        assertThat(a.period()).isEqualTo("2023-01/2023-02");
        assertThat(a.actual()).isEqualTo(220);
        assertThat(a.p50()).isEqualTo(220);
        assertThat(a.baseline()).isEqualTo(200);
        assertThat(a.baselinePeriod()).isEqualTo("2022-01/2022-02");
        // Decisions are published for January to November only, the workload for November: nothing else to compare.
        assertThat(rows).extracting(BacktestRow::indicator).containsExactly("applications");
    }

    @Test
    void theSummaryScoresModelAndBaselineOnTheSameFigures() throws Exception {
        List<BacktestRow> rows = Backtest.of(START, 12, Actuals.of(reference(), printedRates())).rows(runs());
        BacktestSummary a = Backtest.summarize(rows).stream().filter(s -> s.indicator().equals("applications")).findFirst().orElseThrow();
        assertThat(a.periods()).isEqualTo(1);
        assertThat(a.inBand()).isEqualTo(1);
        assertThat(a.mape()).isCloseTo(100 * 20 / 1300.0, within(1e-9));
        assertThat(a.mapeWithBaseline()).isCloseTo(100 * 20 / 1300.0, within(1e-9));
        assertThat(a.baselineMape()).isCloseTo(100 * 100 / 1300.0, within(1e-9));
        BacktestSummary d = Backtest.summarize(rows).stream().filter(s -> s.indicator().equals("cgvs_decisions")).findFirst().orElseThrow();
        assertThat(d.baselinePeriods()).isZero();
        assertThat(d.baselineMape()).isNaN();
    }

    @Test
    void theBaselineUsesOnlyMonthsThatEndedBeforeTheStart() {
        LocalDate july = LocalDate.of(2023, 7, 1);
        assertThat(Backtest.baselinePeriod(Period.parse("2023-07/2023-12"), july).label()).isEqualTo("2022-07/2022-12");
        assertThat(Backtest.baselinePeriod(Period.parse("2024-01/2024-06"), july).label()).isEqualTo("2023-01/2023-06");
        assertThat(Backtest.baselinePeriod(Period.parse("2024"), START).label()).isEqualTo("2022");
    }

    @Test
    void nothingPublishedInTheHorizonMeansNothingToCompare() {
        assertThat(Backtest.of(LocalDate.of(2030, 1, 1), 12, Actuals.of(reference())).isEmpty()).isTrue();
    }

    @Test
    void theCsvHasTheColumnsAndExactValues() throws Exception {
        List<BacktestRow> rows = Backtest.of(START, 12, Actuals.of(reference(), printedRates())).rows(runs());
        String csv = BacktestOutput.csv(rows);
        assertThat(csv).startsWith("year,indicator,unit,actual,p5,p50,p95,error,relative_error,in_band,baseline,baseline_error,period,baseline_period\n")
                .contains("\n2023,applications,persons,1300,1212,1320,1428,20,0.0154,true,1200,-100,2023,2022\n")
                .contains("\n2023,cgvs_decisions,dossiers,100,99,99,99,-1,-0.01,false,,,2023-01/2023-11,\n");
        assertThat(BacktestOutput.table(rows, Backtest.summarize(rows))).contains("applications").contains("43.5%").contains("+6.5pp");
    }
}
