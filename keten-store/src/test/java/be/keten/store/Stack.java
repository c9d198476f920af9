package be.keten.store;

import be.keten.core.event.ChainEvent;
import be.keten.io.events.EventCodec;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The store's services on one test database, wired as the application wires them, with the tests' fixed clock. */
final class Stack {
    static final EventCodec CODEC = new EventCodec();

    final Database db;
    final EventStore store;
    final AuditLog audit;
    final CaseService cases;
    final Importer importer;
    final Exporter exporter;
    final Projections projections;

    Stack(Database db) {
        this.db = db;
        this.store = new EventStore(db, CODEC, Histories.CLOCK);
        this.audit = new AuditLog(db, Histories.CLOCK);
        this.cases = new CaseService(store, Histories.RULEBOOK, audit);
        this.importer = new Importer(store, Histories.RULEBOOK);
        this.exporter = new Exporter(store, audit);
        this.projections = new Projections(db, audit, CODEC);
    }

    /** Submits each event as its own command; every one must be accepted. */
    void record(List<ChainEvent> events) {
        for (ChainEvent e : events) {
            CaseResult r = cases.submit(e, null);
            if (!(r instanceof CaseResult.Accepted)) {
                throw new AssertionError("not accepted: " + CODEC.encode(e) + " -> " + r);
            }
        }
    }

    /**
     * Another connection that has inserted {@code e} as {@code version} and not committed yet: a
     * writer in the middle of its transaction, to race against. The caller commits or closes it.
     */
    Connection uncommitted(ChainEvent e, int version) throws SQLException {
        Connection other = db.connect();
        other.setAutoCommit(false);
        try (PreparedStatement ps = other.prepareStatement(EventStore.INSERT)) {
            EventStore.bindInsert(ps, 1, e, version, CODEC.encode(e), Histories.CLOCK.instant());
            ps.executeUpdate();
        }
        return other;
    }

    String export() throws Exception {
        StringWriter w = new StringWriter();
        exporter.export(w, null, null, "test");
        return w.toString();
    }

    /** The log as (dossier, version, type, date, payload) rows in global order: what must survive a round trip. */
    List<String> rows() {
        return db.inTransaction(c -> rows(c));
    }

    private static List<String> rows(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT dossier_id, version, event_type, event_date, payload FROM events ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getObject(4, java.time.LocalDate.class) + "|" + rs.getString(5));
            }
        }
        return out;
    }

    String ndjson(List<ChainEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (ChainEvent e : events) {
            sb.append(CODEC.encode(e)).append('\n');
        }
        return sb.toString();
    }
}
