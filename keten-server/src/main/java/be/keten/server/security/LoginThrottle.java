package be.keten.server.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Rate limit on failed logins, per account name and per client address: {@value #ATTEMPTS} failures
 * in a row, then one more attempt a minute. Successful logins cost nothing, so an agency system that
 * authenticates every request is not slowed down.
 */
@Component
public class LoginThrottle {
    static final int ATTEMPTS = 5;
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Whether a login by {@code username} from {@code address} is refused for now. */
    public boolean blocked(String username, String address) {
        return empty("user:" + username) || empty("addr:" + address);
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        consume("user:" + event.getAuthentication().getName());
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d) {
            consume("addr:" + d.getRemoteAddress());
        }
    }

    private boolean empty(String key) {
        Bucket b = buckets.get(key);
        return b != null && b.getAvailableTokens() <= 0;
    }

    private void consume(String key) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear(); // a flood of names must not exhaust memory; the limits start afresh
        }
        buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(ATTEMPTS).refillGreedy(1, Duration.ofMinutes(1)).build()).build()).tryConsume(1);
    }
}
