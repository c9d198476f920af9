package be.keten.store;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.rulebook.Rulebook;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.io.events.EventCodec;
import be.keten.io.events.EventFormatException;
import be.keten.io.events.EventReader;
import be.keten.io.events.NumberedEvent;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports an NDJSON file of events in one transaction: every event is read and checked by the
 * rulebook in file order against its dossier's state (dossiers already in the store continue from
 * their stored state), and the first bad line aborts the whole import with its line, field and
 * rule, storing nothing.
 *
 * <p>Built for millions of lines: the file is streamed, events go to the database in JDBC batches,
 * and the stored state of continued dossiers is fetched once per batch of lines, not per event
 * (and not at all when the store is empty). The states of the dossiers touched stay in memory.
 */
public final class Importer {
    static final int BATCH = 1000;

    private final EventStore store;
    private final Rulebook rulebook;
    private final ImportProjection projection;

    public Importer(EventStore store, Rulebook rulebook) {
        this(store, rulebook, null);
    }

    private Importer(EventStore store, Rulebook rulebook, ImportProjection projection) {
        this.store = store;
        this.rulebook = rulebook;
        this.projection = projection;
    }

    /** This importer, also keeping {@code projection} current, in the import's transaction. */
    public Importer projecting(ImportProjection projection) {
        return new Importer(store, rulebook, projection);
    }

    /** Imports a UTF-8 file; messages name it as given. */
    public ImportResult importFile(Path file) throws ImportException, IOException {
        try (EventReader reader = EventReader.open(file, store.codec())) {
            return run(reader, file.toString());
        }
    }

    /** Imports from a reader; {@code source} names it in messages. */
    public ImportResult importFrom(Reader in, String source) throws ImportException {
        return run(new EventReader(in, store.codec()), source);
    }

    private ImportResult run(EventReader reader, String source) throws ImportException {
        long started = System.nanoTime();
        Database db = store.database();
        Instant now = store.now();
        Map<DossierId, DossierState> states = new LinkedHashMap<>();
        Map<DossierId, Replay> replays = new HashMap<>();
        long count = 0;
        long skipped = 0;
        Set<DossierId> written = new HashSet<>();
        Map<DossierId, Integer> firstImported = new HashMap<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                boolean empty = isEmpty(c);
                List<NumberedEvent> chunk = new ArrayList<>(BATCH);
                ImportException[] unreadable = new ImportException[1];
                try (PreparedStatement insert = c.prepareStatement(EventStore.INSERT)) {
                    while (unreadable[0] == null && read(reader, chunk, source, unreadable)) {
                        if (!empty) {
                            loadStored(c, chunk, states, replays);
                        }
                        int stored = 0;
                        for (NumberedEvent ne : chunk) {
                            ChainEvent e = ne.event();
                            Replay replay = replays.get(e.dossier());
                            if (replay != null && replay.matches(store.payload(e), source, ne.line())) {
                                skipped++;
                                continue;
                            }
                            DossierState s = states.computeIfAbsent(e.dossier(), DossierState::empty);
                            Verdict v = rulebook.decide(s, e);
                            if (v instanceof Verdict.Rejected r) {
                                throw new ImportException(source, ne.line(), r.rejection().field(), r.rejection().rule(),
                                        r.rejection().message(), null);
                            }
                            DossierState next = ((Verdict.Accepted) v).state();
                            states.put(e.dossier(), next);
                            if (projection != null) {
                                projection.accept(e, s, next);
                                firstImported.putIfAbsent(e.dossier(), next.version());
                            }
                            String payload;
                            try {
                                payload = store.payload(e);
                            } catch (IllegalArgumentException tooLarge) {
                                throw new ImportException(source, ne.line(), null, null, tooLarge.getMessage(), tooLarge);
                            }
                            EventStore.bindInsert(insert, 1, e, next.version(), payload, now);
                            insert.addBatch();
                            written.add(e.dossier());
                            stored++;
                        }
                        insert.executeBatch();
                        count += stored;
                    }
                }
                // A line that could not be read is reported only after the lines before it were checked,
                // so the error named is always the first one in the file.
                if (unreadable[0] != null) {
                    throw unreadable[0];
                }
                Projections.upsert(c, db.dialect(), states.values());
                if (projection != null) {
                    Checkpoints.storeWithImport(c, projection, firstImported, now);
                }
                c.commit();
            } catch (ImportException | RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (db.dialect().isConflict(e)) {
                throw new ConcurrencyConflictException("a dossier in " + source
                        + " was changed by another writer while the import ran; nothing was stored, import again");
            }
            throw Database.failure(e);
        }
        return new ImportResult(count, written.size(), skipped, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Fills the chunk with up to a batch of events; false at the end of the input. A line that cannot
     * be read ends the chunk and is handed back in {@code unreadable}.
     */
    private static boolean read(EventReader reader, List<NumberedEvent> chunk, String source, ImportException[] unreadable) {
        chunk.clear();
        try {
            while (chunk.size() < BATCH && reader.hasNext()) {
                chunk.add(reader.next());
            }
        } catch (EventFormatException e) {
            unreadable[0] = new ImportException(source, e.line(), e.field(), null, e.detail(), e);
        }
        return !chunk.isEmpty() || unreadable[0] != null;
    }

    private static boolean isEmpty(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM events FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            return !rs.next();
        }
    }

