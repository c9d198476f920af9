package be.keten.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fluid and stochastic means agree in steady state (months 13 to 24 of the small scenario, and of a saturated variant). */
class FluidTest {
    /** Relative tolerance of the agreement. */
    static final double TOLERANCE = 0.15;

    @Test
    void fluidAndStochasticMeansAgreeInSteadyState() {
        agree(Scenarios.small(), List.of("applications|persons", "cgvs_decisions|dossiers", "cgvs_workload|dossiers", "rvv_appeals|dossiers",
                "rvv_pending|dossiers", "reception_occupancy|persons", "protection_rate|dossiers", "reception_in|persons",
                "reception_out|persons"));
    }

    /**
     * A saturated network: the engine holds occupancy at the saturation threshold (single men wait),
     * people give up waiting, and only placements and departures of those placed are the network's flows.
     */
    @Test
    void fluidAndStochasticMeansAgreeInASaturatedNetwork(@TempDir Path dir) throws Exception {
        Scenario sc = Scenarios.smallWith(dir, "saturated", "persons_per_month: 120", "persons_per_month: 150", "places: 900}", "places: 230}",
                "waiting_list_persons: 0", "waiting_list_persons: 60",
                "voluntary_departure_per_month: 0.01", "voluntary_departure_per_month: 0.01\n  waiting_list_dropout_per_month: 0.05");
        // The waiting list is left out: the fluid model's is 23% short here (docs/simulation.md, "Fluid mode").
        agree(sc, List.of("reception_occupancy|persons", "reception_in|persons", "reception_out|persons"));
    }

    /**
     * Far more requests than places, nobody giving up, and officers enough to decide every file in
     * weeks: who waits is still in procedure and leaves the list when decided, so the list never holds
     * more persons than the procedure (DVZ, CGVS, RvV), and no stock goes below zero.
     */
    @Test
    void theWaitingListStaysWithinThePersonsInProcedure(@TempDir Path dir) throws Exception {
        Scenario sc = Scenarios.smallWith(dir, "overrun", "horizon_months: 24", "horizon_months: 120",
                "reception_occupancy: {COLLECTIVE: 150}", "reception_occupancy: {COLLECTIVE: 20}", "places: 100}", "places: 0}",
                "places: 900}", "places: 20}");
        Outcome fluid = FluidModel.run(sc);
        Map<String, Integer> idx = Indicator.index(Indicator.all());
        double[][] m = fluid.monthly();
        for (int j = 0; j < m[0].length; j++) {
            for (int i = 0; i < m.length; i++) {
                assertThat(Double.isNaN(m[i][j]) || m[i][j] >= -1e-9 || Indicator.all().get(i).code().equals("cgvs_backlog"))
                        .as("%s in month %d: %s", Indicator.all().get(i).key(), j, m[i][j]).isTrue();
            }
            double inProcedure = m[idx.get("cgvs_workload|persons")][j] + m[idx.get("rvv_pending|persons")][j]
                    + m[idx.get("applications|persons")][j];   // the DVZ's pipeline: under a month of applications
            assertThat(m[idx.get("waiting_list|persons")][j]).as("waiting list in month %d", j).isLessThanOrEqualTo(inProcedure);
            assertThat(m[idx.get("reception_occupancy|persons")][j]).isLessThanOrEqualTo(m[idx.get("reception_capacity|places")][j] + 1e-9);
        }
        assertThat(m[idx.get("waiting_list|persons")][119]).as("people wait").isGreaterThan(50);
    }

    private static void agree(Scenario sc, List<String> keys) {
        List<Outcome> runs = Simulation.run(sc, 6, 11, 2, null);
        Outcome fluid = FluidModel.run(sc);
        Map<String, Integer> idx = Indicator.index(Indicator.all());
        for (String key : keys) {
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
