package be.keten.server.statistics;

import be.keten.stats.ChainStatistics;
import be.keten.stats.StatisticsParameters;
import be.keten.store.EventStore;
import be.keten.store.StoredEvent;
import java.util.stream.Stream;

/** Feeds every stored event, in the store's global order, to the statistics. */
public final class StoreStatistics {
    private StoreStatistics() {
    }

    public static ChainStatistics load(EventStore store, StatisticsParameters parameters) {
        ChainStatistics s = new ChainStatistics(parameters);
        try (Stream<StoredEvent> events = store.stream(null, null)) {
            events.forEach(e -> s.accept(e.event()));
        }
        return s;
    }
}
