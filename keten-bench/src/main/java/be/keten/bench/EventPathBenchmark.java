package be.keten.bench;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.rulebook.Rulebook;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.sim.Engine;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioFile;
import be.keten.sim.Simulation;
import be.keten.stats.ChainStatistics;
import be.keten.stats.ReceptionNeeds;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-event parts of a replication apart from the engine around them, over the very events one
 * replication emits (the scenario cut to {@code months} months, seed 1, index 0, as
 * {@link SimulationBenchmark} runs it), in its order, each with the dossier's state before and
 * after it: the statistics as a simulation keeps them, the reception figures, the rulebook (checks
 * and fold), the fold alone. A replay reads each state long after it was made, where the engine
 * often reads a state it has just made: the rates are lower than inside a replication. Compare
 * builds of one part on the simulation's own mix of events with it; do not add the parts up.
 *
 * <p>Each invocation replays every event once; the secondary score {@code events} is events per
 * second (the counter {@link SimulationBenchmark.Events}, here of replayed events). The events and
 * states of a 60-month replication take about 1.5 GB of heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class EventPathBenchmark {
    @Param({"belgium-2025-2029"})
    String scenario;

    @Param({"60"})
    int months;

    Scenario sc;
    ChainEvent[] events;
    DossierState[] before;
    DossierState[] after;
    Rulebook rulebook;

    @Setup
    public void record() throws Exception {
        sc = SimulationBenchmark.cut(ScenarioFile.read(Path.of("examples", "scenarios", scenario + ".yaml")), months);
        List<ChainEvent> emitted = new ArrayList<>();
        new Engine(sc, Simulation.random(SimulationBenchmark.SEED, 0), emitted::add).run();
        events = emitted.toArray(ChainEvent[]::new);
        before = new DossierState[events.length];
        after = new DossierState[events.length];
        Map<DossierId, DossierState> states = new HashMap<>();
        for (int i = 0; i < events.length; i++) {
            before[i] = states.computeIfAbsent(events[i].dossier(), DossierState::empty);
            after[i] = Evolution.apply(before[i], events[i]);
            states.put(events[i].dossier(), after[i]);
        }
        // A clock at the horizon's end: no event is in its future, as none was on the simulated day it was emitted.
        rulebook = new Rulebook(sc.policies(), Clock.fixed(sc.end().atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
        for (int i = 0; i < events.length; i++) {
            if (!(rulebook.decide(before[i], events[i]) instanceof Verdict.Accepted)) {
                throw new IllegalStateException("the rulebook refuses event " + i + " on replay: " + events[i]);
            }
        }
    }

    @Benchmark
    public ChainStatistics statistics(SimulationBenchmark.Events counter) {
        ChainStatistics s = ChainStatistics.withoutResidentProfiles(sc.statistics());
        for (int i = 0; i < events.length; i++) {
            s.accept(events[i], before[i], after[i]);
        }
        counter.events += events.length;
        return s;
    }

    @Benchmark
    public ReceptionNeeds receptionNeeds(SimulationBenchmark.Events counter) {
        ReceptionNeeds n = new ReceptionNeeds();
        for (int i = 0; i < events.length; i++) {
            n.accept(events[i], before[i], after[i]);
        }
        counter.events += events.length;
        return n;
    }

    @Benchmark
    public void decide(SimulationBenchmark.Events counter, Blackhole bh) {
        for (int i = 0; i < events.length; i++) {
            bh.consume(rulebook.decide(before[i], events[i]));
        }
        counter.events += events.length;
    }

    @Benchmark
    public void fold(SimulationBenchmark.Events counter, Blackhole bh) {
        for (int i = 0; i < events.length; i++) {
            bh.consume(Evolution.apply(before[i], events[i]));
        }
        counter.events += events.length;
    }
}
