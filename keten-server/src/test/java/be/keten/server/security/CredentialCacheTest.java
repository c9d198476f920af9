package be.keten.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aCheckedPasswordIsRememberedForAFewMinutesOnlyAndOnlyThatPassword() {
        CredentialCache cache = new CredentialCache(clock);
        assertThat(cache.matches("dvz.one", "secret")).isFalse();
        cache.remember("dvz.one", "secret");
        assertThat(cache.matches("dvz.one", "secret")).isTrue();
        assertThat(cache.matches("dvz.one", "Secret")).isFalse();
        assertThat(cache.matches("dvz.two", "secret")).isFalse();
        now.set(now.get().plus(CredentialCache.TTL).plusSeconds(1));
        assertThat(cache.matches("dvz.one", "secret")).isFalse();
    }

    @Test
    void forgettingAUserDropsItsEntry() {
        CredentialCache cache = new CredentialCache(clock);
        cache.remember("dvz.one", "secret");
        cache.forget("dvz.one");
        assertThat(cache.matches("dvz.one", "secret")).isFalse();
    }
}
