package be.keten.io.resettlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.resettlement.DistributionKey;
import be.keten.core.resettlement.EuComposition;
import be.keten.core.resettlement.MemberStateTable;
import be.keten.core.resettlement.ResettlementInputException;
import be.keten.core.resettlement.StateShares;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constructed tables (invented round figures, not real data): Belgium, Germany and 25 other states at 3,700,
 * each column totalling 100,000. Base: Belgium 2,200 / 2,900 → p = 0.022, g = 0.029. Current: Belgium
 * 2,600 / 3,475 → p = 0.026, g = 0.03475. Key = 0.0245 + 0.4·0.004 + 0.4·0.00575 = 0.0284.
 */
class MemberStateCsvReaderTest {

    /** Header on line 1, then the EU-27 in {@link EuComposition} order: AT line 2, BE line 3, ... SE line 28. */
    static String csv(String bePop, String beGdp, String dePop, String deGdp, UnaryOperator<String> codes) {
        return csv(bePop, beGdp, dePop, deGdp, "3700", codes);
    }

    /** @param other population and GDP of each of the 25 other states */
    static String csv(String bePop, String beGdp, String dePop, String deGdp, String other, UnaryOperator<String> codes) {
        StringBuilder b = new StringBuilder("code,name,population,gdp\n");
        EuComposition.EU27.members().forEach((code, name) -> {
            String[] v = switch (code) {
                case "BE" -> new String[] {bePop, beGdp};
                case "DE" -> new String[] {dePop, deGdp};
                default -> new String[] {other, other};
            };
            b.append(codes.apply(code)).append(',').append(name).append(',').append(v[0]).append(',').append(v[1]).append('\n');
        });
        return b.toString();
    }

    static String base() {
        return csv("2200", "2900", "5300", "4600", UnaryOperator.identity());
    }

    static String current() {
        return csv("2600", "3475", "4900", "4025", UnaryOperator.identity());
    }

    private static MemberStateTable read(String text) throws IOException {
        return MemberStateCsvReader.read(new StringReader(text), "eu.csv", EuComposition.EU27);
    }

    @Test
    void readsAbsoluteFiguresAndRecomputesTheKey(@TempDir Path dir) throws IOException {
        Path b = Files.writeString(dir.resolve("eu-base.csv"), base());
        Path c = Files.writeString(dir.resolve("eu-current.csv"), current());
        StateShares base = MemberStateCsvReader.read(b, EuComposition.EU27).sharesOf("BE", "eu-base.csv");
        StateShares now = MemberStateCsvReader.read(c, EuComposition.EU27).sharesOf("BE", "eu-current.csv");
        assertThat(base.population()).isEqualByComparingTo("0.022");
        assertThat(now.gdp()).isEqualByComparingTo("0.03475");
        assertThat(DistributionKey.recompute(new BigDecimal("0.0245"), base, now, OptionalInt.empty()).value())
                .isEqualByComparingTo("0.0284");
    }

    @Test
    void readsSharesAndEurostatCodes() throws IOException {
        // 25 × 0.037 + 0.026 + 0.049 = 1 and 25 × 0.037 + 0.03475 + 0.04025 = 1; Greece written EL as Eurostat does.
        String text = csv("0.026", "0.03475", "0.049", "0.04025", "0.037", c -> c.equals("GR") ? "el" : c)
                .replace("population,gdp", "Population_Share,GDP_Share");
        MemberStateTable t = read(text);
        assertThat(t.values()).isEqualTo(MemberStateTable.Values.SHARES);
        assertThat(t.rows()).anySatisfy(r -> assertThat(r.code()).isEqualTo("GR"));
        assertThat(t.sharesOf("BE", "x").gdp()).isEqualByComparingTo("0.03475");
    }

    @Test
    void missingMemberStateNamesTheFileAndLines() {
        String text = base().replaceAll("(?m)^LU,.*\\n", "");
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(ResettlementInputException.class)
                .hasMessage("eu.csv lines 2-27, field code: missing member state LU (Luxembourg);"
                        + " the EU-27 (since 1 February 2020) has 27 members");
    }

