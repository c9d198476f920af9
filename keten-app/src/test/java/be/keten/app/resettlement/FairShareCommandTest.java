package be.keten.app.resettlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FairShareCommandTest {

    private static final String[] REPORT = {"--needs", "1473156", "--growth", "80000", "--eu-share", "0.20", "--key",
        "0.0284", "--years", "3"};

    @Test
    void printsThePublishedChainOfFigures() {
        CommandRun run = CommandRun.of(new FairShareCommand(), REPORT);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.line("global resettlement needs (UNHCR)")).contains("1,473,156");
        assertThat(run.line("growth over the planning period")).contains("+80,000");
        assertThat(run.line("needs for the 3-year plan")).contains("1,553,156");
        assertThat(run.line("EU target, exact")).contains("310,631.2");
        assertThat(run.line("EU target, rounded down")).contains("310,631");
        assertThat(run.line("Belgian key")).contains("2.84 %");
        assertThat(run.line("Belgian share, exact")).contains("8,821.926");
        assertThat(run.line("Belgian share, rounded down")).contains("8,821");
        assertThat(run.line("growth path, year 1")).contains("2,000");
        assertThat(run.line("growth path, year 2")).contains("3,000");
        assertThat(run.line("growth path, year 3")).contains("3,821").contains("remainder");
    }

    @Test
    void annualGrowthGivesTheSameFigures() {
        CommandRun run = CommandRun.of(new FairShareCommand(), "--needs", "1473156", "--annual-growth", "40000",
                "--key", "0.0284", "--first-year", "2022");
        assertThat(run.exitCode()).isZero();
        assertThat(run.line("growth over the planning period")).contains("+80,000").contains("40,000 per year × (3 − 1) years");
        assertThat(run.line("needs for the 3-year plan")).contains("1,553,156");
        assertThat(run.line("growth path, 2024")).contains("3,821");
    }

    @Test
    void jsonHoldsEveryFigure() throws IOException {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(REPORT),
                java.util.stream.Stream.of("--format", "json")).toArray(String[]::new);
        CommandRun run = CommandRun.of(new FairShareCommand(), args);
        assertThat(run.exitCode()).isZero();
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertThat(j.get("needs").asLong()).isEqualTo(1_553_156);
        assertThat(j.get("euTargetExact").decimalValue()).isEqualByComparingTo("310631.2");
        assertThat(j.get("euTarget").asLong()).isEqualTo(310_631);
        assertThat(j.get("key").get("method").asText()).isEqualTo("given");
        assertThat(j.get("share").asLong()).isEqualTo(8_821);
        assertThat(j.get("path").findValuesAsText("persons")).containsExactly("2000", "3000", "3821");
    }

    /** Constructed tables, as in the core test: Belgium 0.022/0.029 → 0.026/0.03475 gives 0.0284. */
    private static String table(String bePop, String beGdp, String dePop, String deGdp) {
        StringBuilder b = new StringBuilder("code,population,gdp\n");
        be.keten.core.resettlement.EuComposition.EU27.members().keySet().forEach(code -> b.append(code).append(',')
                .append(Map.of("BE", bePop, "DE", dePop).getOrDefault(code, "3700")).append(',')
                .append(Map.of("BE", beGdp, "DE", deGdp).getOrDefault(code, "3700")).append('\n'));
        return b.toString();
    }

    @Test
    void recomputesTheKeyFromMemberStateFiles(@TempDir Path dir) throws IOException {
        Path base = Files.writeString(dir.resolve("base.csv"), table("2200", "2900", "5300", "4600"));
        Path now = Files.writeString(dir.resolve("now.csv"), table("2600", "3475", "4900", "4025"));
        CommandRun run = CommandRun.of(new FairShareCommand(), "--needs", "1473156", "--annual-growth", "40000",
                "--base-key", "0.0245", "--member-states", now.toString(), "--base-member-states", base.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.line("population share, base")).contains("2.2000 %").contains("base.csv (EU27, absolute figures)");
        assertThat(run.line("GDP share, current")).contains("3.4750 %");
        assertThat(run.line("0.4 × population share change")).contains("+0.1600 pp");
        assertThat(run.line("0.4 × GDP share change")).contains("+0.2300 pp");
        assertThat(run.line("key, recomputed")).contains("2.8400 %");
        assertThat(run.line("Belgian share, rounded down")).contains("8,821");
    }

    @Test
    void badMemberStateFileNamesFileLineAndField(@TempDir Path dir) throws IOException {
        Path base = Files.writeString(dir.resolve("base.csv"), table("2200", "2900", "5300", "4600"));
        Path now = Files.writeString(dir.resolve("now.csv"), table("2600", "3475", "4900", "4025").replace("DK,3700,3700", "DK,3700,-1"));
        CommandRun run = CommandRun.of(new FairShareCommand(), "--needs", "1473156", "--base-key", "0.0245",
                "--member-states", now.toString(), "--base-member-states", base.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("keten: now.csv line 8, field gdp: must be positive (was -1)" + System.lineSeparator());

        Path missing = Files.writeString(dir.resolve("missing.csv"), table("2600", "3475", "4900", "4025").replace("MT,3700,3700\n", ""));
        run = CommandRun.of(new FairShareCommand(), "--needs", "1473156", "--base-key", "0.0245",
                "--member-states", missing.toString(), "--base-member-states", base.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("keten: missing.csv lines 2-27, field code: missing member state MT (Malta)");
    }

    @Test
    void invalidInputReturnsTwoWithOneLine() {
        assertInvalid("keten: --needs is required (UNHCR projected global resettlement needs, in persons)", "--key", "0.0284");
        assertInvalid("keten: give either --growth (over the planning period) or --annual-growth (per year), not both",
                "--needs", "1473156", "--growth", "80000", "--annual-growth", "40000", "--key", "0.0284");
        assertInvalid("keten: --key: must be a fraction between 0 and 1, e.g. 0.0284 for 2.84 % (was 2.84)",
                "--needs", "1473156", "--key", "2.84");
        assertInvalid("keten: give --key (e.g. 0.0284), or --base-key with current and base shares to recompute it",
                "--needs", "1473156");
        // No growth: 1,473,156 × 0.20 = 294,631.2; × 0.0143 = 4,213.2 → 4,213 < 2,000 + 3,000.
        assertInvalid("keten: --path: the fixed steps 2000 + 3000 add up to 5000, more than the share of 4213 persons",
                "--needs", "1473156", "--key", "0.0143");
        assertInvalid("keten: --path: a plan of 2 years needs 1 fixed step before the remainder year (got 2)",
                "--needs", "1473156", "--key", "0.0284", "--years", "2");
        assertInvalid("keten: --path: 'two' is not a whole number of persons (expected e.g. 2000,3000)",
                "--needs", "1473156", "--key", "0.0284", "--path", "two,3000");
        assertInvalid("keten: --eu-share: must be a fraction above 0 and at most 1, e.g. 0.20 for 20 % (was 20)",
                "--needs", "1473156", "--key", "0.0284", "--eu-share", "20");
        assertInvalid("keten: --base-key needs --base-member-states FILE or --base-shares POP,GDP",
                "--needs", "1473156", "--base-key", "0.0245", "--shares", "0.026,0.035");
        assertInvalid("keten: --shares: population share must be a fraction between 0 and 1, e.g. 0.0257 for 2.57 % (was 2.6)",
                "--needs", "1473156", "--base-key", "0.0245", "--shares", "2.6,0.035", "--base-shares", "0.022,0.029");
        assertInvalid("keten: --format: expected text or json, got 'xml'", "--needs", "1", "--key", "0.1", "--format", "xml");
    }

    @Test
    void oneYearPlanWithoutFixedSteps() {
        // 1,000 × 0.20 × 0.05 = 10, all in the single (remainder) year.
        CommandRun run = CommandRun.of(new FairShareCommand(), "--needs", "1000", "--key", "0.05", "--years", "1",
                "--path", "none");
        assertThat(run.exitCode()).isZero();
        assertThat(run.line("growth path, year 1")).contains("10").contains("remainder");
    }

    @Test
    void helpDocumentsBothGrowthForms() {
        CommandRun run = CommandRun.of(new FairShareCommand(), "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--growth=PERSONS", "--annual-growth=PERSONS", "× (years − 1)", "2.84%",
                "--member-states=FILE", "--path=STEPS");
        assertThat(run.err()).isEmpty();
    }

    private static void assertInvalid(String message, String... args) {
        CommandRun run = CommandRun.of(new FairShareCommand(), args);
        assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(message + System.lineSeparator());
    }
}
