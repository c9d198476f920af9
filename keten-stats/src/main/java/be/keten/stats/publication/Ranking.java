package be.keten.stats.publication;

import be.keten.core.person.Nationality;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The publications' top-10 tables (GUIDE §5.3): ten countries ranked by one figure, then "other
 * countries" (total minus the ten) and the total. Ties, which the sources do not cover, are broken
 * by nationality code so the ranking is reproducible.
 */
public record Ranking<V>(List<Entry<V>> top, V others, V total) {
    public record Entry<V>(int rank, Nationality nationality, V value) {
    }

    /**
     * @param rankBy the figure that orders the countries
     * @param add    sums two values (for "others" and the total)
     */
    public static <V> Ranking<V> of(Map<Nationality, V> byNationality, ToLongFunction<V> rankBy, V zero, java.util.function.BinaryOperator<V> add,
                                    int size) {
        List<Map.Entry<Nationality, V>> sorted = new ArrayList<>(byNationality.entrySet());
        sorted.sort(Comparator.<Map.Entry<Nationality, V>>comparingLong(e -> -rankBy.applyAsLong(e.getValue()))
                .thenComparing(e -> e.getKey().code()));
        List<Entry<V>> top = new ArrayList<>();
        V others = zero;
        V total = zero;
        for (int i = 0; i < sorted.size(); i++) {
            V v = sorted.get(i).getValue();
            total = add.apply(total, v);
            if (i < size && rankBy.applyAsLong(v) > 0) {
                top.add(new Entry<>(i + 1, sorted.get(i).getKey(), v));
            } else {
                others = add.apply(others, v);
            }
        }
        return new Ranking<>(List.copyOf(top), others, total);
    }
}
