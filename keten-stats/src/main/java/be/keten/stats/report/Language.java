package be.keten.stats.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The languages of the reports: the chain publishes in Dutch and French; English for everyone else. */
public enum Language {
    NL("nl"), FR("fr"), EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** Parses {@code nl}, {@code fr} or {@code en} (any case). */
    public static Language of(String code) {
        for (Language l : values()) {
            if (l.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown language '" + code + "': expected one of "
                + Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", ")));
    }
}
