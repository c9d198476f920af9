package be.keten.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The calendar queue runs steps exactly as a priority queue by (day, order scheduled) would. */
class AgendaTest {
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final int DAYS = 40;

    private interface Scheduler {
        void at(LocalDate day, Runnable step);

        void run(LocalDate day);
    }

    /** The engine's earlier agenda: a priority queue by day, then scheduling order. */
    private static final class Reference implements Scheduler {
        private record Step(LocalDate day, long seq, Runnable step) {
        }

        private final PriorityQueue<Step> queue = new PriorityQueue<>((a, b) -> {
            int c = a.day.compareTo(b.day);
            return c != 0 ? c : Long.compare(a.seq, b.seq);
        });
        private long seq;

        @Override
        public void at(LocalDate day, Runnable step) {
            queue.add(new Step(day, seq++, step));
        }

        @Override
        public void run(LocalDate day) {
            while (!queue.isEmpty() && !queue.peek().day.isAfter(day)) {
                queue.poll().step.run();
            }
        }
    }

    @Property(tries = 200)
    void runsStepsInTheOrderOfAPriorityQueueByDayThenSchedulingOrder(@ForAll long seed) {
        runsInOrder(seed, Agenda.BLOCK_DAYS);
    }

    /** Days far ahead go to blocks first: with blocks of 1 to 6 days, most steps pass through one. */
    @Property(tries = 200)
    void runsStepsInOrderWhateverTheBlockSize(@ForAll long seed) {
        runsInOrder(seed, 1 + (int) Math.floorMod(seed, 6L));
    }

    private static void runsInOrder(long seed, int blockDays) {
        int[] warmed = {0};
        Agenda<String> agenda = new Agenda<>(FIRST, FIRST.plusDays(DAYS - 1), subject -> warmed[0]++, blockDays);
        int[] scheduled = {0};
        List<Integer> ran = program(seed, new Scheduler() {
            @Override
            public void at(LocalDate day, Runnable step) {
                agenda.at(day, scheduled[0]++ % 2 == 0 ? "dossier" : null, step);   // a subject or none: the order is the same
            }

            @Override
            public void run(LocalDate day) {
                agenda.run(day);
            }
        });
        assertThat(ran).hasSizeGreaterThan(30).isEqualTo(program(seed, new Reference()));
        assertThat(warmed[0]).isPositive().isLessThanOrEqualTo(scheduled[0]);
    }

    @Test
    void readsEachSubjectOfADayOnceBeforeTheDayRunsAndNeverItsStepsOnes() {
        List<String> log = new ArrayList<>();
        Agenda<String> agenda = new Agenda<>(FIRST, FIRST.plusDays(DAYS - 1), subject -> {
            log.add("warm " + subject);
            return 0;
        });
        LocalDate second = FIRST.plusDays(1);
        agenda.at(second, "a", () -> {
            log.add("run a");
            agenda.at(second, "c", () -> log.add("run c"));   // scheduled while its day runs: not read ahead
        });
        agenda.at(second, null, () -> log.add("run -"));
        agenda.at(second, "b", () -> log.add("run b"));
        agenda.run(FIRST);
        assertThat(log).isEmpty();
        agenda.run(second);
        assertThat(log).containsExactly("warm a", "warm b", "run a", "run -", "run b", "run c");
    }

    /**
     * Steps scheduled before the run (some dated before the first day) and by running steps: on
     * the same day, later (now and then weeks later), past the last day, and now and then before
     * the day being run. Returns
     * the steps in the order they ran.
     */
    private static List<Integer> program(long seed, Scheduler s) {
        Random rnd = new Random(seed);
        List<Integer> ran = new ArrayList<>();
        LocalDate[] today = {FIRST.minusDays(3)};
        int[] ids = {0};
        Runnable[] schedule = new Runnable[1];
        schedule[0] = () -> {
            int id = ids[0]++;
            LocalDate day = today[0].plusDays(rnd.nextInt(8) == 0 ? rnd.nextInt(45) : rnd.nextInt(12) - (rnd.nextInt(10) == 0 ? 5 : 0));
            s.at(day, () -> {
                ran.add(id);
                if (ids[0] < 2_000 && rnd.nextInt(3) > 0) {
                    schedule[0].run();
                    schedule[0].run();
                }
            });
        };
        for (int i = 0; i < 30; i++) {
            schedule[0].run();
        }
        for (int d = 0; d < DAYS; d++) {
            today[0] = FIRST.plusDays(d);
            s.run(today[0]);
        }
        return ran;
    }
}
