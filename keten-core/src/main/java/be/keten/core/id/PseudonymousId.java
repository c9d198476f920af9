package be.keten.core.id;

/**
 * Identifiers are pseudonymous by construction: a fixed prefix and 4 to 40 letters, digits, '-' or
 * '_'. No spaces, so a name cannot be slipped in where an identifier belongs.
 */
final class PseudonymousId {
    /** The rule as a regular expression, for the documentation and the test of {@link #validBody}. */
    static final String BODY = "[A-Za-z0-9_-]{4,40}";

    private PseudonymousId() {
    }

    static String check(String kind, String prefix, String value) {
        if (value == null || !value.startsWith(prefix) || !validBody(value, prefix.length())) {
            throw new IllegalArgumentException("invalid " + kind + " id '" + value + "': expected '" + prefix
                    + "' followed by 4 to 40 letters, digits, '-' or '_' (pseudonymous identifiers only)");
        }
        return value;
    }

    /** Whether {@code value} from {@code from} on matches {@link #BODY}; by hand, as every id the simulator makes is checked. */
    static boolean validBody(String value, int from) {
        int n = value.length() - from;
        if (n < 4 || n > 40) {
            return false;
        }
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
