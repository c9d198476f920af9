package be.keten.app.stats;

import be.keten.app.cli.ExitCode;
import be.keten.io.reference.ReferenceConsistency;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceInputException;
import be.keten.stats.export.Comparison;
import be.keten.stats.synth.Synthesizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keten synth}: synthetic case-level histories consistent with a reference folder. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generate synthetic case-level event histories (persons in dossiers, every step through DVZ, CGVS and RvV, each"
                + " accepted by the rulebook) whose aggregates equal every figure of a reference folder in the window: applications"
                + " by month, column and nationality, decisions by month, type and nationality in persons and dossiers, the workload at"
                + " a date, whatever the folder's granularity. The starting stock is generated too. Figures the sources leave open are"
                + " drawn; the assumptions, the inconsistencies of the folder and which figure is honoured are written at the top of"
                + " the file as comment lines (# ...), which 'keten events import' skips. Same seed, same bytes."})
public final class SynthCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--reference", required = true, paramLabel = "DIR",
            description = "Reference folder with any of the five publication files (e.g. ../shared/data/reference).")
    Path reference;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM", description = "First month of the window.")
    YearMonth from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM", description = "Last month of the window.")
    YearMonth to;

    @Option(names = "--seed", required = true, paramLabel = "N", description = "Seed of the random draws.")
    long seed;

    @Option(names = "--scale", paramLabel = "K", defaultValue = "1",
            description = "Multiply every published count of the folder by K (whole number, at least 1; default 1) before synthesis:"
                    + " applicants, decisions, workload; rates and shares stay. The header states the scale.")
    int scale;

    @Option(names = "--out", required = true, paramLabel = "FILE.ndjson", description = "NDJSON file to write.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (to.isBefore(from)) {
            err.println("keten: --to " + to + " is before --from " + from);
            return ExitCode.USAGE;
        }
        if (to.atEndOfMonth().isAfter(LocalDate.now())) {
            err.println("keten: --to " + to + " ends after today: the rulebook refuses events dated in the future, so the file could not be imported");
            return ExitCode.USAGE;
        }
        if (scale < 1) {
            err.println("keten: --scale " + scale + " must be at least 1");
            return ExitCode.USAGE;
        }
        if (!Files.isDirectory(reference)) {
            err.println("keten: " + reference + ": no such folder");
            return ExitCode.NOT_FOUND;
        }
        try {
            long started = System.nanoTime();
            ReferenceData ref = ReferenceData.read(reference);
            for (ReferenceConsistency.Inconsistency i : ReferenceConsistency.check(ref)) {
                err.println("inconsistent: " + i.message());
            }
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            Synthesizer.Summary r = Synthesizer.write(ref, new Synthesizer.Options(from, to, seed, scale), tmp);
            if (!r.inconsistencies().isEmpty()) {
                err.println("honoured: the more detailed figures (months, columns, countries); each total they contradict is listed in the file's header");
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            for (Comparison.Check c : r.check().differences()) {
                err.println("not reproduced: " + c.message());
            }
            err.println(String.format(Locale.ROOT, "synthesised %d dossier(s), %d person(s), %d event(s) for %s..%s%s in %.1f s: %d of %d published"
                            + " figures in the window reproduced exactly, %d outside the window; written to %s", r.dossiers(), r.persons(),
                    r.events(), from, to, scale == 1 ? "" : " at " + scale + " times the published figures", (System.nanoTime() - started) / 1e9, r.check().count(Comparison.Status.EQUAL), r.check().covered(),
                    r.check().count(Comparison.Status.NOT_COVERED), out));
            return ExitCode.OK;
        } catch (ReferenceInputException e) {
            err.println("keten: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        } catch (IOException | UncheckedIOException e) {
            err.println("keten: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
    }
}
