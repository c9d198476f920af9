package be.keten.sim.calibration;

import be.keten.core.calendar.Period;
import be.keten.io.reference.ReferenceData;
import be.keten.stats.publication.DecisionRow;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Decision counts by month (or one period total) and unit, by reference code. */
record DecisionWindow(List<Period> months, Map<Period, Map<String, Map<String, Long>>> counts) {
    String label() {
        return months.size() == 1 ? months.get(0).label() : new Period(months.get(0).from(), months.get(months.size() - 1).to()).label();
    }

    long get(Period p, String unit, String code) {
        return counts.getOrDefault(p, Map.of()).getOrDefault(unit, Map.of()).getOrDefault(code, 0L);
    }

    boolean has(Period p, String unit) {
        return counts.getOrDefault(p, Map.of()).containsKey(unit);
    }

    /** Summed over the window, by publication row; interim included. */
    Map<DecisionRow, Double> rows(String unit) {
        Map<DecisionRow, Double> out = new EnumMap<>(DecisionRow.class);
        for (DecisionRow r : DecisionRow.values()) {
            out.put(r, (double) months.stream().mapToLong(p -> get(p, unit, r.code())).sum());
        }
        return out;
    }

    double total(String unit) {
        return months.stream().mapToLong(p -> get(p, unit, ReferenceData.TOTAL)).sum();
    }
}
