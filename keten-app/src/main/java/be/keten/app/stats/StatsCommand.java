package be.keten.app.stats;

import be.keten.server.statistics.StoreStatistics;
import be.keten.app.cli.DatabaseOption;
import be.keten.app.cli.DbCommand;
import be.keten.app.cli.ExitCode;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceInputException;
import be.keten.stats.ChainStatistics;
import be.keten.stats.StatisticsParameters;
import be.keten.stats.export.Comparison;
import be.keten.stats.export.ExportFormat;
import be.keten.stats.export.PublicationExport;
import be.keten.store.Database;
import be.keten.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keten stats}: the official figures computed from the event store. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Official statistics computed from the event store.",
        subcommands = {StatsCommand.Export.class, StatsCommand.Compare.class})
public final class StatsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the publication's figures for a run of months, computed from the store, in the layout of the reference"
                    + " folder: applications_monthly.csv, applications_by_nationality.csv, cgvs_decisions.csv,"
                    + " cgvs_decisions_by_nationality.csv and cgvs_workload.csv, with the same columns and row conventions (each month's"
                    + " rows and its year-to-date rows; months after --to blank). --format xlsx writes one workbook with a sheet per file;"
                    + " sdmx-csv writes applications by citizenship and month and first-instance decisions by citizenship and quarter in"
                    + " the layout of Eurostat's migr_asyappctzm and migr_asydcfstq, with the code lists used."})
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM", description = "First month.")
        YearMonth from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM", description = "Last month (2023-11 gives year-to-date rows 2023-01/2023-11).")
        YearMonth to;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write to (created if needed).")
        Path out;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv (default), sdmx-csv or xlsx.")
        String format;

        @Option(names = "--scale", paramLabel = "K", defaultValue = "1",
                description = "Normal workload (and so the real backlog) for K times the published inflow, as for data made by 'keten synth --scale K'; default 1.")
        int scale;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (to.isBefore(from)) {
                err.println("keten: --to " + to + " is before --from " + from);
                return ExitCode.USAGE;
            }
            if (scale < 1) {
                err.println("keten: --scale " + scale + " must be at least 1");
                return ExitCode.USAGE;
            }
            ExportFormat f;
            try {
                f = ExportFormat.ofCode(format);
            } catch (IllegalArgumentException e) {
                err.println("keten: --format: " + e.getMessage());
                return ExitCode.USAGE;
            }
            try (Database d = Database.open(db.url())) {
                long started = System.nanoTime();
                ChainStatistics s = StoreStatistics.load(DbCommand.store(d), StatisticsParameters.defaults().scaled(scale));
                err.println(String.format(Locale.ROOT, "read %d dossier(s) from the store in %.1f s", s.dossiers(), (System.nanoTime() - started) / 1e9));
                for (Path p : f.write(new PublicationExport(s, from, to), out)) {
                    err.println("wrote " + p);
                }
                return ExitCode.OK;
            } catch (IOException | UncheckedIOException e) {
                err.println("keten: cannot write " + out + ": " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            } catch (StoreException | IllegalArgumentException e) {
                return DbCommand.databaseError(spec, e);
            }
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Set every published figure of a reference folder against an export in the same layout (e.g. written by"
                    + " 'keten stats export'), matching rows by their key columns and ignoring source, locator and note. Prints the figures"
                    + " that differ or are missing (all with --all) and a summary. Figures outside the export's months are listed as not"
                    + " covered. Exit code 0 when every covered figure is equal, 2 otherwise."})
    static final class Compare implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "REF_DIR", description = "Reference folder (the published figures).")
        Path reference;

        @Parameters(index = "1", paramLabel = "EXPORT_DIR", description = "Export folder.")
        Path export;

        @Option(names = "--all", description = "Print every figure, equal ones included.")
        boolean all;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            for (Path p : new Path[] {reference, export}) {
                if (!Files.isDirectory(p)) {
                    err.println("keten: " + p + ": no such folder");
                    return ExitCode.NOT_FOUND;
                }
            }
            try {
                Comparison c = Comparison.of(ReferenceData.read(reference), ReferenceData.read(export));
                for (Comparison.Check k : c.checks()) {
                    if (all || k.status() == Comparison.Status.DIFFERENT || k.status() == Comparison.Status.MISSING) {
                        out.println(k.message());
                    }
                }
                out.println(c.summary());
                return c.allEqual() ? ExitCode.OK : ExitCode.INVALID_INPUT;
            } catch (ReferenceInputException e) {
                err.println("keten: " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            } catch (IOException | UncheckedIOException e) {
                err.println("keten: cannot read: " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
        }
    }
}
