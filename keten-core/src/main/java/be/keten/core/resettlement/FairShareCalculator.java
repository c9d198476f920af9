package be.keten.core.resettlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The fair-share method of the 2021 NGO report (seed 003 §3.3, GUIDE §7.2), step by step. Amounts of persons
 * are rounded down as the report does: 0.0284 × 310,631.2 = 8,821.9 is printed as 8,821.
 */
public final class FairShareCalculator {
    private FairShareCalculator() {
    }

    /** @throws ResettlementInputException if the fixed path steps exceed the share */
    public static FairShareResult calculate(FairShareInputs in) {
        long growth = in.growth().over(in.years());
        long needs = Math.addExact(in.baseNeeds(), growth);
        if (needs <= 0) {
            throw new ResettlementInputException(null, "growth", "leaves no needs: " + in.baseNeeds() + " + ("
                    + growth + ") = " + needs);
        }
        // Exact decimal arithmetic: a double would print 310631.19999999995 and could floor one person too low.
        BigDecimal euExact = BigDecimal.valueOf(needs).multiply(in.euShare());
        long euTarget = floor(euExact);
        BigDecimal shareExact = euExact.multiply(in.key().value());
        long share = floor(shareExact);
        return new FairShareResult(in, growth, needs, euExact, euTarget, in.key(), shareExact, share,
                path(share, in.pathSteps(), in.firstYear()));
    }

    /** Fixed steps first, the last year takes the remainder; the path sums to the share. */
    static List<PathYear> path(long share, List<Long> steps, OptionalInt firstYear) {
        long fixed = 0;
        for (long s : steps) {
            fixed = Math.addExact(fixed, s);
        }
        if (fixed > share) {
            throw new ResettlementInputException(null, "path", "the fixed steps " + join(steps) + " add up to "
                    + fixed + ", more than the share of " + share + " persons");
        }
        List<PathYear> path = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            path.add(new PathYear(i + 1, calendar(firstYear, i), steps.get(i), false));
        }
        path.add(new PathYear(steps.size() + 1, calendar(firstYear, steps.size()), share - fixed, true));
        return path;
    }

    private static OptionalInt calendar(OptionalInt firstYear, int offset) {
        return firstYear.isPresent() ? OptionalInt.of(firstYear.getAsInt() + offset) : OptionalInt.empty();
    }

    private static long floor(BigDecimal v) {
        return v.setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private static String join(List<Long> steps) {
        StringBuilder b = new StringBuilder();
        for (long s : steps) {
            b.append(b.length() == 0 ? "" : " + ").append(s);
        }
        return b.toString();
    }
}
