package be.keten.core.reception;

/** Types of reception place (GUIDE §6.2–6.4); the last four are for unaccompanied minors only. */
public enum PlaceType {
    FIRST_PHASE(false),
    COLLECTIVE(false),
    INDIVIDUAL(false),
    OPEN_RETURN(false),
    UAM_OBSERVATION_ORIENTATION(true),
    UAM_COLLECTIVE(true),
    UAM_INDIVIDUAL(true),
    UAM_SPECIFIC(true);

    private final boolean forUnaccompaniedMinors;

    PlaceType(boolean forUnaccompaniedMinors) {
        this.forUnaccompaniedMinors = forUnaccompaniedMinors;
    }

    public boolean forUnaccompaniedMinors() {
        return forUnaccompaniedMinors;
    }
}
