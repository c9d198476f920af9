package be.keten.sim;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.ToIntFunction;

/**
 * The engine's scheduled steps, run day by day: by day, then in the order they were scheduled.
 * One list per day of the horizon (a calendar queue): nearly every step is scheduled on or after
 * the day being run, so adding and taking one costs no comparison. A step dated before the day
 * being run (a past date built at the start) waits in a small priority queue that is served first,
 * which keeps that order exactly. A step dated after the last day is never run, so it is not kept.
 *
 * <p>A step dated more than a block of days ahead first goes to its block's list, which is spread
 * over the block's days, in the order scheduled, when the block comes within a block of the day
 * being run. The steps scheduled on one day then go to a few lists whose ends stay in the
 * processor's caches, instead of to hundreds of far days' lists, each of whose ends has left the
 * caches by the time the next step is added to it.
 *
 * <p>A step may name its subject (the dossier it works on). Before a day's steps run, one pass
 * reads each step object and, through {@code warm}, each subject: the steps were scheduled weeks or
 * months earlier, they and their dossiers have left the processor's caches, and reading them all in
 * one loop lets the processor fetch many at a time, where the steps would wait for each in turn.
 */
final class Agenda<S> {
    private record Late(long day, long seq, Runnable step) {
    }

    /** A day's steps, each after its subject (or null), in the order scheduled. */
    private static final class Day {
        Object[] items = new Object[16];
        int size;

        void add(Object subject, Runnable step) {
            if (size + 2 > items.length) {
                items = Arrays.copyOf(items, items.length * 2);
            }
            items[size++] = subject;
            items[size++] = step;
        }
    }

    /** Steps of days far ahead, with their day, in the order scheduled. */
    private static final class Block {
        Object[] items = new Object[32];
        int[] day = new int[16];
        int size;

        void add(int i, Object subject, Runnable step) {
            if (size == day.length) {
                day = Arrays.copyOf(day, size * 2);
                items = Arrays.copyOf(items, size * 4);
            }
            day[size] = i;
            items[2 * size] = subject;
            items[2 * size + 1] = step;
            size++;
        }
    }

    static final int BLOCK_DAYS = 32;

    private final long first;
    private final Day[] days;
    private final int blockDays;
    private final Block[] blocks;
    private int spread;   // the blocks before this one have been spread over their days
    private final ToIntFunction<S> warm;
    private final PriorityQueue<Late> late = new PriorityQueue<>((a, b) -> a.day != b.day ? Long.compare(a.day, b.day) : Long.compare(a.seq, b.seq));
    private long today;
    private long seq;
    private int warmed;   // what warm returned, kept so that its reads are not optimised away

    Agenda(LocalDate first, LocalDate last, ToIntFunction<S> warm) {
        this(first, last, warm, BLOCK_DAYS);
    }

    /** For tests: blocks of {@code blockDays} days. */
    Agenda(LocalDate first, LocalDate last, ToIntFunction<S> warm, int blockDays) {
        this.first = first.toEpochDay();
        this.days = new Day[Math.toIntExact(last.toEpochDay() - this.first + 1)];
        this.blockDays = blockDays;
        this.blocks = new Block[(days.length + blockDays - 1) / blockDays];
        this.today = this.first;
        this.warm = warm;
    }

    /** Schedules {@code step} on {@code day}; {@code subject} (may be null) is what it works on. */
    void at(LocalDate day, S subject, Runnable step) {
        long d = day.toEpochDay();
        if (d < today) {
            late.add(new Late(d, seq++, step));
            return;
        }
        long i = d - first;
        if (i >= days.length) {
            return;
        }
        if (i >= (long) spread * blockDays) {   // a day far ahead: to its block, spread over its days later
            Block b = blocks[(int) (i / blockDays)];
            if (b == null) {
                b = blocks[(int) (i / blockDays)] = new Block();
            }
            b.add((int) i, subject, step);
            return;
        }
        add((int) i, subject, step);
    }

    private void add(int i, Object subject, Runnable step) {
        Day q = days[i];
        if (q == null) {
            q = days[i] = new Day();
        }
        q.add(subject, step);
    }

    /** Spreads every block that starts within a block of day {@code i} over its days (before any step is added to them directly). */
    private void spreadUpTo(int i) {
        while (spread < blocks.length && (long) spread * blockDays <= i + blockDays) {
            Block b = blocks[spread];
            blocks[spread++] = null;
            if (b != null) {
                for (int j = 0; j < b.size; j++) {
                    add(b.day[j], b.items[2 * j], (Runnable) b.items[2 * j + 1]);
                }
            }
        }
    }

    /** Runs every step due by {@code day}, those scheduled for it while running included; days run in order. */
    @SuppressWarnings("unchecked")
    void run(LocalDate day) {
        today = day.toEpochDay();
        int i = (int) (today - first);
        spreadUpTo(i);
        Day q = days[i];
        if (q != null) {
            int h = 0;
            for (int j = 0; j < q.size; j += 2) {
                Object s = q.items[j];
                if (s != null) {
                    h += warm.applyAsInt((S) s);
                }
                h += q.items[j + 1].getClass().hashCode();   // the step, whose class its call reads
            }
            warmed += h;
        }
        int next = 1;
        while (true) {
            if (!late.isEmpty() && late.peek().day <= today) {
                late.poll().step.run();
            } else if (q != null && next < q.size) {
                Runnable step = (Runnable) q.items[next];
                next += 2;
                step.run();
            } else if (q == null && days[i] != null) {
                q = days[i];   // the first step for today was scheduled while running
            } else {
                break;
            }
        }
        days[i] = null;
    }
}
