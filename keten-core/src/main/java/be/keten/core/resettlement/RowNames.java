package be.keten.core.resettlement;

import java.util.List;

/**
 * Names rows of an input table in error messages. The core names rows by position; a file reader names
 * them by file and line, so one validation serves both.
 */
public interface RowNames {

    /** @param index 0-based position in the list given to the table */
    String row(int index);

    /** All rows together, for problems that concern the whole column (e.g. shares not summing to 1). */
    String allRows();

    /** Rows named {@code row 1 (AT)}, {@code row 2 (BE)}, ... after their position and code. */
    static RowNames byPosition(List<MemberStateFigures> rows) {
        return new RowNames() {
            @Override
            public String row(int index) {
                return "row " + (index + 1) + " (" + rows.get(index).code() + ")";
            }

            @Override
            public String allRows() {
                return rows.isEmpty() ? "table" : "rows 1-" + rows.size();
            }
        };
    }
}
