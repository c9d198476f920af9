package be.keten.app.server;

import be.keten.app.cli.DatabaseOption;
import be.keten.app.cli.ExitCode;
import be.keten.server.KetenServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code keten serve}: the server (REST API, dashboard), until it is stopped with Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start the Keten server: the REST API under /api (OpenAPI document at /api/openapi), the dashboard in Dutch,"
                + " French and English, access per agency role, audit trail (docs/server.md).",
            "On the first start the administrator account 'admin' is created and its generated password printed once."
                + " On an empty database synthetic 2022-2023 chain data, built from the published figures, is loaded in the"
                + " background and every page says it is synthetic (--no-seed to start empty)."},
        footer = {"", "Other settings as Spring properties, e.g. keten serve -- --server.address=0.0.0.0 (docs/server.md).",
            "Exit codes: 0 stopped, 5 the server could not start (database, port)."})
public final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--no-seed", description = "Do not load synthetic data into an empty database.")
    boolean noSeed;

    @Parameters(paramLabel = "PROPERTY", arity = "0..*", description = "Further Spring properties, --name=value.")
    List<String> properties = new ArrayList<>();

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            spec.commandLine().getErr().println("keten: --port " + port + " is not a port (0 to 65535)");
            return ExitCode.USAGE;
        }
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--keten.db=" + db.url(), "--keten.seed=" + !noSeed));
        args.addAll(properties);
        ConfigurableApplicationContext context;
        try {
            context = KetenServer.start(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("keten: the server could not start: " + rootMessage(e));
            return ExitCode.DATABASE;
        }
        String url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port", String.valueOf(port)) + "/";
        spec.commandLine().getOut().println("Keten server running on " + url + " (Ctrl-C to stop)");
        spec.commandLine().getOut().flush();
        // Serve until the JVM is stopped; Spring closes the store on shutdown.
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }
}
