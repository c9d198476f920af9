package be.keten.stats.publication;

import be.keten.core.procedure.DecisionType;

/**
 * The rows of the CGVS decision tables (GUIDE §3.2, §5.5), with the reference folder's codes. The
 * monthly table has no row for exclusion and termination; where they go is a parameter
 * ({@link RowMapping}), by default the refusal row (GUIDE §11).
 */
public enum DecisionRow {
    INTERIM("admissible_subsequent_or_border", "interim"),
    REFUGEE_STATUS("refugee_status", "final"),
    SUBSIDIARY_PROTECTION("subsidiary_protection", "final"),
    INADMISSIBLE("inadmissible", "final"),
    MANIFESTLY_UNFOUNDED("manifestly_unfounded", "final"),
    REFUSAL("refusal", "final"),
    WITHDRAWAL_OR_REVOCATION("withdrawal_or_revocation", "final");

    private final String code;
    private final String stage;

    DecisionRow(String code, String stage) {
        this.code = code;
        this.stage = stage;
    }

    public String code() {
        return code;
    }

    /** The "weigeringsbeslissingen" of the top-10 table: inadmissible, manifestly unfounded, refusal (GUIDE §5.3). */
    public boolean isRefusal() {
        return this == INADMISSIBLE || this == MANIFESTLY_UNFOUNDED || this == REFUSAL;
    }

    /** The stage column of the reference table (withdrawals and revocations are listed as final there). */
    public String stage() {
        return stage;
    }

    /** Where each decision type is published. */
    public record RowMapping(DecisionRow exclusion, DecisionRow closure) {
        public static RowMapping defaults() {
            return new RowMapping(REFUSAL, REFUSAL);
        }

        public DecisionRow rowOf(DecisionType t) {
            return switch (t) {
                case FURTHER_EXAMINATION_BORDER, ADMISSIBLE_SUBSEQUENT -> INTERIM;
                case REFUGEE_STATUS -> REFUGEE_STATUS;
                case SUBSIDIARY_PROTECTION -> SUBSIDIARY_PROTECTION;
                case INADMISSIBLE -> INADMISSIBLE;
                case MANIFESTLY_UNFOUNDED -> MANIFESTLY_UNFOUNDED;
                case REFUSAL -> REFUSAL;
                case EXCLUSION -> exclusion;
                case CLOSURE -> closure;
                case WITHDRAWAL, REVOCATION -> WITHDRAWAL_OR_REVOCATION;
            };
        }
    }
}
