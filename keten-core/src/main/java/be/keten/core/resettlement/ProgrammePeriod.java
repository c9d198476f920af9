package be.keten.core.resettlement;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/**
 * The period a programme figure refers to, as published: a year ({@code 2020}), several years
 * ({@code 2018/2019}), part of a year ({@code 2021-01/2021-06}), or undated when the source gives no period.
 */
public sealed interface ProgrammePeriod extends Comparable<ProgrammePeriod> {

    Comparator<ProgrammePeriod> ORDER = Comparator
            .comparing((ProgrammePeriod p) -> p instanceof Undated)
            .thenComparingInt(p -> p instanceof Span s ? s.firstYear() : 0)
            .thenComparingInt(p -> p instanceof Span s ? s.lastYear() : 0)
            .thenComparing(ProgrammePeriod::label);

    String label();

    @Override
    default int compareTo(ProgrammePeriod o) {
        return ORDER.compare(this, o);
    }

    /**
     * @param partial true when the period covers only some months of its years
     */
    record Span(int firstYear, int lastYear, String label, boolean partial) implements ProgrammePeriod {
        public Span {
            if (firstYear > lastYear) {
                throw new IllegalArgumentException("period " + label + " ends before it starts");
            }
        }

        public boolean singleFullYear() {
            return firstYear == lastYear && !partial;
        }

        public boolean overlaps(int from, int to) {
            return firstYear <= to && lastYear >= from;
        }
    }

    record Undated() implements ProgrammePeriod {
        @Override
        public String label() {
            return "undated";
        }
    }

    static Span year(int year) {
        return new Span(year, year, Integer.toString(year), false);
    }

    /**
     * Parses the reference-data period forms {@code YYYY}, {@code YYYY-MM}, {@code A/B} with A and B both years
     * or both months, and empty for undated.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    static ProgrammePeriod parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return new Undated();
        }
        try {
            String[] parts = t.split("/", -1);
            if (parts.length == 1) {
                return t.length() == 4 ? year(Integer.parseInt(t)) : months(t, YearMonth.parse(t), YearMonth.parse(t));
            }
            if (parts.length == 2 && parts[0].length() == 4 && parts[1].length() == 4) {
                return new Span(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), t, false);
            }
            if (parts.length == 2) {
                return months(t, YearMonth.parse(parts[0]), YearMonth.parse(parts[1]));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // fall through to the common message
        }
        throw new IllegalArgumentException("'" + text + "' is not a period; expected YYYY, YYYY-MM, YYYY/YYYY,"
                + " YYYY-MM/YYYY-MM or empty");
    }

    private static Span months(String label, YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("period " + label + " ends before it starts");
        }
        boolean full = from.getMonthValue() == 1 && to.getMonthValue() == 12;
        return new Span(from.getYear(), to.getYear(), label, !full);
    }
}
