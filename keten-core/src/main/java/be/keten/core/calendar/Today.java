package be.keten.core.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;

/**
 * The current day, as the rulebook asks it once per event: the wall clock's date in operations,
 * the simulated day in a simulation.
 */
@FunctionalInterface
public interface Today {
    LocalDate date();

    /**
     * The date of {@code clock}, as {@code LocalDate.now(clock)} gives it. A clock that also knows
     * its day (the simulator's) is asked directly; for any other clock the zone rules are looked up
     * once, since {@code LocalDate.now} asks a {@code ZoneOffset} for new rules on every call.
     */
    static Today of(Clock clock) {
        if (clock instanceof Today t) {
            return t;
        }
        ZoneRules rules = clock.getZone().getRules();
        return () -> {
            Instant now = clock.instant();
            // As LocalDate.ofInstant, with the rules above.
            return LocalDate.ofEpochDay(Math.floorDiv(now.getEpochSecond() + rules.getOffset(now).getTotalSeconds(), 86_400L));
        };
    }
}
