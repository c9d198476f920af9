package be.keten.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new SimulateCommand());
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path scenario() throws Exception {
        String yaml = Files.readString(Path.of("../keten-sim/src/test/resources/scenarios/small.yaml")).replace("horizon_months: 24",
                "horizon_months: 14");
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void writesTheThreeFilesWithAProgressBar() throws Exception {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("out");
        int code = run(err, "--scenario", scenario().toString(), "--replications", "2", "--seed", "5", "--out", out.toString(), "--threads", "2");
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(out.resolve("series.csv"))).startsWith("month,indicator,unit,mean,p5,p50,p95\n")
                .contains("2025-01,applications,persons,").contains(",required_capacity,places,");
        assertThat(Files.readString(out.resolve("summary.csv"))).startsWith("year,indicator,unit,mean,p5,p50,p95\n")
                .contains("2025,cgvs_workload,dossiers,").contains("2026,protection_rate,dossiers,");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg").doesNotContain("<script");
        assertThat(err.toString()).contains("replications [").contains("2/2");
    }

    @Test
    void fluidModeWritesTheSameFiles() throws Exception {
        Path out = dir.resolve("fluid");
        assertThat(run(new StringWriter(), "--scenario", scenario().toString(), "--fluid", "--out", out.toString())).isZero();
        assertThat(out.resolve("series.csv")).exists();
        assertThat(out.resolve("summary.csv")).exists();
        assertThat(out.resolve("report.html")).exists();
    }

    @Test
    void anInvalidScenarioIsReportedAndNothingIsWritten() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, Files.readString(scenario()).replace("dublin_share: 0.1", "dublin_share: 2"));
        StringWriter err = new StringWriter();
        Path out = dir.resolve("none");
        assertThat(run(err, "--scenario", f.toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("dvz.dublin_share").contains("'2'").contains("from 0 to 1");
        assertThat(out).doesNotExist();
    }
}
