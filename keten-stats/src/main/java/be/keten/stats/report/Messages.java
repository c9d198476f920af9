package be.keten.stats.report;

import be.keten.core.person.Nationality;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The reports' message catalogue ({@code messages_nl/fr/en.properties} beside the templates, UTF-8)
 * and the language's way of writing numbers, percentages, months and countries. Every message is a
 * {@link MessageFormat} pattern; arguments are passed already formatted, so the catalogue decides
 * the wording and this class the number style.
 */
public final class Messages {
    static final String BUNDLE = "be.keten.stats.report.messages";

    private final Language language;
    private final ResourceBundle bundle;

    public Messages(Language language) {
        this.language = language;
        // No fallback to the JVM's default locale: a missing Dutch text must not turn up in English.
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Language language() {
        return language;
    }

    public Locale locale() {
        return language.locale();
    }

    /** The message {@code key} with its arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("message '" + key + "' is missing for " + language.code(), e);
        }
        return new MessageFormat(pattern, locale()).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** A count, grouped as the language writes it (24.764 / 24 764 / 24,764). */
    public String integer(long n) {
        return NumberFormat.getIntegerInstance(locale()).format(n);
    }

    /** A fraction as a percentage with one decimal (43,1% / 43,1 % / 43.1%); null when undefined (NaN). */
    public String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return null;
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(fraction);
    }

    /** A measure with one decimal (12,9 / 12,9 / 12.9). */
    public String decimal(double v) {
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(v);
    }

    /** "november 2023" (lower case in Dutch and French, as in running text). */
    public String month(YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale()) + " " + m.getYear();
    }

    /** "November", as a row label. */
    public String monthName(Month m) {
        return capitalise(m.getDisplayName(TextStyle.FULL_STANDALONE, locale()));
    }

    /** The table headers' abbreviation, from the catalogue ("Jan", "Mrt", "Janv."). */
    public String monthShort(Month m) {
        return get("month.short." + m.getValue());
    }

    public String date(LocalDate d) {
        return d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()));
    }

    /**
     * The country's name: the catalogue's when it has one (the publications' own labels, such as
     * "Congo (DRC)", and the codes that are no country), else the JDK's name in the language.
     */
    public String country(Nationality n) {
        String key = "country." + n.code();
        if (has(key)) {
            return get(key);
        }
        return new Locale("", n.code()).getDisplayCountry(locale());
    }

    private String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(locale()) + s.substring(1);
    }
}
