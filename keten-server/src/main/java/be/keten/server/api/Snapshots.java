package be.keten.server.api;

import be.keten.server.seed.SyntheticSeed;
import be.keten.server.statistics.StatisticsService;
import org.springframework.stereotype.Component;

/** The statistics snapshot for the aggregate endpoints; 503 with Retry-After while the synthetic data is loading. */
@Component
class Snapshots {
    static final int RETRY_AFTER_SECONDS = 30;

    private final StatisticsService statistics;
    private final SyntheticSeed seed;

    Snapshots(StatisticsService statistics, SyntheticSeed seed) {
        this.statistics = statistics;
        this.seed = seed;
    }

    StatisticsService.Snapshot current() {
        if (seed.loading()) {
            throw ApiException.loading("the synthetic data is being loaded (" + seed.phase().name().toLowerCase(java.util.Locale.ROOT)
                    + "); the figures are not complete yet", RETRY_AFTER_SECONDS);
        }
        return statistics.current();
    }
}
