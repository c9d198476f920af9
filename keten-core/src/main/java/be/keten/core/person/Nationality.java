package be.keten.core.person;

import java.util.Locale;
import java.util.Set;

/**
 * Nationality as an ISO 3166-1 alpha-2 code, plus XK (Kosovo, user-assigned), STATELESS and
 * UNKNOWN. The ISO list is the JDK's own, so it needs no table of ours.
 */
public record Nationality(String code) implements Comparable<Nationality> {
    // Declared before the constants below: they run the constructor, which reads this set.
    private static final Set<String> ISO = Set.of(Locale.getISOCountries());
    public static final Nationality STATELESS = new Nationality("STATELESS");
    public static final Nationality UNKNOWN = new Nationality("UNKNOWN");

    public Nationality {
        if (code == null || !(ISO.contains(code) || code.equals("XK") || code.equals("STATELESS") || code.equals("UNKNOWN"))) {
            throw new IllegalArgumentException("unknown nationality code '" + code
                    + "': expected an ISO 3166-1 alpha-2 code in upper case (e.g. SY), XK, STATELESS or UNKNOWN");
        }
    }

    public static Nationality of(String code) {
        return new Nationality(code);
    }

    @Override
    public int compareTo(Nationality o) {
        return code.compareTo(o.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
