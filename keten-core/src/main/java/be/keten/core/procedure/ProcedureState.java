package be.keten.core.procedure;

/**
 * Where a dossier's current application stands (GUIDE §3.1). {@code NOTIFIED(positive)} is not a
 * state of its own: notification of a positive decision makes the dossier {@link #PROTECTED}.
 */
public enum ProcedureState {
    /** No event recorded yet. */
    NEW(Owner.NONE),
    /** Arrived through resettlement, relocation or another admission channel; application not yet registered. */
    ARRIVED(Owner.DVZ),
    REGISTERED(Owner.DVZ),
    LODGED(Owner.DVZ),
    DUBLIN_CHECK(Owner.DVZ),
    DUBLIN_TRANSFER(Owner.DVZ),
    CGVS_PENDING(Owner.CGVS),
    SUSPENDED(Owner.CGVS),
    INTERVIEWED(Owner.CGVS),
    DECIDED(Owner.CGVS),
    NOTIFIED_NEGATIVE(Owner.NONE),
    APPEAL_PENDING(Owner.RVV),
    CASSATION_PENDING(Owner.RVS),
    PROTECTED(Owner.NONE),
    REJECTED_FINAL(Owner.NONE),
    STATUS_ENDED(Owner.NONE),
    /** Application withdrawn before the file reached the CGVS. */
    WITHDRAWN(Owner.DVZ),
    /** The household left Belgium by voluntary or forced return. */
    RETURNED(Owner.NONE);

    /** The authority whose stock a dossier in this state belongs to. */
    public enum Owner { DVZ, CGVS, RVV, RVS, NONE }

    private final Owner owner;

    ProcedureState(Owner owner) {
        this.owner = owner;
    }

    public Owner owner() {
        return owner;
    }

    /** Pending at the CGVS: the states that make up its workload (suspended files included by default, GUIDE §11). */
    public boolean atCgvs() {
        return owner == Owner.CGVS && this != DECIDED;
    }

    /** The application has ended; a subsequent application may follow (GUIDE §3.1, last rows). */
    public boolean applicationEnded() {
        return this == REJECTED_FINAL || this == STATUS_ENDED || this == WITHDRAWN || this == RETURNED;
    }
}
