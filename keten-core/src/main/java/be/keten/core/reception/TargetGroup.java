package be.keten.core.reception;

/**
 * Whom a facility is reserved for (GUIDE §6.3–6.4, §7.1): a centre for families, for single women,
 * for unaccompanied minors, the dedicated centre for resettled persons… A facility without target
 * groups is open to everyone its place type allows.
 */
public enum TargetGroup {
    FAMILIES, SINGLE_WOMEN, SINGLE_MEN, UNACCOMPANIED_MINORS, VULNERABLE, YOUNG_ADULTS, RESETTLED;

    /** The target group a household of this priority group belongs to. */
    public static TargetGroup of(PriorityGroup g) {
        return switch (g) {
            case UNACCOMPANIED_MINOR -> UNACCOMPANIED_MINORS;
            case FAMILY -> FAMILIES;
            case WOMAN -> SINGLE_WOMEN;
            case VULNERABLE -> VULNERABLE;
            case YOUNG_ADULT -> YOUNG_ADULTS;
            case SINGLE_MAN -> SINGLE_MEN;
        };
    }
}
