package be.keten.sim;

/** An invalid scenario: the key path, the value found and what is allowed. Nothing runs. */
public final class ScenarioException extends Exception {
    private final String key;
    private final String value;
    private final String allowed;

    public ScenarioException(String key, String value, String allowed) {
        super(key + ": " + (value == null ? "missing" : "'" + value + "'") + " is not valid; allowed: " + allowed);
        this.key = key;
        this.value = value;
        this.allowed = allowed;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }
}
