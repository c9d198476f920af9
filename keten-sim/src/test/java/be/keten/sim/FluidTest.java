package be.keten.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fluid and stochastic means agree in steady state (months 13 to 24 of the small scenario). */
class FluidTest {
    /** Relative tolerance of the agreement. */
    static final double TOLERANCE = 0.15;

    @Test
    void fluidAndStochasticMeansAgreeInSteadyState() {
        Scenario sc = Scenarios.small();
        List<Outcome> runs = Simulation.run(sc, 6, 11, 2, null);
        Outcome fluid = FluidModel.run(sc);
        Map<String, Integer> idx = Indicator.index(Indicator.all());
        for (String key : List.of("applications|persons", "cgvs_decisions|dossiers", "cgvs_workload|dossiers", "rvv_appeals|dossiers",
                "rvv_pending|dossiers", "reception_occupancy|persons", "protection_rate|dossiers")) {
            int i = idx.get(key);
            double stochastic = 0;
            double det = 0;
            for (int m = 12; m < 24; m++) {
                stochastic += Bands.of(runs, false, i, m).mean() / 12;
                det += fluid.monthly()[i][m] / 12;
            }
            assertThat(det).as(key + " fluid vs stochastic " + stochastic).isCloseTo(stochastic, within(TOLERANCE * Math.abs(stochastic) + 1));
        }
    }
}
