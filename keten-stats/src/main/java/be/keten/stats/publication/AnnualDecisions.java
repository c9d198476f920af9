package be.keten.stats.publication;

import be.keten.core.procedure.DecisionStage;
import be.keten.core.procedure.DecisionType;
import be.keten.stats.DecisionTally;
import java.util.EnumMap;
import java.util.Map;

/**
 * Decisions of a year by row of the annual table, in one unit, with each row's share of all
 * decisions (interim included, so the shares add up to 100% and the inadmissible row's share is
 * the inadmissibility share of GUIDE §5.1).
 */
public record AnnualDecisions(Map<AnnualDecisionRow, Long> rows) {
    public AnnualDecisions {
        rows = Map.copyOf(rows);
    }

    public static AnnualDecisions of(DecisionTally tally) {
        Map<AnnualDecisionRow, Long> m = new EnumMap<>(AnnualDecisionRow.class);
        for (AnnualDecisionRow r : AnnualDecisionRow.values()) {
            m.put(r, 0L);
        }
        for (DecisionType t : DecisionType.values()) {
            m.merge(AnnualDecisionRow.of(t), tally.count(t), Long::sum);
        }
        return new AnnualDecisions(m);
    }

    public long get(AnnualDecisionRow r) {
        return rows.getOrDefault(r, 0L);
    }

    /** All decisions, interim and status-ending included. */
    public long total() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Everything but interim decisions (eindbeslissingen, withdrawals and revocations included, as in seed 002). */
    public long finals() {
        return total() - get(AnnualDecisionRow.INTERIM);
    }

    public long ofStage(DecisionStage stage) {
        return rows.entrySet().stream().filter(e -> e.getKey().stage() == stage).mapToLong(Map.Entry::getValue).sum();
    }

    /** The row's share of all decisions; NaN when there were none. */
    public double share(AnnualDecisionRow r) {
        long t = total();
        return t == 0 ? Double.NaN : (double) get(r) / t;
    }
}
