package be.keten.io.reference;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The period of a reference figure as the files write it: {@code YYYY} (calendar year), {@code YYYY-MM}
 * (month) or {@code A/B} (from the first month of A to the last month of B, each a month or a year).
 */
public record ReferencePeriod(YearMonth from, YearMonth to) implements Comparable<ReferencePeriod> {
    public ReferencePeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** @throws IllegalArgumentException saying what is expected */
    public static ReferencePeriod parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash >= 0) {
            ReferencePeriod a = parse(t.substring(0, slash));
            ReferencePeriod b = parse(t.substring(slash + 1));
            return new ReferencePeriod(a.from, b.to);
        }
        try {
            if (t.matches("\\d{4}")) {
                int y = Integer.parseInt(t);
                return new ReferencePeriod(YearMonth.of(y, 1), YearMonth.of(y, 12));
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                YearMonth m = YearMonth.parse(t);
                return new ReferencePeriod(m, m);
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

    public boolean contains(ReferencePeriod p) {
        return contains(p.from) && contains(p.to);
    }

    public boolean overlaps(ReferencePeriod p) {
        return !p.to.isBefore(from) && !p.from.isAfter(to);
    }

    public int length() {
        return (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue() + 1;
    }

    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    /** The label the files use: {@code 2023-11}, {@code 2023} or {@code 2023-01/2023-11}. */
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
    public int compareTo(ReferencePeriod o) {
        int c = from.compareTo(o.from);
        return c != 0 ? c : to.compareTo(o.to);
    }

    @Override
    public String toString() {
        return label();
    }
}
