package be.keten.core.resettlement;

import java.util.Objects;

/**
 * Places pledged or planned for a programme in a period: either the total quota or one part of its split
 * (by target group, region or nationality, emergency places).
 *
 * @param actor       who pledged, e.g. Belgium or Fedasil
 * @param breakdown   empty for the total; otherwise what the split is by, e.g. {@code target_group}
 * @param category    {@code total}, or the part, e.g. {@code emergency_resettlement}
 * @param nationality ISO code of the target nationality, empty if none
 */
public record Pledge(ProgrammePeriod period, Programme programme, String actor, String breakdown, String category,
                     String nationality, long places, Qualifier qualifier) {
    public Pledge {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(breakdown, "breakdown");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(nationality, "nationality");
        Objects.requireNonNull(qualifier, "qualifier");
        if (places < 0) {
            throw new IllegalArgumentException("places must not be negative (was " + places + ")");
        }
    }

    /** A programme's total quota for the period, as opposed to one part of its split. */
    public boolean isTotal() {
        return breakdown.isEmpty();
    }
}
