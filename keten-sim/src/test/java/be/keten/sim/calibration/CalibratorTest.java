package be.keten.sim.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.keten.core.person.Nationality;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.io.reference.ReferenceData;
import be.keten.sim.Mix;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioFile;
import be.keten.sim.Schedule;
import be.keten.sim.Staffing;
import be.keten.sim.calibration.Calibrator.Calibration;
import be.keten.sim.calibration.Calibrator.Estimates;
import be.keten.sim.calibration.Calibrator.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small hand-made reference folder whose estimates can be worked out by hand. 2021 and 2022: each month's applications are the
 * year's level times a_m (a = 1 except February 0.4 and October 1.6); December 2021 is not printed but the 2021 total is; a quarter
 * of the spontaneous applications are subsequent; 24 first applications in resettlement in June 2022. Decisions in November and
 * December 2022, identical months. Rows dated 2023 carry absurd values: they must never be used with --through 2022-12.
 */
class CalibratorTest {
    static final Path BASE = Path.of("../examples/scenarios/baseline-2025.yaml");
    static final double[] A = {1, 0.4, 1, 1, 1, 1, 1, 1, 1, 1.6, 1, 1};

    @TempDir
    Path dir;

    static Scenario base;

    @BeforeAll
    static void readBase() throws Exception {
        base = ScenarioFile.read(BASE);
    }

    static ReferenceData reference() {
        StringBuilder apps = new StringBuilder("period,year,month,row_type,total,first_excl_resettlement,first_resettlement,subsequent\n");
        for (int y : new int[] {2021, 2022}) {
            int level = y == 2021 ? 100 : 200;
            for (int m = 1; m <= 12; m++) {
                long total = Math.round(level * A[m - 1]);
                if (y == 2021 && m == 12) {
                    continue; // not printed: derived from the year total
                }
                long res = y == 2022 && m == 6 ? 24 : 0;
                long sub = y == 2022 && m == 6 ? 44 : total / 4;
                apps.append(String.format("%d-%02d,%d,%d,month,%d,%d,%d,%d%n", y, m, y, m, total, total - res - sub, res, sub));
            }
        }
        apps.append("2021,2021,,year_total,1200,,,\n");
        apps.append("2023-01,2023,1,month,9999,9000,99,900\n");
        apps.append("2023,2023,,year_total,99999,,,\n");

        String nat = "period,nationality,iso2,row_type,rank,total,first_excl_resettlement,first_resettlement,subsequent,share_percent\n"
                + "2022,Syria,SY,country,1,624,,24,,\n"
                + "2022,Afghanistan,AF,country,2,400,,,,\n"
                + "2022,Other countries,,other,,1376,,,,\n"
                + "2022,Total,,total,,2400,,24,,\n"
                + "2023-01,Syria,SY,country,1,90,,,,\n"
                + "2023-01,Total,,total,,100,,,,\n";

        StringBuilder dec = new StringBuilder("period,year,month,row_type,unit,decision_type,stage,count,share_percent\n");
        String[] codes = {"admissible_subsequent_or_border", "refugee_status", "subsidiary_protection", "inadmissible", "manifestly_unfounded",
                "refusal", "withdrawal_or_revocation", "total"};
        long[] dossiers = {100, 400, 50, 200, 50, 300, 20, 1120};
        long[] persons = {120, 500, 60, 240, 70, 330, 20, 1340};
        for (String month : new String[] {"2022-11", "2022-12", "2023-01"}) {
            for (int i = 0; i < codes.length; i++) {
                String stage = i == 0 ? "interim" : i == codes.length - 1 ? "all" : "final";
                long k = month.equals("2023-01") ? 50 : 1;
                int mm = Integer.parseInt(month.substring(5));
                dec.append(String.format("%s,%s,%d,month,dossiers,%s,%s,%d,%n", month, month.substring(0, 4), mm, codes[i], stage, dossiers[i] * k));
                dec.append(String.format("%s,%s,%d,month,persons,%s,%s,%d,%n", month, month.substring(0, 4), mm, codes[i], stage, persons[i] * k));
            }
        }

        String byNat = "period,nationality,iso2,row_type,rank,unit,decision_type,count\n"
                + "2022-11/2022-12,Syria,SY,country,1,persons,refugee_status,500\n"
                + "2022-11/2022-12,Syria,SY,country,1,persons,subsidiary_protection,10\n"
                + "2022-11/2022-12,Syria,SY,country,1,persons,withdrawal_or_revocation,0\n"
                + "2022-11/2022-12,Syria,SY,country,1,persons,negative_total,90\n"
                + "2022-11/2022-12,Syria,SY,country,1,persons,total_final,600\n"
                + "2022-11/2022-12,Afghanistan,AF,country,2,persons,refugee_status,100\n"
                + "2022-11/2022-12,Afghanistan,AF,country,2,persons,negative_total,200\n"
                + "2022-11/2022-12,Afghanistan,AF,country,2,persons,total_final,300\n"
                + "2023-01,Syria,SY,country,1,persons,refugee_status,1\n"
                + "2023-01,Syria,SY,country,1,persons,negative_total,9000\n";

        String work = "period,measure,unit,value,qualifier\n"
                + "2022-11-30,workload_total,dossiers,5000,exact\n"
                + "2022-11-30,normal_workload,dossiers,1000,exact\n"
                + "2023-06-30,workload_total,dossiers,99999,exact\n";

        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("applications_monthly.csv", apps.toString());
        texts.put("applications_by_nationality.csv", nat);
        texts.put("cgvs_decisions.csv", dec.toString());
        texts.put("cgvs_decisions_by_nationality.csv", byNat);
        texts.put("cgvs_workload.csv", work);
        return ReferenceData.read(texts);
    }

