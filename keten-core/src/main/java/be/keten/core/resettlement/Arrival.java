package be.keten.core.resettlement;

import java.util.Objects;

/**
 * Persons who arrived through a programme in a period, as published.
 *
 * @param breakdown   empty for the total; otherwise what the part is by
 * @param category    {@code total}, or the part
 * @param nationality ISO code, empty if none
 * @param fromCountry country of first asylum, or for relocation the EU state of departure; empty if none
 */
public record Arrival(ProgrammePeriod period, Programme programme, String actor, String breakdown, String category,
                      String nationality, String fromCountry, long persons, Qualifier qualifier) {
    public Arrival {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(breakdown, "breakdown");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(nationality, "nationality");
        Objects.requireNonNull(fromCountry, "fromCountry");
        Objects.requireNonNull(qualifier, "qualifier");
        if (persons < 0) {
            throw new IllegalArgumentException("persons must not be negative (was " + persons + ")");
        }
    }

    public boolean isTotal() {
        return breakdown.isEmpty();
    }
}
