package be.keten.app.sim;

import be.keten.app.cli.ExitCode;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceInputException;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioException;
import be.keten.sim.ScenarioFile;
import be.keten.sim.calibration.CalibratedScenario;
import be.keten.sim.calibration.Calibrator;
import be.keten.sim.calibration.Fit;
import be.keten.sim.calibration.StaffFigures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keten calibrate}: estimates a scenario's parameters from published figures and prints the fit per series (docs/simulation.md). */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Estimate a scenario from the published figures of a reference folder dated on or before --through: inflow level and"
                + " seasonal factors, nationality and application-type mixes, decision mixes overall and by nationality, persons per dossier"
                + " (household sizes), CGVS productivity (service time) and the CGVS workload at the start. Everything else comes from the"
                + " base scenario. Each key of the written YAML says where it comes from (CALIBRATED from FILE PERIOD: value, INPUT, FROM"
                + " BASE); the fit of every estimated series (published vs fitted, MAPE or max abs diff) is printed."})
public final class CalibrateCommand implements Callable<Integer> {
    static final Path DEFAULT_BASE = Path.of("examples/scenarios/baseline-2025.yaml");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "DIR",
            description = "Reference folder with the publication files (e.g. ../shared/data/reference); cgvs_staff.csv is read from it"
                    + " when present, else the copy shipped with Keten.")
    Path reference;

    @Option(names = "--through", required = true, paramLabel = "YYYY-MM", description = "Last month whose figures may be used.")
    YearMonth through;

    @Option(names = "--out", required = true, paramLabel = "FILE.yaml", description = "Scenario file to write.")
    Path out;

    @Option(names = "--base", paramLabel = "FILE", description = "Base scenario for everything the figures do not give (default: ${DEFAULT-VALUE}).")
    Path base = DEFAULT_BASE;

    @Option(names = "--with-inputs", description = "Also use figures dated after --through that are inputs of the simulated year"
            + " (applications, FTE); they are never used to estimate anything.")
    boolean withInputs;

    @Option(names = "--horizon-months", paramLabel = "N", description = "Months to simulate (default: the base scenario's).")
    Integer horizon;

    @Option(names = "--name", paramLabel = "TEXT", description = "Scenario name (default: calibrated-through-YYYY-MM).")
    String name;

    @Option(names = "--note", paramLabel = "TEXT", description = "A line for the file's header (repeatable), e.g. what else is assumed.")
    List<String> headerNotes = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        if (horizon != null && (horizon < 1 || horizon > 240)) {
            err.println("--horizon-months: " + horizon + " is not valid; allowed: 1 to 240");
            return ExitCode.USAGE;
        }
        if (!Files.isDirectory(reference)) {
            err.println("keten: " + reference + ": no such folder");
            return ExitCode.NOT_FOUND;
        }
        if (!Files.isRegularFile(base)) {
            err.println("keten: --base " + base + ": no such file");
            return ExitCode.NOT_FOUND;
        }
        Scenario baseScenario;
        try {
            baseScenario = ScenarioFile.read(base);
        } catch (ScenarioException e) {
            err.println("invalid base scenario " + base + ": " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        try {
            ReferenceData ref = ReferenceData.read(reference);
            StaffFigures staff = StaffFigures.read(reference);
            Calibrator.Calibration cal = Calibrator.calibrate(ref, staff, baseScenario,
                    new Calibrator.Options(through, withInputs, horizon, name));
            String text = CalibratedScenario.render(base, out, cal, header(cal));
            Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                ScenarioFile.read(tmp);
            } catch (ScenarioException e) {
                Files.deleteIfExists(tmp);
                err.println("keten: the calibrated scenario is not valid (" + e.getMessage() + "); nothing written");
                return ExitCode.INVALID_INPUT;
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            outw.print(cal.report());
            outw.println("written to " + out);
            outw.flush();
            return ExitCode.OK;
        } catch (ReferenceInputException e) {
            err.println("keten: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println("keten: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
    }

    private String commandLine() {
        StringBuilder b = new StringBuilder("keten calibrate --reference ").append(reference).append(" --through ").append(through);
        if (!base.equals(DEFAULT_BASE)) {
            b.append(" --base ").append(base);
        }
        if (withInputs) {
            b.append(" --with-inputs");
        }
        if (horizon != null) {
            b.append(" --horizon-months ").append(horizon);
        }
        if (name != null) {
            b.append(" --name ").append(name);
        }
        for (String n : headerNotes) {
            b.append(" --note '").append(n.replace("'", "'\\''")).append("'");
        }
        return b.append(" --out ").append(out).toString();
    }

    private List<String> header(Calibrator.Calibration cal) {
        List<String> h = new ArrayList<>();
        h.add("Scenario written by `keten calibrate` from figures published up to " + through + " (docs/simulation.md, \"Calibration\").");
        h.add(commandLine());
        h.add("");
        h.add("Each key says where its value comes from:");
        h.add("  CALIBRATED from <file> <period>: value  estimated from the reference figures dated on or before " + through + ";");
        if (withInputs) {
            h.add("  INPUT (after --through) from <file> <period>  a published input of the simulated period, never used to estimate;");
        }
        h.add("  SET  set by the command;  FROM BASE  unchanged from " + base.getFileName() + " (its comments say what is REF and what is ASSUMPTION).");
        h.add("");
        h.add("Fit of the estimated series (printed in full by the command):");
        for (Fit f : cal.fits()) {
            h.add("  " + f.series() + ": " + f.errorLabel());
        }
        if (!cal.notes().isEmpty() || !headerNotes.isEmpty()) {
            h.add("");
            h.add("Assumptions and notes:");
            for (String n : cal.notes()) {
                h.add("  - " + n);
            }
            for (String n : headerNotes) {
                h.add("  - " + n);
            }
        }
        h.add("");
        return h;
    }
}