    static StaffFigures staff() {
        return StaffFigures.parse("cgvs_staff.csv", "period,measure,staff_level,value,unit\n"
                + "2021-12-31,operational_fte,total,100,fte\n"
                + "2022-12-31,operational_fte,total,124,fte\n"
                + "2022-12-31,operational_fte,level_a,99,fte\n"
                + "2023-12-31,operational_fte,total,9999,fte\n");
    }

    static Calibration calibrate(YearMonth through) {
        return Calibrator.calibrate(reference(), staff(), base, new Options(through));
    }

    @Test
    void estimatesInflowFromTheMonthsUpToThrough() {
        Estimates e = calibrate(YearMonth.of(2022, 12)).estimates();
        assertThat(e.applicationsPerMonth()).isEqualTo(200.0);
        assertThat(e.resettlementPerMonth()).isEqualTo(2.0);
        assertThat(e.personsPerMonth()).isEqualTo(198.0);
        for (int m = 0; m < 12; m++) {
            assertThat(e.monthlyFactors()[m]).as("month %d", m + 1).isCloseTo(A[m], within(1e-12));
        }
        assertThat(e.applicationTypes()).containsEntry(ApplicationType.SUBSEQUENT, 0.25).containsEntry(ApplicationType.FIRST, 0.75);
        // spontaneous persons: SY 624 - 24 resettled of 2400 - 24
        assertThat(e.nationalityMix().get(Nationality.of("SY"))).isCloseTo(600 / 2376.0, within(1e-12));
        assertThat(e.nationalityMix().get(Nationality.of("AF"))).isCloseTo(400 / 2376.0, within(1e-12));
        assertThat(e.nationalityMix().get(Nationality.UNKNOWN)).isCloseTo(1376 / 2376.0, within(1e-12));
    }

    @Test
    void estimatesDecisionMixPersonsPerDossierAndServiceTime() {
        Estimates e = calibrate(YearMonth.of(2022, 12)).estimates();
        // two identical months: D = 2000 final dossiers, I = 200 interim; sigma 0.25 gives 500 admissibility decisions on subsequent
        // applications: p = 200 / 500, 300 inadmissible, F = 1500 first-application decisions
        assertThat(e.subsequentAdmissibleShare()).isCloseTo(0.4, within(1e-12));
        double mi = (400 - 300) / 1500.0;
        Mix<DecisionType> all = e.overallDecisionMix();
        assertThat(all.share(DecisionType.INADMISSIBLE)).isCloseTo(mi, within(1e-12));
        assertThat(all.share(DecisionType.REFUGEE_STATUS)).isCloseTo(800 * (1 - mi) / 1600, within(1e-12));
        assertThat(all.share(DecisionType.SUBSIDIARY_PROTECTION)).isCloseTo(100 * (1 - mi) / 1600, within(1e-12));
        assertThat(all.share(DecisionType.MANIFESTLY_UNFOUNDED)).isCloseTo(100 * (1 - mi) / 1600, within(1e-12));
        // the refusal row holds refusal, exclusion and closure: split as in the base (0.35, 0.005, 0.025)
        double refusalRow = 600 * (1 - mi) / 1600;
        assertThat(all.share(DecisionType.REFUSAL)).isCloseTo(refusalRow * 0.35 / 0.38, within(1e-12));
        assertThat(all.share(DecisionType.EXCLUSION)).isCloseTo(refusalRow * 0.005 / 0.38, within(1e-12));
        assertThat(all.share(DecisionType.CLOSURE)).isCloseTo(refusalRow * 0.025 / 0.38, within(1e-12));
        assertThat(e.publishedDecisionShares().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));