    /** Fetches, in one query, the stored events of the chunk's dossiers not seen yet, and folds them. */
    private void loadStored(Connection c, List<NumberedEvent> chunk, Map<DossierId, DossierState> states, Map<DossierId, Replay> replays)
            throws SQLException {
        Set<DossierId> unseen = new LinkedHashSet<>();
        for (NumberedEvent ne : chunk) {
            if (!states.containsKey(ne.event().dossier())) {
                unseen.add(ne.event().dossier());
            }
        }
        if (unseen.isEmpty()) {
            return;
        }
        String marks = String.join(", ", Collections.nCopies(unseen.size(), "?"));
        Map<DossierId, List<ChainEvent>> stored = new LinkedHashMap<>();
        Map<DossierId, List<String>> payloads = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT dossier_id, payload FROM events WHERE dossier_id IN (" + marks
                + ") ORDER BY dossier_id, version")) {
            int i = 1;
            for (DossierId d : unseen) {
                ps.setString(i++, d.value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ChainEvent e = store.codec().decode(rs.getString(2));
                    stored.computeIfAbsent(e.dossier(), k -> new ArrayList<>()).add(e);
                    payloads.computeIfAbsent(e.dossier(), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        for (Map.Entry<DossierId, List<ChainEvent>> e : stored.entrySet()) {
            states.put(e.getKey(), Evolution.fold(e.getKey(), e.getValue()));
            replays.put(e.getKey(), new Replay(e.getKey(), payloads.get(e.getKey())));
        }
    }

    /**
     * A file may repeat a dossier's stored history (an import run again, or an export of a store
     * imported into a copy of it): if its first event for the dossier is the stored first event,
     * events equal to the stored ones at the same position are skipped, and one that differs is an
     * error. Otherwise the file continues the dossier from its stored state.
     */
    private static final class Replay {
        private final DossierId dossier;
        private final List<String> stored;
        private int position;
        private boolean repeating;

        Replay(DossierId dossier, List<String> stored) {
            this.dossier = dossier;
            this.stored = stored;
        }

        /** True when the line repeats the stored event at this position and is to be skipped. */
        boolean matches(String payload, String source, long line) throws ImportException {
            if (position == 0 && !repeating) {
                repeating = payload.equals(stored.get(0));
                if (!repeating) {
                    position = stored.size();
                    return false;
                }
            }
            if (position >= stored.size()) {
                return false;
            }
            if (!payload.equals(stored.get(position))) {
                throw new ImportException(source, line, null, null, "dossier " + dossier + " is stored with " + stored.size()
                        + " events; this line repeats its history but differs from stored event " + (position + 1)
                        + ": a file repeating a stored dossier must repeat it exactly", null);
            }
            position++;
            return true;
        }
    }
}
