package be.keten.core.resettlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Key recomputation on constructed member-state tables (invented round figures, not real data).
 *
 * <p>Base table, total 100,000 for both columns: Belgium population 2,200 and GDP 2,900; Germany 5,300 and
 * 4,600; the other 25 states 3,700 each (25 × 3,700 + 5,300 + 2,200 = 100,000; 25 × 3,700 + 4,600 + 2,900
 * = 100,000). Belgian shares: p = 0.022, g = 0.029.
 *
 * <p>Current table, again 100,000: Belgium 2,600 and 3,475; Germany 4,900 and 4,025; the others 3,700
 * (92,500 + 4,900 + 2,600 = 100,000; 92,500 + 4,025 + 3,475 = 100,000). Belgian shares: p = 0.026,
 * g = 0.03475.
 *
 * <p>Key = 0.0245 + 0.4·(0.026 − 0.022) + 0.4·(0.03475 − 0.029) = 0.0245 + 0.0016 + 0.0023 = 0.0284, the
 * report's 2.84 %, so 310,631.2 × 0.0284 = 8,821.9 → 8,821.
 */
class MemberStateTableTest {

    static List<MemberStateFigures> table(EuComposition eu, String bePop, String beGdp, String dePop, String deGdp,
                                          String otherPop, String otherGdp) {
        List<MemberStateFigures> rows = new ArrayList<>();
        for (String code : eu.members().keySet()) {
            rows.add(switch (code) {
                case "BE" -> MemberStateFigures.of(code, bePop, beGdp);
                case "DE" -> MemberStateFigures.of(code, dePop, deGdp);
                default -> MemberStateFigures.of(code, otherPop, otherGdp);
            });
        }
        return rows;
    }

    static MemberStateTable base() {
        return MemberStateTable.of(EuComposition.EU27, MemberStateTable.Values.ABSOLUTE,
                table(EuComposition.EU27, "2200", "2900", "5300", "4600", "3700", "3700"));
    }

    static MemberStateTable current() {
        return MemberStateTable.of(EuComposition.EU27, MemberStateTable.Values.ABSOLUTE,
                table(EuComposition.EU27, "2600", "3475", "4900", "4025", "3700", "3700"));
    }

    @Test
    void computesBelgianSharesAndTheUpdatedKey() {
        StateShares b = base().sharesOf("BE", "base");
        StateShares c = current().sharesOf("BE", "current");
        assertThat(b.population()).isEqualByComparingTo("0.022");
        assertThat(b.gdp()).isEqualByComparingTo("0.029");
        assertThat(c.population()).isEqualByComparingTo("0.026");
        assertThat(c.gdp()).isEqualByComparingTo("0.03475");

        DistributionKey.Recomputed key = DistributionKey.recompute(new BigDecimal("0.0245"), b, c, OptionalInt.empty());
        assertThat(key.value()).isEqualByComparingTo("0.0284");

        FairShareResult r = FairShareCalculator.calculate(new FairShareInputs(1_473_156, new Growth.Annual(40_000), 3,
                new BigDecimal("0.20"), key, FairShareInputs.REPORT_PATH, OptionalInt.empty()));
        assertThat(r.share()).isEqualTo(8_821);
        assertThat(r.path()).extracting(PathYear::persons).containsExactly(2_000L, 3_000L, 3_821L);
    }

    @Test
    void sharesThatMissOneByRoundingAreRescaled() {
        // Shares summing to 1.001 (within tolerance). Belgium 0.026026 / 1.001 = 0.026 and
        // 0.03478475 / 1.001 = 0.03475. Others: 25 × 0.037 = 0.925; Germany takes the rest
        // (1.001 − 0.925 − 0.026026 = 0.049974; 1.001 − 0.925 − 0.03478475 = 0.04121525).
        MemberStateTable t = MemberStateTable.of(EuComposition.EU27, MemberStateTable.Values.SHARES,
                table(EuComposition.EU27, "0.026026", "0.03478475", "0.049974", "0.04121525", "0.037", "0.037"));
        StateShares s = t.sharesOf("BE", "x");
        assertThat(s.population()).isEqualByComparingTo("0.026");
        assertThat(s.gdp()).isEqualByComparingTo("0.03475");
    }

