package be.keten.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Belgian working days: Monday to Friday, minus the ten federal public holidays. Easter Monday,
 * Ascension Day and Whit Monday move with Easter and are computed for any year. The holiday list
 * is general knowledge, not from the source documents (GUIDE §4.2: to be confirmed).
 */
public final class BelgianCalendar {
    private static final Map<MonthDay, String> FIXED = Map.of(
            MonthDay.of(1, 1), "New Year's Day",
            MonthDay.of(5, 1), "Labour Day",
            MonthDay.of(7, 21), "National Day",
            MonthDay.of(8, 15), "Assumption Day",
            MonthDay.of(11, 1), "All Saints' Day",
            MonthDay.of(11, 11), "Armistice Day",
            MonthDay.of(12, 25), "Christmas Day");

    private static final BelgianCalendar INSTANCE = new BelgianCalendar();
    private final Map<Integer, Map<LocalDate, String>> byYear = new ConcurrentHashMap<>();

    private BelgianCalendar() {
    }

    public static BelgianCalendar get() {
        return INSTANCE;
    }

    /** The ten federal public holidays of a year, in date order, with their English names. */
    public Map<LocalDate, String> holidays(int year) {
        return byYear.computeIfAbsent(year, BelgianCalendar::compute);
    }

    public boolean isHoliday(LocalDate d) {
        return holidays(d.getYear()).containsKey(d);
    }

    public boolean isWorkingDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !isHoliday(d);
    }

    /**
     * The date on which a period of {@code n} working days that starts on {@code from} ends: the
     * n-th working day after {@code from} (the start day itself does not count, as for any legal
     * period that runs from an act).
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must be 0 or more, got " + n);
        }
        LocalDate d = from;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days strictly after {@code from} up to and including {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static Map<LocalDate, String> compute(int year) {
        Map<LocalDate, String> m = new TreeMap<>();
        FIXED.forEach((md, name) -> m.put(md.atYear(year), name));
        LocalDate easter = easterSunday(year);
        m.put(easter.plusDays(1), "Easter Monday");
        m.put(easter.plusDays(39), "Ascension Day");
        m.put(easter.plusDays(50), "Whit Monday");
        return java.util.Collections.unmodifiableMap(m);
    }
}
