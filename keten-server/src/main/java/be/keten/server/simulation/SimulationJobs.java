package be.keten.server.simulation;

import be.keten.sim.FluidModel;
import be.keten.sim.Outcome;
import be.keten.sim.Scenario;
import be.keten.sim.Simulation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Simulations run as asynchronous jobs: submitted, run one at a time (each uses every core), polled
 * for progress, fetched, cancelled. Jobs live in memory; the {@value #KEPT} most recent are kept.
 * Same scenario and seed, same results, whoever runs them. (Two at a time, a what-if's A and B side
 * by side, showed both bands sooner but ended both later than one after the other: docs/benchmarks.md.)
 *
 * <p>A job answers before its replications have run: at submission it makes the scenario's
 * deterministic stock-flow estimate ({@link FluidModel}, well under a second), and while it runs it
 * keeps each replication's outcome as it finishes, so that a caller can show the bands of those
 * finished so far ({@link Job#leading()}).
 */
@Service
public class SimulationJobs implements DisposableBean {
    static final int KEPT = 50;
    private static final Logger log = LoggerFactory.getLogger(SimulationJobs.class);

    public enum Status { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** One job; {@code outcomes} is set once it is DONE. */
    public static final class Job {
        private final String id;
        private final String owner;
        private final String label;
        private final Scenario scenario;
        private final int replications;
        private final long seed;
        private final Instant submittedAt;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicReferenceArray<Outcome> finished;
        private volatile Outcome estimate;
        private volatile Status status = Status.QUEUED;
        private volatile String error;
        private volatile List<Outcome> outcomes;
        private volatile Instant finishedAt;
        private volatile Future<?> future;

        Job(String id, String owner, String label, Scenario scenario, int replications, long seed, Instant submittedAt) {
            this.id = id;
            this.owner = owner;
            this.label = label;
            this.scenario = scenario;
            this.replications = replications;
            this.seed = seed;
            this.submittedAt = submittedAt;
            this.finished = new AtomicReferenceArray<>(replications);
        }

        public String id() { return id; }
        public String owner() { return owner; }
        public String label() { return label; }
        public Scenario scenario() { return scenario; }
        public int replications() { return replications; }
        public long seed() { return seed; }
        public Instant submittedAt() { return submittedAt; }
        public Instant finishedAt() { return finishedAt; }
        public int replicationsDone() { return done.get(); }
        public Status status() { return status; }
        public String error() { return error; }
        public List<Outcome> outcomes() { return outcomes; }

        /** The scenario's deterministic stock-flow estimate, made at submission; null if the fluid model could not run it. */
        public Outcome estimate() { return estimate; }

        /**
         * The outcomes of replications 1 to k, the longest run of them that has finished. Replications
         * finish in any order, but the first k are the same whatever the order or the thread count, so
         * bands over them are reproducible; k is the job's replications once it is done.
         */
        public List<Outcome> leading() {
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < finished.length(); i++) {
                Outcome o = finished.get(i);
                if (o == null) {
                    break;
                }
                out.add(o);
            }
            return out;
        }

        /** The runner takes the job up. */
        void start() {
            status = Status.RUNNING;
        }

        /** Replication {@code index} has given {@code outcome}, and {@code count} have finished; none counts once the job is cancelled. */
        void finished(int index, Outcome outcome, int count) {
            if (status == Status.CANCELLED) {
                // Not counted; and the exception stops the replications left, which the cancel's interrupt
                // misses when the job was cancelled just as it started.
                throw new CancellationException("simulation job " + id + " was cancelled");
            }
            finished.set(index, outcome);
            done.set(count);
        }

        /** Share of the replications finished, 0 to 1. */
        public double progress() {
            return progress(status);
        }

        /** The share finished as of {@code status}, read once by a caller that shows several things of one state. */
        public double progress(Status status) {
            return status == Status.DONE ? 1.0 : done.get() / (double) replications;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "keten-simulation-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;
    private final int threads;

    public SimulationJobs() {
        this(Clock.systemUTC(), Runtime.getRuntime().availableProcessors());
    }

    SimulationJobs(Clock clock, int threads) {
        this.clock = clock;
        this.threads = threads;
    }

    /** Queues a run of {@code replications} replications of {@code scenario} with {@code seed}. */
    public Job submit(String owner, String label, Scenario scenario, int replications, long seed) {
        if (replications < 1 || replications > 1000) {
            throw new IllegalArgumentException("replications: " + replications + " is not allowed; 1 to 1000");
        }
        Job job = new Job(UUID.randomUUID().toString(), owner, label, scenario, replications, seed, clock.instant());
        job.estimate = estimate(scenario);
        jobs.put(job.id(), job);
        forgetOld();
        job.future = runner.submit(() -> run(job));
        return job;
    }

    private void run(Job job) {
        if (job.status == Status.CANCELLED) {
            return;
        }
        job.start();
        try {
            List<Outcome> out = Simulation.runReporting(job.scenario, null, job.replications, job.seed, threads, job::finished);
            if (job.status != Status.CANCELLED) {   // cancelled as its last replication ended: it stays cancelled
                job.outcomes = out;
                job.status = Status.DONE;
            }
        } catch (CancellationException e) {
            job.status = Status.CANCELLED;
        } catch (RuntimeException e) {
            if (job.status != Status.CANCELLED) {
                job.status = Thread.currentThread().isInterrupted() ? Status.CANCELLED : Status.FAILED;
                job.error = e.getMessage();
            }
        } finally {
            job.finishedAt = clock.instant();
            Thread.interrupted(); // the runner thread goes on with the next job
        }
    }

    /** The fluid model's run of {@code scenario}; null when it cannot run it (the replications do not depend on it). */
    private static Outcome estimate(Scenario scenario) {
        try {
            return FluidModel.run(scenario);
        } catch (RuntimeException e) {
            log.warn("no stock-flow estimate for scenario {}: {}", scenario.name(), e.toString());
            return null;
        }
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Every kept job, newest first. */
    public List<Job> list() {
        List<Job> out = new ArrayList<>(jobs.values());
        out.sort(Comparator.comparing(Job::submittedAt).reversed());
        return out;
    }

    /** Cancels a queued or running job; false when it had already ended. */
    public boolean cancel(String id) {
        Job job = jobs.get(id);
        if (job == null || job.status == Status.DONE || job.status == Status.FAILED || job.status == Status.CANCELLED) {
            return false;
        }
        job.status = Status.CANCELLED;
        if (job.future != null) {
            job.future.cancel(true);
        }
        return true;
    }

    private void forgetOld() {
        List<Job> all = list();
        for (int i = KEPT; i < all.size(); i++) {
            Job old = all.get(i);
            if (old.status != Status.QUEUED && old.status != Status.RUNNING) {
                jobs.remove(old.id());
            }
        }
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
