package be.keten.store;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.io.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The append-only event log: one stream per dossier with optimistic concurrency, one global order
 * for readers. An append names the version it was decided on; if the dossier moved on meanwhile it
 * fails with {@link ConcurrencyConflictException} and stores nothing. An append with an idempotency
 * key is stored once: a retry returns the original {@link AppendResult}. The {@code dossiers}
 * projection is updated in the same transaction.
 *
 * <p>Reads here are not audited: this is the store's own API, used by writers and by the
 * statistics. Reads on behalf of a person go through {@link CaseService}, {@link Exporter} or
 * {@link Projections}, which audit them.
 */
public final class EventStore {
    public static final int MAX_KEY_LENGTH = 200;
    static final int MAX_PAYLOAD = 100_000;
    static final String INSERT = "INSERT INTO events (dossier_id, version, event_type, event_date, payload, recorded_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_KEY = "INSERT INTO idempotency_keys "
            + "(idem_key, dossier_id, first_version, last_version, request_hash, result_state, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "seq, version, payload, recorded_at";
    private static final String KEY_COLUMNS = "dossier_id, first_version, last_version, request_hash, result_state, recorded_at";
    /** A command's first read, one round trip: the dossier's stored version, and the row of its idempotency key if there is one. */
    private static final String HEAD = "SELECT v.current, k.dossier_id, k.first_version, k.last_version, k.request_hash, k.result_state,"
            + " k.recorded_at FROM (SELECT COALESCE(MAX(version), 0) AS current FROM events WHERE dossier_id = ?) v"
            + " LEFT JOIN idempotency_keys k ON k.idem_key = ?";

    private final Database db;
    private final EventCodec codec;
    private final Clock clock;
    private final StateCache states = new StateCache(StateCache.DEFAULT_CAPACITY);

    public EventStore(Database db, EventCodec codec, Clock clock) {
        this.db = db;
        this.codec = codec;
        this.clock = clock;
    }

    /** The states of recently written dossiers ({@link #submit} checks each against the stored version before use). */
    StateCache states() {
        return states;
    }

    public Database database() {
        return db;
    }

    public EventCodec codec() {
        return codec;
    }

