package be.keten.app.sim;

import be.keten.sim.InitialCases;
import be.keten.store.EventStore;
import be.keten.store.StoredEvent;
import java.time.LocalDate;
import java.util.stream.Stream;

/** The event store's dossiers as a simulation's starting cases ({@code keten simulate --from-store}). */
final class StoreCases {
    private StoreCases() {
    }

    /** The cases, the events folded into them, and the stored events left out for being dated on or after the start. */
    record Loaded(InitialCases cases, long events, long later) {
    }

    /**
     * Streams the events dated before {@code start} in the store's order (each dossier's in its own
     * order) and folds them dossier by dossier: only one state per dossier is held, never the events.
     */
    static Loaded load(EventStore store, LocalDate start) {
        InitialCases.Builder b = InitialCases.builder(start);
        try (Stream<StoredEvent> events = store.stream(null, start.minusDays(1))) {
            events.forEach(e -> b.accept(e.event()));
        }
        return new Loaded(b.build(), b.events(), store.count(start, null));
    }
}
