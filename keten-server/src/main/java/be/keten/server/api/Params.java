package be.keten.server.api;

import be.keten.core.id.DossierId;
import be.keten.stats.report.Language;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Parsing of query parameters and path variables, done by the controllers after the role check
 * (so a forbidden caller gets 403 whatever the parameters), each error a 400 naming the parameter.
 */
final class Params {
    private Params() {
    }

    static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int v;
        try {
            v = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + ": '" + clip(value) + "' is not an integer; allowed: " + min + " to " + max);
        }
        if (v < min || v > max) {
            throw ApiException.badRequest(name, name + ": " + v + " is out of range; allowed: " + min + " to " + max);
        }
        return v;
    }

    static Long optionalLong(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + ": '" + clip(value) + "' is not an integer");
        }
    }

    static YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name, name + " is required: a month YYYY-MM, e.g. 2023-11");
        }
        try {
            YearMonth m = YearMonth.parse(value.strip());
            if (m.getYear() < 1900 || m.getYear() > 2999) {
                throw ApiException.badRequest(name, name + ": " + m + " is not a plausible month");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + ": '" + clip(value) + "' is not a month: expected YYYY-MM, e.g. 2023-11");
        }
    }

    static int year(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name, name + " is required: a year YYYY, e.g. 2023");
        }
        return integer(name, value, 0, 1900, 2999);
    }

    static Language language(String value) {
        if (value == null || value.isBlank()) {
            return Language.NL;
        }
        try {
            return Language.of(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("lang", "lang: '" + clip(value) + "' is not a language; allowed: nl, fr, en");
        }
    }

    static DossierId dossier(String name, String value) {
        try {
            return DossierId.of(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, name + ": invalid dossier id: expected 'D-' followed by 4 to 40 letters, digits, '-' or '_'");
        }
    }

    /** An optional filter value: blank is no filter. */
    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** At most 60 characters of a rejected value, to echo it without echoing a whole payload. */
    static String clip(String value) {
        String v = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
        return v.length() <= 60 ? v : v.substring(0, 60) + "…";
    }
}
