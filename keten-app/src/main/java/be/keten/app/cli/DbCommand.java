package be.keten.app.cli;

import be.keten.core.policy.BelgianPolicies;
import be.keten.core.rulebook.Rulebook;
import be.keten.io.events.EventCodec;
import be.keten.store.AuditLog;
import be.keten.store.Database;
import be.keten.store.EventStore;
import be.keten.store.Projections;
import be.keten.store.StoreException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keten db}: the event store's database. Also the store wiring shared by the store commands. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "The event store's database: schema migrations and projections.",
        subcommands = {DbCommand.Migrate.class, DbCommand.Rebuild.class})
public final class DbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Create the database (H2 folder included) or bring its schema up to date.")
    static final class Migrate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Override
        public Integer call() {
            try (Database d = Database.open(db.url())) {
                spec.commandLine().getOut().println("database " + Database.redact(d.url()) + ": schema version " + d.schemaVersion()
                        + (d.migrationsApplied() == 0 ? ", up to date" : ", " + d.migrationsApplied() + " migration(s) applied"));
                return ExitCode.OK;
            } catch (StoreException | IllegalArgumentException e) {
                return databaseError(spec, e);
            }
        }
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Rebuild the dossier projection from the event log (in one transaction).")
    static final class Rebuild implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--as", paramLabel = "NAME", description = "Who runs it, for the audit log (default: the OS user).")
        String actor;

        @Override
        public Integer call() {
            try (Database d = Database.open(db.url())) {
                Projections.Rebuilt r = new Projections(d, new AuditLog(d, Clock.systemUTC()), new EventCodec()).rebuild(actor(actor));
                spec.commandLine().getOut().println("rebuilt the projection of " + r.dossiers() + " dossier(s) from " + r.events() + " event(s)");
                return ExitCode.OK;
            } catch (StoreException | IllegalArgumentException e) {
                return databaseError(spec, e);
            }
        }
    }

    /** The rulebook of operations: the Belgian policies on the wall clock. */
    public static Rulebook rulebook() {
        return new Rulebook(BelgianPolicies.book(), Clock.systemDefaultZone());
    }

    public static EventStore store(Database d) {
        return new EventStore(d, new EventCodec(), Clock.systemUTC());
    }

    /** The audit actor: {@code --as}, else the OS user. */
    public static String actor(String as) {
        if (as != null && !as.isBlank()) {
            return as.strip();
        }
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown-os-user" : user;
    }

    /** One line on stderr for a database that cannot be opened or failed. */
    public static int databaseError(CommandLine.Model.CommandSpec spec, RuntimeException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("keten: " + e.getMessage());
        return ExitCode.DATABASE;
    }
}
