package be.keten.core.resettlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class GrowthPathPropertyTest {

    @Property
    void pathSumsToTheShareAndEndsWithTheRemainder(@ForAll @LongRange(min = 1, max = 5_000_000) long needs,
                                                   @ForAll @LongRange(min = 0, max = 200_000) long annualGrowth,
                                                   @ForAll @IntRange(min = 1, max = 500) int keyBasisPoints,
                                                   @ForAll @Size(max = 6) List<@LongRange(min = 0, max = 3_000) Long> steps) {
        int years = steps.size() + 1;
        BigDecimal key = BigDecimal.valueOf(keyBasisPoints, 4);
        FairShareInputs in = new FairShareInputs(needs, new Growth.Annual(annualGrowth), years, new BigDecimal("0.20"),
                DistributionKey.given(key), steps, OptionalInt.of(2022));
        long share = BigDecimal.valueOf(needs + annualGrowth * (years - 1)).multiply(new BigDecimal("0.20"))
                .multiply(key).longValue();
        Assume.that(steps.stream().mapToLong(Long::longValue).sum() <= share);

        FairShareResult r = FairShareCalculator.calculate(in);

        assertThat(r.share()).isEqualTo(share);
        assertThat(r.path()).hasSize(years);
        assertThat(r.path().stream().mapToLong(PathYear::persons).sum()).isEqualTo(r.share());
        assertThat(r.path()).allSatisfy(y -> assertThat(y.persons()).isNotNegative());
        assertThat(r.path().subList(0, steps.size())).extracting(PathYear::persons).containsExactlyElementsOf(steps);
        PathYear last = r.path().get(years - 1);
        assertThat(last.remainder()).isTrue();
        assertThat(last.calendarYear()).hasValue(2022 + years - 1);
        assertThat(r.path().stream().filter(PathYear::remainder)).hasSize(1);
    }

    @Property
    void shareIsTheFloorOfTheExactProduct(@ForAll @LongRange(min = 1, max = 5_000_000) long needs,
                                          @ForAll @IntRange(min = 1, max = 10_000) int keyBasisPoints) {
        BigDecimal key = BigDecimal.valueOf(keyBasisPoints, 4).min(new BigDecimal("0.9999"));
        FairShareResult r = FairShareCalculator.calculate(new FairShareInputs(needs, Growth.none(), 1,
                new BigDecimal("0.20"), DistributionKey.given(key), List.of(), OptionalInt.empty()));
        assertThat(BigDecimal.valueOf(r.share())).isLessThanOrEqualTo(r.shareExact());
        assertThat(BigDecimal.valueOf(r.share() + 1)).isGreaterThan(r.shareExact());
        assertThat(BigDecimal.valueOf(r.euTarget())).isLessThanOrEqualTo(r.euTargetExact());
        assertThat(BigDecimal.valueOf(r.euTarget() + 1)).isGreaterThan(r.euTargetExact());
    }
}
