package be.keten.core.resettlement;

import java.util.Optional;

/**
 * Invalid resettlement or fair-share input. Carries where the problem is (a row of a table or a line of a
 * file, absent for a single figure) and which field, so a command can tell the user exactly what to fix.
 */
public class ResettlementInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final String field;
    private final String problem;

    /**
     * @param location e.g. {@code row 5 (DE)} or {@code eu27.csv line 6}; null for a single figure
     * @param field    the field or column, e.g. {@code gdp}
     * @param problem  what is wrong, e.g. {@code must be positive (was -3)}
     */
    public ResettlementInputException(String location, String field, String problem) {
        super((location == null ? "" : location + ", ") + "field " + field + ": " + problem);
        this.location = location;
        this.field = field;
        this.problem = problem;
    }

    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
