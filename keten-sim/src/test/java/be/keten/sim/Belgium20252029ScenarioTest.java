package be.keten.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 60-month outlook of the examples reads, starts in 2025 from the simulated end-2024 state, and runs. */
class Belgium20252029ScenarioTest {
    static final Path FILE = Path.of("../examples/scenarios/belgium-2025-2029.yaml");

    @Test
    void readsAsA60MonthOutlookFrom2025() throws Exception {
        Scenario s = ScenarioFile.read(FILE);
        assertThat(s.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(s.horizonMonths()).isEqualTo(60);
        assertThat(s.initial().cgvsWorkloadDossiers()).isEqualTo(30_261);
        assertThat(s.initial().rvvPendingDossiers()).isEqualTo(6_922);
        assertThat(s.initial().waitingList()).isEqualTo(6_262);
    }

    @Test
    void itsStartingStockIsAcceptedByTheRulebook() throws Exception {
        // The RvV stock's past interviews fall in early 2024, when Russian files were suspended: the
        // engine must give those dossiers a nationality no suspension covered then (it once did not).
        Scenario s = ScenarioFile.read(FILE);
        Scenario one = new Scenario(s.name(), s.start(), 1, s.initial(), s.inflow(), s.pathways(), s.dvz(), s.cgvs(), s.rvv(), s.reception(),
                s.policies(), s.statistics());
        List<Outcome> runs = Simulation.run(one, 4, 1, 2, done -> { });
        assertThat(runs).hasSize(4);
    }
}
