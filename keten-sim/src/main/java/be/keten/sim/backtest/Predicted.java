package be.keten.sim.backtest;

import be.keten.core.calendar.Period;
import be.keten.core.procedure.DecisionType;
import be.keten.io.reference.ReferenceData;
import be.keten.sim.Indicator;
import be.keten.sim.Outcome;
import be.keten.stats.DecisionTally;
import be.keten.stats.Unit;
import be.keten.stats.publication.DecisionRow;
import be.keten.stats.publication.DecisionRows;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's value of a published figure over any stretch of its months, from the monthly series of
 * {@link Outcome}: flows summed, stocks at the month's end, and the protection rate and the publication's
 * decision rows recomputed from the monthly counts by type with the statistics' own definitions
 * ({@link DecisionTally}, {@link DecisionRows} with the publication's default row mapping), because a rate
 * or a combined row cannot be summed month by month.
 */
final class Predicted {
    private static final List<Indicator> ALL = Indicator.all();
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (int i = 0; i < ALL.size(); i++) {
            INDEX.put(ALL.get(i).key(), i);
        }
    }

    private final YearMonth first;

    Predicted(YearMonth first) {
        this.first = first;
    }

    static boolean isIndicator(String key) {
        return INDEX.containsKey(key);
    }

    private int month(YearMonth m) {
        return (int) ChronoUnit.MONTHS.between(first, m);
    }

    private static int index(String key) {
        Integer i = INDEX.get(key);
        if (i == null) {
            throw new IllegalArgumentException("no simulated indicator " + key);
        }
        return i;
    }

    double flow(Outcome o, String key, Period p) {
        int i = index(key);
        double sum = 0;
        for (YearMonth m : p.months()) {
            sum += o.monthly()[i][month(m)];
        }
        return sum;
    }

    double stock(Outcome o, String key, YearMonth m) {
        return o.monthly()[index(key)][month(m)];
    }

    DecisionTally tally(Outcome o, String unit, Period p) {
        DecisionTally t = new DecisionTally();
        for (DecisionType d : DecisionType.values()) {
            t.add(d, Math.round(flow(o, "cgvs_decisions_" + d.code() + "|" + unit, p)));
        }
        return t;
    }

    double protectionRate(Outcome o, Period p) {
        return tally(o, Unit.DOSSIERS.code(), p).protectionRate();
    }

    /**
     * A row of the decision table, by its reference code. Combined codes and the publication's rows go
     * through {@link DecisionRows} as the publication builds them; when the published table lists
     * exclusions and closures on their own rows ({@code separateTypes}), single types are counted alone.
     */
    double decisions(Outcome o, String referenceCode, String unit, Period p, boolean separateTypes) {
        DecisionTally t = tally(o, unit, p);
        DecisionRows rows = DecisionRows.of(t, DecisionRow.RowMapping.defaults());
        switch (referenceCode) {
            case ReferenceData.TOTAL:
                return t.all();
            case "negative_total":
                return rows.refusals();
            case "total_final":
                return rows.finals();
            default:
                break;
        }
        if (!separateTypes || ReferenceData.COMBINED_DECISION_CODES.contains(referenceCode)) {
            for (DecisionRow r : DecisionRow.values()) {
                if (r.code().equals(referenceCode)) {
                    return rows.get(r);
                }
            }
        }
        return t.count(DecisionType.ofCode(referenceCode));
    }
}
