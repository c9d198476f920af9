package be.keten.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit trail of reads of case data (privacy standard): who, what, when, which
 * subject. An entry is written, in its own transaction, before the data is read, so data never
 * leaves without its trace. The table refuses updates and deletes.
 */
public final class AuditLog {
    /** Subject of an action over all dossiers (an export, a listing). */
    public static final String ALL = "*";
    private static final int MAX_ACTOR = 200;

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Records one action.
     *
     * @param actor   who: a user or service name, never blank
     * @param action  what, e.g. {@code case.read}
     * @param subject a dossier id or {@link #ALL}
     * @param detail  optional parameters of the action (a date range), never personal data
     */
    public void record(String actor, String action, String subject, String detail) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an audited read needs an actor: who is reading?");
        }
        if (actor.length() > MAX_ACTOR) {
            throw new IllegalArgumentException("actor name longer than " + MAX_ACTOR + " characters");
        }
        OffsetDateTime at = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_log (occurred_at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")) {
                ps.setObject(1, at);
                ps.setString(2, actor.strip());
                ps.setString(3, action);
                ps.setString(4, subject);
                ps.setString(5, detail);
                return ps.executeUpdate();
            }
        });
    }

    /** The entries about one subject, oldest first. */
    public List<AuditEntry> entries(String subject) {
        return db.inTransaction(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, occurred_at, actor, action, subject, detail FROM audit_log WHERE subject = ? ORDER BY id")) {
                ps.setString(1, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
                        out.add(new AuditEntry(rs.getLong(1), at, rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }
}
