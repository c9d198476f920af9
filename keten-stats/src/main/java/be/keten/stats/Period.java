package be.keten.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run of whole months, labelled as the reference tables label periods: {@code 2023-11} for a
 * month, {@code 2023} for a calendar year, {@code 2023-01/2023-11} for anything else.
 */
public record Period(YearMonth from, YearMonth to) {
    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static Period month(YearMonth m) {
        return new Period(m, m);
    }

    public static Period year(int year) {
        return new Period(YearMonth.of(year, 1), YearMonth.of(year, 12));
    }

    /** January to {@code m} of m's year: the publications' year-to-date column. */
    public static Period yearToDate(YearMonth m) {
        return new Period(YearMonth.of(m.getYear(), 1), m);
    }

    public boolean contains(LocalDate d) {
        YearMonth m = YearMonth.from(d);
        return !m.isBefore(from) && !m.isAfter(to);
    }

    public boolean isMonth() {
        return from.equals(to);
    }

    public boolean isCalendarYear() {
        return from.getMonthValue() == 1 && to.getMonthValue() == 12 && from.getYear() == to.getYear();
    }

    public LocalDate lastDay() {
        return to.atEndOfMonth();
    }

    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    public String label() {
        if (isMonth()) {
            return from.toString();
        }
        if (isCalendarYear()) {
            return Integer.toString(from.getYear());
        }
        return from + "/" + to;
    }

    @Override
    public String toString() {
        return label();
    }
}