        assertThat(e.personsPerDossier()).isCloseTo(268 / 224.0, within(1e-12));
        // base families (sizes 2-5) have mean 3: singles 1 - q with q = (m - 1) / 2
        double q = (268 / 224.0 - 1) / 2;
        assertThat(e.householdSize()[0]).isCloseTo(1 - q, within(1e-12));
        assertThat(e.householdSize()[1]).isCloseTo(q * 0.4, within(1e-12));
        double mean = 0;
        for (int i = 0; i < e.householdSize().length; i++) {
            mean += (i + 1) * e.householdSize()[i];
        }
        assertThat(mean).isCloseTo(268 / 224.0, within(1e-12));

        // FTE linear between 100 (2021-12-31) and 124 (2022-12-31) at 15 Nov and 16 Dec 2022; 112 decisions a month
        LocalDate s = LocalDate.of(2021, 12, 31);
        double fte = 100 + 24 * (ChronoUnit.DAYS.between(s, LocalDate.of(2022, 11, 15)) + ChronoUnit.DAYS.between(s, LocalDate.of(2022, 12, 16)))
                / 2.0 / 365;
        assertThat(e.fte()).isCloseTo(fte, within(1e-9));
        // productivity is per productive officer, counted as the engine counts them (Staffing): the window's FTE
        // less the ramp-up of those hired in it (the base's 6 months) and attrition
        double nov = 100 + 24 * ChronoUnit.DAYS.between(s, LocalDate.of(2022, 11, 15)) / 365.0;
        double dec = 100 + 24 * ChronoUnit.DAYS.between(s, LocalDate.of(2022, 12, 16)) / 365.0;
        Scenario.Cgvs window = base.cgvs().withFte(new Schedule(new TreeMap<>(Map.of(LocalDate.of(2022, 11, 1), nov, LocalDate.of(2022, 12, 1), dec))));
        int[] engine = Staffing.officers(window, LocalDate.of(2022, 11, 1), 2);
        double officers = (engine[0] + engine[1]) / 2.0;
        assertThat(e.productiveOfficers()).isEqualTo(officers);
        assertThat(officers).isLessThan(fte).isGreaterThan(0.95 * fte);   // December's hires still ramping up
        assertThat(e.decisionsPerOfficerMonth()).isCloseTo(1120 / officers, within(1e-9));
        assertThat(e.serviceTimeMeanDays()).isCloseTo(30.44 * officers / 1120, within(1e-9));
        assertThat(e.cgvsWorkloadDossiers()).isEqualTo(5000);
        assertThat(e.normalWorkloadDossiers()).isEqualTo(1000);
    }

    @Test
    void decisionMixByNationalityNeedsEnoughDecisionsAndReproducesThePublishedColumns() {
        Calibration c = calibrate(YearMonth.of(2022, 12));
        Map<Nationality, be.keten.sim.Mix<DecisionType>> byNat = c.estimates().decisionMixByNationality();
        assertThat(byNat).containsOnlyKeys(Nationality.of("SY")); // AF: 300 final decisions, below the threshold of 500
        assertThat(c.notes()).anyMatch(n -> n.contains("AF (300)"));
        // SY in dossiers (persons per dossier of each row from the overall table): refugee 500 / 1.25 = 400, subsidiary 10 / 1.2,
        // refusal decisions 90 split as the overall persons (240:70:330), then / 1.2, 1.4, 1.1
        double inadm = 90 * 48 / 128.0 / 1.2;
        double d = 400 + 10 / 1.2 + inadm + 90 * 14 / 128.0 / 1.4 + 90 * 66 / 128.0 / 1.1; // 48:14:66 = 240:70:330
        // (1 - 0.4) * 0.25 * d inadmissible subsequent decisions exceed the assumed inadmissible ones: clamped, none for first applications
        assertThat(0.6 * 0.25 * d).isGreaterThan(inadm);
        assertThat(byNat.get(Nationality.of("SY")).share(DecisionType.INADMISSIBLE)).isZero();
        assertThat(byNat.get(Nationality.of("SY")).share(DecisionType.REFUGEE_STATUS)).isCloseTo(400 / (d - inadm), within(1e-12));
        // decision_mix is for the other nationalities: all decisions (dossiers) minus Syria's, solved the same way (p = 0.4, sigma 0.25)
        double[] rest = {800 - 400, 100 - 10 / 1.2, 400 - inadm, 100 - 90 * 14 / 128.0 / 1.4, 600 - 90 * 66 / 128.0 / 1.1};
        double rd = rest[0] + rest[1] + rest[2] + rest[3] + rest[4];
        double n = 0.6 * 0.25 * rd;
        double first = rd - 0.4 * 0.25 * rd - n;
        double mi = (rest[2] - n) / first;
        Mix<DecisionType> other = c.estimates().decisionMix();
        assertThat(other.share(DecisionType.INADMISSIBLE)).isCloseTo(mi, within(1e-12));
        assertThat(other.share(DecisionType.REFUGEE_STATUS)).isCloseTo(rest[0] * (1 - mi) / (rd - rest[2]), within(1e-12));
        Fit fit = c.fits().stream().filter(f -> f.series().startsWith("protection share by nationality")).findFirst().orElseThrow();
        assertThat(fit.points()).singleElement().satisfies(p -> {
            assertThat(p.published()).isCloseTo(510 / 600.0, within(1e-12));
            assertThat(p.fitted()).isCloseTo(510 / 600.0, within(1e-9));
        });
    }

    @Test
    void onlyFiguresUpToThroughAreUsed() {
        Estimates dec = calibrate(YearMonth.of(2022, 12)).estimates();
        // the 2023 rows (absurd values) change nothing: same estimates as computed by hand above
        assertThat(dec.applicationsPerMonth()).isEqualTo(200.0);
        assertThat(dec.decisionsPerMonth()).isEqualTo(1120.0);
        assertThat(dec.cgvsWorkloadDossiers()).isEqualTo(5000);
        assertThat(dec.nationalityMix()).doesNotContainValue(0.9);

        // through November 2022: December 2022 is not used anywhere
        Calibration nov = calibrate(YearMonth.of(2022, 11));
        Estimates e = nov.estimates();
        // Dec 2021 (derived: 1200 - 1100 = 100) to Nov 2022
        double sum = 100;
        for (int m = 1; m <= 11; m++) {
            sum += 200 * A[m - 1];
        }
        assertThat(e.applicationsPerMonth()).isCloseTo(sum / 12, within(1e-9));
        assertThat(e.monthlyFactors()[0]).isCloseTo(1.0, within(1e-12)); // only 2021 is complete
        assertThat(e.nationalityMix()).isNull(); // the 2022 table ends in December
        assertThat(e.decisionsPerMonth()).isEqualTo(1120.0);
        assertThat(e.personsPerDossier()).isCloseTo(134 / 112.0, within(1e-12));
        assertThat(e.decisionMixByNationality()).isEmpty(); // the table runs to December
        assertThat(nov.start()).isEqualTo(LocalDate.of(2022, 12, 1));
        // FTE: only the 2021-12-31 stock is dated up to November 2022, held constant
        assertThat(e.fte()).isEqualTo(100.0);
        assertThat(nov.notes()).anyMatch(n -> n.contains("held constant"));
    }

    @Test
    void theFitReportsPublishedAgainstFittedValues() {
        Calibration c = calibrate(YearMonth.of(2022, 12));
        Fit apps = c.fits().get(0);
        assertThat(apps.points()).hasSize(12);
        // as simulated: 198 x a_m + 2 resettled a month against 200 x a_m published; off only in February and October
        assertThat(apps.error()).isCloseTo(100 * (0.6 / 40 + 0.6 / 160) / 12, within(1e-9));
        Fit shape = c.fits().get(1);
        assertThat(shape.points()).hasSize(24);
        assertThat(shape.error()).isCloseTo(0, within(1e-9)); // the hand-made years follow the seasonal factors exactly
        Fit pp = c.fits().stream().filter(f -> f.series().startsWith("persons per dossier")).findFirst().orElseThrow();
        assertThat(pp.measure()).isEqualTo(Fit.Measure.MAPE);
        assertThat(pp.error()).isCloseTo(0, within(1e-9));
        Fit productivity = c.fits().stream().filter(f -> f.series().startsWith("CGVS decisions")).findFirst().orElseThrow();
        assertThat(productivity.points()).extracting(Fit.Point::published).containsExactly(1120.0, 1120.0);
        // fitted = decisions per productive officer-month x productive officers of the month (Staffing): the staff grows
        assertThat(productivity.points().get(1).fitted()).isGreaterThanOrEqualTo(productivity.points().get(0).fitted());
        assertThat(c.report()).contains("applications per month (persons), calibration window: MAPE 0.2%").contains("2021-12*");
    }

    @Test
    void theWrittenScenarioRoundTripsThroughScenarioFile() throws Exception {
        Calibration c = calibrate(YearMonth.of(2022, 12));
        Path out = dir.resolve("calibrated.yaml");
        CalibratedScenario.write(BASE, out, c, List.of("test scenario"));
        String text = Files.readString(out);
        assertThat(text).startsWith("# test scenario\n")
                .contains("# CALIBRATED from applications_monthly.csv 2022-01/2022-12: 198.0")
                .contains("# CALIBRATED from cgvs_workload.csv 2022-11-30: 5000")
                .contains("# FROM BASE\ndvz:");
        Scenario s = ScenarioFile.read(out);
        Estimates e = c.estimates();
        assertThat(s.start()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(s.inflow().personsPerMonth()).isEqualTo(198.0);
        for (int m = 0; m < 12; m++) {
            assertThat(s.inflow().monthlyFactors()[m]).isCloseTo(e.monthlyFactors()[m], within(5e-4));
        }
        assertThat(s.inflow().shocks()).isEmpty();
        assertThat(s.inflow().applicationTypes().share(ApplicationType.SUBSEQUENT)).isEqualTo(0.25);
        assertThat(s.inflow().nationalityMix().get(Nationality.of("SY"))).isCloseTo(600 / 2376.0, within(1e-4));
        assertThat(s.inflow().meanHouseholdSize()).isCloseTo(268 / 224.0, within(1e-3));
        for (DecisionType t : e.decisionMix().shares().keySet()) {
            assertThat(s.cgvs().decisionMix().share(t)).as(t.code()).isCloseTo(e.decisionMix().share(t), within(1e-4));
        }
        assertThat(s.cgvs().byNationality()).containsOnlyKeys(Nationality.of("SY"));
        assertThat(s.cgvs().subsequentAdmissibleShare()).isEqualTo(0.4);
        assertThat(s.cgvs().serviceTime().mean()).isCloseTo(e.serviceTimeMeanDays(), within(0.005));
        assertThat(s.cgvs().fte().on(LocalDate.of(2023, 6, 1))).isEqualTo(124.0);
        assertThat(s.initial().cgvsWorkloadDossiers()).isEqualTo(5000);
        assertThat(s.statistics().normalWorkloadOn(LocalDate.of(2023, 1, 1))).hasValue(1000);
        assertThat(s.pathway(ApplicationType.RESETTLEMENT).orElseThrow().personsPerMonth()).isEqualTo(2.0);
        // carried over from the base, paths rewritten relative to the new file
        assertThat(s.dvz().dublinShare()).isEqualTo(0.12);
        assertThat(s.reception().network().capacityOn(s.start())).isEqualTo(36_205);
    }

    @Test
    void staffFiguresNameFileLineAndColumn() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> StaffFigures.parse("cgvs_staff.csv",
                "period,measure,staff_level,value\n2023-12-31,operational_fte,total,12x\n"), be.keten.io.reference.ReferenceInputException.class);
        assertThat(e.file()).isEqualTo("cgvs_staff.csv");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo("value");
        assertThat(StaffFigures.bundled().stocks()).containsEntry(LocalDate.of(2023, 12, 31), 582.77).containsEntry(LocalDate.of(2024, 12, 31), 600.9);
        assertThat(new TreeMap<>(staff().stocks())).hasSize(3);
    }
}
