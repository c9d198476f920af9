package be.keten.core.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run of whole months, labelled as the publications and the reference files label periods:
 * {@code 2023-11} for a month, {@code 2023} for a calendar year, {@code 2023-01/2023-11} for
 * anything else. One definition for the statistics, the reference files and the simulation.
 */
public record Period(YearMonth from, YearMonth to) implements Comparable<Period> {
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

    /**
     * Reads a label: {@code YYYY}, {@code YYYY-MM} or {@code A/B} (from the first month of A to the
     * last month of B, each a month or a year).
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static Period parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash >= 0) {
            return new Period(parse(t.substring(0, slash)).from, parse(t.substring(slash + 1)).to);
        }
        try {
            if (t.matches("\\d{4}")) {
                return year(Integer.parseInt(t));
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                return month(YearMonth.parse(t));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a period: expected YYYY, YYYY-MM or YYYY-MM/YYYY-MM");
    }

    public boolean isMonth() {
        return from.equals(to);
    }

    public boolean isCalendarYear() {
        return from.getYear() == to.getYear() && from.getMonthValue() == 1 && to.getMonthValue() == 12;
    }

    /** January to a month before December of the same year: a publication's year-to-date column. */
    public boolean isYearToDate() {
        return from.getYear() == to.getYear() && from.getMonthValue() == 1 && to.getMonthValue() < 12 && !isMonth();
    }

    public boolean contains(YearMonth m) {
        return !m.isBefore(from) && !m.isAfter(to);
    }

    public boolean contains(LocalDate d) {
        return contains(YearMonth.from(d));
    }

    public boolean contains(Period p) {
        return contains(p.from) && contains(p.to);
    }

    public boolean overlaps(Period p) {
        return !p.to.isBefore(from) && !p.from.isAfter(to);
    }

    /** Number of months. */
    public int length() {
        return (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue() + 1;
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
    public int compareTo(Period o) {
        int c = from.compareTo(o.from);
        return c != 0 ? c : to.compareTo(o.to);
    }

    @Override
    public String toString() {
        return label();
    }
}
