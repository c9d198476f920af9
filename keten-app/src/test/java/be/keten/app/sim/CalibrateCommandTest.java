package be.keten.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.io.reference.ReferenceFiles;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CalibrateCommandTest {
    static final String BASE = "../examples/scenarios/baseline-2025.yaml";

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new CalibrateCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** The reference files shipped with keten-io, copied to a folder. */
    private Path reference() throws IOException {
        Path ref = Files.createDirectories(dir.resolve("reference"));
        for (String name : ReferenceFiles.PUBLICATION) {
            try (Reader in = ReferenceFiles.reader(name)) {
                StringWriter w = new StringWriter();
                in.transferTo(w);
                Files.writeString(ref.resolve(name), w.toString());
            }
        }
        return ref;
    }

    @Test
    void writesAValidScenarioAndPrintsTheFitPerSeries() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path yaml = dir.resolve("calibrated.yaml");
        int code = run(out, err, "--reference", reference().toString(), "--through", "2023-12", "--base", BASE, "--out", yaml.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("applications per month (persons), calibration window: MAPE")
                .contains("CGVS decisions per month (dossiers, interim included): MAPE").contains("written to " + yaml);
        String text = Files.readString(yaml);
        assertThat(text).contains("# keten calibrate --reference").contains("# CALIBRATED from cgvs_workload.csv 2023-11-30: 24764")
                .contains("# FROM BASE");
        Scenario s = ScenarioFile.read(yaml);
        assertThat(s.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(s.initial().cgvsWorkloadDossiers()).isEqualTo(24_764);
        assertThat(s.cgvs().fte().on(LocalDate.of(2024, 6, 1))).isEqualTo(582.77); // no inputs: the end-2023 stock, held
    }

    @Test
    void aBadReferenceFileIsNamedWithLineAndColumnAndNothingIsWritten() throws Exception {
        Path ref = reference();
        Path f = ref.resolve(ReferenceFiles.APPLICATIONS_MONTHLY);
        Files.writeString(f, Files.readString(f).replaceFirst("2022-02,2022,2,month,2290,", "2022-02,2022,2,month,2.290,"));
        StringWriter err = new StringWriter();
        Path yaml = dir.resolve("none.yaml");
        int code = run(new StringWriter(), err, "--reference", ref.toString(), "--through", "2023-12", "--base", BASE, "--out", yaml.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("applications_monthly.csv").contains("line 3").contains("total");
        assertThat(yaml).doesNotExist();
    }

    @Test
    void missingFoldersAndFilesAreReported() throws Exception {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "--reference", dir.resolve("nope").toString(), "--through", "2023-12", "--base", BASE,
                "--out", dir.resolve("x.yaml").toString())).isEqualTo(4);
        assertThat(err.toString()).contains("no such folder");
        StringWriter err2 = new StringWriter();
        assertThat(run(new StringWriter(), err2, "--reference", reference().toString(), "--through", "2023-12", "--base", "nope.yaml",
                "--out", dir.resolve("x.yaml").toString())).isEqualTo(4);
        assertThat(err2.toString()).contains("--base nope.yaml");
    }
}
