package be.keten.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** {@link Today#of} gives the date {@code LocalDate.now(clock)} gives. */
class TodayTest {
    private static final ZoneId[] REGIONS = {ZoneId.of("Europe/Brussels"), ZoneId.of("America/St_Johns"), ZoneId.of("Pacific/Kiritimati"),
            ZoneId.of("UTC"), ZoneId.systemDefault()};

    @Property(tries = 3000)
    void asLocalDateNowAtAnOffset(@ForAll @LongRange(min = -5_000_000_000L, max = 5_000_000_000L) long second,
                                  @ForAll @IntRange(min = -18 * 3600, max = 18 * 3600) int offsetSeconds) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(second), ZoneOffset.ofTotalSeconds(offsetSeconds));
        assertThat(Today.of(clock).date()).isEqualTo(LocalDate.now(clock));
    }

    @Property(tries = 3000)
    void asLocalDateNowInARegion(@ForAll @LongRange(min = -5_000_000_000L, max = 5_000_000_000L) long second,
                                 @ForAll @IntRange(min = 0, max = 4) int region) {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(second), REGIONS[region]);
        assertThat(Today.of(clock).date()).isEqualTo(LocalDate.now(clock));
    }

    @Example
    void followsAMovingClock() {
        Clock wall = Clock.systemUTC();
        LocalDate before = LocalDate.now(wall);
        LocalDate today = Today.of(wall).date();
        assertThat(today).isBetween(before, LocalDate.now(wall));
    }

    @Example
    void aClockThatKnowsItsDayIsAskedDirectly() {
        class DayClock extends Clock implements Today {
            @Override
            public LocalDate date() {
                return LocalDate.of(2027, 3, 1);
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                throw new AssertionError("the day is read, not the instant");
            }
        }
        DayClock clock = new DayClock();
        assertThat(Today.of(clock)).isSameAs(clock);
    }
}
