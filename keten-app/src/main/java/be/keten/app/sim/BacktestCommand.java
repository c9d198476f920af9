package be.keten.app.sim;

import be.keten.app.cli.ExitCode;
import be.keten.io.reference.ReferenceInputException;
import be.keten.sim.Outcome;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioException;
import be.keten.sim.ScenarioFile;
import be.keten.sim.Simulation;
import be.keten.sim.backtest.Actuals;
import be.keten.sim.backtest.Backtest;
import be.keten.sim.backtest.BacktestOutput;
import be.keten.sim.backtest.BacktestRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keten backtest}: runs a past period and scores it against the published figures and a carry-forward baseline (docs/simulation.md). */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Run a scenario over a past period and set every figure the reference folder publishes inside it against the"
                + " model (p50 and 5-95%% band across replications) and against a naive carry-forward baseline, per indicator and year,"
                + " with the errors and, per indicator, the mean absolute percentage error of both."})
public final class BacktestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "Scenario YAML whose start and horizon lie in the past"
            + " (e.g. examples/scenarios/backtest-2023.yaml).")
    Path scenario;

    @Option(names = "--actuals", required = true, paramLabel = "DIR", description = "Reference folder with the published figures"
            + " (applications_monthly.csv, cgvs_decisions.csv, cgvs_workload.csv…; indicators.csv for printed protection rates).")
    Path actuals;

    @Option(names = "--replications", defaultValue = "10", paramLabel = "N", description = "Stochastic replications (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed; same seed, same output (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores); does not change the output.")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the rows as CSV.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Integer refused = RunSize.refused(replications, threads, err);
        if (refused != null) {
            return refused;
        }
        if (!Files.isDirectory(actuals)) {
            err.println("--actuals: " + actuals + ": no such folder");
            return ExitCode.NOT_FOUND;
        }
        Scenario sc;
        Actuals published;
        try {
            sc = ScenarioFile.read(scenario);
            published = Actuals.read(actuals);
        } catch (ScenarioException e) {
            err.println("invalid scenario " + scenario + ": " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        } catch (ReferenceInputException e) {
            err.println("invalid reference folder " + actuals + ": " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        } catch (IOException | UncheckedIOException e) {
            err.println("cannot read " + actuals + ": " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        Backtest bt = Backtest.of(sc, published);
        // Checked before simulating: a run with nothing to score it against is wasted minutes.
        if (bt.isEmpty()) {
            err.println("nothing to compare: " + actuals + " publishes no figure inside the scenario's period " + sc.firstMonth() + " to "
                    + sc.lastMonth());
            return ExitCode.INVALID_INPUT;
        }
        long t0 = System.nanoTime();
        int n = replications;
        ProgressBar.show(err, 0, n);
        List<Outcome> runs = Simulation.run(sc, n, seed, threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                done -> ProgressBar.show(err, done, n));
        err.println();
        List<BacktestRow> rows = bt.rows(runs);
        stdout.printf("Backtest %s, %s to %s: %d replication(s), seed %d, actuals from %s (%.1f s)%n", sc.name(), sc.firstMonth(),
                sc.lastMonth(), n, seed, actuals, (System.nanoTime() - t0) / 1e9);
        stdout.println("error = p50 - actual; band = actual within p5..p95; " + Backtest.BASELINE_DEFINITION + ".");
        stdout.println();
        stdout.print(BacktestOutput.table(rows, Backtest.summarize(rows)));
        if (out != null) {
            try {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(out, BacktestOutput.csv(rows), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("cannot write " + out + ": " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            stdout.println("wrote " + out);
        }
        stdout.flush();
        return ExitCode.OK;
    }
}
