package be.keten.server.security;

import be.keten.store.Accounts;
import be.keten.store.Actor;
import be.keten.store.AuditLog;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Accounts of the server: looked up at login, created by administrators with a generated password
 * that is shown once. Passwords are kept only as Argon2id hashes.
 */
@Service
public class AccountService implements UserDetailsService {
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int PASSWORD_LENGTH = 20;

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final CredentialCache cache;
    private final SecureRandom random = new SecureRandom();

    public AccountService(Accounts accounts, PasswordEncoder encoder, AuditLog audit, CredentialCache cache) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.cache = cache;
    }

    /** A new account and its generated password, which is not kept anywhere: the caller shows it once. */
    public record Created(Accounts.Account account, String password) {
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Accounts.Account a = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        Role role = Role.of(a.role()).orElseThrow(() -> new UsernameNotFoundException("account has an unknown role"));
        return User.withUsername(a.username()).password(a.passwordHash()).disabled(a.disabled())
                .authorities(List.of(new SimpleGrantedAuthority(role.authority()))).build();
    }

    public boolean none() {
        return accounts.count() == 0;
    }

    /** Creates an account with a generated password; {@code by} is audited as the creator. */
    public Created create(String username, Role role, Actor by) {
        String password = generatePassword();
        Accounts.Account a = accounts.create(username, encoder.encode(password), role.code());
        audit.record(by, "account.create", "account:" + username, "role=" + role.code());
        return new Created(a, password);
    }

    /** Replaces the password of {@code username} with a generated one, shown once to the caller. */
    public Optional<String> resetPassword(String username, Actor by) {
        String password = generatePassword();
        if (!accounts.setPasswordHash(username, encoder.encode(password))) {
            return Optional.empty();
        }
        cache.forget(username);
        audit.record(by, "account.reset-password", "account:" + username, null);
        return Optional.of(password);
    }

    /** Disables or enables an account; a disabled account cannot log in and its cached logins are dropped. */
    public boolean setDisabled(String username, boolean disabled, Actor by) {
        if (!accounts.setDisabled(username, disabled)) {
            return false;
        }
        cache.forget(username);
        audit.record(by, disabled ? "account.disable" : "account.enable", "account:" + username, null);
        return true;
    }

    public List<Accounts.Account> list() {
        return accounts.list();
    }

    private String generatePassword() {
        char[] out = new char[PASSWORD_LENGTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