    @Test
    void negativeGdpNamesLineAndField() {
        // DK is the 7th member, on line 8.
        String text = base().replace("DK,Denmark,3700,3700", "DK,Denmark,3700,-5");
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(ResettlementInputException.class)
                .hasMessage("eu.csv line 8, field gdp: must be positive (was -5)");
    }

    @Test
    void sharesNotSummingToOneAreRejected() {
        // GDP shares: 25 × 0.037 + 0.018 + 0.037 = 0.980
        String text = csv("0.026", "0.018", "0.049", "0.037", "0.037", UnaryOperator.identity())
                .replace("population,gdp", "population_share,gdp_share");
        assertThatThrownBy(() -> read(text))
                .hasMessage("eu.csv lines 2-28, field gdp_share: shares sum to 0.980, expected 1 (within 0.002)");
    }

    @Test
    void lineNumbersSurviveBlankLines() {
        String text = base().replace("AT,Austria", "\nAT,Austria").replace("FR,France,3700,3700", "FR,France,3700,x");
        // A blank line after the header moves France from line 11 to line 12.
        assertThatThrownBy(() -> read(text))
                .hasMessage("eu.csv line 12, field gdp: 'x' is not a number (use a dot for decimals and no thousands separators)");
    }

    @Test
    void otherBadInputsAreNamed() {
        assertThatThrownBy(() -> read(base().replace("population,gdp", "population,gpd")))
                .hasMessage("eu.csv line 1, field gdp: column missing; expected code,population,gdp"
                        + " or code,population_share,gdp_share");
        assertThatThrownBy(() -> read(base().replace("code,name,population,gdp", "code,name,population,gdp,gdp_share")))
                .hasMessage("eu.csv line 1, field header: give either population,gdp or population_share,gdp_share, not both");
        assertThatThrownBy(() -> read(base().replace("SE,Sweden", "AT,Sweden")))
                .hasMessage("eu.csv line 28, field code: AT appears twice (also eu.csv line 2)");
        assertThatThrownBy(() -> read(base().replace("SE,Sweden", "GB,United Kingdom")))
                .hasMessage("eu.csv line 28, field code: 'GB' is not a member state of the EU-27 (since 1 February 2020)");
        assertThatThrownBy(() -> read(base().replace("SE,Sweden", ",Sweden")))
                .hasMessage("eu.csv line 28, field code: is empty");
        assertThatThrownBy(() -> read(base().replace("SE,Sweden,3700,3700", "SE,Sweden,3700")))
                .hasMessage("eu.csv line 28, field columns: expected 4 fields as in the header, found 3");
        assertThatThrownBy(() -> read(base().replace("BE,Belgium,2200", "BE,Belgium,")))
                .hasMessage("eu.csv line 3, field population: is empty");
        assertThatThrownBy(() -> read(""))
                .hasMessage("eu.csv line 1, field header: the file is empty");
        assertThatThrownBy(() -> read("code,population,gdp\n"))
                .hasMessageStartingWith("eu.csv (no data rows), field code: missing member states AT (Austria), BE (Belgium)");
    }

    @Test
    void theEu28TableNeedsTheUnitedKingdom() throws IOException {
        String text = base() + "UK,United Kingdom,3700,3700\n";
        MemberStateTable t = MemberStateCsvReader.read(new StringReader(text), "eu28.csv", EuComposition.EU28);
        assertThat(t.rows()).hasSize(28).anySatisfy(r -> assertThat(r.code()).isEqualTo("GB"));
        assertThatThrownBy(() -> MemberStateCsvReader.read(new StringReader(base()), "eu28.csv", EuComposition.EU28))
                .hasMessage("eu28.csv lines 2-28, field code: missing member state GB (United Kingdom);"
                        + " the EU-28 (1 July 2013 - 31 January 2020) has 28 members");
    }
}
