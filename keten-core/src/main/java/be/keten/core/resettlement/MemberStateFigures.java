package be.keten.core.resettlement;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Population and GDP of one member state, either as absolute figures (any unit, the same for every row) or as
 * shares of the EU total. Values are checked by {@link MemberStateTable}, which can name the offending row.
 *
 * @param code ISO 3166-1 alpha-2 code, e.g. BE (Greece is GR)
 */
public record MemberStateFigures(String code, BigDecimal population, BigDecimal gdp) {
    public MemberStateFigures {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(gdp, "gdp");
    }

    public static MemberStateFigures of(String code, String population, String gdp) {
        return new MemberStateFigures(code, new BigDecimal(population), new BigDecimal(gdp));
    }
}
