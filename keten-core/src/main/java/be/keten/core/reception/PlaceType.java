package be.keten.core.reception;

/**
 * Types of reception place (GUIDE §6.2–6.4); the last four are for unaccompanied minors only.
 * Each is published by Fedasil in one capacity category (minors' places are counted inside first
 * phase, collective and individual) and, for minors, in one phase of the minors' table.
 */
public enum PlaceType {
    FIRST_PHASE(false, "first_phase", null),
    COLLECTIVE(false, "collective_reception", null),
    INDIVIDUAL(false, "individual_housing", null),
    OPEN_RETURN(false, "open_return_places", null),
    UAM_OBSERVATION_ORIENTATION(true, "first_phase", "unam_phase1_observation_orientation"),
    UAM_COLLECTIVE(true, "collective_reception", "unam_phase2_collective"),
    UAM_INDIVIDUAL(true, "individual_housing", "unam_phase3_individual"),
    UAM_SPECIFIC(true, "collective_reception", "unam_specific_places");

    private final boolean forUnaccompaniedMinors;
    private final String category;
    private final String minorsPhase;

    PlaceType(boolean forUnaccompaniedMinors, String category, String minorsPhase) {
        this.forUnaccompaniedMinors = forUnaccompaniedMinors;
        this.category = category;
        this.minorsPhase = minorsPhase;
    }

    public boolean forUnaccompaniedMinors() {
        return forUnaccompaniedMinors;
    }

    /** Fedasil's published place-type category (reference {@code reception_capacity.csv}, breakdown place_type). */
    public String category() {
        return category;
    }

    /** The minors' phase category, null for adults' places. */
    public String minorsPhase() {
        return minorsPhase;
    }
}
