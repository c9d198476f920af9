package be.keten.server.statistics;

import be.keten.stats.ChainStatistics;
import be.keten.stats.StatisticsParameters;
import be.keten.store.EventStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The statistics of the whole store, computed by the same engine as the reports of the command line
 * (one definition of every indicator), kept in memory and recomputed in the background when events
 * have been added; readers get the latest complete computation and the time it was made, never a
 * half-done one.
 */
@Service
public class StatisticsService implements DisposableBean {
    static final Duration MIN_AGE = Duration.ofSeconds(30);

    /** The statistics over the first {@code events} events of the store, computed at {@code computedAt}. */
    public record Snapshot(ChainStatistics statistics, long events, Instant computedAt) {
    }

    private final EventStore store;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "keten-statistics");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot current;

    public StatisticsService(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The latest statistics: computed now if there are none yet; otherwise the last snapshot, with
     * a background recomputation started when the store has changed since and the snapshot is
     * older than {@link #MIN_AGE}.
     */
    public Snapshot current() {
        Snapshot s = current;
        if (s == null) {
            return refresh();
        }
        if (Duration.between(s.computedAt(), clock.instant()).compareTo(MIN_AGE) > 0 && store.count() != s.events()
                && refreshing.compareAndSet(false, true)) {
            background.submit(() -> {
                try {
                    refresh();
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return s;
    }

    /** Recomputes the statistics now, from the whole store. */
    public synchronized Snapshot refresh() {
        long events = store.count();
        ChainStatistics stats = StoreStatistics.load(store, StatisticsParameters.defaults(), clock);
        Snapshot s = new Snapshot(stats, events, clock.instant());
        current = s;
        return s;
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
