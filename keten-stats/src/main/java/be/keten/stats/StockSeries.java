package be.keten.stats;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stock per key over time, kept as dated changes: the value at the end of a day is the sum of
 * the changes up to and including it. Changes may arrive in any date order (dossier by dossier).
 */
public final class StockSeries<K> {
    final Map<K, NavigableMap<LocalDate, Long>> changes = new HashMap<>();

    public void change(K key, LocalDate day, long delta) {
        if (delta != 0) {
            changes.computeIfAbsent(key, k -> new TreeMap<>()).merge(day, delta, Long::sum);
        }
    }

    /** The stock of {@code key} at the end of {@code day}. */
    public long at(K key, LocalDate day) {
        NavigableMap<LocalDate, Long> m = changes.get(key);
        if (m == null) {
            return 0;
        }
        long sum = 0;
        for (long v : m.headMap(day, true).values()) {
            sum += v;
        }
        return sum;
    }

    /** The stock of every key at the end of {@code day}, zero stocks left out. */
    public Map<K, Long> all(LocalDate day) {
        Map<K, Long> out = new HashMap<>();
        for (K k : changes.keySet()) {
            long v = at(k, day);
            if (v != 0) {
                out.put(k, v);
            }
        }
        return out;
    }

    public long total(LocalDate day) {
        return all(day).values().stream().mapToLong(Long::longValue).sum();
    }

    public Set<K> keys() {
        return changes.keySet();
    }
}
