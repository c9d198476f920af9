package be.keten.bench;

import be.keten.sim.Engine;
import be.keten.sim.Outcome;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioFile;
import be.keten.sim.Simulation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One replication of the simulation engine (issue 4), as {@code Simulation.run} does it on one of
 * its threads: build the initial state, run every day of the horizon with every event through the
 * full rulebook, read the indicators off the statistics. The scenario is read from
 * examples/scenarios (run from the repository root) and cut to {@code months} months; every
 * invocation runs the same replication (seed 1, index 0), so each does the same work.
 *
 * <p>Throughput mode: the primary score is replications per second; the secondary score
 * {@code events} is domain events accepted by the rulebook per second (initial state included), on
 * one thread, i.e. per core. The counters {@code replications}, {@code domainEvents} and
 * {@code cpuMillis} (see {@link Cpu}) give events per replication and events per second of CPU time
 * of the benchmark thread, which stays meaningful when other processes share the cores (wall-clock
 * rates then understate the engine).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SimulationBenchmark {
    static final long SEED = 1;

    @Param({"baseline-2025", "belgium-2025-2029"})
    String scenario;

    @Param({"12"})
    int months;

    Scenario sc;

    @Setup
    public void read() throws Exception {
        sc = cut(ScenarioFile.read(Path.of("examples", "scenarios", scenario + ".yaml")), months);
    }

    /** {@code full} with its horizon cut to {@code months} months. */
    static Scenario cut(Scenario full, int months) {
        if (months > full.horizonMonths()) {
            throw new IllegalArgumentException(full.name() + " has " + full.horizonMonths() + " months, not " + months);
        }
        return new Scenario(full.name(), full.start(), months, full.initial(), full.inflow(), full.pathways(), full.dvz(), full.cgvs(),
                full.rvv(), full.reception(), full.policies(), full.statistics());
    }

    /** Domain events of the replications run in an iteration; JMH reports them per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void clear() {
            events = 0;
        }
    }

    /**
     * Sums over the measured iterations (JMH adds these up rather than averaging them): replications
     * run, domain events of those replications, and CPU milliseconds of the benchmark thread spent in
     * them. Events per replication = domainEvents ÷ replications; events per CPU second = domainEvents
     * ÷ cpuMillis × 1,000.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        public long replications;
        public long domainEvents;
        long nanos;

        @Setup(Level.Iteration)
        public void clear() {
            replications = 0;
            domainEvents = 0;
            nanos = 0;
        }

        public long cpuMillis() {
            return nanos / 1_000_000;
        }
    }

    @Benchmark
    public Outcome replication(Events counter, Cpu cpu) {
        long t0 = Cpu.THREADS.getCurrentThreadCpuTime();
        Engine.Result r = new Engine(sc, Simulation.random(SEED, 0), null).run();
        Outcome o = Outcome.of(r, sc);
        cpu.nanos += Cpu.THREADS.getCurrentThreadCpuTime() - t0;
        cpu.replications++;
        cpu.domainEvents += r.events();
        counter.events += r.events();
        return o;
    }
}
