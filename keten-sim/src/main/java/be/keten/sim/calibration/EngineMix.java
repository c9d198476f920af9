package be.keten.sim.calibration;

import be.keten.core.procedure.DecisionStage;
import be.keten.core.procedure.DecisionType;
import be.keten.sim.Mix;
import be.keten.stats.publication.DecisionRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The algebra from published decision counts to the decision mix the engine draws from, kept apart from the
 * estimates so that it can be read and checked on its own: the engine decides the admissibility of a subsequent
 * application itself, so the published shares are not the mix it draws from.
 */
final class EngineMix {
    private static final DecisionRow.RowMapping ROWS = DecisionRow.RowMapping.defaults();
    /** The publication rows of final decisions the engine makes (withdrawals and revocations are not among them). */
    static final List<DecisionRow> FINAL_ROWS = List.of(DecisionRow.REFUGEE_STATUS, DecisionRow.SUBSIDIARY_PROTECTION,
            DecisionRow.INADMISSIBLE, DecisionRow.MANIFESTLY_UNFOUNDED, DecisionRow.REFUSAL);

    private EngineMix() {
    }

    /**
     * The mix the engine draws from, by publication row, such that its expected published shares equal the counts {@code c}
     * (dossiers). The engine decides admissibility of a subsequent application first: a share {@code p} gets an interim decision
     * and later a merits decision from the mix without inadmissibility, the rest is declared inadmissible. With {@code D} final
     * decisions, {@code I} interim ones and subsequent share σ: subsequent admissibility decisions σ·D, p = I / (σ·D), inadmissible
     * subsequent N = σ·D − I (at most the inadmissible row), first-application decisions F = D − I − N; then
     * m_inadmissible = (c_inadmissible − N) / F and m_r = c_r (1 − m_inadmissible) / (D − c_inadmissible) for the other rows.
     *
     * @param fixedP null: estimate p from {@code interim}; else use it (by nationality, where interim decisions are not printed)
     */
    record Solved(Map<DecisionRow, Double> mix, Double admissible, double first, double interim, double inadmissibleSubsequent, boolean clamped) {
        /** Expected final decisions by row under the engine's rules. */
        Map<DecisionRow, Double> expected() {
            Map<DecisionRow, Double> out = new EnumMap<>(DecisionRow.class);
            double mi = mix.get(DecisionRow.INADMISSIBLE);
            for (DecisionRow r : FINAL_ROWS) {
                double m = mix.get(r);
                out.put(r, first * m + (r == DecisionRow.INADMISSIBLE ? inadmissibleSubsequent : mi >= 1 ? 0 : interim * m / (1 - mi)));
            }
            return out;
        }
    }

    static Solved solve(Map<DecisionRow, Double> c, double interim, Double sigma, Double fixedP) {
        double d = FINAL_ROWS.stream().mapToDouble(c::get).sum();
        double ci = c.get(DecisionRow.INADMISSIBLE);
        if (sigma == null || d <= 0 || sigma <= 0) {
            Map<DecisionRow, Double> m = new EnumMap<>(DecisionRow.class);
            FINAL_ROWS.forEach(r -> m.put(r, d <= 0 ? 0 : c.get(r) / d));
            return new Solved(m, null, d, 0, 0, false);
        }
        double sd = sigma * d;
        double p;
        double i;
        double n;
        if (fixedP == null) {
            p = Math.min(1, interim / sd);
            i = Math.min(interim, sd);
            n = sd - i;
        } else {
            p = fixedP;
            i = p * sd;
            n = (1 - p) * sd;
        }
        boolean clamped = n > ci;
        n = Math.min(n, ci);
        double f = d - i - n;
        Map<DecisionRow, Double> m = new EnumMap<>(DecisionRow.class);
        if (f <= 0) {
            FINAL_ROWS.forEach(r -> m.put(r, c.get(r) / d));
            return new Solved(m, fixedP == null ? p : null, d, 0, 0, true);
        }
        double mi = (ci - n) / f;
        for (DecisionRow r : FINAL_ROWS) {
            m.put(r, r == DecisionRow.INADMISSIBLE ? mi : d - ci <= 0 ? 0 : c.get(r) * (1 - mi) / (d - ci));
        }
        return new Solved(m, fixedP == null ? p : null, f, i, n, clamped);
    }

    /** Row shares to decision types: a row that holds several types (refusal: refusal, exclusion, closure) is split as in {@code like}. */
    static Mix<DecisionType> split(Map<DecisionRow, Double> rows, Mix<DecisionType> like) {
        Map<DecisionRow, List<DecisionType>> members = new EnumMap<>(DecisionRow.class);
        for (DecisionType t : DecisionType.ofStage(DecisionStage.FINAL)) {
            members.computeIfAbsent(ROWS.rowOf(t), k -> new ArrayList<>()).add(t);
        }
        EnumMap<DecisionType, Double> out = new EnumMap<>(DecisionType.class);
        for (Map.Entry<DecisionRow, Double> e : rows.entrySet()) {
            List<DecisionType> ts = members.getOrDefault(e.getKey(), List.of());
            double w = ts.stream().mapToDouble(like::share).sum();
            for (DecisionType t : ts) {
                double part = w > 0 ? like.share(t) / w : t.code().equals(e.getKey().code()) ? 1 : 0;
                if (part * e.getValue() > 0) {
                    out.put(t, part * e.getValue());
                }
            }
        }
        double sum = out.values().stream().mapToDouble(Double::doubleValue).sum();
        out.replaceAll((k, v) -> v / sum);
        return new Mix<>(out);
    }
}
