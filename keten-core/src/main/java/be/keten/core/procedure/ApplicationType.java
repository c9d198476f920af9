package be.keten.core.procedure;

import be.keten.core.pathway.PathwayChannel;
import java.util.Optional;

/**
 * Kind of application for international protection (GUIDE §2.2, §2.3), with the DVZ publication
 * column each is counted in. Relocation, corridor and other admissions have no published column
 * rule; they are counted as first applications excluding resettlement (to be confirmed).
 */
public enum ApplicationType {
    FIRST("first_excl_resettlement", null),
    SUBSEQUENT("subsequent", null),
    RESETTLEMENT("first_resettlement", PathwayChannel.RESETTLEMENT),
    RELOCATION("first_excl_resettlement", PathwayChannel.RELOCATION),
    HUMANITARIAN_CORRIDOR("first_excl_resettlement", PathwayChannel.HUMANITARIAN_CORRIDOR),
    OTHER_ADMISSION("first_excl_resettlement", PathwayChannel.OTHER_ADMISSION);

    private static final ApplicationType[] ALL = values();   // values() copies its array on every call

    private final String dvzColumn;
    private final PathwayChannel pathway;

    ApplicationType(String dvzColumn, PathwayChannel pathway) {
        this.dvzColumn = dvzColumn;
        this.pathway = pathway;
    }

    /** Column of the DVZ applications table (reference {@code applications_monthly.csv}) this type is counted in. */
    public String dvzColumn() {
        return dvzColumn;
    }

    /** The arrival channel that must precede the application, if any. */
    public Optional<PathwayChannel> requiredPathway() {
        return Optional.ofNullable(pathway);
    }

    /** The application type registered after an arrival through {@code channel}; null for none (no channel, or one no type requires). */
    public static ApplicationType following(PathwayChannel channel) {
        for (ApplicationType t : ALL) {
            if (t.pathway != null && t.pathway == channel) {
                return t;
            }
        }
        return null;
    }
}
