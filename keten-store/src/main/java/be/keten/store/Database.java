package be.keten.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A Keten database reached by JDBC URL: H2 (file mode by default, under {@code ./keten-data/}) or
 * PostgreSQL. Opening it brings the schema up to date with Flyway. A PostgreSQL URL may name its
 * schema with {@code currentSchema=}; it is created if absent. Connections come from a small pool,
 * which also keeps an H2 database open between uses.
 *
 * <p>User and password come from the URL ({@code user=}/{@code password=} for PostgreSQL,
 * {@code ;USER=}/{@code ;PASSWORD=} for H2), else from {@code KETEN_DB_USER}/{@code KETEN_DB_PASSWORD}.
 */
public final class Database implements AutoCloseable {
    public static final String DEFAULT_URL = "jdbc:h2:file:./keten-data/keten";
    private static final Pattern SCHEMA = Pattern.compile("[?&]currentSchema=([^&]+)");
    private static final Pattern SECRET = Pattern.compile("(?i)(password=)[^&;]*");
    private static final int POOL_SIZE = 8;

    private final String url;
    private final Dialect dialect;
    private final String schema;
    private final HikariDataSource pool;
    private final MigrateResult migration;

    private Database(String url, String user, String password) {
        this.url = url;
        this.dialect = Dialect.of(url);
        Matcher m = SCHEMA.matcher(url);
        this.schema = dialect == Dialect.POSTGRESQL && m.find() ? m.group(1) : null;
        if (dialect == Dialect.H2) {
            createH2Folder(url);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("keten");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        boolean userInUrl = url.toLowerCase(Locale.ROOT).matches(".*[?&;]user=.*");
        if (user != null && !user.isBlank() && !userInUrl) {
            config.setUsername(user);
            config.setPassword(password);
        }
        Properties props = new Properties();
        if (dialect == Dialect.POSTGRESQL) {
            // Batched inserts as one multi-row statement, and no row values in server error messages
            // (they would carry case data into logs). A URL setting wins over these.
            props.setProperty("reWriteBatchedInserts", "true");
            props.setProperty("logServerErrorDetail", "false");
        }
        config.setDataSourceProperties(props);
        try {
            this.pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreException("cannot open database " + redact(url) + ": " + cause.getMessage(), cause);
        }
        try {
            this.migration = migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Opens (and migrates) the database, credentials from the URL or the environment. */
    public static Database open(String url) {
        return open(url, System.getenv("KETEN_DB_USER"), System.getenv("KETEN_DB_PASSWORD"));
    }

    public static Database open(String url, String user, String password) {
        return new Database(url == null || url.isBlank() ? DEFAULT_URL : url, user, password);
    }

    /** The URL with any password masked, safe to print. */
    public static String redact(String url) {
        return url == null ? null : SECRET.matcher(url).replaceAll("$1***");
    }

    public String url() {
        return url;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The PostgreSQL schema named in the URL, or null for the default. */
    public String schema() {
        return schema;
    }

    /** The pooled connections, for code that takes a {@link DataSource}. */
    public DataSource dataSource() {
        return pool;
    }

    /** Migrations applied when this database was opened (0 when it was up to date). */
    public int migrationsApplied() {
        return migration.migrationsExecuted;
    }

    /** The schema version after opening. */
    public String schemaVersion() {
        return migration.targetSchemaVersion != null ? migration.targetSchemaVersion : migration.initialSchemaVersion;
    }

    /** A connection in auto-commit mode; the caller closes it (returning it to the pool). */
    public Connection connect() throws SQLException {
        return pool.getConnection();
    }

    /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Work on a connection inside {@link #inTransaction}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    static StoreException failure(SQLException e) {
        return new StoreException("database error: " + e.getMessage(), e);
    }

    private MigrateResult migrate() {
        var config = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + dialect.migrations())
                .failOnMissingLocations(true);
        if (schema != null) {
            config.schemas(schema).createSchemas(true);
        }
        try {
            return config.load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate database " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    private static void createH2Folder(String url) {
        String rest = url.substring("jdbc:h2:".length());
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")) {
            return;
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int semi = rest.indexOf(';');
        String path = semi >= 0 ? rest.substring(0, semi) : rest;
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        Path parent = Paths.get(path).toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new StoreException("cannot create the database folder " + parent + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
