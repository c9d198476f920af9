package be.keten.app.cli;

import be.keten.app.resettlement.FairShareCommand;
import be.keten.app.resettlement.ResettlementReportCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code keten} command: one subcommand per job. */
@Command(name = "keten", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Record, measure, simulate and plan the Belgian asylum and reception chain.",
        subcommands = {DbCommand.class, EventsCommand.class, CaseCommand.class, PolicyCommand.class, CalendarCommand.class,
                be.keten.app.reception.ReceptionCommand.class, be.keten.app.stats.StatsCommand.class, be.keten.app.stats.SynthCommand.class,
                be.keten.app.sim.SimulateCommand.class, be.keten.app.sim.BacktestCommand.class, be.keten.app.sim.CalibrateCommand.class, be.keten.app.server.ServeCommand.class, be.keten.app.server.AccountCommand.class,
                FairShareCommand.class, KetenCli.ReportCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 usage, 2 invalid input (nothing written), 3 conflict, 4 not found, 5 database error."})
public final class KetenCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with Keten's exit-code and error conventions. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new KetenCli());
        cl.setExitCodeExceptionMapper(t -> ExitCode.INVALID_INPUT);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("keten: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("keten: " + ex.getMessage());
            return ExitCode.INVALID_INPUT;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** {@code keten report …}: the reports. */
    @Command(name = "report", mixinStandardHelpOptions = true, description = "Reports.",
            subcommands = {be.keten.app.report.MonthlyReportCommand.class, be.keten.app.report.AnnualReportCommand.class,
                    be.keten.app.report.ReceptionReportCommand.class, ResettlementReportCommand.class})
    static final class ReportCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }
}
