package be.keten.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The append-only audit trail of reads of case data (privacy standard) and of commands: who, what,
 * when, which subject. A read's entry is written, in its own transaction, before the data is read,
 * so data never leaves without its trace; an accepted command's entry is written in the transaction
 * that stores its events ({@link CaseService#submit(Command, CaseService.CommandAudit)}), so neither
 * is committed without the other. The table refuses updates and deletes.
 */
public final class AuditLog {
    /** Subject of an action over all dossiers (an export, a listing). */
    public static final String ALL = "*";
    private static final int MAX_DETAIL = 1000;
    private static final String COLUMNS = "id, occurred_at, actor, action, subject, detail, origin";
    private static final String INSERT = "INSERT INTO audit_log (occurred_at, actor, action, subject, detail, origin) VALUES (?, ?, ?, ?, ?, ?)";

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Records one action by a command-line user.
     *
     * @param actor   who: a user or service name, never blank
     * @param action  what, e.g. {@code case.read}
     * @param subject a dossier id or {@link #ALL}
     * @param detail  optional parameters of the action (a date range), never personal data
     */
    public void record(String actor, String action, String subject, String detail) {
        record(Actor.local(actor), action, subject, detail);
    }

    /** Records one action by {@code actor}, from where it came. */
    public void record(Actor actor, String action, String subject, String detail) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                bind(ps, 1, actor, action, subject, detail);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * A command's entry, for {@link EventStore#submit} to write in the command's transaction
     * (committed, or rolled back, with the events), its detail made from the command's result.
     */
    EventStore.InTransaction commandEntry(Actor actor, String action, String subject, Function<AppendResult, String> detail) {
        return new EventStore.InTransaction() {
            @Override
            public String sql() {
                return INSERT;
            }

            @Override
            public int bind(PreparedStatement ps, int at, AppendResult result) throws SQLException {
                return AuditLog.this.bind(ps, at, actor, action, subject, detail.apply(result));
            }
        };
    }

    private int bind(PreparedStatement ps, int at, Actor actor, String action, String subject, String detail) throws SQLException {
        ps.setObject(at, clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
        ps.setString(at + 1, actor.name());
        ps.setString(at + 2, action);
        ps.setString(at + 3, subject);
        ps.setString(at + 4, detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL));
        ps.setString(at + 5, actor.origin());
        return at + 6;
    }

    /** The entries about one subject, oldest first. */
    public List<AuditEntry> entries(String subject) {
        return query("SELECT " + COLUMNS + " FROM audit_log WHERE subject = ? ORDER BY id", subject, null, Integer.MAX_VALUE);
    }

    /**
     * The latest entries, newest first: at most {@code limit}, those before entry {@code beforeId}
     * when it is given (the next page), of one actor when {@code actor} is given.
     */
    public List<AuditEntry> recent(int limit, Long beforeId, String actor) {
        String sql = "SELECT " + COLUMNS + " FROM audit_log WHERE id < ?" + (actor == null ? "" : " AND actor = ?") + " ORDER BY id DESC";
        return query(sql, beforeId == null ? Long.MAX_VALUE : beforeId, actor, limit);
    }

    private List<AuditEntry> query(String sql, Object first, String second, int limit) {
        return db.inTransaction(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, first);
                if (second != null) {
                    ps.setString(2, second);
                }
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
                        out.add(new AuditEntry(rs.getLong(1), at, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }
}
