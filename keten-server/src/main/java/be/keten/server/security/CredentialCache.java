package be.keten.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Remembers, for a few minutes ({@link #TTL}), that a user name and password were checked against
 * the Argon2id hash, so an agency system sending HTTP Basic credentials with every command pays the
 * deliberately slow hash once, not per request. Only an HMAC of the pair under a random key of this
 * process is kept, in memory, with the account as it was loaded and the hash the password was
 * checked against.
 *
 * <p>The account itself is trusted for a few seconds only ({@link #ACCOUNT_TTL}); after that it
 * is loaded again, and a disabled account or another password hash (a reset, possibly by {@code
 * keten account} in another process) drops the entry. A password reset or a disabled account in
 * this process drops the user's entry at once.
 */
@Component
public class CredentialCache {
    static final Duration TTL = Duration.ofMinutes(5);
    /** How long a change made to an account outside this process may take to be seen by a cached login. */
    static final Duration ACCOUNT_TTL = Duration.ofSeconds(5);

    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** One HMAC engine per thread (doFinal resets it for the next use), keyed once. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final Clock clock;

    private record Entry(byte[] mac, Instant until, UserDetails account, String passwordHash, Instant accountUntil) {
    }

    public CredentialCache() {
        this(Clock.systemUTC());
    }

    CredentialCache(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** Whether this name and password were checked less than {@link #TTL} ago (the account may need loading again). */
    public boolean matches(String username, String password) {
        return valid(username, password, clock.instant()) != null;
    }

    /** The account of a checked name and password, while it was loaded less than {@link #ACCOUNT_TTL} ago. */
    public Optional<UserDetails> account(String username, String password) {
        Instant now = clock.instant();
        Entry e = valid(username, password, now);
        return e == null || now.isAfter(e.accountUntil()) ? Optional.empty() : Optional.of(e.account());
    }

    /**
     * Remembers a successful check of {@code password} against {@code passwordHash}, the hash of
     * {@code account} as loaded for the check.
     */
    public void remember(String username, String password, UserDetails account, String passwordHash) {
        Instant now = clock.instant();
        entries.put(username, new Entry(mac(username, password), now.plus(TTL), account, passwordHash, now.plus(ACCOUNT_TTL)));
    }

    /**
     * The account loaded again after {@link #ACCOUNT_TTL}: if it is still enabled and has the hash
     * the password was checked against, it is trusted for another {@link #ACCOUNT_TTL} and this
     * returns true; otherwise the user's entry is dropped (the password must be checked again).
     */
    public boolean revalidate(String username, UserDetails reloaded) {
        Instant now = clock.instant();
        Entry kept = entries.computeIfPresent(username, (u, e) -> reloaded.isEnabled() && e.passwordHash().equals(reloaded.getPassword())
                ? new Entry(e.mac(), e.until(), reloaded, e.passwordHash(), now.plus(ACCOUNT_TTL)) : null);
        return kept != null;
    }

    public void forget(String username) {
        entries.remove(username);
    }

    private Entry valid(String username, String password, Instant now) {
        Entry e = entries.get(username);
        if (e == null || now.isAfter(e.until())) {
            return null;
        }
        return MessageDigest.isEqual(e.mac(), mac(username, password)) ? e : null;
    }

    private byte[] mac(String username, String password) {
        Mac m = macs.get();
        m.update(username.getBytes(StandardCharsets.UTF_8));
        m.update((byte) 0);
        return m.doFinal(password.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
