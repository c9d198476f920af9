package be.keten.stats.publication;

import be.keten.core.procedure.DecisionType;
import be.keten.stats.DecisionTally;
import java.util.EnumMap;
import java.util.Map;

/** Decisions by publication row, in one unit; {@link #total()} is the "total" row (interim decisions included). */
public record DecisionRows(Map<DecisionRow, Long> rows) {
    public static DecisionRows of(DecisionTally tally, DecisionRow.RowMapping mapping) {
        Map<DecisionRow, Long> m = new EnumMap<>(DecisionRow.class);
        for (DecisionRow r : DecisionRow.values()) {
            m.put(r, 0L);
        }
        for (DecisionType t : DecisionType.values()) {
            m.merge(mapping.rowOf(t), tally.count(t), Long::sum);
        }
        return new DecisionRows(Map.copyOf(m));
    }

    public long get(DecisionRow r) {
        return rows.getOrDefault(r, 0L);
    }

    public long total() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Final decisions: everything but the interim row. */
    public long finals() {
        return total() - get(DecisionRow.INTERIM);
    }

    /** Inadmissible + manifestly unfounded + refusal: the top-10 table's "weigeringsbeslissingen". */
    public long refusals() {
        return rows.entrySet().stream().filter(e -> e.getKey().isRefusal()).mapToLong(Map.Entry::getValue).sum();
    }

    public DecisionRows plus(DecisionRows o) {
        Map<DecisionRow, Long> m = new EnumMap<>(rows);
        o.rows.forEach((k, v) -> m.merge(k, v, Long::sum));
        return new DecisionRows(Map.copyOf(m));
    }
}
