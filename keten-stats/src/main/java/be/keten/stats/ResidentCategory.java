package be.keten.stats;

import be.keten.core.procedure.ProcedureState;

/**
 * Fedasil's categories of residents by procedure stage (GUIDE §6.5): procedure pending; negative
 * but still entitled (appeal period, awaiting the end of aid); status holders in transition; other.
 */
public enum ResidentCategory {
    PROCEDURE_PENDING, NEGATIVE_STILL_ENTITLED, STATUS_HOLDER_IN_TRANSITION, OTHER;

    public static ResidentCategory of(ProcedureState s) {
        return switch (s) {
            case REGISTERED, LODGED, DUBLIN_CHECK, CGVS_PENDING, SUSPENDED, INTERVIEWED, DECIDED, APPEAL_PENDING -> PROCEDURE_PENDING;
            case NOTIFIED_NEGATIVE, REJECTED_FINAL, CASSATION_PENDING, DUBLIN_TRANSFER, WITHDRAWN, STATUS_ENDED -> NEGATIVE_STILL_ENTITLED;
            case PROTECTED -> STATUS_HOLDER_IN_TRANSITION;
            case NEW, ARRIVED, RETURNED -> OTHER;
        };
    }
}
