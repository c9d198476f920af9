package be.keten.core.reception;

/**
 * Who comes first for a place under saturation (GUIDE §6.1), in order: unaccompanied minors,
 * families, women, vulnerable persons, young adult men exempted by policy (18–19 in 2024), then
 * the non-vulnerable single men who go on the waiting list.
 */
public enum PriorityGroup {
    UNACCOMPANIED_MINOR("unaccompanied minor"),
    FAMILY("family"),
    WOMAN("single woman"),
    VULNERABLE("vulnerable single man"),
    YOUNG_ADULT("young single man exempted from the waiting list"),
    SINGLE_MAN("non-vulnerable single man");

    private final String label;

    PriorityGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Everyone but non-vulnerable single men keeps priority under saturation. */
    public boolean priority() {
        return this != SINGLE_MAN;
    }
}
