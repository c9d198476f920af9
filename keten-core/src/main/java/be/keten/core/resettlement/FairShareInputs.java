package be.keten.core.resettlement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Inputs of the fair-share calculation of GUIDE §7.2 (seed 003 §3.3).
 *
 * @param baseNeeds  UNHCR projected global resettlement needs for the base year, in persons (1,473,156 for 2022)
 * @param growth     growth of needs over the planning period
 * @param years      length of the plan in years (3)
 * @param euShare    EU share of global needs as a fraction (0.20)
 * @param key        Belgium's distribution key
 * @param pathSteps  fixed numbers for the first {@code years − 1} years; the last year takes the remainder
 * @param firstYear  calendar year of the plan's first year, if known (labels only)
 */
public record FairShareInputs(long baseNeeds, Growth growth, int years, BigDecimal euShare, DistributionKey key,
                              List<Long> pathSteps, OptionalInt firstYear) {

    /** The report's growth path: 2,000 and 3,000, the third year taking the remainder. */
    public static final List<Long> REPORT_PATH = List.of(2000L, 3000L);

    public FairShareInputs {
        Objects.requireNonNull(growth, "growth");
        Objects.requireNonNull(euShare, "euShare");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(pathSteps, "pathSteps");
        Objects.requireNonNull(firstYear, "firstYear");
        if (baseNeeds <= 0) {
            throw new ResettlementInputException(null, "needs", "must be a positive number of persons (was " + baseNeeds + ")");
        }
        if (years < 1 || years > 50) {
            throw new ResettlementInputException(null, "years", "must be between 1 and 50 (was " + years + ")");
        }
        if (euShare.signum() <= 0 || euShare.compareTo(BigDecimal.ONE) > 0) {
            throw new ResettlementInputException(null, "EU share",
                    "must be a fraction above 0 and at most 1, e.g. 0.20 for 20 % (was " + euShare.toPlainString() + ")");
        }
        pathSteps = List.copyOf(pathSteps);
        if (pathSteps.size() != years - 1) {
            throw new ResettlementInputException(null, "path", "a plan of " + years + " year" + (years == 1 ? "" : "s")
                    + " needs " + (years - 1) + " fixed step" + (years == 2 ? "" : "s")
                    + " before the remainder year (got " + pathSteps.size() + ")");
        }
        for (int i = 0; i < pathSteps.size(); i++) {
            if (pathSteps.get(i) < 0) {
                throw new ResettlementInputException("path step " + (i + 1), "path",
                        "must not be negative (was " + pathSteps.get(i) + ")");
            }
        }
    }
}
