package be.keten.core.resettlement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Belgium's share of the EU resettlement effort (GUIDE §7.2 steps 4-5), as a fraction (0.0284 = 2.84 %):
 * either given, or the Commission's base key updated for current shares of EU population and GDP.
 */
public sealed interface DistributionKey {

    /** Weights of the population and GDP criteria in the Commission's 2015 key (40 % each). */
    BigDecimal POPULATION_WEIGHT = new BigDecimal("0.4");
    BigDecimal GDP_WEIGHT = new BigDecimal("0.4");

    /** The key applied to the EU target. */
    BigDecimal value();

    /** How the key was obtained, for the printout. */
    String method();

    static Given given(BigDecimal key) {
        return new Given(key);
    }

    /**
     * {@code key = base + 0.4·(pNew − pBase) + 0.4·(gNew − gBase)}; the other two criteria (past effort,
     * unemployment; 10 % each) are held at their base values, so they drop out of the difference.
     *
     * @param percentDecimals if present, the key is rounded half-up to this many decimals in percent before use,
     *                        as the report printed and used 2.84 %
     */
    static Recomputed recompute(BigDecimal baseKey, StateShares base, StateShares current, OptionalInt percentDecimals) {
        Objects.requireNonNull(baseKey, "baseKey");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(percentDecimals, "percentDecimals");
        checkFraction("base key", baseKey);
        if (!base.code().equals(current.code())) {
            throw new ResettlementInputException(null, "code",
                    "base shares are for " + base.code() + " but current shares for " + current.code());
        }
        if (percentDecimals.isPresent() && (percentDecimals.getAsInt() < 0 || percentDecimals.getAsInt() > 10)) {
            throw new ResettlementInputException(null, "key decimals",
                    "must be between 0 and 10 (was " + percentDecimals.getAsInt() + ")");
        }
        BigDecimal popTerm = POPULATION_WEIGHT.multiply(current.population().subtract(base.population()), MathContext.DECIMAL128);
        BigDecimal gdpTerm = GDP_WEIGHT.multiply(current.gdp().subtract(base.gdp()), MathContext.DECIMAL128);
        BigDecimal exact = baseKey.add(popTerm, MathContext.DECIMAL128).add(gdpTerm, MathContext.DECIMAL128);
        BigDecimal used = percentDecimals.isPresent()
                ? exact.movePointRight(2).setScale(percentDecimals.getAsInt(), RoundingMode.HALF_UP).movePointLeft(2)
                : exact;
        checkFraction("recomputed key", used);
        return new Recomputed(baseKey, base, current, popTerm, gdpTerm, exact, used, percentDecimals);
    }

    private static void checkFraction(String field, BigDecimal key) {
        if (key.signum() <= 0 || key.compareTo(BigDecimal.ONE) >= 0) {
            throw new ResettlementInputException(null, field,
                    "must be a fraction between 0 and 1, e.g. 0.0284 for 2.84 % (was " + key.toPlainString() + ")");
        }
    }

    record Given(BigDecimal value) implements DistributionKey {
        public Given {
            Objects.requireNonNull(value, "key");
            checkFraction("key", value);
        }

        @Override
        public String method() {
            return "given";
        }
    }

    /**
     * @param populationTerm 0.4·(pNew − pBase)
     * @param gdpTerm        0.4·(gNew − gBase)
     * @param exact          the key before any rounding
     * @param value          the key used: {@code exact}, or rounded to {@code percentDecimals}
     */
    record Recomputed(BigDecimal baseKey, StateShares base, StateShares current, BigDecimal populationTerm,
                      BigDecimal gdpTerm, BigDecimal exact, BigDecimal value, OptionalInt percentDecimals)
            implements DistributionKey {
        @Override
        public String method() {
            return "recomputed: base key + 0.4·(population share change) + 0.4·(GDP share change)"
                    + (percentDecimals.isPresent() ? ", rounded to " + percentDecimals.getAsInt() + " decimals in %" : "");
        }
    }
}
