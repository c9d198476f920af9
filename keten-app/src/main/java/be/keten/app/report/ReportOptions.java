package be.keten.app.report;

import be.keten.app.cli.DatabaseOption;
import be.keten.stats.report.Language;
import be.keten.stats.report.ReportFormat;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every report command shares: the store, the language, the format and the output file. */
public final class ReportOptions {
    @Mixin
    DatabaseOption db;

    @Option(names = "--lang", paramLabel = "nl|fr|en", defaultValue = "nl", converter = ReportOutput.LanguageConverter.class,
            description = "Language of the labels (default: ${DEFAULT-VALUE}).")
    Language language;

    @Option(names = "--format", paramLabel = "html|pdf|json|xlsx", defaultValue = "html", converter = ReportOutput.FormatConverter.class,
            description = "html (default, one self-contained page with SVG charts), pdf (A4, charts embedded), json (the same content"
                    + " for machines), xlsx (one sheet per section).")
    ReportFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "File to write (default: standard output; required for pdf and xlsx).")
    Path out;
}
