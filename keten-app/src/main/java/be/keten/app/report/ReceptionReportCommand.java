package be.keten.app.report;

import be.keten.core.reception.Network;
import be.keten.stats.report.ReceptionReport;
import be.keten.store.AuditLog;
import be.keten.store.NetworkStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keten report reception}: Fedasil's yearly balance of the reception network, from the event store and the stored network. */
@Command(name = "reception", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "The yearly balance of the reception network (Fedasil) for one calendar year, computed from the event store and the"
                    + " network loaded with 'keten reception load': IN, OUT and balance by month, capacity, occupancy, occupancy"
                    + " rate and waiting list at each month end, occupancy by place type and by operator, the residents' profile"
                    + " (family or single, sex, age group, top 10 nationalities, procedure stage), departures by reason and the"
                    + " average length of stay of those who left in the year.",
            "Capacity is the stored network's on each date. A year the store covers only in part is reported for the months"
                    + " covered (the others blank, never zero) and the year-end tables are taken at the end of the last month"
                    + " covered; a year without data gives a report that says so (and a note on stderr)."},
        footer = {"", "Output: HTML and JSON to standard output unless --out is given; PDF and XLSX need --out.",
            "Exit codes: 0 ok (also for a year without data), 1 usage, 2 cannot write the file, 4 no reception network loaded,"
                    + " 5 database error."})
public final class ReceptionReportCommand implements Callable<Integer> {
    static final String NO_NETWORK = "no reception network loaded: the report needs its capacity. Load one first, e.g."
            + " 'keten reception load examples/reception/network-2024.csv' (the end-2024 network)";

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
        return ReportOutput.runOnStore(spec, report.db, report.format, report.language, report.out, d -> {
            // The network first: without it there is no capacity, and the statistics need not be loaded.
            Network network = new NetworkStore(d, new AuditLog(d, clock)).load();
            if (network.facilities().isEmpty()) {
                throw new ReportOutput.Missing(NO_NETWORK);
            }
            return ReceptionReport.of(ReportOutput.statistics(d), network, year, LocalDate.now(clock));
        });
    }
}
