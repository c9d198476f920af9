package be.keten.server.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password login against the accounts, with {@link CredentialCache} in front of the Argon2id check.
 * The account is still loaded on every request, so a disabled account is refused at once.
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
        if (credentials instanceof String password && cache.matches(username, password)) {
            UserDetails user = accounts.loadUserByUsername(username);
            if (user.isEnabled()) {
                return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            }
            cache.forget(username);
        }
        Authentication result = dao.authenticate(authentication);
        if (credentials instanceof String password) {
            cache.remember(username, password);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
