package be.keten.app.sim;

import be.keten.app.cli.DatabaseOption;
import be.keten.app.cli.DbCommand;
import be.keten.app.cli.ExitCode;
import be.keten.core.state.Stay;
import be.keten.sim.InitialCases;
import be.keten.sim.FluidModel;
import be.keten.sim.Outcome;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioException;
import be.keten.sim.ScenarioFile;
import be.keten.sim.Simulation;
import be.keten.sim.SimulationOutput;
import be.keten.store.Database;
import be.keten.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keten simulate}: runs a scenario and writes series.csv, summary.csv and report.html (docs/simulation.md). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate the chain under a scenario: monthly series and yearly summary with percentile bands, and an HTML report.",
                "With --from-store the simulation starts from the event store instead of the scenario's initial: stocks (which are then"
                        + " ignored): every dossier's state on the eve of the scenario's start, folded from its events dated before the start,"
                        + " continues (files at the CGVS, appeals, notified decisions, residents and the waiting list); closed dossiers are"
                        + " not carried over and events dated on or after the start are ignored (counted on stderr)."})
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

    @Option(names = "--from-store", description = "Start from the open dossiers of the event store (--db) on the eve of the start date,"
            + " instead of the scenario's initial: section.")
    boolean fromStore;

    @Mixin
    DatabaseOption db;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Integer refused = RunSize.refused(replications, threads, err);
        if (refused != null) {
            return refused;
        }
        Scenario sc;
        try {
            sc = ScenarioFile.read(scenario);
        } catch (ScenarioException e) {
            err.println("invalid scenario " + scenario + ": " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        long t0 = System.nanoTime();
        InitialCases cases = null;
        if (fromStore) {
            try (Database d = Database.open(db.url())) {
                cases = load(d, sc, err);
            } catch (StoreException | IllegalArgumentException e) {
                return DbCommand.databaseError(spec, e);
            }
            if (cases == null) {
                return ExitCode.INVALID_INPUT;
            }
        } else if (spec.commandLine().getParseResult().hasMatchedOption("--db")) {
            err.println("--db is only read with --from-store");
            return ExitCode.USAGE;
        }
        List<Outcome> runs;
        String mode;
        if (fluid) {
            runs = List.of(FluidModel.run(cases == null ? sc : sc.withInitial(cases.stocks())));
            mode = FluidModel.MODE;
        } else {
            int n = replications;
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            ProgressBar.show(err, 0, n);
            runs = Simulation.run(sc, cases, n, seed, t, done -> ProgressBar.show(err, done, n));
            err.println();
            mode = "stochastic mode, seed " + seed;
        }
        if (cases != null) {
            mode += String.format(Locale.ROOT, ", started from the event store (%,d open dossiers on %s)", cases.states().size(),
                    sc.start().minusDays(1));
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

    /** The store's open dossiers, with what was read said on stderr; null (after saying why) when the store has nothing before the start. */
    private static InitialCases load(Database d, Scenario sc, PrintWriter err) {
        LocalDate start = sc.start();
        StoreCases.Loaded l = StoreCases.load(DbCommand.store(d), start);
        if (l.events() == 0) {
            err.println("--from-store: the store holds no event dated before the scenario's start " + start + " (is --db right?)");
            return null;
        }
        InitialCases c = l.cases();
        var st = c.stocks();
        err.println(String.format(Locale.ROOT, "--from-store: %,d event(s) dated before %s; %,d open dossier(s) continue (%,d at the CGVS,"
                        + " %,d appeal(s) pending, %,d person(s) placed, %,d waiting); %,d closed dossier(s) not carried over",
                l.events(), start, c.states().size(), st.cgvsWorkloadDossiers(), st.rvvPendingDossiers(),
                st.occupancy().values().stream().mapToInt(Integer::intValue).sum(), st.waitingList(), c.finished()));
        err.println("--from-store: the scenario's initial: section is ignored");
        // Residents keep their places; a facility the scenario does not know counts in no capacity and gets no one new.
        TreeSet<String> unknown = new TreeSet<>();
        c.states().forEach(s -> s.reception().values().stream().filter(Stay::placed).map(Stay::facility)
                .filter(f -> sc.reception().network().facility(f).isEmpty()).forEach(unknown::add));
        if (!unknown.isEmpty()) {
            err.println("--from-store: residents are placed in facilities the scenario's network does not have (they stay, outside its"
                    + " capacity): " + String.join(", ", unknown));
        }
        if (l.later() > 0) {
            err.println(String.format(Locale.ROOT, "--from-store: %,d stored event(s) dated on or after %s ignored: the simulation takes over"
                    + " from the start date", l.later(), start));
        }
        return c;
    }
}
