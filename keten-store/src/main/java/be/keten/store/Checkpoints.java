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

    /** A checkpoint holds at most this many gaps; past that it is not stored (the reader folds more next time). */
    static final int MAX_GAPS = 1000;

    /**
     * Stores the checkpoint {@code name} at {@code position}, provided the stored one is still at
     * {@code expected} (null: there is none): of two readers that started from the same checkpoint,
     * the slower does not take the other's progress back.
     *
     * @return false when it was not stored (moved on meanwhile, or too many gaps)
     */
    public boolean write(String name, LogPosition expected, LogPosition position, byte[] payload) {
        Database db = store.database();
        try {
            return db.inTransaction(c -> replace(c, name, expected, position, payload, clock.instant()));
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException s && db.dialect().isConflict(s)) {
                return false;   // another reader stored the first checkpoint at the same moment
            }
            throw e;
        }
    }

    private static boolean replace(Connection c, String name, LogPosition expected, LogPosition position, byte[] payload, Instant now)
            throws SQLException {
        if (position.gaps().size() > MAX_GAPS) {
            return false;
        }
        // Not a plain INSERT: in an import's transaction a duplicate key would abort the import on PostgreSQL.
        String sql = expected == null
                ? "INSERT INTO projection_checkpoints (through_seq, gaps, payload, created_at, name) SELECT ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM projection_checkpoints WHERE name = ?)"
                : "UPDATE projection_checkpoints SET through_seq = ?, gaps = ?, payload = ?, created_at = ? WHERE name = ? AND through_seq = ? AND gaps = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, position.through());
            ps.setString(2, position.gapsText());
            ps.setBytes(3, payload);
            ps.setObject(4, now.atOffset(ZoneOffset.UTC));
            ps.setString(5, name);
            if (expected == null) {
                ps.setString(6, name);
            } else {
                ps.setLong(6, expected.through());
                ps.setString(7, expected.gapsText());
            }
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Inside an import's transaction, before it commits: stores the projection's checkpoint with the
     * import's events (dossier by dossier, the versions from {@code firstImported} on) counted as
     * read; other writers' events committed meanwhile stay unread. Not stored when the projection
     * missed an earlier event of an imported dossier (written after the projection's position was
     * taken): its figures would rest on a state it never counted. Then the stored checkpoint stays
     * as it was and the next read folds the import's dossiers.
     */
    static void storeWithImport(Connection c, ImportProjection projection, Map<DossierId, Integer> firstImported, Instant now)
            throws SQLException {
        LogPosition from = projection.position();
        LogPosition.Reading r = new LogPosition.Reading();
        Instant limit = now.minus(LogPosition.GAP_LIFETIME);
        boolean[] missed = {false};
        EventStore.uncovered(c, from, (seq, dossier, version, recordedAt) -> {
            Integer first = firstImported.get(dossier);
            missed[0] |= first != null && version < first;
            r.saw(from, seq, recordedAt, limit, first != null && version >= first);
        });
        if (!missed[0]) {
            replace(c, projection.name(), from.equals(LogPosition.START) ? null : from, from.advance(r, now), projection.payload(), now);
        }
    }

    /**
     * Hands over, dossier by dossier, the whole history (in version order) of every dossier with an
     * event not covered by {@code from}, and returns the position after them. The caller tells the
     * events it had folded before from the new ones with {@link LogPosition#covers}. An event
     * committed while this runs is either handed over or left out of the position (a gap, or
     * beyond it), never both or neither.
     */
    public LogPosition readSince(LogPosition from, Consumer<List<StoredEvent>> history) {
        LogPosition.Reading r = new LogPosition.Reading();
        Instant now = clock.instant();
        Instant limit = now.minus(LogPosition.GAP_LIFETIME);
        if (from.equals(LogPosition.START)) {
            // Everything, in one query: one consistent view of the log.
            try (Stream<StoredEvent> events = store.allHistories()) {
                byDossier(events.peek(e -> r.saw(from, e.sequence(), e.recordedAt(), limit, true)), e -> true, history);
            }
            return from.advance(r, now);
        }
        // What is new, then the histories of those dossiers: events committed between the two
        // queries were not seen by the first, so they are left for the next read.
        Set<DossierId> dossiers = new LinkedHashSet<>();
        store.database().inTransaction(c -> {
            EventStore.uncovered(c, from, (seq, dossier, version, recordedAt) -> {
                r.saw(from, seq, recordedAt, limit, true);
                dossiers.add(dossier);
            });
            return null;
        });
        Set<Long> oldGapsSeen = new HashSet<>(r.inOldGaps);
        List<DossierId> all = new ArrayList<>(dossiers);
        for (int i = 0; i < all.size(); i += BATCH) {
            try (Stream<StoredEvent> events = store.histories(all.subList(i, Math.min(all.size(), i + BATCH)))) {
                byDossier(events, e -> from.covers(e.sequence()) || (e.sequence() > from.through()
                        ? seen(r, e.sequence() - from.through() - 1) : oldGapsSeen.contains(e.sequence())), history);
            }
        }
        return from.advance(r, now);
    }

    private static boolean seen(LogPosition.Reading r, long offset) {
        return offset < Integer.MAX_VALUE && r.beyond.get((int) offset);
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
}
