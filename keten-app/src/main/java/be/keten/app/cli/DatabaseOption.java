package be.keten.app.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --db} option every command that touches the store mixes in. Without it,
 * {@code KETEN_DB_URL} is used, and without that the embedded H2 file database under
 * {@code ./keten-data/}.
 */
public final class DatabaseOption {
    public static final String DEFAULT_URL = "jdbc:h2:file:./keten-data/keten";

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database: an H2 file URL or a PostgreSQL URL (default: $KETEN_DB_URL, else the H2 file database under ./keten-data/).")
    String url;

    /** The URL to use: the option, else the environment, else the embedded default. */
    public String url() {
        if (url != null && !url.isBlank()) {
            return url;
        }
        String env = System.getenv("KETEN_DB_URL");
        return env != null && !env.isBlank() ? env : DEFAULT_URL;
    }
}
