package be.keten.store;

import be.keten.core.id.DossierId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Projections that are too costly to refold on every read (the chain statistics) kept as
 * checkpoints: a payload their owner serialises, and the {@link LogPosition} it reflects. A reader
 * loads the checkpoint, folds only what the log gained since ({@link #readSince}) and may store the
 * result as the new checkpoint. The payload's format is the owner's business; the store keeps bytes.
 */
public final class Checkpoints {
    /** A stored checkpoint. */
    public record Checkpoint(String name, LogPosition position, byte[] payload, Instant createdAt) {
    }

    private final EventStore store;
    private final Clock clock;

    public Checkpoints(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Optional<Checkpoint> read(String name) {
        return store.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT through_seq, gaps, payload, created_at FROM projection_checkpoints WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Checkpoint>empty();
                    }
                    return Optional.of(new Checkpoint(name, LogPosition.of(rs.getLong(1), rs.getString(2)), rs.getBytes(3),
                            rs.getObject(4, java.time.OffsetDateTime.class).toInstant()));
                }
            }
        });
    }

    /** Stores (or replaces) the checkpoint {@code name}. */
    public void write(String name, LogPosition position, byte[] payload) {
        Database db = store.database();
        db.inTransaction(c -> {
            upsert(c, db.dialect(), name, position, payload, clock.instant());
            return null;
        });
    }

    private static void upsert(Connection c, Dialect dialect, String name, LogPosition position, byte[] payload, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(dialect.upsert("projection_checkpoints", "name",
                List.of("name", "through_seq", "gaps", "payload", "created_at")))) {
            ps.setString(1, name);
            ps.setLong(2, position.through());
            ps.setString(3, position.gapsText());
            ps.setBytes(4, payload);
            ps.setObject(5, now.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /**
     * Inside an import's transaction, before it commits: stores the projection's checkpoint with the
     * import's events (dossier by dossier, the versions from {@code firstImported} on) counted as
     * read. Events other writers committed meanwhile are not in the projection, so they stay
     * uncovered and are read next time.
     */
    static void storeWithImport(Connection c, Dialect dialect, ImportProjection projection, Map<DossierId, Integer> firstImported, Instant now)
            throws SQLException {
        LogPosition from = projection.position();
        BitSet beyond = new BitSet();
        List<Long> inOldGaps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, dossier_id, version FROM events WHERE " + from.uncoveredSql())) {
            from.bind(ps);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer first = firstImported.get(DossierId.of(rs.getString(2)));
                    if (first != null && rs.getInt(3) >= first) {
                        mark(from, rs.getLong(1), beyond, inOldGaps);
                    }
                }
            }
        }
        upsert(c, dialect, projection.name(), from.advance(beyond, inOldGaps, now), projection.payload(), now);
    }

    /**
     * Hands over, dossier by dossier, the whole history (in version order) of every dossier with an
     * event not covered by {@code from}, and returns the position after them. The caller tells the
     * events it had folded before from the new ones with {@link LogPosition#covers}. An event
     * committed while this runs is either handed over or left out of the position (a gap, or
     * beyond it), never both or neither.
     */
    public LogPosition readSince(LogPosition from, Consumer<List<StoredEvent>> history) {
        BitSet beyond = new BitSet();
        List<Long> inOldGaps = new ArrayList<>();
        if (from.equals(LogPosition.START)) {
            // Everything, in one query: one consistent view of the log.
            try (Stream<StoredEvent> events = store.allHistories()) {
                byDossier(events.peek(e -> mark(from, e.sequence(), beyond, inOldGaps)), e -> true, history);
            }
            return from.advance(beyond, inOldGaps, clock.instant());
        }
        // What is new, then the histories of those dossiers: events committed between the two
        // queries were not seen by the first, so they are left for the next read.
        Set<DossierId> dossiers = new LinkedHashSet<>();
        for (Map.Entry<Long, DossierId> e : store.uncovered(from)) {
            mark(from, e.getKey(), beyond, inOldGaps);
            dossiers.add(e.getValue());
        }
        Set<Long> oldGapsSeen = new HashSet<>(inOldGaps);
        List<DossierId> all = new ArrayList<>(dossiers);
        for (int i = 0; i < all.size(); i += BATCH) {
            try (Stream<StoredEvent> events = store.histories(all.subList(i, Math.min(all.size(), i + BATCH)))) {
                byDossier(events, e -> from.covers(e.sequence()) || (e.sequence() > from.through()
                        ? beyond.get(Math.toIntExact(e.sequence() - from.through() - 1)) : oldGapsSeen.contains(e.sequence())), history);
            }
        }
        return from.advance(beyond, inOldGaps, clock.instant());
    }

    private static final int BATCH = 500;

    /** Groups consecutive events of one dossier, keeping those {@code keep} accepts. */
    private static void byDossier(Stream<StoredEvent> events, Predicate<StoredEvent> keep, Consumer<List<StoredEvent>> history) {
        List<StoredEvent> current = new ArrayList<>();
        events.filter(keep).forEach(e -> {
            if (!current.isEmpty() && !current.get(0).dossier().equals(e.dossier())) {
                history.accept(List.copyOf(current));
                current.clear();
            }
            current.add(e);
        });
        if (!current.isEmpty()) {
            history.accept(List.copyOf(current));
        }
    }

    private static void mark(LogPosition from, long seq, BitSet beyond, List<Long> inOldGaps) {
        if (seq > from.through()) {
            beyond.set(Math.toIntExact(seq - from.through() - 1));
        } else if (!from.covers(seq)) {
            inOldGaps.add(seq);
        }
    }
}
