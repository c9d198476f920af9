package be.keten.app.report;

import be.keten.stats.report.AnnualReport;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keten report annual}: the CGVS annual tables of one calendar year, from the event store. */
@Command(name = "annual", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "The annual tables of one calendar year, computed from the event store: key figures, applicants and the top 10"
                    + " countries of origin, decisions by type in persons and in dossiers with their shares, the protection rate"
                    + " with its evolution by year and by month, the main nationalities with their protection rate, and the"
                    + " workload at each month end with the real backlog.",
            "A year the store covers only in part is reported for the months covered and says which; a year without data"
                    + " gives a report that says so (and a note on stderr)."},
        footer = {"", "Output: HTML and JSON to standard output unless --out is given; PDF and XLSX need --out.",
            "Exit codes: 0 ok (also for a year without data), 1 usage, 2 cannot write the file, 5 database error."})
public final class AnnualReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ReportOptions report;

    @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The calendar year reported, e.g. 2023.")
    int year;

    /** The day the report is made, printed as its publication date. */
    Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() {
        if (year < 1900 || year > 2999) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--year " + year + " is not a plausible year: expected YYYY, e.g. 2023");
        }
        return ReportOutput.run(spec, report.db, report.format, report.language, report.out, s -> AnnualReport.of(s, year, LocalDate.now(clock)));
    }
}
