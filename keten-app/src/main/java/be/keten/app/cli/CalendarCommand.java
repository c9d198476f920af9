package be.keten.app.cli;

import be.keten.core.calendar.BelgianCalendar;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keten calendar}: the Belgian working-day calendar the fast-track deadlines run on. */
@Command(name = "calendar", mixinStandardHelpOptions = true, description = "Belgian working days and deadlines.",
        subcommands = {CalendarCommand.Deadline.class, CalendarCommand.Holidays.class})
public final class CalendarCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "deadline", mixinStandardHelpOptions = true,
            description = "The date N working days after a date (weekends and the ten federal holidays excluded; the start day does not count).")
    static final class Deadline implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "The day the period starts from (e.g. the transfer to the CGVS).")
        LocalDate from;

        @Option(names = "--working-days", required = true, paramLabel = "N", description = "Number of working days (e.g. 15 or 50 for the fast track).")
        int days;

        @Override
        public Integer call() {
            if (days < 0) {
                spec.commandLine().getErr().println("keten: --working-days must be 0 or more, got " + days);
                return ExitCode.INVALID_INPUT;
            }
            BelgianCalendar cal = BelgianCalendar.get();
            LocalDate end = cal.addWorkingDays(from, days);
            var out = spec.commandLine().getOut();
            out.println(end);
            Map<LocalDate, String> skipped = new java.util.TreeMap<>();
            for (int y = from.getYear(); y <= end.getYear(); y++) {
                cal.holidays(y).forEach((d, n) -> {
                    if (d.isAfter(from) && !d.isAfter(end) && cal.isHoliday(d) && d.getDayOfWeek().getValue() < 6) {
                        skipped.put(d, n);
                    }
                });
            }
            skipped.forEach((d, n) -> out.println("  skipped holiday " + d + " " + n));
            return ExitCode.OK;
        }
    }

    @Command(name = "holidays", mixinStandardHelpOptions = true, description = "The federal public holidays of a year.")
    static final class Holidays implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The calendar year.")
        int year;

        @Override
        public Integer call() {
            BelgianCalendar.get().holidays(year).forEach((d, n) -> spec.commandLine().getOut().println(d + "  " + d.getDayOfWeek() + "  " + n));
            return ExitCode.OK;
        }
    }
}
