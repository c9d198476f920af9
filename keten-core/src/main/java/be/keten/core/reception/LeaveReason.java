package be.keten.core.reception;

/** Why a person left the reception network (GUIDE §6.5). */
public enum LeaveReason {
    /** Status holder leaving at the end of the transition period. */
    POSITIVE_TRANSITION_END,
    /** Material aid ended after a final negative decision. */
    FINAL_NEGATIVE_EXIT,
    VOLUNTARY_DEPARTURE,
    NO_SHOW,
    RETURN
}
