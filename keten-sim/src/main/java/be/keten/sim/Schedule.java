package be.keten.sim;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A value that changes on dates (FTE, efficiency): the value of the latest step on or before a day, the first step's before it. */
public record Schedule(NavigableMap<LocalDate, Double> steps) {
    public Schedule {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one step");
        }
        steps = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(steps));
    }

    public static Schedule constant(double value) {
        return new Schedule(new TreeMap<>(Map.of(LocalDate.of(2000, 1, 1), value)));
    }

    public double on(LocalDate day) {
        Map.Entry<LocalDate, Double> e = steps.floorEntry(day);
        return e == null ? steps.firstEntry().getValue() : e.getValue();
    }
}
