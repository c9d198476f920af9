package be.keten.core.procedure;

import java.util.Arrays;
import java.util.List;

/**
 * Every CGVS decision type, with its one classification (GUIDE §3.2, §5.1): stage, whether it is
 * positive, and whether it counts in the protection rate's numerator and denominator. Which row of a
 * publication a type is shown in is the publication's business (keten-stats). The codes are
 * the reference folder's decision-type codes; registry, statistics and simulation all use this enum.
 */
public enum DecisionType {
    FURTHER_EXAMINATION_BORDER("further_examination_border", DecisionStage.INTERIM, false, false),
    ADMISSIBLE_SUBSEQUENT("admissible_subsequent", DecisionStage.INTERIM, false, false),
    REFUGEE_STATUS("refugee_status", DecisionStage.FINAL, true, true),
    SUBSIDIARY_PROTECTION("subsidiary_protection", DecisionStage.FINAL, true, true),
    INADMISSIBLE("inadmissible", DecisionStage.FINAL, false, true),
    MANIFESTLY_UNFOUNDED("manifestly_unfounded", DecisionStage.FINAL, false, true),
    REFUSAL("refusal", DecisionStage.FINAL, false, true),
    EXCLUSION("exclusion", DecisionStage.FINAL, false, true),
    CLOSURE("closure", DecisionStage.FINAL, false, true),
    WITHDRAWAL("withdrawal", DecisionStage.STATUS_ENDING, false, false),
    REVOCATION("revocation", DecisionStage.STATUS_ENDING, false, false);

    private final String code;
    private final DecisionStage stage;
    private final boolean positive;
    private final boolean inProtectionRateDenominator;

    DecisionType(String code, DecisionStage stage, boolean positive, boolean inDenominator) {
        this.code = code;
        this.stage = stage;
        this.positive = positive;
        this.inProtectionRateDenominator = inDenominator;
    }

    public String code() {
        return code;
    }

    public DecisionStage stage() {
        return stage;
    }

    /** Grants refugee status or subsidiary protection: the protection rate's numerator. */
    public boolean isPositive() {
        return positive;
    }

    /** Counted in the protection rate's denominator: final decisions other than withdrawals and revocations. */
    public boolean inProtectionRateDenominator() {
        return inProtectionRateDenominator;
    }

    /** Negative first-instance outcome: a final decision that grants nothing (appealable). */
    public boolean isNegativeFinal() {
        return stage == DecisionStage.FINAL && !positive;
    }

    public static List<DecisionType> ofStage(DecisionStage stage) {
        return Arrays.stream(values()).filter(t -> t.stage == stage).toList();
    }

    public static DecisionType ofCode(String code) {
        for (DecisionType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown decision type code '" + code + "'");
    }
}
