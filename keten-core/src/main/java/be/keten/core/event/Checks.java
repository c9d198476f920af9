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
        if (hasDuplicate(values)) {
            throw new IllegalArgumentException(field + " names a person twice");
        }
        return List.copyOf(values);
    }

    /** Households are small: compared pairwise, without a set, as every reception event is checked. */
    private static boolean hasDuplicate(List<?> values) {
        int n = values.size();
        if (n > 16) {
            return new HashSet<>(values).size() != n;
        }
        for (int i = 1; i < n; i++) {
            Object v = values.get(i);
            for (int j = 0; j < i; j++) {
                if (Objects.equals(v, values.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<PersonId> persons(List<PersonId> persons) {
        return nonEmptyDistinct("persons", persons);
    }
}
