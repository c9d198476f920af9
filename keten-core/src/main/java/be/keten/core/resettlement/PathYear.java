package be.keten.core.resettlement;

import java.util.OptionalInt;

/**
 * One year of the growth path (GUIDE §7.2 step 7).
 *
 * @param index        1 for the first year of the plan
 * @param calendarYear the calendar year, when the plan's first year was given
 * @param remainder    true for the last year, which takes what the fixed steps leave of the share
 */
public record PathYear(int index, OptionalInt calendarYear, long persons, boolean remainder) {

    public String label() {
        return calendarYear.isPresent() ? Integer.toString(calendarYear.getAsInt()) : "year " + index;
    }
}
