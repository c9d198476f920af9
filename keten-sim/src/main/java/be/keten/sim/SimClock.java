package be.keten.sim;

import be.keten.core.calendar.Today;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulated clock: the rulebook's "today", moved forward by the engine one day at a time. It is
 * also a {@link Today}, so the rulebook reads the day as set instead of deriving it from the instant.
 */
final class SimClock extends Clock implements Today {
    private LocalDate day;
    private Instant now;

    SimClock(LocalDate day) {
        set(day);
    }

    void set(LocalDate day) {
        this.day = day;
        now = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public LocalDate date() {
        return day;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulated clock runs in UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
