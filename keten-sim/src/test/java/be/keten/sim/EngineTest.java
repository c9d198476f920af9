package be.keten.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.event.ChainEvent;
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.id.DossierId;
import be.keten.core.rulebook.Rulebook;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import be.keten.core.calendar.Period;
import be.keten.stats.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    private final Scenario small = Scenarios.small();

    @Test
    void sameSeedSameSeriesWhateverTheThreadCountAndAnotherSeedDiffers(@TempDir Path dir) throws Exception {
        SimulationOutput.write(dir.resolve("a"), small, Simulation.run(small, 3, 42, 1, null), "stochastic");
        SimulationOutput.write(dir.resolve("b"), small, Simulation.run(small, 3, 42, 2, null), "stochastic");
        SimulationOutput.write(dir.resolve("c"), small, Simulation.run(small, 3, 43, 2, null), "stochastic");
        String a = Files.readString(dir.resolve("a/series.csv"));
        assertThat(Files.readString(dir.resolve("b/series.csv"))).isEqualTo(a);
        assertThat(Files.readString(dir.resolve("b/summary.csv"))).isEqualTo(Files.readString(dir.resolve("a/summary.csv")));
        assertThat(Files.readString(dir.resolve("c/series.csv"))).isNotEqualTo(a);
        assertThat(a.lines().findFirst()).contains("month,indicator,unit,mean,p5,p50,p95");
        for (Indicator i : Indicator.all()) {
            assertThat(a).contains(",".concat(i.code()).concat(",").concat(i.unit()).concat(","));
        }
        assertThat(a.lines().count()).isEqualTo(1 + 24L * Indicator.all().size());
        assertThat(Files.readString(dir.resolve("a/report.html"))).contains("<svg").doesNotContain("<script");
    }

    @Test
    void everyEventTheEngineProducesIsAcceptedByTheRulebookOnReplay() {
        List<ChainEvent> events = new ArrayList<>();
        new Engine(small, Simulation.random(7, 0), events::add).run();
        assertThat(events).hasSizeGreaterThan(5_000);
        Rulebook replay = new Rulebook(small.policies(), Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));
        Map<DossierId, DossierState> states = new HashMap<>();
        for (ChainEvent e : events) {
            Verdict v = replay.decide(states.getOrDefault(e.dossier(), DossierState.empty(e.dossier())), e);
            assertThat(v.accepted()).as("%s: %s", e, v).isTrue();
            states.put(e.dossier(), ((Verdict.Accepted) v).state());
        }
    }

    @Test
    void theEngineFailsLoudlyOnAnEventTheRulebookRefuses() {
        Engine engine = new Engine(small, Simulation.random(1, 0), null);
        DossierId id = DossierId.of("D-TEST-0001");
        assertThatThrownBy(() -> engine.emitForTest(id, new TransferredToCgvs(id, small.start().minusDays(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rulebook refuses");
    }

    @Test
    void workloadChangesByTransfersInMinusDecisionsOutExactlyPerReplication() {
        List<ChainEvent> events = new ArrayList<>();
        Engine.Result r = new Engine(small, Simulation.random(3, 0), events::add).run();
        Map<java.time.YearMonth, long[]> byMonth = new LinkedHashMap<>();
        Map<DossierId, DossierState> states = new HashMap<>();
        for (ChainEvent e : events) {
            DossierState before = states.getOrDefault(e.dossier(), DossierState.empty(e.dossier()));
            DossierState after = be.keten.core.state.Evolution.apply(before, e);
            states.put(e.dossier(), after);
            long[] c = byMonth.computeIfAbsent(java.time.YearMonth.from(e.date()), k -> new long[2]);
            if (!before.state().atCgvs() && after.state().atCgvs()) {
                c[0]++; // into the workload: transfer by DVZ, annulment by the RvV
            }
            if (before.state().atCgvs() && !after.state().atCgvs()) {
                c[1]++; // out: a final decision
            }
        }
        var st = r.statistics();
        for (Period p : Outcome.months(small)) {
            long[] c = byMonth.getOrDefault(p.from(), new long[2]);
            long change = st.workload(p.lastDay(), Unit.DOSSIERS) - st.workload(p.from().atDay(1).minusDays(1), Unit.DOSSIERS);
            assertThat(change).as(p.label()).isEqualTo(c[0] - c[1]);
            long finals = st.decisions(p, Unit.DOSSIERS).ofStage(be.keten.core.procedure.DecisionStage.FINAL);
            assertThat(c[1]).as(p.label()).isEqualTo(finals);
        }
        long applications = st.applicationsTotal(new Period(small.firstMonth(), small.lastMonth()));
        assertThat(applications).isBetween(24 * 120 * 80 / 100L, 24 * 120 * 120 / 100L);
    }
}
