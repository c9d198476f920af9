package be.keten.sim;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * The engine's scheduled steps, run day by day: by day, then in the order they were scheduled.
 * One queue per day of the horizon (a calendar queue): nearly every step is scheduled on or after
 * the day being run, so adding and taking one costs no comparison. A step dated before the day
 * being run (a past date built at the start) waits in a small priority queue that is served first,
 * which keeps that order exactly. A step dated after the last day is never run, so it is not kept.
 */
final class Agenda {
    private record Late(long day, long seq, Runnable step) {
    }

    private final long first;
    private final ArrayDeque<Runnable>[] days;
    private final PriorityQueue<Late> late = new PriorityQueue<>((a, b) -> a.day != b.day ? Long.compare(a.day, b.day) : Long.compare(a.seq, b.seq));
    private long today;
    private long seq;

    @SuppressWarnings("unchecked")
    Agenda(LocalDate first, LocalDate last) {
        this.first = first.toEpochDay();
        this.days = new ArrayDeque[Math.toIntExact(last.toEpochDay() - this.first + 1)];
        this.today = this.first;
    }

    void at(LocalDate day, Runnable step) {
        long d = day.toEpochDay();
        if (d < today) {
            late.add(new Late(d, seq++, step));
            return;
        }
        long i = d - first;
        if (i >= days.length) {
            return;
        }
        ArrayDeque<Runnable> q = days[(int) i];
        if (q == null) {
            q = days[(int) i] = new ArrayDeque<>();
        }
        q.add(step);
    }

    /** Runs every step due by {@code day}, those scheduled for it while running included; days run in order. */
    void run(LocalDate day) {
        today = day.toEpochDay();
        int i = (int) (today - first);
        ArrayDeque<Runnable> q = days[i];
        while (true) {
            if (!late.isEmpty() && late.peek().day <= today) {
                late.poll().step.run();
            } else if (q != null && !q.isEmpty()) {
                q.poll().run();
            } else if (q == null && days[i] != null) {
                q = days[i];   // the first step for today was scheduled while running
            } else {
                break;
            }
        }
        days[i] = null;
    }
}
