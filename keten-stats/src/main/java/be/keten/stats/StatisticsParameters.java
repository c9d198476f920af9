package be.keten.stats;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Choices the sources leave open, made explicit (GUIDE §11): whether suspended files count in the
 * CGVS workload, and the "normal workload" (a stock always in progress given inflow and staff)
 * that the real backlog is measured against, by the date from which each value applies.
 */
public record StatisticsParameters(boolean suspendedInWorkload, NavigableMap<LocalDate, Long> normalWorkload) {
    public StatisticsParameters {
        normalWorkload = new TreeMap<>(normalWorkload);
    }

    /** Suspended files counted; normal workload 6,500 dossiers from 2023 (seed 002; earlier values not published). */
    public static StatisticsParameters defaults() {
        return new StatisticsParameters(true, new TreeMap<>(Map.of(LocalDate.of(2023, 1, 1), 6500L)));
    }

    /** The normal workload times {@code k}: the stock always in progress grows with the inflow (data made by {@code keten synth --scale k}). */
    public StatisticsParameters scaled(int k) {
        TreeMap<LocalDate, Long> n = new TreeMap<>();
        normalWorkload.forEach((d, v) -> n.put(d, v * k));
        return new StatisticsParameters(suspendedInWorkload, n);
    }

    public OptionalLong normalWorkloadOn(LocalDate d) {
        var e = normalWorkload.floorEntry(d);
        return e == null ? OptionalLong.empty() : OptionalLong.of(e.getValue());
    }
}
