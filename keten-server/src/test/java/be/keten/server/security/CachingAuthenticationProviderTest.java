package be.keten.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.store.Accounts;
import be.keten.store.Actor;
import be.keten.store.AuditLog;
import be.keten.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The cached login: no account load while the account is fresh in the cache; a change made by
 * another process (another {@link AccountService} on the same store, as {@code keten account} is)
 * is seen once {@link CredentialCache#ACCOUNT_TTL} has passed. Time is the cache's clock, moved by hand.
 */
class CachingAuthenticationProviderTest {
    private final HandClock clock = new HandClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final AtomicInteger loads = new AtomicInteger();
    private Database db;
    private AccountService here;
    private AccountService otherProcess;
    private ProviderManager manager;
    private String password;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:caching-provider-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Accounts accounts = new Accounts(db, Clock.systemUTC());
        AuditLog audit = new AuditLog(db, Clock.systemUTC());
        CredentialCache cache = new CredentialCache(clock);
        here = new AccountService(accounts, SecurityConfiguration.passwords(), audit, cache) {
            @Override
            public UserDetails loadUserByUsername(String username) {
                loads.incrementAndGet();
                return super.loadUserByUsername(username);
            }
        };
        otherProcess = new AccountService(accounts, SecurityConfiguration.passwords(), audit, new CredentialCache());
        // Through a ProviderManager, which erases the credentials of what the provider returns, as in the server.
        manager = new ProviderManager(new CachingAuthenticationProvider(here, SecurityConfiguration.passwords(), cache));
        password = here.create("dvz-system", Role.DVZ, Actor.local("test")).password();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Authentication login(String pass) {
        return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("dvz-system", pass));
    }

    private void later(java.time.Duration d) {
        clock.advance(d.plusMillis(1));
    }

    @Test
    void aCachedLoginLoadsTheAccountOnlyOnceEveryFewSeconds() {
        assertThat(login(password).getAuthorities()).extracting(a -> a.getAuthority()).containsExactly(Role.DVZ.authority());
        int afterFirst = loads.get();
        for (int i = 0; i < 5; i++) {
            assertThat(login(password).isAuthenticated()).isTrue();
        }
        assertThat(loads.get()).isEqualTo(afterFirst);

        later(CredentialCache.ACCOUNT_TTL);
        assertThat(login(password).getName()).isEqualTo("dvz-system");
        assertThat(login(password).getAuthorities()).extracting(a -> a.getAuthority()).containsExactly(Role.DVZ.authority());
        assertThat(loads.get()).isEqualTo(afterFirst + 1);
        assertThatThrownBy(() -> login("not-the-password")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anAccountDisabledByAnotherProcessIsRefusedOnceTheAccountTtlHasPassed() {
        login(password);
        otherProcess.setDisabled("dvz-system", true, Actor.local("admin"));
        // Within the account TTL the cached account still stands (the documented window)…
        assertThat(login(password).isAuthenticated()).isTrue();
        // …and after it the account is loaded again and refused.
        later(CredentialCache.ACCOUNT_TTL);
        assertThatThrownBy(() -> login(password)).isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> login(password)).isInstanceOf(DisabledException.class);
    }

    @Test
    void aPasswordResetByAnotherProcessRetiresTheOldPasswordOnceTheAccountTtlHasPassed() {
        login(password);
        String fresh = otherProcess.resetPassword("dvz-system", Actor.local("admin")).orElseThrow();
        later(CredentialCache.ACCOUNT_TTL);
        assertThatThrownBy(() -> login(password)).isInstanceOf(BadCredentialsException.class);
        assertThat(login(fresh).isAuthenticated()).isTrue();
        assertThat(login(fresh).isAuthenticated()).isTrue();
    }

    @Test
    void anAccountDisabledInThisProcessIsRefusedAtOnce() {
        login(password);
        here.setDisabled("dvz-system", true, Actor.local("admin"));
        assertThatThrownBy(() -> login(password)).isInstanceOf(DisabledException.class);
    }
}
