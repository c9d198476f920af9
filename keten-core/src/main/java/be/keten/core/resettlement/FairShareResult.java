package be.keten.core.resettlement;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every figure of the fair-share calculation, in the order of GUIDE §7.2.
 *
 * @param growthPersons growth of needs over the planning period
 * @param needs         base needs + growth (1,553,156)
 * @param euTargetExact needs × EU share, unrounded (310,631.2)
 * @param euTarget      the EU target rounded down, as printed (310,631)
 * @param shareExact    euTargetExact × key, unrounded (8,821.926 for 2.84 %)
 * @param share         Belgium's share rounded down, as printed (8,821)
 * @param path          persons per year; sums to {@code share}
 */
public record FairShareResult(FairShareInputs inputs, long growthPersons, long needs, BigDecimal euTargetExact,
                              long euTarget, DistributionKey key, BigDecimal shareExact, long share,
                              List<PathYear> path) {
    public FairShareResult {
        path = List.copyOf(path);
    }
}
