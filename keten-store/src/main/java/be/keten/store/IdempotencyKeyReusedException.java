package be.keten.store;

/** An idempotency key already recorded for a different command: refused rather than guessed at. */
public final class IdempotencyKeyReusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public IdempotencyKeyReusedException(String key, String what) {
        super("idempotency key '" + key + "' was already used for " + what + "; use a new key for a new command");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