    /**
     * Appends events decided on {@code base}: the dossier must still be at {@code base.version()}.
     * The events are trusted (the caller asked the rulebook); they are folded onto {@code base} for
     * the projection.
     *
     * @param idempotencyKey null, or a key naming this command (at most 200 characters)
     * @throws ConcurrencyConflictException if the dossier is no longer at the base version
     * @throws IdempotencyKeyReusedException if the key was used for a different command
     */
    public AppendResult append(DossierState base, List<? extends ChainEvent> events, String idempotencyKey) {
        checkKey(idempotencyKey);
        DossierId dossier = base.dossier();
        List<String> payloads = payloads(dossier, events);
        String hash = idempotencyKey == null ? null : requestHash(dossier, payloads);
        Instant now = now();
        try {
            return db.inTransaction(c -> {
                if (idempotencyKey != null) {
                    Optional<AppendResult> earlier = findKey(c, idempotencyKey, dossier, hash);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                }
                int current = currentVersion(c, dossier);
                if (current != base.version()) {
                    throw new ConcurrencyConflictException(dossier, base.version(), current);
                }
                return insert(c, base, events, payloads, idempotencyKey, hash, now, null).append();
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException s && db.dialect().isConflict(s)) {
                // Lost a race: another writer stored this version, or this very command, first.
                if (idempotencyKey != null) {
                    Optional<AppendResult> earlier = db.inTransaction(c -> findKey(c, idempotencyKey, dossier, hash));
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                }
                throw new ConcurrencyConflictException(dossier, base.version(), version(dossier));
            }
            throw e;
        }
    }

    /**
     * Appends after checking the dossier is at {@code expectedVersion}, folding its stored events for
     * the projection: the key lookup, the load, the check and the append in one transaction.
     */
    public AppendResult append(DossierId dossier, int expectedVersion, List<? extends ChainEvent> events, String idempotencyKey) {
        Submission<Void> s = submit(dossier, events, idempotencyKey, base -> {
            if (base.version() != expectedVersion) {
                throw new ConcurrencyConflictException(dossier, expectedVersion, base.version());
            }
            return null;
        }, null);
        return s.append();
    }

    /**
     * What {@link #submit} did: appended or replayed ({@code append} set, {@code state} the state
     * right after the command), or refused ({@code refusal} set, {@code state} the state it was
     * refused on).
     */
    record Submission<R>(DossierState state, AppendResult append, R refusal) {
    }

    /** One more row a command's transaction writes once its result is known (its audit entry): an insert and its parameters. */
    interface InTransaction {
        String sql();

        /** Binds the parameters of {@link #sql} from {@code at} on; returns the next parameter's index. */
        int bind(PreparedStatement ps, int at, AppendResult result) throws SQLException;
    }

    /**
     * A command in one transaction: the idempotency key and the dossier's stored version read in one
     * query (a known key replays the original result, with the state right after it), the dossier's
     * state taken from {@link StateCache} when it holds that very version, else its events loaded
     * and folded, {@code guard} asked whether the events may go on that state (null: yes; anything
     * else is the refusal, returned with nothing stored), the events appended, and {@code also}'s
     * row written with the result (replayed or new) before the commit, so it stands or falls with
     * the append. On PostgreSQL the append's writes go in one round trip: a command takes three
     * (this read, the writes, the commit). The guard runs inside the transaction: keep it to pure
     * computation.
     *
     * @param also null, or one more row for the transaction (the command's audit entry)
     * @throws ConcurrencyConflictException if another writer stored the next version first (the
     *                                      database's unique stream key): nothing stored, {@code also}'s row neither
     * @throws IdempotencyKeyReusedException if the key was used for a different command
     */
    <R> Submission<R> submit(DossierId dossier, List<? extends ChainEvent> events, String idempotencyKey,
                             Function<DossierState, R> guard, InTransaction also) {
        checkKey(idempotencyKey);
        List<String> payloads = payloads(dossier, events);
        String hash = idempotencyKey == null ? null : requestHash(dossier, payloads);
        Instant now = now();
        int[] baseVersion = {-1};
        try {
            Submission<R> s = db.inTransaction(c -> {
                int stored;
                AppendResult earlier;
                try (PreparedStatement ps = c.prepareStatement(HEAD)) {
                    ps.setString(1, dossier.value());
                    ps.setString(2, idempotencyKey);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        stored = rs.getInt(1);
                        earlier = rs.getString(2) == null ? null : keyRow(rs, 2, idempotencyKey, dossier, hash);
                    }
                }
                if (earlier != null) {
                    return replayed(c, dossier, earlier, also);
                }
                DossierState base = base(c, dossier, stored);
                baseVersion[0] = base.version();
                R refusal = guard.apply(base);
                if (refusal != null) {
                    return new Submission<>(base, null, refusal);
                }
                return insert(c, base, events, payloads, idempotencyKey, hash, now, also);
            });
            if (s.append() == null || !s.append().replayed()) {
                states.offer(s.state()); // committed: the dossier's current state (a replay's is an older one)
            }
            return s;
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException s && db.dialect().isConflict(s)) {
                // Lost a race: another writer stored this version, or this very command, first.
                if (idempotencyKey != null) {
                    Optional<Submission<R>> earlier = db.inTransaction(c -> replayIn(c, idempotencyKey, dossier, hash, also));
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                }
                throw new ConcurrencyConflictException(dossier, baseVersion[0], version(dossier));
            }
            throw e;
        }
    }

    /**
     * The dossier's state at {@code storedVersion}, the version this transaction just read: an empty
     * dossier, the cached state of that version, or its events folded.
     */
    private DossierState base(Connection c, DossierId dossier, int storedVersion) throws SQLException {
        if (storedVersion == 0) {
            return DossierState.empty(dossier);
        }
        DossierState cached = states.get(dossier, storedVersion);
        return cached != null ? cached : fold(dossier, load(c, dossier, Integer.MAX_VALUE));
    }

    /** The command recorded under the key, if any, with the state right after it; {@code also}'s row written for its result. */
    private <R> Optional<Submission<R>> replayIn(Connection c, String key, DossierId dossier, String hash, InTransaction also)
            throws SQLException {
        Optional<AppendResult> earlier = findKey(c, key, dossier, hash);
        return earlier.isEmpty() ? Optional.empty() : Optional.of(replayed(c, dossier, earlier.get(), also));
    }

    /** A recorded command's original result with the state right after it; {@code also}'s row written for it. */
    private <R> Submission<R> replayed(Connection c, DossierId dossier, AppendResult result, InTransaction also) throws SQLException {
        DossierState after = fold(dossier, load(c, dossier, result.lastVersion()));
        if (also != null) {
            write(c, also, result);
        }
        return new Submission<>(after, result, null);
    }

    private static void write(Connection c, InTransaction row, AppendResult result) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(row.sql())) {
            row.bind(ps, 1, result);
            ps.executeUpdate();
        }
    }

    /**
     * Inserts events decided on {@code base} (already checked to be the dossier's current version),
     * the projection, the key and {@code also}'s row.
     */
    private <R> Submission<R> insert(Connection c, DossierState base, List<? extends ChainEvent> events, List<String> payloads,
                                     String idempotencyKey, String hash, Instant now, InTransaction also) throws SQLException {
        DossierId dossier = base.dossier();
        DossierState after = base;
        for (ChainEvent e : events) {
            after = Evolution.apply(after, e);
        }
        AppendResult result = new AppendResult(dossier, base.version() + 1, after.version(), after.state(), now, false);
        if (db.dialect().pipelinesStatements()) {
            writePipelined(c, events, payloads, after, result, idempotencyKey, hash, also);
        } else {
            writeOneByOne(c, events, payloads, after, result, idempotencyKey, hash, also);
        }
        return new Submission<>(after, result, null);
    }

    /** The writes of an append in one round trip: the events (one multi-row insert), the projection, the key and {@code also}'s row. */
    private void writePipelined(Connection c, List<? extends ChainEvent> events, List<String> payloads, DossierState after,
                                AppendResult result, String idempotencyKey, String hash, InTransaction also) throws SQLException {
        StringBuilder sql = new StringBuilder(INSERT).append(", (?, ?, ?, ?, ?, ?)".repeat(events.size() - 1));
        sql.append("; ").append(Projections.upsertSql(db.dialect()));
        if (idempotencyKey != null) {
            sql.append("; ").append(INSERT_KEY);
        }
        if (also != null) {
            sql.append("; ").append(also.sql());
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int at = 1;
            for (int i = 0; i < events.size(); i++) {
                at = bindInsert(ps, at, events.get(i), result.firstVersion() + i, payloads.get(i), result.recordedAt());
            }
            at = Projections.bind(ps, at, after);
            if (idempotencyKey != null) {
                at = bindKey(ps, at, idempotencyKey, result, hash);
            }
            if (also != null) {
                also.bind(ps, at, result);
            }
            ps.execute();
        }
    }

    /** The writes of an append, one statement after the other. */
    private void writeOneByOne(Connection c, List<? extends ChainEvent> events, List<String> payloads, DossierState after,
                               AppendResult result, String idempotencyKey, String hash, InTransaction also) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int i = 0; i < events.size(); i++) {
                bindInsert(ps, 1, events.get(i), result.firstVersion() + i, payloads.get(i), result.recordedAt());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Projections.upsert(c, db.dialect(), List.of(after));
        if (idempotencyKey != null) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_KEY)) {
                bindKey(ps, 1, idempotencyKey, result, hash);
                ps.executeUpdate();
            }
        }
        if (also != null) {
            write(c, also, result);
        }
    }

    private static int bindKey(PreparedStatement ps, int at, String key, AppendResult result, String hash) throws SQLException {
        ps.setString(at, key);
        ps.setString(at + 1, result.dossier().value());
        ps.setInt(at + 2, result.firstVersion());
        ps.setInt(at + 3, result.lastVersion());
        ps.setString(at + 4, hash);
        ps.setString(at + 5, result.state().name());
        ps.setObject(at + 6, result.recordedAt().atOffset(ZoneOffset.UTC));
        return at + 7;
    }

    /** The events' JSON payloads, after checking there is at least one and each names {@code dossier}. */
    private List<String> payloads(DossierId dossier, List<? extends ChainEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        List<String> payloads = new ArrayList<>(events.size());
        for (ChainEvent e : events) {
            if (!e.dossier().equals(dossier)) {
                throw new IllegalArgumentException(e.type() + " names dossier " + e.dossier() + ", not " + dossier);
            }
            payloads.add(payload(e));
        }
        return payloads;
    }

    /**
     * The original result of the command recorded under this key, if any.
     *
     * @throws IdempotencyKeyReusedException if the key was recorded for other events
     */
    public Optional<AppendResult> replay(String idempotencyKey, DossierId dossier, List<? extends ChainEvent> events) {
        checkKey(idempotencyKey);
        List<String> payloads = events.stream().map(this::payload).toList();
        String hash = requestHash(dossier, payloads);
        return db.inTransaction(c -> findKey(c, idempotencyKey, dossier, hash));
    }

    /** The dossier's events in stream order (empty for an unknown dossier). */
    public List<StoredEvent> load(DossierId dossier) {
        return load(dossier, Integer.MAX_VALUE);
    }

    /** The dossier's events up to and including a version. */
    public List<StoredEvent> load(DossierId dossier, int upToVersion) {
        return db.inTransaction(c -> load(c, dossier, upToVersion));
    }

    private List<StoredEvent> load(Connection c, DossierId dossier, int upToVersion) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events WHERE dossier_id = ? AND version <= ? ORDER BY version")) {
            ps.setString(1, dossier.value());
            ps.setInt(2, upToVersion);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    /** The dossier's current state: its events folded. */
    public DossierState state(DossierId dossier) {
        return state(dossier, Integer.MAX_VALUE);
    }

    /** The dossier's state as it was at a version. */
    public DossierState state(DossierId dossier, int atVersion) {
        return fold(dossier, load(dossier, atVersion));
    }

    private static DossierState fold(DossierId dossier, List<StoredEvent> events) {
        return Evolution.fold(dossier, events.stream().map(StoredEvent::event).toList());
    }

    /** The dossier's current version, 0 when it has no events. */
    public int version(DossierId dossier) {
        return db.inTransaction(c -> currentVersion(c, dossier));
    }

    /**
     * All events in global order, optionally limited to event dates {@code from..to} (inclusive,
     * either may be null). Rows are fetched in pages; close the stream to release its connection.
     */
    public Stream<StoredEvent> stream(LocalDate from, LocalDate to) {
        return query("SELECT " + COLUMNS + " FROM events" + dateFilter(from, to) + " ORDER BY seq", ps -> bindDates(ps, 1, from, to));
    }

    /** Every event, dossier by dossier in version order, in one query (one consistent view of the log). */
    Stream<StoredEvent> allHistories() {
        return query("SELECT " + COLUMNS + " FROM events ORDER BY dossier_id, version", ps -> { });
    }

    /** An event not covered by a position: its sequence number, dossier, version and when it was recorded. */
    @FunctionalInterface
    interface UncoveredRow {
        void accept(long seq, DossierId dossier, int version, Instant recordedAt) throws SQLException;
    }

    /** The events {@code position} does not cover, in sequence order, on the caller's connection. */
    static void uncovered(Connection c, LogPosition position, UncoveredRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, dossier_id, version, recorded_at FROM events WHERE "
                + position.uncoveredSql() + " ORDER BY seq")) {
            position.bind(ps);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs.getLong(1), DossierId.of(rs.getString(2)), rs.getInt(3), rs.getObject(4, OffsetDateTime.class).toInstant());
                }
            }
        }
    }

    /** The events of these dossiers (at most a few hundred), dossier by dossier in version order. */
    Stream<StoredEvent> histories(List<DossierId> dossiers) {
        String marks = String.join(", ", java.util.Collections.nCopies(dossiers.size(), "?"));
        return query("SELECT " + COLUMNS + " FROM events WHERE dossier_id IN (" + marks + ") ORDER BY dossier_id, version", ps -> {
            for (int i = 0; i < dossiers.size(); i++) {
                ps.setString(i + 1, dossiers.get(i).value());
            }
        });
    }

    /** Binds a query's parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Events of a query on {@link #COLUMNS}, fetched in pages on a connection of its own, released when the stream is closed. */
    private Stream<StoredEvent> query(String sql, Binder binder) {
        Connection c;
        PreparedStatement ps;
        ResultSet rs;
        try {
            c = db.connect();
        } catch (SQLException e) {
            throw Database.failure(e);
        }
        try {
            // PostgreSQL pages through a result only inside a transaction.
            c.setAutoCommit(false);
            ps = c.prepareStatement(sql);
            binder.bind(ps);
            ps.setFetchSize(1000);
            rs = ps.executeQuery();
        } catch (SQLException e) {
            closeQuietly(c);
            throw Database.failure(e);
        }
        ResultSet results = rs;
        Spliterator<StoredEvent> split = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super StoredEvent> action) {
                try {
                    if (!results.next()) {
                        return false;
                    }
                    action.accept(row(results));
                    return true;
                } catch (SQLException e) {
                    throw Database.failure(e);
                }
            }
        };
        return StreamSupport.stream(split, false).onClose(() -> closeQuietly(c));
    }

    /** Number of events stored. */
    public long count() {
        return count(null, null);
    }

    /** Number of events dated {@code from..to} (inclusive, either may be null). */
    public long count(LocalDate from, LocalDate to) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM events" + dateFilter(from, to))) {
                bindDates(ps, 1, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Raw NDJSON payloads in global order, for export without decoding. */
    long forEachPayload(LocalDate from, LocalDate to, PayloadSink sink) {
        return db.inTransaction(c -> {
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM events" + dateFilter(from, to) + " ORDER BY seq")) {
                bindDates(ps, 1, from, to);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getString(1));
                        n++;
                    }
                }
            }
            return n;
        });
    }

    /** Receives payloads; may fail with an unchecked I/O error. */
    @FunctionalInterface
    interface PayloadSink {
        void accept(String payload);
    }

    String payload(ChainEvent e) {
        String p = codec.encode(e);
        if (p.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException(e.type() + " for dossier " + e.dossier() + " is " + p.length()
                    + " characters as JSON, more than the store's " + MAX_PAYLOAD);
        }
        return p;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Binds one row of {@link #INSERT} from parameter {@code at} on; returns the next parameter's index. */
    static int bindInsert(PreparedStatement ps, int at, ChainEvent e, int version, String payload, Instant recordedAt) throws SQLException {
        ps.setString(at, e.dossier().value());
        ps.setInt(at + 1, version);
        ps.setString(at + 2, e.type());
        ps.setObject(at + 3, e.date());
        ps.setString(at + 4, payload);
        ps.setObject(at + 5, recordedAt.atOffset(ZoneOffset.UTC));
        return at + 6;
    }

    static int currentVersion(Connection c, DossierId dossier) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM events WHERE dossier_id = ?")) {
            ps.setString(1, dossier.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private StoredEvent row(ResultSet rs) throws SQLException {
        String payload = rs.getString(3);
        return new StoredEvent(rs.getLong(1), rs.getInt(2), codec.decode(payload), payload, rs.getObject(4, OffsetDateTime.class).toInstant());
    }

    private static Optional<AppendResult> findKey(Connection c, String key, DossierId dossier, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + KEY_COLUMNS + " FROM idempotency_keys WHERE idem_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(keyRow(rs, 1, key, dossier, hash)) : Optional.empty();
            }
        }
    }

    /**
     * The original result recorded under a key, read from {@link #KEY_COLUMNS} starting at column {@code at}.
     *
     * @throws IdempotencyKeyReusedException if the key was recorded for other events
     */
    private static AppendResult keyRow(ResultSet rs, int at, String key, DossierId dossier, String hash) throws SQLException {
        String storedDossier = rs.getString(at);
        if (!storedDossier.equals(dossier.value()) || !rs.getString(at + 3).equals(hash)) {
            throw new IdempotencyKeyReusedException(key, "another command (dossier " + storedDossier + ", versions "
                    + rs.getInt(at + 1) + ".." + rs.getInt(at + 2) + ")");
        }
        return new AppendResult(dossier, rs.getInt(at + 1), rs.getInt(at + 2), ProcedureState.valueOf(rs.getString(at + 4)),
                rs.getObject(at + 5, OffsetDateTime.class).toInstant(), true);
    }

    private static void checkKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw new IllegalArgumentException("an idempotency key has 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    /** Fingerprint of a command: a retry must carry the same events for the same dossier. */
    private static String requestHash(DossierId dossier, List<String> payloads) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(dossier.value().getBytes(StandardCharsets.UTF_8));
            for (String p : payloads) {
                md.update((byte) '\n');
                md.update(p.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String dateFilter(LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            return " WHERE event_date >= ? AND event_date <= ?";
        } else if (from != null) {
            return " WHERE event_date >= ?";
        } else if (to != null) {
            return " WHERE event_date <= ?";
        }
        return "";
    }

    private static void bindDates(PreparedStatement ps, int first, LocalDate from, LocalDate to) throws SQLException {
        int i = first;
        if (from != null) {
            ps.setObject(i++, from);
        }
        if (to != null) {
            ps.setObject(i, to);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.rollback();
            c.close();
        } catch (SQLException ignored) {
            // The stream's reader is done; a failure to release the read-only connection changes nothing.
        }
    }
}
