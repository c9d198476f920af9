package be.keten.app.sim;

import be.keten.app.cli.ExitCode;
import be.keten.sim.FluidModel;
import be.keten.sim.Outcome;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioException;
import be.keten.sim.ScenarioFile;
import be.keten.sim.Simulation;
import be.keten.sim.SimulationOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keten simulate}: runs a scenario and writes series.csv, summary.csv and report.html (docs/simulation.md). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate the chain under a scenario: monthly series and yearly summary with percentile bands, and an HTML report.")
public final class SimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "Scenario YAML (see examples/scenarios).")
    Path scenario;

    @Option(names = "--replications", defaultValue = "10", paramLabel = "N", description = "Stochastic replications (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed; same seed, same output (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: all cores); does not change the output.")
    Integer threads;

    @Option(names = "--fluid", description = "Deterministic stock-flow mode: one instant run, no bands.")
    boolean fluid;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (replications < 1 || replications > 100_000) {
            err.println("--replications: " + replications + " is not valid; allowed: 1 to 100000");
            return ExitCode.USAGE;
        }
        if (threads != null && (threads < 1 || threads > 1024)) {
            err.println("--threads: " + threads + " is not valid; allowed: 1 to 1024");
            return ExitCode.USAGE;
        }
        Scenario sc;
        try {
            sc = ScenarioFile.read(scenario);
        } catch (ScenarioException e) {
            err.println("invalid scenario " + scenario + ": " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        long t0 = System.nanoTime();
        List<Outcome> runs;
        String mode;
        if (fluid) {
            runs = List.of(FluidModel.run(sc));
            mode = "fluid (deterministic stock-flow) mode";
        } else {
            int n = replications;
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            ProgressBar.show(err, 0, n);
            runs = Simulation.run(sc, n, seed, t, done -> ProgressBar.show(err, done, n));
            err.println();
            mode = "stochastic mode, seed " + seed;
        }
        try {
            SimulationOutput.write(out, sc, runs, mode);
        } catch (IOException e) {
            err.println("cannot write to " + out + ": " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        spec.commandLine().getOut().printf("%s: %s, %d month(s), written to %s in %.1f s%n", sc.name(), mode, sc.horizonMonths(), out,
                (System.nanoTime() - t0) / 1e9);
        return ExitCode.OK;
    }
}
