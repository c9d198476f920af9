package be.keten.core.event;

import be.keten.core.id.PersonId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Field checks shared by the event records' constructors. */
final class Checks {
    private Checks() {
    }

    static void common(Object dossier, Object date) {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(date, "date");
    }

    static <T> List<T> nonEmptyDistinct(String field, List<T> values) {
        Objects.requireNonNull(values, field);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(field + " must name at least one person");
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException(field + " names a person twice");
        }
        return List.copyOf(values);
    }

    static List<PersonId> persons(List<PersonId> persons) {
        return nonEmptyDistinct("persons", persons);
    }
}
