package be.keten.core.resettlement;

/** Legal pathways with published pledges or arrivals (GUIDE §7.1). */
public enum Programme {
    RESETTLEMENT("resettlement"),
    /** Resettled persons hosted by volunteers outside the reception network; may overlap with resettlement. */
    COMMUNITY_SPONSORSHIP("community sponsorship"),
    HUMANITARIAN_CORRIDOR("humanitarian corridor"),
    RELOCATION("relocation");

    private final String label;

    Programme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
