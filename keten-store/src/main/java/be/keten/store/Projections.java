package be.keten.store;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.io.events.EventCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code dossiers} projection: current state per dossier. Writers keep it current in the same
 * transaction as their append; {@link #rebuild} recomputes it from the log alone, so the two must
 * always agree. Reads of it are case data and are audited.
 */
public final class Projections {
    static final List<String> COLUMNS = List.of("dossier_id", "version", "procedure_state", "nationality", "application_id",
            "application_type", "applications", "language_role", "track", "persons_count", "registered_on", "transferred_on",
            "last_decision", "decided_on", "notified_on", "held_status", "placed_count", "waiting_count", "last_event_date");
    private static final int BATCH = 1000;

    private final Database db;
    private final AuditLog audit;
    private final EventCodec codec;

    public Projections(Database db, AuditLog audit, EventCodec codec) {
        this.db = db;
        this.audit = audit;
        this.codec = codec;
    }

    /** Outcome of a rebuild. */
    public record Rebuilt(int dossiers, long events) {
    }

    /**
     * Replaces the projection by one folded from the log, in one transaction. Reads the log one
     * dossier at a time in stream order, so memory does not grow with the log.
     */
    public Rebuilt rebuild(String actor) {
        audit.record(actor, "projection.rebuild", AuditLog.ALL, null);
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM dossiers");
            }
            int dossiers = 0;
            long events = 0;
            List<DossierState> pending = new ArrayList<>();
            try (PreparedStatement read = c.prepareStatement("SELECT dossier_id, payload FROM events ORDER BY dossier_id, version");
                 PreparedStatement write = c.prepareStatement(upsertSql(db.dialect()))) {
                read.setFetchSize(BATCH);
                DossierState state = null;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        ChainEvent e = codec.decode(rs.getString(2));
                        if (state == null || !state.dossier().equals(e.dossier())) {
                            if (state != null) {
                                pending.add(state);
                                dossiers++;
                            }
                            state = DossierState.empty(e.dossier());
                        }
                        state = Evolution.apply(state, e);
                        events++;
                        if (pending.size() >= BATCH) {
                            upsert(write, pending);
                            pending.clear();
                        }
                    }
                }
                if (state != null) {
                    pending.add(state);
                    dossiers++;
                }
                upsert(write, pending);
            }
            return new Rebuilt(dossiers, events);
        });
    }

    /** One dossier's row, audited as a read of its case data. */
    public Optional<DossierSummary> find(DossierId dossier, String actor) {
        audit.record(actor, "dossier.summary", dossier.value(), null);
        List<DossierSummary> rows = query("SELECT " + String.join(", ", COLUMNS) + " FROM dossiers WHERE dossier_id = ?",
                List.of(dossier.value()), Integer.MAX_VALUE);
        return rows.stream().findFirst();
    }

    /** Every row in dossier order, audited as a read of all case data. */
    public List<DossierSummary> list(String actor) {
        audit.record(actor, "dossier.list", AuditLog.ALL, null);
        return query("SELECT " + String.join(", ", COLUMNS) + " FROM dossiers ORDER BY dossier_id", List.of(), Integer.MAX_VALUE);
    }

    /**
     * Which rows a listing asks for; a null field does not filter.
     *
     * @param after the last dossier id of the previous page (keyset paging), null for the first
     */
    public record Filter(String state, String track, String nationality, String after) {
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    /**
     * One page of rows in dossier order matching {@code filter}, at most {@code limit}, audited as
     * a read of case data with the filter as detail.
     */
    public List<DossierSummary> page(Filter filter, int limit, Actor actor) {
        audit.record(actor, "dossier.list", AuditLog.ALL, describe(filter) + " limit=" + limit);
        StringBuilder sql = new StringBuilder("SELECT " + String.join(", ", COLUMNS) + " FROM dossiers WHERE 1 = 1");
        List<String> params = new ArrayList<>();
        where(sql, params, "procedure_state", filter.state());
        where(sql, params, "track", filter.track());
        where(sql, params, "nationality", filter.nationality());
        if (filter.after() != null) {
            sql.append(" AND dossier_id > ?");
            params.add(filter.after());
        }
        sql.append(" ORDER BY dossier_id");
        return query(sql.toString(), params, limit);
    }

    /** Number of rows per procedure state: an aggregate, not case data. */
    public java.util.Map<String, Integer> countByState() {
        return db.inTransaction(c -> {
            java.util.Map<String, Integer> out = new java.util.TreeMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT procedure_state, COUNT(*) FROM dossiers GROUP BY procedure_state")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    private static void where(StringBuilder sql, List<String> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static String describe(Filter f) {
        return "state=" + f.state() + " track=" + f.track() + " nationality=" + f.nationality() + " after=" + f.after();
    }

    private List<DossierSummary> query(String sql, List<String> params, int limit) {
        return db.inTransaction(c -> {
            List<DossierSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, params.get(i));
                }
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DossierSummary(DossierId.of(rs.getString(1)), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                                rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), rs.getString(13),
                                rs.getObject(14, LocalDate.class), rs.getObject(15, LocalDate.class), rs.getString(16), rs.getInt(17),
                                rs.getInt(18), rs.getObject(19, LocalDate.class)));
                    }
                }
            }
            return out;
        });
    }

    /** Writes the rows of these states within the caller's transaction. */
    static void upsert(Connection c, Dialect dialect, Collection<DossierState> states) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(upsertSql(dialect))) {
            List<DossierState> batch = new ArrayList<>(Math.min(states.size(), BATCH));
            for (DossierState s : states) {
                batch.add(s);
                if (batch.size() == BATCH) {
                    upsert(ps, batch);
                    batch.clear();
                }
            }
            upsert(ps, batch);
        }
    }

    /** The statement that writes one dossier's row, bound by {@link #bind}. */
    static String upsertSql(Dialect dialect) {
        return dialect.upsert("dossiers", "dossier_id", COLUMNS);
    }

    private static void upsert(PreparedStatement ps, List<DossierState> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        for (DossierState st : states) {
            bind(ps, 1, st);
            ps.addBatch();
        }
        ps.executeBatch();
    }

    /** Binds the row of {@code st} to {@link #upsertSql} from parameter {@code at} on; returns the next parameter's index. */
    static int bind(PreparedStatement ps, int at, DossierState st) throws SQLException {
        DossierSummary s = DossierSummary.of(st);
        int i = at;
        ps.setString(i++, s.dossier().value());
        ps.setInt(i++, s.version());
        ps.setString(i++, s.state());
        ps.setString(i++, s.nationality());
        ps.setString(i++, s.application());
        ps.setString(i++, s.applicationType());
        ps.setInt(i++, s.applications());
        ps.setString(i++, s.languageRole());
        ps.setString(i++, s.track());
        ps.setInt(i++, s.persons());
        date(ps, i++, s.registeredOn());
        date(ps, i++, s.transferredOn());
        ps.setString(i++, s.lastDecision());
        date(ps, i++, s.decidedOn());
        date(ps, i++, s.notifiedOn());
        ps.setString(i++, s.heldStatus());
        ps.setInt(i++, s.placed());
        ps.setInt(i++, s.waiting());
        date(ps, i++, s.lastEventDate());
        return i;
    }

    static void date(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setObject(i, d);
        }
    }
}
