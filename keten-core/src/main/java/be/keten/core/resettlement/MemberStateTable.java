package be.keten.core.resettlement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Population and GDP of every member state of one EU composition, validated: each member exactly once, no
 * other codes, positive values, and (when the table holds shares) each column summing to 1. From it the
 * shares of one state, normally Belgium, are computed for the key update of GUIDE §7.2 step 5.
 */
public final class MemberStateTable {

    /** Shares rounded to four decimals can be off by 27 × 0.00005 = 0.00135 in total; allow a little more. */
    public static final BigDecimal SHARE_SUM_TOLERANCE = new BigDecimal("0.002");

    /** Whether the rows hold absolute figures or shares of the EU total. */
    public enum Values { ABSOLUTE, SHARES }

    private final EuComposition composition;
    private final Values values;
    private final List<MemberStateFigures> rows;
    private final BigDecimal populationTotal;
    private final BigDecimal gdpTotal;

    private MemberStateTable(EuComposition composition, Values values, List<MemberStateFigures> rows,
                             BigDecimal populationTotal, BigDecimal gdpTotal) {
        this.composition = composition;
        this.values = values;
        this.rows = rows;
        this.populationTotal = populationTotal;
        this.gdpTotal = gdpTotal;
    }

    public static MemberStateTable of(EuComposition composition, Values values, List<MemberStateFigures> rows) {
        return of(composition, values, rows, RowNames.byPosition(List.copyOf(rows)));
    }

    /**
     * @param names names rows in error messages (a file reader passes file and line)
     * @throws ResettlementInputException naming the row and field of the first problem found
     */
    public static MemberStateTable of(EuComposition composition, Values values, List<MemberStateFigures> rows,
                                      RowNames names) {
        Objects.requireNonNull(composition, "composition");
        Objects.requireNonNull(values, "values");
        List<MemberStateFigures> copy = List.copyOf(rows);
        Map<String, Integer> seen = new HashMap<>();
        BigDecimal population = BigDecimal.ZERO;
        BigDecimal gdp = BigDecimal.ZERO;
        for (int i = 0; i < copy.size(); i++) {
            MemberStateFigures r = copy.get(i);
            if (!composition.contains(r.code())) {
                throw new ResettlementInputException(names.row(i), "code",
                        "'" + r.code() + "' is not a member state of the " + composition.label());
            }
            Integer earlier = seen.putIfAbsent(r.code(), i);
            if (earlier != null) {
                throw new ResettlementInputException(names.row(i), "code",
                        r.code() + " appears twice (also " + names.row(earlier) + ")");
            }
            positive(names.row(i), values == Values.SHARES ? "population_share" : "population", r.population(), values);
            positive(names.row(i), values == Values.SHARES ? "gdp_share" : "gdp", r.gdp(), values);
            population = population.add(r.population());
            gdp = gdp.add(r.gdp());
        }
        List<String> missing = new ArrayList<>();
        composition.members().forEach((code, name) -> {
            if (!seen.containsKey(code)) {
                missing.add(code + " (" + name + ")");
            }
        });
        if (!missing.isEmpty()) {
            throw new ResettlementInputException(names.allRows(), "code",
                    "missing member state" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                            + "; the " + composition.label() + " has " + composition.size() + " members");
        }
        if (values == Values.SHARES) {
            sumsToOne(names.allRows(), "population_share", population);
            sumsToOne(names.allRows(), "gdp_share", gdp);
        }
        return new MemberStateTable(composition, values, copy, population, gdp);
    }

    private static void positive(String row, String field, BigDecimal v, Values values) {
        if (v.signum() <= 0) {
            throw new ResettlementInputException(row, field, "must be positive (was " + v.toPlainString() + ")");
        }
        if (values == Values.SHARES && v.compareTo(BigDecimal.ONE) >= 0) {
            throw new ResettlementInputException(row, field,
                    "a share must be below 1 (was " + v.toPlainString() + "); give fractions, e.g. 0.0257 for 2.57 %");
        }
    }

    private static void sumsToOne(String rows, String field, BigDecimal sum) {
        if (sum.subtract(BigDecimal.ONE).abs().compareTo(SHARE_SUM_TOLERANCE) > 0) {
            throw new ResettlementInputException(rows, field, "shares sum to " + sum.toPlainString()
                    + ", expected 1 (within " + SHARE_SUM_TOLERANCE.toPlainString() + ")");
        }
    }

    public EuComposition composition() {
        return composition;
    }

    public Values values() {
        return values;
    }

    public List<MemberStateFigures> rows() {
        return rows;
    }

    /**
     * Shares of one state, each its value divided by the column total. For a table of shares this rescales
     * them so that they sum to exactly 1, which absorbs rounding in the printed shares.
     */
    public StateShares sharesOf(String code, String basis) {
        MemberStateFigures r = rows.stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResettlementInputException(null, "code",
                        code + " is not in the table of the " + composition.label()));
        return new StateShares(code, r.population().divide(populationTotal, MathContext.DECIMAL128),
                r.gdp().divide(gdpTotal, MathContext.DECIMAL128), basis);
    }
}
