package be.keten.stats.publication;

import be.keten.core.procedure.DecisionStage;
import be.keten.core.procedure.DecisionType;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rows of the CGVS annual decision table (GUIDE §3.2, "annual table" column): every decision
 * type has its own row, except the two interim types, which the annual table shows as one row.
 * Unlike the monthly table, exclusion, termination, withdrawal and revocation are separate rows.
 */
public enum AnnualDecisionRow {
    INTERIM("interim", EnumSet.of(DecisionType.FURTHER_EXAMINATION_BORDER, DecisionType.ADMISSIBLE_SUBSEQUENT)),
    REFUGEE_STATUS("refugee_status", EnumSet.of(DecisionType.REFUGEE_STATUS)),
    SUBSIDIARY_PROTECTION("subsidiary_protection", EnumSet.of(DecisionType.SUBSIDIARY_PROTECTION)),
    INADMISSIBLE("inadmissible", EnumSet.of(DecisionType.INADMISSIBLE)),
    MANIFESTLY_UNFOUNDED("manifestly_unfounded", EnumSet.of(DecisionType.MANIFESTLY_UNFOUNDED)),
    REFUSAL("refusal", EnumSet.of(DecisionType.REFUSAL)),
    EXCLUSION("exclusion", EnumSet.of(DecisionType.EXCLUSION)),
    CLOSURE("closure", EnumSet.of(DecisionType.CLOSURE)),
    WITHDRAWAL("withdrawal", EnumSet.of(DecisionType.WITHDRAWAL)),
    REVOCATION("revocation", EnumSet.of(DecisionType.REVOCATION));

    private final String code;
    private final Set<DecisionType> types;

    AnnualDecisionRow(String code, Set<DecisionType> types) {
        this.code = code;
        this.types = types;
    }

    public String code() {
        return code;
    }

    public Set<DecisionType> types() {
        return Set.copyOf(types);
    }

    /** The stage shared by the row's decision types (interim, final or status-ending). */
    public DecisionStage stage() {
        return types.iterator().next().stage();
    }

    public static AnnualDecisionRow of(DecisionType t) {
        for (AnnualDecisionRow r : values()) {
            if (r.types.contains(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no annual row for " + t);
    }
}
