package be.keten.server.statistics;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.stats.ChainStatistics;
import be.keten.stats.StatisticsCheckpoint;
import be.keten.stats.StatisticsParameters;
import be.keten.store.Checkpoints;
import be.keten.store.EventStore;
import be.keten.store.ImportProjection;
import be.keten.store.LogPosition;
import be.keten.store.StoredEvent;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The chain statistics of the whole store, kept as a projection: the aggregates are stored as a
 * checkpoint with the log position they reflect, and a load folds only the dossiers with events
 * since, then stores the new checkpoint. A checkpoint of another definition or an unreadable one
 * is set aside and everything is folded again. Dossiers are folded one at a time and forgotten,
 * so memory does not grow with the number of dossiers.
 */
public final class StoreStatistics {
    private StoreStatistics() {
    }

    public static ChainStatistics load(EventStore store, StatisticsParameters parameters) {
        return load(store, parameters, Clock.systemUTC());
    }

    public static ChainStatistics load(EventStore store, StatisticsParameters parameters, Clock clock) {
        return current(store, parameters, clock).statistics();
    }

    /**
     * The projection to hand an {@link be.keten.store.Importer}: brought up to date now, then fed the
     * imported events, and stored with them in the import's transaction.
     */
    public static ImportProjection forImport(EventStore store, StatisticsParameters parameters, Clock clock) {
        Loaded now = current(store, parameters, clock);
        String name = checkpointName(parameters);
        return new ImportProjection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public LogPosition position() {
                return now.position();
            }

            @Override
            public void accept(ChainEvent event, DossierState before, DossierState after) {
                now.statistics().accept(event, before, after);   // the importer holds the states
            }

            @Override
            public byte[] payload() {
                return StatisticsCheckpoint.write(now.statistics());
            }
        };
    }

    /** Statistics and the log position they reflect. */
    private record Loaded(ChainStatistics statistics, LogPosition position) {
    }

    private static Loaded current(EventStore store, StatisticsParameters parameters, Clock clock) {
        Checkpoints checkpoints = new Checkpoints(store, clock);
        String name = checkpointName(parameters);
        Optional<Checkpoints.Checkpoint> saved = checkpoints.read(name);
        LogPosition stored = saved.map(Checkpoints.Checkpoint::position).orElse(null);
        if (saved.isPresent()) {
            ChainStatistics s = null;
            try {
                s = StatisticsCheckpoint.read(saved.get().payload(), parameters);
            } catch (IllegalArgumentException otherDefinition) {
                // Another definition, or unreadable: fold everything again below.
            }
            if (s != null) {
                try {
                    return continueFrom(checkpoints, name, stored, s, stored, false);
                } catch (NotAPrefix stale) {
                    // Not a prefix of the log as it is: fold everything again below.
                }
            }
        }
        // A stored checkpoint that could not be continued is replaced even if the log has not moved.
        return continueFrom(checkpoints, name, stored, new ChainStatistics(parameters), LogPosition.START, saved.isPresent());
    }

    /** One checkpoint per way of counting suspended files, so the two choices do not overwrite each other. */
    static String checkpointName(StatisticsParameters parameters) {
        return "chain-statistics/" + (parameters.suspendedInWorkload() ? "suspended-counted" : "suspended-left-out");
    }

    /** Events counted in a checkpoint after one of the same dossier that was not: the checkpoint cannot be continued. */
    private static final class NotAPrefix extends RuntimeException {
        NotAPrefix(String message) {
            super(message);
        }
    }

    /**
     * Folds what {@code from} does not cover and stores the result, unless the stored checkpoint
     * moved on from {@code stored} meanwhile (another reader's); the statistics are right either
     * way. An import continuing from the result stores its checkpoint only if this one was stored.
     */
    private static Loaded continueFrom(Checkpoints checkpoints, String name, LogPosition stored, ChainStatistics s, LogPosition from,
                                       boolean replace) {
        LogPosition to = checkpoints.readSince(from, history -> fold(s, from, history));
        if (replace || (!to.equals(stored) && !to.equals(LogPosition.START))) {
            checkpoints.write(name, stored, to, StatisticsCheckpoint.write(s));
        }
        return new Loaded(s, to);
    }

    /** Resumes the dossier after the events already counted and counts the rest. */
    private static void fold(ChainStatistics s, LogPosition from, List<StoredEvent> history) {
        int counted = 0;
        while (counted < history.size() && from.covers(history.get(counted).sequence())) {
            counted++;
        }
        DossierId dossier = history.get(0).dossier();
        for (StoredEvent e : history.subList(counted, history.size())) {
            if (from.covers(e.sequence())) {
                throw new NotAPrefix("dossier " + dossier + " version " + e.version() + " counted after a version that was not");
            }
        }
        if (counted > 0) {
            List<ChainEvent> before = history.subList(0, counted).stream().map(StoredEvent::event).toList();
            s.resume(Evolution.fold(dossier, before));
        }
        for (StoredEvent e : history.subList(counted, history.size())) {
            s.accept(e.event());
        }
        s.forget(dossier);
    }
}
