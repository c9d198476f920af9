package be.keten.core.reception;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A reception facility: one place type, one operator, its capacity over time. Periods of the same
 * kind may not overlap (a change of capacity closes one period and opens the next).
 */
public record Facility(String id, String name, Operator operator, PlaceType placeType, LanguageRegion region, List<CapacityPeriod> capacity) {
    public Facility {
        if (id == null || !id.matches("F-[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("facility id '" + id + "' must be 'F-' followed by 1 to 40 letters, digits, '-' or '_'");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(placeType, "placeType");
        Objects.requireNonNull(region, "region");
        capacity = List.copyOf(capacity);
        for (int i = 0; i < capacity.size(); i++) {
            for (int j = i + 1; j < capacity.size(); j++) {
                CapacityPeriod a = capacity.get(i);
                CapacityPeriod b = capacity.get(j);
                if (a.kind() == b.kind() && a.overlaps(b)) {
                    throw new IllegalArgumentException("facility " + id + ": " + a.kind() + " periods overlap (" + a.from() + "–"
                            + (a.until() == null ? "…" : a.until()) + " and " + b.from() + "–" + (b.until() == null ? "…" : b.until()) + ")");
                }
            }
        }
    }

    public int capacityOn(LocalDate d) {
        return capacity.stream().mapToInt(p -> p.placesOn(d)).sum();
    }
}