    @Test
    void theEu28IncludesTheUnitedKingdom() {
        // 27 states at 10 and Belgium at 10 too: 28 equal rows, Belgium's share is 1/28.
        List<MemberStateFigures> rows = table(EuComposition.EU28, "10", "10", "10", "10", "10", "10");
        MemberStateTable t = MemberStateTable.of(EuComposition.EU28, MemberStateTable.Values.ABSOLUTE, rows);
        assertThat(t.rows()).hasSize(28);
        // 1/28 does not terminate; shares are kept to 34 significant digits (MathContext.DECIMAL128).
        assertThat(t.sharesOf("BE", "x").population())
                .isCloseTo(BigDecimal.ONE.divide(BigDecimal.valueOf(28), java.math.MathContext.DECIMAL128),
                        org.assertj.core.data.Offset.offset(new BigDecimal("1e-33")));
        assertThatThrownBy(() -> MemberStateTable.of(EuComposition.EU27, MemberStateTable.Values.ABSOLUTE, rows))
                .isInstanceOf(ResettlementInputException.class)
                .hasMessage("row 28 (GB), field code: 'GB' is not a member state of the EU-27 (since 1 February 2020)");
    }

    @Test
    void missingMemberStateIsNamed() {
        List<MemberStateFigures> rows = table(EuComposition.EU27, "2200", "2900", "5300", "4600", "3700", "3700");
        rows.removeIf(r -> r.code().equals("LU"));
        assertThatThrownBy(() -> MemberStateTable.of(EuComposition.EU27, MemberStateTable.Values.ABSOLUTE, rows))
                .isInstanceOf(ResettlementInputException.class)
                .hasMessage("rows 1-26, field code: missing member state LU (Luxembourg);"
                        + " the EU-27 (since 1 February 2020) has 27 members")
                .extracting(e -> ((ResettlementInputException) e).field()).isEqualTo("code");
    }

    @Test
    void negativeGdpNamesRowAndField() {
        List<MemberStateFigures> rows = table(EuComposition.EU27, "2200", "2900", "5300", "4600", "3700", "3700");
        rows.set(6, MemberStateFigures.of("DK", "3700", "-5"));
        assertThatThrownBy(() -> MemberStateTable.of(EuComposition.EU27, MemberStateTable.Values.ABSOLUTE, rows))
                .isInstanceOf(ResettlementInputException.class)
                .hasMessage("row 7 (DK), field gdp: must be positive (was -5)")
                .satisfies(e -> assertThat(((ResettlementInputException) e).location()).hasValue("row 7 (DK)"));
    }

    @Test
    void zeroPopulationIsRejected() {
        List<MemberStateFigures> rows = table(EuComposition.EU27, "0", "2900", "5300", "4600", "3700", "3700");
        assertThatThrownBy(() -> MemberStateTable.of(EuComposition.EU27, MemberStateTable.Values.ABSOLUTE, rows))
                .hasMessage("row 2 (BE), field population: must be positive (was 0)");
    }

    @Test
    void sharesNotSummingToOneAreRejected() {
        // Population shares sum to 25 × 0.037 + 0.026 + 0.049 = 1; GDP shares to 25 × 0.037 + 0.018 + 0.037 = 0.980
        List<MemberStateFigures> rows = table(EuComposition.EU27, "0.026", "0.018", "0.049", "0.037", "0.037", "0.037");
        assertThatThrownBy(() -> MemberStateTable.of(EuComposition.EU27, MemberStateTable.Values.SHARES, rows))
                .isInstanceOf(ResettlementInputException.class)
                .hasMessage("rows 1-27, field gdp_share: shares sum to 0.980, expected 1 (within 0.002)");
    }

    @Test
    void populationSharesAreCheckedToo() {
        // Population shares: 25 × 0.037 + 0.026 + 0.059 = 1.010
        List<MemberStateFigures> rows = table(EuComposition.EU27, "0.026", "0.026", "0.059", "0.049", "0.037", "0.037");
        assertThatThrownBy(() -> MemberStateTable.of(EuComposition.EU27, MemberStateTable.Values.SHARES, rows))
                .hasMessage("rows 1-27, field population_share: shares sum to 1.010, expected 1 (within 0.002)");
    }

    @Test
    void duplicateCodeIsRejected() {
        List<MemberStateFigures> rows = table(EuComposition.EU27, "2200", "2900", "5300", "4600", "3700", "3700");
        rows.set(rows.size() - 1, MemberStateFigures.of("AT", "3700", "3700"));
        assertThatThrownBy(() -> MemberStateTable.of(EuComposition.EU27, MemberStateTable.Values.ABSOLUTE, rows))
                .hasMessage("row 27 (AT), field code: AT appears twice (also row 1 (AT))");
    }

    @Test
    void eu27HasTheTwentySevenMembers() {
        assertThat(EuComposition.EU27.members()).hasSize(27).containsKeys("BE", "GR", "HR").doesNotContainKey("GB");
        assertThat(EuComposition.EU28.members()).hasSize(28).containsKey("GB");
    }
}
