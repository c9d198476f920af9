package be.keten.server.web;

import be.keten.stats.report.Language;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;

/** Small helpers shared by the page controllers. */
final class Pages {
    private Pages() {
    }

    /** The report language of the request's locale. */
    static Language language() {
        Locale l = LocaleContextHolder.getLocale();
        for (Language x : Language.values()) {
            if (x.code().equals(l.getLanguage())) {
                return x;
            }
        }
        return Language.EN;
    }

    /** A {@code YYYY-MM} parameter; empty when absent or malformed. */
    static Optional<YearMonth> month(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
