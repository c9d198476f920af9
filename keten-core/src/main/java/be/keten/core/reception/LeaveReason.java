package be.keten.core.reception;

/** Why a person left the reception network (GUIDE §6.5), or community sponsorship (GUIDE §7.1). */
public enum LeaveReason {
    /** Status holder leaving at the end of the transition period. */
    POSITIVE_TRANSITION_END,
    /** Material aid ended after a final negative decision. */
    FINAL_NEGATIVE_EXIT,
    VOLUNTARY_DEPARTURE,
    NO_SHOW,
    RETURN,
    /**
     * Community sponsorship (GUIDE §7.1): a resident of the network moving to the sponsors' care
     * ({@code SponsorshipStarted}), or a sponsored person at the end of the sponsorship
     * ({@code LeftReception}). Only the first is a departure from the network.
     */
    COMMUNITY_SPONSORSHIP
}
