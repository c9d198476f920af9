package be.keten.app.cli;

import be.keten.server.statistics.StoreStatistics;
import be.keten.stats.StatisticsParameters;
import be.keten.store.AuditLog;
import be.keten.store.ConcurrencyConflictException;
import be.keten.store.Database;
import be.keten.store.EventStore;
import be.keten.store.Exporter;
import be.keten.store.ImportException;
import be.keten.store.ImportResult;
import be.keten.store.Importer;
import be.keten.store.StoreException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keten events}: NDJSON import and export of the event log. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Import and export events as NDJSON (one JSON object per line).",
        subcommands = {EventsCommand.Import.class, EventsCommand.Export.class})
public final class EventsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import an NDJSON file of events. Every event is checked by the rulebook in file order, dossiers already"
                    + " stored continuing from their stored state. The first bad line stops the import and nothing is stored;"
                    + " it is reported as FILE:LINE: field 'F': what is wrong [rule R: ...]."})
    static final class Import implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Parameters(index = "0", paramLabel = "FILE", description = "NDJSON file, UTF-8.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("keten: " + file + ": no such file");
                return ExitCode.NOT_FOUND;
            }
            try (Database d = Database.open(db.url())) {
                EventStore store = DbCommand.store(d);
                // The statistics projection is stored with the events, so reports need not fold them again.
                ImportResult r = new Importer(store, DbCommand.rulebook())
                        .projecting(StoreStatistics.forImport(store, StatisticsParameters.defaults(), Clock.systemUTC()))
                        .importFile(file);
                spec.commandLine().getOut().println(String.format(Locale.ROOT, "imported %d event(s) for %d dossier(s) from %s in %.1f s%s",
                        r.events(), r.dossiers(), file, r.millis() / 1000.0,
                        r.skipped() == 0 ? "" : "; " + r.skipped() + " line(s) repeat events already stored and were skipped"));
                return ExitCode.OK;
            } catch (ImportException e) {
                err.println(e.getMessage());
                return ExitCode.INVALID_INPUT;
            } catch (ConcurrencyConflictException e) {
                err.println("keten: " + e.getMessage());
                return ExitCode.CONFLICT;
            } catch (NoSuchFileException e) {
                err.println("keten: " + file + ": no such file");
                return ExitCode.NOT_FOUND;
            } catch (IOException | UncheckedIOException e) {
                err.println("keten: cannot read " + file + ": " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            } catch (StoreException | IllegalArgumentException e) {
                return DbCommand.databaseError(spec, e);
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Export the event log as NDJSON in the order it was recorded (to standard output unless --out)."
                    + " Importing an export into an empty store reproduces the store. The export is recorded in the audit log."})
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only events dated on or after this day.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only events dated on or before this day.")
        LocalDate to;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
        Path out;

        @Option(names = "--as", paramLabel = "NAME", description = "Who exports, for the audit log (default: the OS user).")
        String actor;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (from != null && to != null && from.isAfter(to)) {
                err.println("keten: --from " + from + " is after --to " + to);
                return ExitCode.USAGE;
            }
            try (Database d = Database.open(db.url())) {
                Exporter exporter = new Exporter(DbCommand.store(d), new AuditLog(d, Clock.systemUTC()));
                long n;
                if (out == null) {
                    // The codec writes ASCII only, so the console's charset cannot alter the bytes.
                    n = exporter.export(spec.commandLine().getOut(), from, to, DbCommand.actor(actor));
                } else {
                    try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                        n = exporter.export(w, from, to, DbCommand.actor(actor));
                    }
                    err.println("exported " + n + " event(s) to " + out);
                }
                return ExitCode.OK;
            } catch (IOException | UncheckedIOException e) {
                err.println("keten: cannot write " + (out == null ? "standard output" : out) + ": " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            } catch (StoreException | IllegalArgumentException e) {
                return DbCommand.databaseError(spec, e);
            }
        }
    }
}
