package be.keten.core.event;

import be.keten.core.id.DossierId;
import be.keten.core.procedure.DecisionStage;
import be.keten.core.procedure.DecisionType;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A CGVS decision. All three kinds carry a {@link DecisionType}, so the statistics count every
 * decision the same way; the record says which stage it is, and its constructor refuses a type of
 * another stage.
 */
public sealed interface DecisionEvent extends ChainEvent {
    DecisionType decisionType();

    private static void stage(DecisionType type, DecisionStage expected) {
        Objects.requireNonNull(type, "decisionType");
        if (type.stage() != expected) {
            throw new IllegalArgumentException("decisionType " + type + " is a " + type.stage().name().toLowerCase()
                    + " decision, not a " + expected.name().toLowerCase() + " one; expected one of " + DecisionType.ofStage(expected));
        }
    }

    /** Further examination (border) or an admissible subsequent application: the file stays at the CGVS. */
    record InterimDecisionTaken(DossierId dossier, LocalDate date, DecisionType decisionType) implements DecisionEvent {
        public InterimDecisionTaken {
            Checks.common(dossier, date);
            stage(decisionType, DecisionStage.INTERIM);
        }
    }

    /** A final first-instance decision (eindbeslissing). */
    record FinalDecisionTaken(DossierId dossier, LocalDate date, DecisionType decisionType) implements DecisionEvent {
        public FinalDecisionTaken {
            Checks.common(dossier, date);
            stage(decisionType, DecisionStage.FINAL);
        }
    }

    /** Withdrawal (intrekking) or revocation (opheffing) of a status held. */
    record StatusEnded(DossierId dossier, LocalDate date, DecisionType decisionType) implements DecisionEvent {
        public StatusEnded {
            Checks.common(dossier, date);
            stage(decisionType, DecisionStage.STATUS_ENDING);
        }
    }
}
