package be.keten.stats;

import be.keten.core.procedure.DecisionStage;
import be.keten.core.procedure.DecisionType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Decisions counted by type, in one unit. The protection rate and its variants are defined here,
 * once, from the classification in {@link DecisionType} (GUIDE §5.1).
 */
public final class DecisionTally {
    private final EnumMap<DecisionType, Long> counts = new EnumMap<>(DecisionType.class);

    public DecisionTally add(DecisionType type, long n) {
        counts.merge(type, n, Long::sum);
        return this;
    }

    public DecisionTally addAll(DecisionTally other) {
        other.counts.forEach(this::add);
        return this;
    }

    public long count(DecisionType type) {
        return counts.getOrDefault(type, 0L);
    }

    public Map<DecisionType, Long> asMap() {
        return Map.copyOf(counts);
    }

    /** All decisions, interim and status-ending included: the publications' "total" row. */
    public long all() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long ofStage(DecisionStage stage) {
        return counts.entrySet().stream().filter(e -> e.getKey().stage() == stage).mapToLong(Map.Entry::getValue).sum();
    }

    /** Refugee status plus subsidiary protection. */
    public long positive() {
        return counts.entrySet().stream().filter(e -> e.getKey().isPositive()).mapToLong(Map.Entry::getValue).sum();
    }

    /** All decisions minus interim decisions minus withdrawals and revocations. */
    public long protectionRateDenominator() {
        return counts.entrySet().stream().filter(e -> e.getKey().inProtectionRateDenominator()).mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * The official protection rate (beschermingsgraad), as a fraction; NaN when nothing was decided.
     * Official only when the tally is in dossiers.
     */
    public double protectionRate() {
        return ratio(positive(), protectionRateDenominator());
    }

    /** The variant that leaves inadmissibility decisions out of the denominator. */
    public double protectionRateExcludingInadmissible() {
        return ratio(positive(), protectionRateDenominator() - count(DecisionType.INADMISSIBLE));
    }

    /** Inadmissible decisions over all decisions, interim included. */
    public double inadmissibilityShare() {
        return ratio(count(DecisionType.INADMISSIBLE), all());
    }

    private static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }
}
