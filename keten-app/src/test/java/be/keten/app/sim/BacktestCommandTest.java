package be.keten.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.calendar.Period;
import be.keten.io.reference.ReferenceData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code keten backtest} on the first two months of the 2023 backtest scenario, against the bundled reference figures. */
class BacktestCommandTest {
    /** The reference folder shipped with keten-io (what a clone of the repository has). */
    private static final Path ACTUALS = Path.of("../keten-io/src/main/resources/be/keten/io/reference");

    @TempDir
    static Path dir;

    private static String stdout;
    private static List<String> csv;
    private static int code;

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new BacktestCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static Path scenario(int months) throws Exception {
        Path network = Path.of("../examples/reception/network-2024.csv").toAbsolutePath().normalize();
        String yaml = Files.readString(Path.of("../examples/scenarios/backtest-2023.yaml")).replace("horizon_months: 12", "horizon_months: " + months)
                .replace("../reception/network-2024.csv", network.toString());
        Path f = dir.resolve("backtest-" + months + ".yaml");
        Files.writeString(f, yaml);
        return f;
    }

    /** One run shared by the assertions: two months, one replication (the engine takes seconds per month). */
    @BeforeAll
    static void runTwoMonths() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path file = dir.resolve("out/backtest.csv");
        code = run(out, err, "--scenario", scenario(2).toString(), "--actuals", ACTUALS.toString(), "--replications", "1", "--seed", "3",
                "--threads", "1", "--out", file.toString());
        assertThat(code).as(err.toString()).isZero();
        stdout = out.toString();
        csv = Files.readAllLines(file);
    }

    private static long published(String unit, String decisionType) throws Exception {
        ReferenceData d = ReferenceData.read(ACTUALS);
        return d.decisions().stream().filter(r -> r.unit().equals(unit) && r.decisionType().equals(decisionType)
                && (r.period().equals(Period.parse("2023-01")) || r.period().equals(Period.parse("2023-02")))).mapToLong(r -> r.count()).sum();
    }

    @Test
    void printsATableAndASummary() {
        assertThat(stdout).contains("Backtest backtest-2023, 2023-01 to 2023-02: 1 replication(s), seed 3")
                .contains("carry-forward baseline").contains("applications").contains("protection_rate")
                .contains("Mean absolute percentage error").contains("wrote ");
    }

    @Test
    void theCsvHasOneRowPerPublishedFigureWithTheAgreedColumns() {
        assertThat(csv.get(0)).isEqualTo("year,indicator,unit,actual,p5,p50,p95,error,relative_error,in_band,baseline,baseline_error,period,"
                + "baseline_period");
        // Applications (persons); decisions in persons and dossiers: total and seven publication rows each; the protection rate.
        assertThat(csv).hasSize(1 + 1 + 2 * 8 + 1);
        assertThat(csv.subList(1, csv.size())).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(14))
                .allSatisfy(l -> assertThat(l).startsWith("2023,").contains(",2023-01/2023-02,"));
    }

    @Test
    void theActualsAreTheReferenceFigures() throws Exception {
        // Applications January + February 2023 (2,785 + 2,399) against the same months of 2022 (2,680 + 2,290).
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("2023,applications,persons,5184,").endsWith(",2023-01/2023-02,2022-01/2022-02"));
        for (String unit : List.of("persons", "dossiers")) {
            assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("2023,cgvs_decisions," + unit + "," + published(unit, "total") + ","));
            for (String type : List.of("admissible_subsequent_or_border", "refugee_status", "subsidiary_protection", "inadmissible",
                    "manifestly_unfounded", "refusal", "withdrawal_or_revocation")) {
                long v = published(unit, type);
                assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("2023,cgvs_decisions_" + type + "," + unit + "," + v + ","));
            }
        }
        // (653 + 644 + 38 + 41) / (1,701 + 1,804 - 67 - 78 - 7 - 5): the official formula on the published dossiers.
        double rate = (653 + 644 + 38 + 41) / (double) (1701 + 1804 - 67 - 78 - 7 - 5);
        String line = csv.stream().filter(l -> l.startsWith("2023,protection_rate,dossiers,")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(line.split(",")[3])).isEqualTo(Math.round(rate * 1e4) / 1e4);
    }

    @Test
    void aFolderWithoutFiguresInThePeriodIsRefusedBeforeSimulating() throws Exception {
        StringWriter err = new StringWriter();
        Path empty = dir.resolve("ref-2030");
        Files.createDirectories(empty);
        Files.writeString(empty.resolve("applications_monthly.csv"),
                "period,row_type,total,first_excl_resettlement,first_resettlement,subsequent\n2030-01,month,10,,,\n");
        int c = run(new StringWriter(), err, "--scenario", scenario(2).toString(), "--actuals", empty.toString());
        assertThat(c).isEqualTo(2);
        assertThat(err.toString()).contains("nothing to compare").contains("2023-01 to 2023-02");
    }

    @Test
    void errorsNameTheProblem() throws Exception {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "--scenario", scenario(2).toString(), "--actuals", dir.resolve("nope").toString())).isEqualTo(4);
        assertThat(err.toString()).contains("--actuals").contains("no such folder");
        Path bad = dir.resolve("bad-ref");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("cgvs_workload.csv"), "period,measure,unit,value\n2023-11,workload_total,dossiers,1\n");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "--scenario", scenario(2).toString(), "--actuals", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cgvs_workload.csv").contains("period");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "--scenario", scenario(2).toString(), "--actuals", ACTUALS.toString(), "--replications", "0"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("--replications");
    }
}
