package be.keten.stats.publication;

import java.util.Map;

/** Persons applying, by the DVZ table's columns (GUIDE §2.2): the columns add up to the total. */
public record Applicants(long firstExclResettlement, long firstResettlement, long subsequent) {
    public static final Applicants ZERO = new Applicants(0, 0, 0);

    public static Applicants of(Map<String, Long> byColumn) {
        return new Applicants(byColumn.getOrDefault("first_excl_resettlement", 0L), byColumn.getOrDefault("first_resettlement", 0L),
                byColumn.getOrDefault("subsequent", 0L));
    }

    public long total() {
        return firstExclResettlement + firstResettlement + subsequent;
    }

    public Applicants plus(Applicants o) {
        return new Applicants(firstExclResettlement + o.firstExclResettlement, firstResettlement + o.firstResettlement, subsequent + o.subsequent);
    }
}
