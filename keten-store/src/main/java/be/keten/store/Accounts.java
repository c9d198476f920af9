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
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's accounts: a user name, a password hash made by the caller's KDF (never the
 * password), one role. Accounts are disabled, never deleted, so the audit trail keeps naming
 * someone who existed.
 */
public final class Accounts {
    /** Letters, digits, dot, dash, underscore: a name that is safe in logs, URLs and the audit trail. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

    private final Database db;
    private final Clock clock;

    public Accounts(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One account; {@code passwordHash} is a PHC string such as {@code $argon2id$...}. */
    public record Account(String username, String passwordHash, String role, Instant createdAt, boolean disabled) {
    }

    /**
     * Creates an account.
     *
     * @throws IllegalArgumentException when the name is not allowed or already taken
     */
    public Account create(String username, String passwordHash, String role) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("user name '" + username + "' is not allowed: 2 to 64 letters, digits, '.', '-' or '_',"
                    + " starting with a letter or digit");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return db.inTransaction(c -> {
            try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM users WHERE username = ?")) {
                check.setString(1, username);
                try (ResultSet rs = check.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalArgumentException("user name '" + username + "' is taken");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (username, password_hash, role, created_at, disabled) VALUES (?, ?, ?, ?, FALSE)")) {
                ps.setString(1, username);
                ps.setString(2, passwordHash);
                ps.setString(3, role);
                ps.setObject(4, now.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return new Account(username, passwordHash, role, now, false);
        });
    }

    public Optional<Account> find(String username) {
        List<Account> found = query("SELECT username, password_hash, role, created_at, disabled FROM users WHERE username = ?", username);
        return found.stream().findFirst();
    }

    /** Every account, by name. */
    public List<Account> list() {
        return query("SELECT username, password_hash, role, created_at, disabled FROM users ORDER BY username", null);
    }

    public long count() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Replaces the password hash; false when there is no such account. */
    public boolean setPasswordHash(String username, String passwordHash) {
        return update("UPDATE users SET password_hash = ? WHERE username = ?", passwordHash, username);
    }

    /** Disables or re-enables an account; false when there is no such account. */
    public boolean setDisabled(String username, boolean disabled) {
        return update("UPDATE users SET disabled = " + (disabled ? "TRUE" : "FALSE") + " WHERE username = ?", username, null);
    }

    private boolean update(String sql, String first, String second) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, first);
                if (second != null) {
                    ps.setString(2, second);
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    private List<Account> query(String sql, String param) {
        return db.inTransaction(c -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (param != null) {
                    ps.setString(1, param);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Account(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getBoolean(5)));
                    }
                }
            }
            return out;
        });
    }
}
