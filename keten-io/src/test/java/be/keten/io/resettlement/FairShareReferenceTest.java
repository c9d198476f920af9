package be.keten.io.resettlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.resettlement.DistributionKey;
import be.keten.core.resettlement.FairShareCalculator;
import be.keten.core.resettlement.FairShareInputs;
import be.keten.core.resettlement.FairShareResult;
import be.keten.core.resettlement.Growth;
import be.keten.core.resettlement.PathYear;
import java.io.StringReader;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The calculator, fed the report's inputs from the reference file, reproduces the report's results in it. */
class FairShareReferenceTest {

    @Test
    void publishedChainEndToEnd() {
        FairShareReference ref = FairShareReference.readBundled();
        long growthPerYear = ref.require("average_annual_growth_of_needs").longValueExact();
        List<Long> fixedSteps = List.of(ref.require("growth_path_2022").longValueExact(),
                ref.require("growth_path_2023").longValueExact());
        FairShareInputs in = new FairShareInputs(ref.require("unhcr_projected_resettlement_needs").longValueExact(),
                new Growth.Annual(growthPerYear), 3, ref.require("eu_share_of_global_needs"),
                DistributionKey.given(ref.require("be_distribution_key_recomputed")), fixedSteps, OptionalInt.of(2022));

        FairShareResult r = FairShareCalculator.calculate(in);

        assertThat(r.growthPersons()).isEqualTo(ref.require("projected_growth_two_years").longValueExact());
        assertThat(r.needs()).isEqualTo(ref.require("three_year_plan_total_needs").longValueExact());
        assertThat(r.euTarget()).isEqualTo(ref.require("eu_resettlement_target").longValueExact());
        assertThat(r.share()).isEqualTo(ref.require("be_fair_share_three_years").longValueExact());
        assertThat(r.path()).extracting(PathYear::persons).containsExactly(
                ref.require("growth_path_2022").longValueExact(), ref.require("growth_path_2023").longValueExact(),
                ref.require("growth_path_2024").longValueExact());
        // And the figures themselves, as printed in seed 003 §3.3.
        assertThat(r.needs()).isEqualTo(1_553_156);
        assertThat(r.euTarget()).isEqualTo(310_631);
        assertThat(r.share()).isEqualTo(8_821);
    }

    @Test
    void percentagesBecomeFractionsAndTheWeightsAreTheCalculatorsConstants() {
        FairShareReference ref = FairShareReference.readBundled();
        assertThat(ref.require("eu_share_of_global_needs")).isEqualByComparingTo("0.20");
        assertThat(ref.require("be_distribution_key_ec_2014")).isEqualByComparingTo("0.0245");
        assertThat(ref.require("criterion_population_weight")).isEqualByComparingTo(DistributionKey.POPULATION_WEIGHT);
        assertThat(ref.require("criterion_gdp_weight")).isEqualByComparingTo(DistributionKey.GDP_WEIGHT);
        assertThat(ref.value("no_such_parameter")).isEmpty();
    }

    @Test
    void badRowsAreNamed() {
        assertThatThrownBy(() -> FairShareReference.read(new StringReader("parameter,value,value_percent\nx,1,2\n"), "f.csv"))
                .hasMessage("f.csv line 2, field value_percent: exactly one of value and value_percent must be filled");
        assertThatThrownBy(() -> FairShareReference.read(new StringReader("parameter,value,value_percent\nx,1,\nx,2,\n"), "f.csv"))
                .hasMessage("f.csv line 3, field parameter: 'x' appears twice");
    }
}
