package be.keten.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One engine under test. Every {@link #open()} gives a new, empty, migrated database: an H2 file
 * database in its own temporary folder, or a PostgreSQL schema of its own, so test runs never
 * share data. All are removed when the test ends.
 */
public final class Engine implements ExtensionContext.Store.CloseableResource {
    private final Dialect dialect;
    private final String postgresUrl;
    private final List<Database> opened = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();
    private final List<String> schemas = new ArrayList<>();

    Engine(Dialect dialect, String postgresUrl) {
        this.dialect = dialect;
        this.postgresUrl = postgresUrl;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A fresh database. */
    public synchronized Database open() {
        Database db = Database.open(freshUrl(), null, null);
        opened.add(db);
        return db;
    }

    /** The URL of a fresh, not yet opened database. */
    public synchronized String freshUrl() {
        if (dialect == Dialect.H2) {
            try {
                Path dir = Files.createTempDirectory("keten-h2-");
                folders.add(dir);
                return "jdbc:h2:file:" + dir.resolve("keten");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        String schema = "keten_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        schemas.add(schema);
        return postgresUrl + (postgresUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public synchronized void close() throws Exception {
        for (Database db : opened) {
            db.close();
        }
        for (Path dir : folders) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (!schemas.isEmpty()) {
            try (Connection c = DriverManager.getConnection(postgresUrl); Statement s = c.createStatement()) {
                for (String schema : schemas) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop test schemas " + schemas, e);
            }
        }
    }
}
