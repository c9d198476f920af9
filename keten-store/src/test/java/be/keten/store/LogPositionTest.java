package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogPositionTest {
    private static final Instant T = Instant.parse("2025-06-30T12:00:00Z");

    @Test
    void theNumbersNotSeenBecomeGapsAndFilledGapsClose() {
        BitSet read = new BitSet();
        read.set(0);        // 11
        read.set(3, 5);     // 14, 15
        read.set(9);        // 20
        LogPosition p = new LogPosition(10, List.of()).advance(read, List.of(), T);
        assertThat(p.through()).isEqualTo(20);
        assertThat(p.gaps()).containsExactly(new LogPosition.Gap(12, 13, T), new LogPosition.Gap(16, 19, T));
        assertThat(p.covers(11)).isTrue();
        assertThat(p.covers(13)).isFalse();
        assertThat(p.covers(21)).isFalse();

        LogPosition q = p.advance(new BitSet(), List.of(17L, 12L), T.plusSeconds(60));
        assertThat(q.through()).isEqualTo(20);
        assertThat(q.gaps()).containsExactly(new LogPosition.Gap(13, 13, T), new LogPosition.Gap(16, 16, T), new LogPosition.Gap(18, 19, T));
        assertThat(LogPosition.of(q.through(), q.gapsText())).isEqualTo(q);
        assertThat(LogPosition.of(0, "")).isEqualTo(LogPosition.START);
    }
}
