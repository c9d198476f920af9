package be.keten.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** A stock series is the running sum of its dated changes, whatever order they come in. */
class StockSeriesTest {
    private static final LocalDate DAY0 = LocalDate.of(2020, 1, 1);

    @Property
    void theStockOnEachDayIsTheSumOfTheChangesUpToIt(@ForAll @Size(max = 80) List<@IntRange(min = 0, max = 60) Integer> days,
                                                     @ForAll @Size(max = 80) List<@IntRange(min = -5, max = 5) Integer> deltas) {
        StockSeries<String> series = new StockSeries<>();
        TreeMap<Integer, Long> model = new TreeMap<>();   // day -> sum of its changes
        int n = Math.min(days.size(), deltas.size());
        for (int i = 0; i < n; i++) {
            series.change("k", DAY0.plusDays(days.get(i)), deltas.get(i));
            if (deltas.get(i) != 0) {
                model.merge(days.get(i), (long) deltas.get(i), Long::sum);
            }
            // Reading between changes merges those dated before the latest day; later ones come after it.
            if (i % 7 == 3) {
                assertStocks(series, model);
            }
        }
        assertStocks(series, model);
        StockSeries.Changes c = series.changes.get("k");
        if (c != null) {
            assertThat(c.size()).isEqualTo(model.size());
            int i = 0;
            for (Map.Entry<Integer, Long> e : model.entrySet()) {
                assertThat(c.day(i)).isEqualTo((int) DAY0.plusDays(e.getKey()).toEpochDay());
                assertThat(c.sum(i)).isEqualTo(e.getValue());
                i++;
            }
        }
    }

    private static void assertStocks(StockSeries<String> series, TreeMap<Integer, Long> model) {
        for (int d = -1; d <= 61; d++) {
            long expected = model.headMap(d, true).values().stream().mapToLong(Long::longValue).sum();
            assertThat(series.at("k", DAY0.plusDays(d))).as("stock at day %d", d).isEqualTo(expected);
        }
    }

    /**
     * The server's request threads read one published set of statistics at once; the first read of
     * a series merges its late changes, and a concurrent reader must see either side of that, never
     * half of it. Many series, each with changes dated before its latest day, read by 8 threads.
     */
    @Test
    void concurrentReadersOfASeriesWithLateChangesAllSeeItsStocks() throws Exception {
        int keys = 400;
        StockSeries<Integer> series = new StockSeries<>();
        for (int k = 0; k < keys; k++) {
            for (int d = 0; d < 200; d++) {
                series.change(k, DAY0.plusDays(1000 + d), 1);
            }
            for (int d = 0; d < 200; d++) {
                series.change(k, DAY0.plusDays(d * 3), 1);   // late: before the latest day
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<List<Long>>> readers = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    List<Long> seen = new java.util.ArrayList<>();
                    for (int k = 0; k < keys; k++) {
                        seen.add(series.at(k, DAY0.plusDays(599)));   // the 200 late changes, none of the later ones
                        seen.add(series.at(k, DAY0.plusDays(2000)));
                    }
                    return seen;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<List<Long>> r : readers) {
                List<Long> seen = r.get();
                for (int i = 0; i < seen.size(); i += 2) {
                    assertThat(seen.get(i)).isEqualTo(200);
                    assertThat(seen.get(i + 1)).isEqualTo(400);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aChangeDatedYearsBackCountsFromItsDayOn() {
        StockSeries<String> series = new StockSeries<>();
        series.change("k", LocalDate.of(2025, 3, 1), 2);
        series.change("k", LocalDate.of(2025, 3, 2), 1);
        series.change("k", LocalDate.of(2021, 1, 20), 1);    // a dossier's past, dated before the latest day
        series.change("k", LocalDate.of(2021, 6, 1), -1);
        series.change("k", LocalDate.of(2025, 3, 2), 4);     // the latest day again
        assertThat(series.at("k", LocalDate.of(2021, 1, 19))).isZero();
        assertThat(series.at("k", LocalDate.of(2021, 3, 1))).isEqualTo(1);
        assertThat(series.at("k", LocalDate.of(2021, 6, 1))).isZero();
        assertThat(series.at("k", LocalDate.of(2025, 3, 1))).isEqualTo(2);
        assertThat(series.at("k", LocalDate.of(2025, 3, 2))).isEqualTo(7);
        series.change("k", LocalDate.of(2023, 1, 1), 5);     // after a read: merged at the next one
        assertThat(series.at("k", LocalDate.of(2024, 1, 1))).isEqualTo(5);
        assertThat(series.at("k", LocalDate.of(2025, 3, 2))).isEqualTo(12);
    }
}
