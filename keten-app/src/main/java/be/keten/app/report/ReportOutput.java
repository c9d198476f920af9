package be.keten.app.report;

import be.keten.app.cli.DatabaseOption;
import be.keten.app.cli.DbCommand;
import be.keten.app.cli.ExitCode;
import be.keten.server.statistics.StoreStatistics;
import be.keten.stats.ChainStatistics;
import be.keten.stats.StatisticsParameters;
import be.keten.stats.report.Language;
import be.keten.stats.report.Report;
import be.keten.stats.report.ReportFormat;
import be.keten.stats.report.ReportWriter;
import be.keten.store.Database;
import be.keten.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the report commands share: the options' converters, the statistics of the whole store, and
 * the output rule. HTML and JSON go to standard output unless {@code --out} names a file; PDF and
 * XLSX are binary and need {@code --out}. A file is written whole or not at all (written beside
 * it, then moved), so a failed run never leaves half a report.
 */
final class ReportOutput {
    private ReportOutput() {
    }

    /**
     * Loads the store's statistics, builds the report, writes it.
     *
     * @return the exit code
     */
    static int run(CommandSpec spec, DatabaseOption db, ReportFormat format, Language language, Path out,
                   Function<ChainStatistics, Report> build) {
        return runOnStore(spec, db, format, language, out, d -> build.apply(statistics(d)));
    }

    /** The statistics of the whole store, with the default parameters (as every report states). */
    static ChainStatistics statistics(Database d) {
        return StoreStatistics.load(DbCommand.store(d), StatisticsParameters.defaults());
    }

    /**
     * As {@link #run}, for a report that reads more of the store than the statistics (the reception
     * network). {@code build} throws {@link Missing} when something it needs is not in the store.
     *
     * @return the exit code
     */
    static int runOnStore(CommandSpec spec, DatabaseOption db, ReportFormat format, Language language, Path out,
                          Function<Database, Report> build) {
        PrintWriter err = spec.commandLine().getErr();
        if (format.binary() && out == null) {
            err.println("keten: --format " + format.code() + " is binary: give --out FILE");
            err.flush();
            return ExitCode.USAGE;
        }
        Report report;
        try (Database d = Database.open(db.url())) {
            report = build.apply(d);
        } catch (Missing e) {
            err.println("keten: " + e.getMessage());
            err.flush();
            return ExitCode.NOT_FOUND;
        } catch (StoreException | IllegalArgumentException e) {
            int code = DbCommand.databaseError(spec, e);
            err.flush();
            return code;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReportWriter.write(report, format, language, bytes);
        if (!report.hasData()) {
            err.println("keten: " + report.document(language).noData());
        }
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(bytes.toString(StandardCharsets.UTF_8));
            stdout.flush();
            err.flush();
            return ExitCode.OK;
        }
        try {
            write(out, bytes.toByteArray());
        } catch (IOException e) {
            err.println("keten: cannot write " + out + ": " + e.getMessage());
            err.flush();
            return ExitCode.INVALID_INPUT;
        }
        spec.commandLine().getOut().println("Wrote " + out);
        spec.commandLine().getOut().flush();
        err.flush();
        return ExitCode.OK;
    }

    private static void write(Path out, byte[] content) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".part");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Something the report needs is not in the store (exit 4); the message says how to put it there. */
    static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message);
        }
    }

    /** {@code nl}, {@code fr} or {@code en}. */
    static final class LanguageConverter implements ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            try {
                return Language.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code html}, {@code pdf}, {@code json} or {@code xlsx}. */
    static final class FormatConverter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
