package be.keten.bench;

import be.keten.core.event.ChainEvent;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.rulebook.Rulebook;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Events per second through the rulebook: {@code decide} checks every rule and folds; {@code fold}
 * only folds (what replaying stored events costs). Scores are per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RulebookBenchmark {
    static final int DOSSIERS = 2_000;
    static final Rulebook RULEBOOK = new Rulebook(BelgianPolicies.book(), Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));

    List<List<ChainEvent>> histories;
    int events;

    @Setup
    public void generate() {
        HistoryGenerator g = new HistoryGenerator(RULEBOOK, 42, LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31));
        histories = new ArrayList<>();
        for (int i = 1; i <= DOSSIERS; i++) {
            List<ChainEvent> h = g.dossier(i);
            histories.add(h);
            events += h.size();
        }
        if (events != EVENTS) {
            throw new IllegalStateException("the generator changed: " + events + " events, update EVENTS");
        }
    }

    /** Events in the 2,000 generated histories (seed 42), so JMH reports per-event throughput. */
    static final int EVENTS = 24_363;

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void decide(Blackhole bh) {
        for (List<ChainEvent> h : histories) {
            DossierState s = DossierState.empty(h.get(0).dossier());
            for (ChainEvent e : h) {
                s = ((Verdict.Accepted) RULEBOOK.decide(s, e)).state();
            }
            bh.consume(s);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void fold(Blackhole bh) {
        for (List<ChainEvent> h : histories) {
            bh.consume(Evolution.fold(h.get(0).dossier(), h));
        }
    }
}
