package be.keten.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Remembers, for a few minutes, that a user name and password were checked against the Argon2id
 * hash, so an agency system sending HTTP Basic credentials with every command pays the deliberately
 * slow hash once, not per request. Only an HMAC of the pair under a random key of this process is
 * kept, in memory; a password change or a disabled account drops the user's entries.
 */
@Component
public class CredentialCache {
    static final Duration TTL = Duration.ofMinutes(5);

    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    private record Entry(byte[] mac, Instant until) {
    }

    public CredentialCache() {
        this(Clock.systemUTC());
    }

    CredentialCache(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    public boolean matches(String username, String password) {
        Entry e = entries.get(username);
        if (e == null || clock.instant().isAfter(e.until())) {
            return false;
        }
        return MessageDigest.isEqual(e.mac(), mac(username, password));
    }

    public void remember(String username, String password) {
        entries.put(username, new Entry(mac(username, password), clock.instant().plus(TTL)));
    }

    public void forget(String username) {
        entries.remove(username);
    }

    private byte[] mac(String username, String password) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            m.update(username.getBytes(StandardCharsets.UTF_8));
            m.update((byte) 0);
            return m.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
