package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogPositionTest {
    private static final Instant T = Instant.parse("2025-06-30T12:00:00Z");

    @Test
    void theNumbersNotSeenBecomeGapsAndFilledGapsClose() {
        LogPosition.Reading read = new LogPosition.Reading();
        LogPosition at10 = new LogPosition(10, List.of());
        for (long seq : new long[] {11, 14, 15, 20}) {
            read.saw(at10, seq, T, T.minus(LogPosition.GAP_LIFETIME), true);
        }
        LogPosition p = at10.advance(read, T);
        assertThat(p.through()).isEqualTo(20);
        assertThat(p.gaps()).containsExactly(new LogPosition.Gap(12, 13, T), new LogPosition.Gap(16, 19, T));
        assertThat(p.covers(11)).isTrue();
        assertThat(p.covers(13)).isFalse();
        assertThat(p.covers(21)).isFalse();

        LogPosition.Reading again = new LogPosition.Reading();
        again.saw(p, 17, T, T.minus(LogPosition.GAP_LIFETIME), true);
        again.saw(p, 12, T, T.minus(LogPosition.GAP_LIFETIME), true);
        LogPosition q = p.advance(again, T.plusSeconds(60));
        assertThat(q.through()).isEqualTo(20);
        assertThat(q.gaps()).containsExactly(new LogPosition.Gap(13, 13, T), new LogPosition.Gap(16, 16, T), new LogPosition.Gap(18, 19, T));
        assertThat(LogPosition.of(q.through(), q.gapsText())).isEqualTo(q);
        assertThat(LogPosition.of(0, "")).isEqualTo(LogPosition.START);
    }

    @Test
    void gapsBelowAnOldEventGoUnlessTheyHoldAnEventNotCounted() {
        LogPosition at10 = new LogPosition(10, List.of(new LogPosition.Gap(3, 4, T)));
        Instant limit = T.minus(LogPosition.GAP_LIFETIME);
        LogPosition.Reading r = new LogPosition.Reading();
        r.saw(at10, 12, limit.minusSeconds(1), limit, true);   // recorded more than a day ago: 3-4 and 11 can no longer be filled
        r.saw(at10, 14, T, limit, true);
        assertThat(at10.advance(r, T).gaps()).containsExactly(new LogPosition.Gap(13, 13, T));

        LogPosition.Reading pinned = new LogPosition.Reading();
        pinned.saw(at10, 12, limit.minusSeconds(1), limit, true);
        pinned.saw(at10, 4, T, limit, false);                  // another writer's event in the old gap, not counted
        assertThat(at10.advance(pinned, T.plus(LogPosition.GAP_LIFETIME).plusSeconds(1)).gaps())
                .containsExactly(new LogPosition.Gap(3, 4, T));
    }
}
