package be.keten.core.appeal;

/** Council of State ruling on cassation against an RvV judgment. */
public enum CassationOutcome {
    REJECTED,
    /** The judgment is quashed and the appeal goes back to the RvV (to be confirmed). */
    QUASHED
}
