package be.keten.sim.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.keten.core.person.Nationality;
import be.keten.io.reference.ReferenceData;
import be.keten.sim.Indicator;
import be.keten.sim.Outcome;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioFile;
import be.keten.sim.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped examples/scenarios/belgium-2024.yaml: valid, what the calibrator writes from the bundled figures, and it runs. */
class Belgium2024ScenarioTest {
    static final Path FILE = Path.of("../examples/scenarios/belgium-2024.yaml");
    static final Path BASE = Path.of("../examples/scenarios/baseline-2025.yaml");

    @Test
    void readsWithTheCalibratedValuesAndThe2024Inputs() throws Exception {
        Scenario s = ScenarioFile.read(FILE);
        assertThat(s.name()).isEqualTo("belgium-2024");
        assertThat(s.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(s.horizonMonths()).isEqualTo(12);
        // 39,615 applications in 2024 (484 of them resettled, simulated as the RESETTLEMENT pathway), October 4,383
        double year = 0;
        for (int m = 1; m <= 12; m++) {
            year += s.inflow().persons(YearMonth.of(2024, m));
        }
        double resettled = 12 * s.pathways().get(0).personsPerMonth();
        assertThat(year + resettled).isCloseTo(39_615, within(5.0));
        assertThat(s.inflow().persons(YearMonth.of(2024, 10)) + resettled / 12).isCloseTo(4_383, within(1.0));
        assertThat(s.inflow().nationalityMix().get(Nationality.of("PS"))).isCloseTo(5_692 / 39_615.0, within(1e-4));
        assertThat(s.initial().cgvsWorkloadDossiers()).isEqualTo(24_764);
        assertThat(s.cgvs().fte().on(LocalDate.of(2024, 1, 1))).isCloseTo(582.77, within(0.1));
        assertThat(s.cgvs().fte().on(LocalDate.of(2024, 12, 31))).isEqualTo(600.9);
        assertThat(s.cgvs().serviceTime().mean()).isCloseTo(7.63, within(0.005));
        assertThat(s.inflow().meanHouseholdSize()).isCloseTo(1.1752, within(1e-3));
        assertThat(s.reception().network().capacityOn(LocalDate.of(2024, 12, 31))).isEqualTo(36_205);
    }

    @Test
    void isWhatTheCalibratorWritesFromTheBundledFigures() throws Exception {
        Calibrator.Calibration c = Calibrator.calibrate(ReferenceData.readBundled(), StaffFigures.bundled(), ScenarioFile.read(BASE),
                new Calibrator.Options(YearMonth.of(2023, 12), true, 12, "belgium-2024"));
        String body = CalibratedScenario.render(BASE, FILE, c, List.of());
        String text = Files.readString(FILE);
        assertThat(text.substring(text.indexOf("# SET by keten calibrate\nname:"))).isEqualTo(body);
    }

    @Test
    void aOneMonthReplicationRuns() throws Exception {
        Scenario s = ScenarioFile.read(FILE);
        Scenario one = new Scenario(s.name(), s.start(), 1, s.initial(), s.inflow(), s.pathways(), s.dvz(), s.cgvs(), s.rvv(), s.reception(),
                s.policies(), s.statistics());
        List<Outcome> runs = Simulation.run(one, 1, 1, 1, done -> { });
        assertThat(runs).hasSize(1);
        List<Indicator> all = Indicator.all();
        int applications = 0;
        while (!(all.get(applications).code().equals("applications") && all.get(applications).unit().equals(Indicator.PERSONS))) {
            applications++;
        }
        assertThat(runs.get(0).monthly()[applications][0]).isGreaterThan(2_000);
    }
}
