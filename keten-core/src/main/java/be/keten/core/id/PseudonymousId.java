package be.keten.core.id;

import java.util.regex.Pattern;

/**
 * Identifiers are pseudonymous by construction: a fixed prefix and 4 to 40 letters, digits, '-' or
 * '_'. No spaces, so a name cannot be slipped in where an identifier belongs.
 */
final class PseudonymousId {
    private static final Pattern BODY = Pattern.compile("[A-Za-z0-9_-]{4,40}");

    private PseudonymousId() {
    }

    static String check(String kind, String prefix, String value) {
        if (value == null || !value.startsWith(prefix) || !BODY.matcher(value.substring(prefix.length())).matches()) {
            throw new IllegalArgumentException("invalid " + kind + " id '" + value + "': expected '" + prefix
                    + "' followed by 4 to 40 letters, digits, '-' or '_' (pseudonymous identifiers only)");
        }
        return value;
    }
}
