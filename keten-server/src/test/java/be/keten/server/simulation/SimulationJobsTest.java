package be.keten.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.server.web.WhatIfJobs;
import be.keten.sim.FluidModel;
import be.keten.sim.Indicator;
import be.keten.sim.Outcome;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioFile;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A job's answers before its replications are done: the stock-flow estimate, and the bands of the first finished. */
class SimulationJobsTest {
    static Scenario twoMonths;

    @BeforeAll
    static void read() throws Exception {
        twoMonths = new Levers(1.0, null, 0, null, 0, List.of(), 2).apply(ScenarioFile.read(LeversTest.BASELINE));
    }

    /** Waits for a job to end, bounded so that a broken job fails the test instead of hanging it. */
    private static void await(SimulationJobs.Job job) throws InterruptedException {
        for (int i = 0; i < 2400 && (job.status() == SimulationJobs.Status.QUEUED || job.status() == SimulationJobs.Status.RUNNING); i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void aJobHasTheScenariosStockFlowEstimateFromItsSubmission() {
        SimulationJobs jobs = new SimulationJobs(Clock.systemUTC(), 1);
        try {
            SimulationJobs.Job job = jobs.submit("u", "two months", twoMonths, 3, 1);
            // Made in submit itself, so there whatever the job's status now.
            assertThat(job.estimate()).isNotNull();
            Outcome fluid = FluidModel.run(twoMonths);
            // Arrays.deepEquals: NaN (an undefined value, as the fluid model's waiting time) equals NaN there.
            assertThat(Arrays.deepEquals(job.estimate().monthly(), fluid.monthly())).isTrue();
            assertThat(Arrays.deepEquals(job.estimate().yearly(), fluid.yearly())).isTrue();
        } finally {
            jobs.destroy();
        }
    }

    @Test
    void theLeadingReplicationsAreTheFirstThatHaveAllFinished() {
        SimulationJobs.Job job = new SimulationJobs.Job("j", "u", "l", twoMonths, 4, 1, Instant.EPOCH);
        Outcome[] o = new Outcome[4];
        for (int i = 0; i < o.length; i++) {
            o[i] = new Outcome(new double[][] {{i}}, new double[][] {{i}});
        }
        assertThat(job.leading()).isEmpty();
        job.finished(2, o[2], 1);
        assertThat(job.leading()).isEmpty();   // the first has not finished: no band yet, though one has
        assertThat(job.replicationsDone()).isEqualTo(1);
        job.finished(0, o[0], 2);
        assertThat(job.leading()).containsExactly(o[0]);
        job.finished(3, o[3], 3);
        assertThat(job.leading()).containsExactly(o[0]);
        job.finished(1, o[1], 4);
        assertThat(job.leading()).containsExactly(o[0], o[1], o[2], o[3]);
        assertThat(job.progress()).isEqualTo(1.0);
    }

    @Test
    void thePageIsShownTheBandsOfReplicationsOneToKOnceAllOfThemHaveFinished() {
        List<Indicator> all = Indicator.all();
        int workload = Indicator.indexOf("cgvs_workload|dossiers");
        int months = be.keten.sim.Outcome.months(twoMonths).size();
        Outcome[] o = new Outcome[4];
        for (int i = 0; i < o.length; i++) {
            double[][] monthly = new double[all.size()][months];
            monthly[workload][0] = 100 * (i + 1);
            monthly[workload][1] = 1000 * (i + 1);
            o[i] = new Outcome(monthly, new double[all.size()][1]);
        }
        SimulationJobs.Job job = new SimulationJobs.Job("j", "u", "l", twoMonths, 4, 1, Instant.EPOCH);
        assertThat(WhatIfJobs.answer(job)).doesNotContainKeys("series", "inBands").containsEntry("status", "QUEUED");
        job.start();
        job.finished(1, o[1], 1);
        assertThat(WhatIfJobs.answer(job)).doesNotContainKeys("series", "inBands");   // replication 1 has not finished
        job.finished(0, o[0], 2);
        Map<String, Object> two = WhatIfJobs.answer(job);
        assertThat(two).containsEntry("inBands", 2).containsEntry("done", 2).containsEntry("progress", 0.5);
        assertThat(p50(two)).containsExactly(150.0, 1500.0);   // the median of 100 and 200, of 1000 and 2000
        job.finished(3, o[3], 3);
        assertThat(WhatIfJobs.answer(job)).containsEntry("inBands", 2);   // replication 3 waits for replication 2
        job.finished(2, o[2], 4);
        Map<String, Object> four = WhatIfJobs.answer(job);
        assertThat(four).containsEntry("inBands", 4);
        assertThat(p50(four)).containsExactly(250.0, 2500.0);
    }

    @SuppressWarnings("unchecked")
    private static List<Double> p50(Map<String, Object> answer) {
        Map<String, Object> series = (Map<String, Object>) answer.get("series");
        return (List<Double>) ((Map<String, Object>) series.get("cgvs_workload|dossiers")).get("p50");
    }

    @Test
    void aCancelledJobShowsNoBandsAndCountsNoReplicationFinishingAfterwards() throws Exception {
        SimulationJobs jobs = new SimulationJobs(Clock.systemUTC(), 1);
        try {
            SimulationJobs.Job job = jobs.submit("u", "two months", twoMonths, 50, 1);
            assertThat(jobs.cancel(job.id())).isTrue();
            int done = job.replicationsDone();
            // A replication ending after the cancellation is not counted, and stops the job's other replications.
            assertThatThrownBy(() -> job.finished(49, new Outcome(new double[0][0], new double[0][0]), done + 1))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
            assertThat(job.replicationsDone()).isEqualTo(done);
            assertThat(WhatIfJobs.answer(job)).doesNotContainKeys("series", "inBands").containsEntry("status", "CANCELLED")
                    .containsKey("estimate");
        } finally {
            jobs.destroy();
        }
    }

    @Test
    void aFinishedJobsLeadingReplicationsAreAllItsOutcomesInOrder() throws Exception {
        SimulationJobs jobs = new SimulationJobs(Clock.systemUTC(), 2);
        try {
            SimulationJobs.Job job = jobs.submit("u", "two months", twoMonths, 3, 5);
            await(job);
            assertThat(job.status()).isEqualTo(SimulationJobs.Status.DONE);
            assertThat(job.replicationsDone()).isEqualTo(3);
            assertThat(job.leading()).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(job.leading().get(i)).isSameAs(job.outcomes().get(i));
            }
        } finally {
            jobs.destroy();
        }
    }
}
