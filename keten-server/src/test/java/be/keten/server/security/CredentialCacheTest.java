package be.keten.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

class CredentialCacheTest {
    private final HandClock clock = new HandClock(Instant.parse("2026-01-01T10:00:00Z"));

    private static final UserDetails ONE = User.withUsername("dvz.one").password("hash-1").authorities("ROLE_DVZ").build();

    @Test
    void aCheckedPasswordIsRememberedForAFewMinutesOnlyAndOnlyThatPassword() {
        CredentialCache cache = new CredentialCache(clock);
        assertThat(cache.matches("dvz.one", "secret")).isFalse();
        cache.remember("dvz.one", "secret", ONE, "hash-1");
        assertThat(cache.matches("dvz.one", "secret")).isTrue();
        assertThat(cache.matches("dvz.one", "Secret")).isFalse();
        assertThat(cache.matches("dvz.two", "secret")).isFalse();
        clock.advance(CredentialCache.TTL.plusSeconds(1));
        assertThat(cache.matches("dvz.one", "secret")).isFalse();
    }

    @Test
    void forgettingAUserDropsItsEntry() {
        CredentialCache cache = new CredentialCache(clock);
        cache.remember("dvz.one", "secret", ONE, "hash-1");
        cache.forget("dvz.one");
        assertThat(cache.matches("dvz.one", "secret")).isFalse();
        assertThat(cache.account("dvz.one", "secret")).isEmpty();
    }

    @Test
    void theAccountIsTrustedForAFewSecondsThenOnlyIfReloadedEnabledWithTheSameHash() {
        CredentialCache cache = new CredentialCache(clock);
        cache.remember("dvz.one", "secret", ONE, "hash-1");
        assertThat(cache.account("dvz.one", "secret")).containsSame(ONE);
        assertThat(cache.account("dvz.one", "other")).isEmpty();

        clock.advance(CredentialCache.ACCOUNT_TTL.plusMillis(1));
        assertThat(cache.account("dvz.one", "secret")).isEmpty();
        assertThat(cache.matches("dvz.one", "secret")).isTrue();
        UserDetails reloaded = User.withUsername("dvz.one").password("hash-1").authorities("ROLE_DVZ").build();
        assertThat(cache.revalidate("dvz.one", reloaded)).isTrue();
        assertThat(cache.account("dvz.one", "secret")).containsSame(reloaded);

        clock.advance(CredentialCache.ACCOUNT_TTL.plusMillis(1));
        assertThat(cache.revalidate("dvz.one", User.withUsername("dvz.one").password("hash-2").authorities("ROLE_DVZ").build())).isFalse();
        assertThat(cache.matches("dvz.one", "secret")).isFalse();

        cache.remember("dvz.one", "secret", ONE, "hash-1");
        clock.advance(CredentialCache.ACCOUNT_TTL.plusMillis(1));
        assertThat(cache.revalidate("dvz.one", User.withUsername("dvz.one").password("hash-1").disabled(true).authorities("ROLE_DVZ").build()))
                .isFalse();
        assertThat(cache.matches("dvz.one", "secret")).isFalse();
    }
}
