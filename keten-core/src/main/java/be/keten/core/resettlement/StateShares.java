package be.keten.core.resettlement;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One member state's share of the EU population and of EU GDP, as fractions (0.0257 = 2.57 %).
 *
 * @param basis where the shares come from, e.g. a file name or "given"
 */
public record StateShares(String code, BigDecimal population, BigDecimal gdp, String basis) {
    public StateShares {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(basis, "basis");
        check("population share", population);
        check("GDP share", gdp);
    }

    private static void check(String field, BigDecimal share) {
        Objects.requireNonNull(share, field);
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) >= 0) {
            throw new ResettlementInputException(null, field,
                    "must be a fraction between 0 and 1, e.g. 0.0257 for 2.57 % (was " + share.toPlainString() + ")");
        }
    }
}
