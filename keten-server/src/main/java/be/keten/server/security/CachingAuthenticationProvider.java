package be.keten.server.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password login against the accounts, with {@link CredentialCache} in front of the Argon2id check
 * and of the account's load: a name and password checked less than {@link CredentialCache#TTL} ago
 * log in without the hash, on the account as loaded less than {@link CredentialCache#ACCOUNT_TTL}
 * ago (else it is loaded again first). An account disabled, or given another password, in another
 * process is therefore refused within {@link CredentialCache#ACCOUNT_TTL}; in this process at once.
 */
public class CachingAuthenticationProvider implements AuthenticationProvider {
    private final DaoAuthenticationProvider dao;
    private final AccountService accounts;
    private final CredentialCache cache;

    public CachingAuthenticationProvider(AccountService accounts, PasswordEncoder encoder, CredentialCache cache) {
        this.dao = new DaoAuthenticationProvider(encoder);
        this.dao.setUserDetailsService(accounts);
        this.accounts = accounts;
        this.cache = cache;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (credentials instanceof String password) {
            Optional<UserDetails> cached = cache.account(username, password);
            if (cached.isPresent()) {
                return authenticated(cached.get());
            }
            if (cache.matches(username, password)) {
                UserDetails user = reload(username);
                if (user != null && cache.revalidate(username, user)) {
                    return authenticated(user);
                }
                cache.forget(username);
            }
        }
        Authentication result = dao.authenticate(authentication);
        if (credentials instanceof String password && result.getPrincipal() instanceof UserDetails user && user.getPassword() != null) {
            // Before the authentication manager erases the principal's credentials: the hash just checked.
            cache.remember(username, password, user, user.getPassword());
        }
        return result;
    }

    private UserDetails reload(String username) {
        try {
            return accounts.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    private static Authentication authenticated(UserDetails user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
