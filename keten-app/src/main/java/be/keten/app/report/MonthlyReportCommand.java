package be.keten.app.report;

import be.keten.stats.report.MonthlyReport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keten report monthly}: the CGVS monthly asylum statistics of one month, from the event store. */
@Command(name = "monthly", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "The monthly asylum statistics of one month, in the layout of the CGVS publication, computed from the event store:"
                    + " overview (month and year to date), applicants per month for the previous and the current year with a chart,"
                    + " top 10 countries of origin for the month and the year, decisions per month in persons and in dossiers,"
                    + " top 10 nationalities by refugee recognitions, the protection rate, the workload and the real backlog.",
            "Months not reached, and months the store does not cover, are blank, never zero. A month without data gives a report"
                    + " that says so (and a note on stderr); it has no figures."},
        footer = {"", "Output: HTML and JSON to standard output unless --out is given; PDF and XLSX need --out.",
            "Exit codes: 0 ok (also for a month without data), 1 usage, 2 cannot write the file, 5 database error."})
public final class MonthlyReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ReportOptions report;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", converter = MonthConverter.class,
            description = "The month reported, e.g. 2023-11.")
    YearMonth month;

    /** The day the report is made, printed as its publication date. */
    Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() {
        return ReportOutput.run(spec, report.db, report.format, report.language, report.out, s -> MonthlyReport.of(s, month, LocalDate.now(clock)));
    }

    static final class MonthConverter implements CommandLine.ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String value) {
            try {
                return YearMonth.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a month: expected YYYY-MM, e.g. 2023-11");
            }
        }
    }
}
