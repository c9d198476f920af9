package be.keten.core.event;

import be.keten.core.id.PersonId;
import be.keten.core.person.Person;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Field checks shared by the event records' constructors. */
final class Checks {
    private Checks() {
    }

    static void common(Object dossier, Object date) {
        Objects.requireNonNull(dossier, "dossier");
        Objects.requireNonNull(date, "date");
    }

    /** A household: at least one person, none named twice (two records of one person id are one person). */
    static List<Person> household(List<Person> persons) {
        return nonEmptyDistinct("persons", persons, Person::id);
    }

    static List<PersonId> persons(List<PersonId> persons) {
        return nonEmptyDistinct("persons", persons, Function.identity());
    }

    private static <T> List<T> nonEmptyDistinct(String field, List<T> values, Function<? super T, ?> key) {
        Objects.requireNonNull(values, field);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(field + " must name at least one person");
        }
        Object twice = duplicate(values, key);
        if (twice != null) {
            throw new IllegalArgumentException(field + " names person " + twice + " twice");
        }
        return List.copyOf(values);
    }

    /** The first key named twice, or null. Households are small: compared pairwise, without a set or a stream, as every reception event is checked. */
    private static <T> Object duplicate(List<T> values, Function<? super T, ?> key) {
        int n = values.size();
        if (n > 16) {
            Set<Object> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                Object k = key.apply(values.get(i));
                if (!seen.add(k)) {
                    return k;
                }
            }
            return null;
        }
        for (int i = 1; i < n; i++) {
            Object v = key.apply(values.get(i));
            for (int j = 0; j < i; j++) {
                if (Objects.equals(v, key.apply(values.get(j)))) {
                    return v;
                }
            }
        }
        return null;
    }
}
