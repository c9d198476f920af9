package be.keten.core.reception;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A reception facility: one place type, one operator, the target groups it is reserved for (none:
 * open to all), its capacity over time. Periods of the same kind may not overlap (a change of
 * capacity closes one period and opens the next).
 */
public record Facility(String id, String name, Operator operator, PlaceType placeType, LanguageRegion region, Set<TargetGroup> targetGroups,
                       List<CapacityPeriod> capacity) {
    /** A facility open to everyone its place type allows. */
    public Facility(String id, String name, Operator operator, PlaceType placeType, LanguageRegion region, List<CapacityPeriod> capacity) {
        this(id, name, operator, placeType, region, Set.of(), capacity);
    }

    public Facility {
        if (id == null || !id.matches("F-[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("facility id '" + id + "' must be 'F-' followed by 1 to 40 letters, digits, '-' or '_'");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(placeType, "placeType");
        Objects.requireNonNull(region, "region");
        targetGroups = targetGroups.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(targetGroups));
        if (placeType.forUnaccompaniedMinors() && !targetGroups.isEmpty() && !targetGroups.equals(Set.of(TargetGroup.UNACCOMPANIED_MINORS))) {
            throw new IllegalArgumentException("facility " + id + ": minors' places (" + placeType + ") cannot be reserved for " + targetGroups);
        }
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

    /** Whether a household of this priority group (resettled or not) may be placed here. */
    public boolean admits(PriorityGroup group, boolean resettled) {
        return targetGroups.isEmpty() || targetGroups.contains(TargetGroup.of(group)) || (resettled && targetGroups.contains(TargetGroup.RESETTLED));
    }

    public int capacityOn(LocalDate d) {
        int places = 0;
        for (int i = 0; i < capacity.size(); i++) {   // indexed: every allocation round asks every facility, and List.of iterators are not free
            places += capacity.get(i).placesOn(d);
        }
        return places;
    }

    /** This facility closed from {@code day}: every period ends the day before; later periods are dropped. */
    public Facility closedFrom(LocalDate day) {
        LocalDate last = day.minusDays(1);
        List<CapacityPeriod> kept = capacity.stream().filter(p -> p.from().isBefore(day))
                .map(p -> p.until() != null && p.until().isBefore(day) ? p
                        : new CapacityPeriod(p.from(), last, p.places(), p.kind(), p.activeFrom() != null && p.activeFrom().isAfter(last) ? null : p.activeFrom()))
                .toList();
        return new Facility(id, name, operator, placeType, region, targetGroups, kept);
    }

    /** This facility with its dormant buffer places switched on from {@code day}. */
    public Facility buffersActivatedFrom(LocalDate day) {
        boolean any = capacity.stream().anyMatch(p -> p.kind() == CapacityPeriod.Kind.BUFFER && p.activeFrom() == null && p.covers(day));
        if (!any) {
            throw new IllegalArgumentException("facility " + id + " has no dormant buffer places on " + day);
        }
        List<CapacityPeriod> out = capacity.stream().map(p -> p.kind() == CapacityPeriod.Kind.BUFFER && p.activeFrom() == null && p.covers(day)
                ? new CapacityPeriod(p.from(), p.until(), p.places(), p.kind(), day) : p).toList();
        return new Facility(id, name, operator, placeType, region, targetGroups, out);
    }
}
