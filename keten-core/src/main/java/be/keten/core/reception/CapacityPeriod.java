package be.keten.core.reception;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Places a facility offers over a period (both ends inclusive; {@code until} null = open).
 * Temporary places (winter sites, hotels) are ordinary periods with an end; buffer places exist
 * but count only from the day they are activated ({@code activeFrom}, null while dormant) — the
 * places Fedasil wants to be able to switch on and off with inflow (GUIDE §6.7).
 */
public record CapacityPeriod(LocalDate from, LocalDate until, int places, Kind kind, LocalDate activeFrom) {
    public enum Kind { REGULAR, TEMPORARY, BUFFER }

    public CapacityPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(kind, "kind");
        if (places < 0) {
            throw new IllegalArgumentException("places must be 0 or more, got " + places);
        }
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("until " + until + " is before from " + from);
        }
        if (kind != Kind.BUFFER && activeFrom != null) {
            throw new IllegalArgumentException("only buffer places are activated; this period is " + kind);
        }
    }

    public boolean covers(LocalDate d) {
        return !d.isBefore(from) && (until == null || !d.isAfter(until));
    }

    /** Places usable on a day: within the period and, for buffers, activated. */
    public int placesOn(LocalDate d) {
        if (!covers(d)) {
            return 0;
        }
        return kind != Kind.BUFFER || (activeFrom != null && !d.isBefore(activeFrom)) ? places : 0;
    }

    public boolean overlaps(CapacityPeriod o) {
        LocalDate end = until == null ? LocalDate.MAX : until;
        LocalDate oEnd = o.until == null ? LocalDate.MAX : o.until;
        return !from.isAfter(oEnd) && !o.from.isAfter(end);
    }
}
