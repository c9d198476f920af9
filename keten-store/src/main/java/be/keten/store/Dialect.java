package be.keten.store;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** Everything that differs between the supported engines, in one place. */
public enum Dialect {
    H2("jdbc:h2:"),
    POSTGRESQL("jdbc:postgresql:");

    private final String prefix;

    Dialect(String prefix) {
        this.prefix = prefix;
    }

    public static Dialect of(String url) {
        for (Dialect d : values()) {
            if (url != null && url.startsWith(d.prefix)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unsupported database URL '" + Database.redact(url)
                + "': expected an H2 URL (jdbc:h2:file:./keten-data/keten) or a PostgreSQL URL (jdbc:postgresql://host:5432/db)");
    }

    /** The folder of this engine's own migrations, beside the common ones. */
    String migrations() {
        return this == H2 ? "h2" : "postgresql";
    }

    /**
     * Whether the statements of one prepared string ({@code a; b; c}) reach the database in one
     * round trip: pgjdbc sends them together with one sync; H2 runs one statement per prepare.
     */
    boolean pipelinesStatements() {
        return this == POSTGRESQL;
    }

    /** Insert or replace a row by its key: MERGE ... KEY on H2, INSERT ... ON CONFLICT on PostgreSQL. */
    String upsert(String table, String key, List<String> columns) {
        String cols = String.join(", ", columns);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (" + cols + ") KEY (" + key + ") VALUES (" + marks + ")";
            case POSTGRESQL -> "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ") ON CONFLICT (" + key + ") DO UPDATE SET "
                    + columns.stream().filter(c -> !c.equals(key)).map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        };
    }

    /**
     * A write that lost a race with another transaction: a duplicate key (SQLSTATE 23505 on both,
     * possibly deep in a batch's chain), a serialization failure, or H2's concurrent-update and
     * lock-timeout errors on the same rows.
     */
    boolean isConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    String state = n.getSQLState();
                    if ("23505".equals(state) || "40001".equals(state)
                            || (this == H2 && ("90131".equals(state) || "HYT00".equals(state)))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
