package be.keten.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The simulated clock: the rulebook's "today", moved forward by the engine one day at a time. */
final class SimClock extends Clock {
    private Instant now;

    SimClock(LocalDate day) {
        set(day);
    }

    void set(LocalDate day) {
        now = day.atStartOfDay(ZoneOffset.UTC).toInstant();
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
