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
     * A change dated before the latest day (a simulated subsequent applicant's earlier application,
     * years back) waits in a second pair of arrays until the changes are next read: inserting each
     * at once moved the years of changes after it. Reading may thus merge, so reads hold the lock:
     * the server's request threads read one published set of statistics at once. Changes are added
     * by the one thread that builds the statistics, before they are published.
     */
    static final class Changes {
        private int[] days = new int[8];
        private long[] sums = new long[8];
        private int size;
        private int[] lateDays = new int[0];
        private long[] lateSums = new long[0];
        private int lateSize;

        void add(int day, long delta) {
            if (size > 0 && day <= days[size - 1]) {
                if (day == days[size - 1]) {
                    sums[size - 1] += delta;
                    return;
                }
                if (lateSize == lateDays.length) {
                    lateDays = Arrays.copyOf(lateDays, Math.max(8, lateSize * 2));
                    lateSums = Arrays.copyOf(lateSums, lateDays.length);
                }
                lateDays[lateSize] = day;
                lateSums[lateSize++] = delta;
                return;
            }
            if (size == days.length) {
                days = Arrays.copyOf(days, size * 2);
                sums = Arrays.copyOf(sums, size * 2);
            }
            days[size] = day;
            sums[size++] = delta;
        }

        /** Merges the late changes into the days and sums, in one pass. */
        private void settle() {
            if (lateSize == 0) {
                return;
            }
            long[] late = new long[lateSize];   // day and index packed, so one sort orders both
            for (int i = 0; i < lateSize; i++) {
                late[i] = (long) lateDays[i] << 32 | i;
            }
            Arrays.sort(late);
            int[] d = new int[size + lateSize];
            long[] s = new long[d.length];
            int n = 0;
            int i = 0;
            int j = 0;
            while (i < size || j < late.length) {
                int day;
                long delta;
                if (j == late.length || i < size && days[i] <= (int) (late[j] >> 32)) {
                    day = days[i];
                    delta = sums[i++];
                } else {
                    day = (int) (late[j] >> 32);
                    delta = lateSums[(int) late[j++]];
                }
                if (n > 0 && d[n - 1] == day) {
                    s[n - 1] += delta;
                } else {
                    d[n] = day;
                    s[n++] = delta;
                }
            }
            days = d;
            sums = s;
            size = n;
            lateSize = 0;
            lateDays = new int[0];
            lateSums = new long[0];
        }

        /** The number of days with a change. */
        synchronized int size() {
            settle();
            return size;
        }

        /** The {@code i}-th day with a change, ascending. */
        synchronized int day(int i) {
            settle();
            return days[i];
        }

        /** The sum of the changes on {@link #day(int) day(i)}. */
        synchronized long sum(int i) {
            settle();
            return sums[i];
        }

        synchronized long upTo(int day) {
            settle();
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
