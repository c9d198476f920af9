package be.keten.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Monte Carlo: independent replications of the engine, in parallel. Replication {@code i} draws
 * from a generator derived from the seed and {@code i} only, and results are kept by index, so the
 * output is the same whatever the number of threads.
 */
public final class Simulation {
    private Simulation() {
    }

    /** The generator of replication {@code index}: a SplitMix64 mix of seed and index. */
    public static SplittableRandom random(long seed, int index) {
        long z = seed + (index + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    /**
     * Runs {@code replications} replications on {@code threads} threads; {@code done} is told the
     * number of finished replications after each one.
     */
    public static List<Outcome> run(Scenario sc, int replications, long seed, int threads, IntConsumer done) {
        return run(sc, null, replications, seed, threads, done);
    }

    /**
     * The same, every replication continuing {@code carried} (real dossiers, shared read-only: their
     * states are immutable) instead of the scenario's start stocks; null: the stocks.
     */
    public static List<Outcome> run(Scenario sc, InitialCases carried, int replications, long seed, int threads, IntConsumer done) {
        return runReporting(sc, carried, replications, seed, threads, done == null ? null : (index, outcome, finished) -> done.accept(finished));
    }

    /** Told of each replication as it finishes, on the thread that ran it; replications finish in any order. */
    @FunctionalInterface
    public interface Progress {
        /** Replication {@code index} gave {@code outcome}; {@code finished} replications have finished, this one included. */
        void finished(int index, Outcome outcome, int finished);
    }

    /** The same, {@code progress} told of each replication with its outcome (a caller may show results as they come). */
    public static List<Outcome> runReporting(Scenario sc, InitialCases carried, int replications, long seed, int threads, Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "keten-sim");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            int[] finished = {0};
            for (int i = 0; i < replications; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    Outcome o = Outcome.of(new Engine(sc, carried, random(seed, index), null).run(), sc);
                    synchronized (finished) {
                        finished[0]++;
                        if (progress != null) {
                            progress.finished(index, o, finished[0]);
                        }
                    }
                    return o;
                }));
            }
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }
}
