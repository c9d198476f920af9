package be.keten.stats;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A stock per key over time, kept as dated changes: the value at the end of a day is the sum of
 * the changes up to and including it. Changes may arrive in any date order (dossier by dossier).
 */
public final class StockSeries<K> {
    final Map<K, Changes> changes = new HashMap<>();

    /**
     * One key's changes: the days with a change, ascending (as epoch days), and the sum of the
     * changes on each. Primitive arrays rather than a sorted map: a simulation adds millions of
     * changes, nearly all on the latest day, which is an append or an addition to the last entry.
     */
    static final class Changes {
        int[] days = new int[8];
        long[] sums = new long[8];
        int size;

        void add(int day, long delta) {
            int i = size;
            if (size > 0 && day <= days[size - 1]) {
                i = day == days[size - 1] ? size - 1 : Arrays.binarySearch(days, 0, size, day);
                if (i >= 0) {
                    sums[i] += delta;
                    return;
                }
                i = -i - 1;
            }
            if (size == days.length) {
                days = Arrays.copyOf(days, size * 2);
                sums = Arrays.copyOf(sums, size * 2);
            }
            System.arraycopy(days, i, days, i + 1, size - i);
            System.arraycopy(sums, i, sums, i + 1, size - i);
            days[i] = day;
            sums[i] = delta;
            size++;
        }

        long upTo(int day) {
            long sum = 0;
            for (int i = 0; i < size && days[i] <= day; i++) {
                sum += sums[i];
            }
            return sum;
        }
    }

    public void change(K key, LocalDate day, long delta) {
        if (delta != 0) {
            changes.computeIfAbsent(key, k -> new Changes()).add((int) day.toEpochDay(), delta);
        }
    }

    /** The stock of {@code key} at the end of {@code day}. */
    public long at(K key, LocalDate day) {
        Changes c = changes.get(key);
        return c == null ? 0 : c.upTo((int) day.toEpochDay());
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
