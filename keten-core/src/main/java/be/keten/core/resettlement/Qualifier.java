package be.keten.core.resettlement;

import java.util.Locale;

/** How exactly a published figure is stated (reference data convention: exact, approx, ...). */
public enum Qualifier {
    EXACT(""), APPROX("≈ "), ALMOST("almost "), MORE_THAN("> "), LESS_THAN("< "), UP_TO("≤ ");

    private final String prefix;

    Qualifier(String prefix) {
        this.prefix = prefix;
    }

    /** Prefix for a printed figure, e.g. "> " for "more than". */
    public String prefix() {
        return prefix;
    }

    /** The reference-data spelling, e.g. {@code more_than}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown code */
    public static Qualifier ofCode(String code) {
        for (Qualifier q : values()) {
            if (q.code().equals(code)) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown qualifier '" + code + "'; expected one of exact, approx, almost,"
                + " more_than, less_than, up_to");
    }
}
