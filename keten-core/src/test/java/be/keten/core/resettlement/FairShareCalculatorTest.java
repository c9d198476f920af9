package be.keten.core.resettlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FairShareCalculatorTest {

    private static FairShareInputs report(Growth growth, DistributionKey key) {
        return new FairShareInputs(1_473_156, growth, 3, new BigDecimal("0.20"), key, FairShareInputs.REPORT_PATH,
                OptionalInt.of(2022));
    }

    @Test
    void reproducesThePublishedChainOfFigures() {
        // Seed 003 §3.3: 1,473,156 + 80,000 = 1,553,156; 20 % = 310,631 (310,631.2); 2.84 % = 8,821 (8,821.9
        // truncated); path 2,000 / 3,000 / 3,821.
        FairShareResult r = FairShareCalculator.calculate(
                report(new Growth.Total(80_000), DistributionKey.given(new BigDecimal("0.0284"))));

        assertThat(r.growthPersons()).isEqualTo(80_000);
        assertThat(r.needs()).isEqualTo(1_553_156);
        assertThat(r.euTargetExact()).isEqualByComparingTo("310631.2");
        assertThat(r.euTarget()).isEqualTo(310_631);
        assertThat(r.key().value()).isEqualByComparingTo("0.0284");
        assertThat(r.shareExact()).isEqualByComparingTo("8821.92608");
        assertThat(r.share()).isEqualTo(8_821);
        assertThat(r.path()).extracting(PathYear::persons).containsExactly(2_000L, 3_000L, 3_821L);
        assertThat(r.path()).extracting(PathYear::label).containsExactly("2022", "2023", "2024");
        assertThat(r.path()).extracting(PathYear::remainder).containsExactly(false, false, true);
    }

    @Test
    void annualGrowthIsAddedForEachYearAfterTheBaseYear() {
        // 40,000 a year × (3 − 1) = 80,000, the report's figure.
        FairShareResult r = FairShareCalculator.calculate(
                report(new Growth.Annual(40_000), DistributionKey.given(new BigDecimal("0.0284"))));
        assertThat(r.growthPersons()).isEqualTo(80_000);
        assertThat(r.needs()).isEqualTo(1_553_156);
        assertThat(r.share()).isEqualTo(8_821);
    }

    @Test
    void theCommissionBaseKeyGivesASmallerShare() {
        // 310,631.2 × 0.0245 = 7,610.4644 → 7,610; path 2,000 / 3,000 / 2,610.
        FairShareResult r = FairShareCalculator.calculate(
                report(new Growth.Total(80_000), DistributionKey.given(new BigDecimal("0.0245"))));
        assertThat(r.share()).isEqualTo(7_610);
        assertThat(r.path()).extracting(PathYear::persons).containsExactly(2_000L, 3_000L, 2_610L);
    }

    @Test
    void recomputedKeyRunsThroughTheWholeChain() {
        // Constructed shares (not real data) whose changes add up to the 0.975 pp the report implies:
        // 0.0245 + 0.4·(0.0260 − 0.0220) + 0.4·(0.03475 − 0.0290) = 0.0245 + 0.0016 + 0.0023 = 0.0284.
        StateShares base = new StateShares("BE", new BigDecimal("0.0220"), new BigDecimal("0.0290"), "constructed 2014");
        StateShares now = new StateShares("BE", new BigDecimal("0.0260"), new BigDecimal("0.03475"), "constructed 2021");
        DistributionKey.Recomputed key = DistributionKey.recompute(new BigDecimal("0.0245"), base, now, OptionalInt.empty());

        assertThat(key.populationTerm()).isEqualByComparingTo("0.0016");
        assertThat(key.gdpTerm()).isEqualByComparingTo("0.0023");
        assertThat(key.value()).isEqualByComparingTo("0.0284");
        FairShareResult r = FairShareCalculator.calculate(report(new Growth.Total(80_000), key));
        assertThat(r.share()).isEqualTo(8_821);
        assertThat(r.path()).extracting(PathYear::persons).containsExactly(2_000L, 3_000L, 3_821L);
    }

    @Test
    void recomputedKeyCanBeRoundedAsTheReportPrintedIt() {
        // 0.0245 + 0.4·0.004 + 0.4·0.0058 = 0.02842 → 2.842 % → 2.84 % with two decimals.
        StateShares base = new StateShares("BE", new BigDecimal("0.0220"), new BigDecimal("0.0290"), "a");
        StateShares now = new StateShares("BE", new BigDecimal("0.0260"), new BigDecimal("0.0348"), "b");
        DistributionKey.Recomputed key = DistributionKey.recompute(new BigDecimal("0.0245"), base, now, OptionalInt.of(2));
        assertThat(key.exact()).isEqualByComparingTo("0.02842");
        assertThat(key.value()).isEqualByComparingTo("0.0284");
    }

    @Test
    void exactArithmeticDoesNotLoseAPersonToBinaryFloatingPoint() {
        // In double, 100 * 0.29 = 28.999999999999996, which floors to 28; the exact target is 29, and 29 × 0.5 = 14.5 → 14.
        FairShareInputs in = new FairShareInputs(100, Growth.none(), 1, new BigDecimal("0.29"),
                DistributionKey.given(new BigDecimal("0.5")), List.of(), OptionalInt.empty());
        FairShareResult r = FairShareCalculator.calculate(in);
        assertThat(r.euTarget()).isEqualTo(29);
        assertThat(r.share()).isEqualTo(14);
        assertThat(r.path()).singleElement().satisfies(y -> {
            assertThat(y.persons()).isEqualTo(14);
            assertThat(y.label()).isEqualTo("year 1");
        });
    }

    @Test
    void rejectsFixedStepsAboveTheShare() {
        FairShareInputs in = new FairShareInputs(1_473_156, new Growth.Total(80_000), 3, new BigDecimal("0.20"),
                DistributionKey.given(new BigDecimal("0.0100")), List.of(2000L, 3000L), OptionalInt.empty());
        // 310,631.2 × 0.01 = 3,106 < 2,000 + 3,000
        assertThatThrownBy(() -> FairShareCalculator.calculate(in))
                .isInstanceOf(ResettlementInputException.class)
                .hasMessage("field path: the fixed steps 2000 + 3000 add up to 5000, more than the share of 3106 persons");
    }

    @Test
    void rejectsAPathOfTheWrongLength() {
        assertThatThrownBy(() -> new FairShareInputs(1_000, Growth.none(), 4, new BigDecimal("0.2"),
                DistributionKey.given(new BigDecimal("0.03")), List.of(2000L, 3000L), OptionalInt.empty()))
                .isInstanceOf(ResettlementInputException.class)
                .hasMessage("field path: a plan of 4 years needs 3 fixed steps before the remainder year (got 2)");
    }

    @Test
    void rejectsInvalidScalars() {
        DistributionKey key = DistributionKey.given(new BigDecimal("0.03"));
        assertThatThrownBy(() -> new FairShareInputs(0, Growth.none(), 1, new BigDecimal("0.2"), key, List.of(),
                OptionalInt.empty())).hasMessageStartingWith("field needs: must be a positive number");
        assertThatThrownBy(() -> new FairShareInputs(10, Growth.none(), 1, new BigDecimal("20"), key, List.of(),
                OptionalInt.empty())).hasMessageStartingWith("field EU share: must be a fraction");
        assertThatThrownBy(() -> new FairShareInputs(10, Growth.none(), 2, new BigDecimal("0.2"), key, List.of(-1L),
                OptionalInt.empty())).hasMessage("path step 1, field path: must not be negative (was -1)");
        assertThatThrownBy(() -> DistributionKey.given(new BigDecimal("2.84")))
                .hasMessageStartingWith("field key: must be a fraction between 0 and 1");
        assertThatThrownBy(() -> FairShareCalculator.calculate(new FairShareInputs(10, new Growth.Total(-10), 1,
                new BigDecimal("0.2"), key, List.of(), OptionalInt.empty())))
                .hasMessage("field growth: leaves no needs: 10 + (-10) = 0");
    }
}
