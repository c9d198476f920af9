package be.keten.sim;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Shares of the values of an enum that sum to one (decision types, judgment outcomes). */
public record Mix<E extends Enum<E>>(EnumMap<E, Double> shares) {
    public Mix {
        double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (shares.isEmpty() || Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("shares must sum to 1, got " + sum);
        }
        shares = new EnumMap<>(shares);
    }

    public E sample(SplittableRandom rng) {
        return draw(shares, rng);
    }

    /** A key of {@code shares} with its share as probability, in the map's order; the last when rounding leaves the draw unspent. */
    static <K> K draw(Map<K, Double> shares, SplittableRandom rng) {
        double u = rng.nextDouble();
        K last = null;
        for (Map.Entry<K, Double> e : shares.entrySet()) {
            last = e.getKey();
            u -= e.getValue();
            if (u < 0) {
                return last;
            }
        }
        return last;
    }

    public double share(E value) {
        return shares.getOrDefault(value, 0.0);
    }

    /** The mix without {@code value}, renormalised; unchanged when {@code value} is all there is. */
    public Mix<E> without(E value) {
        double rest = 1 - share(value);
        if (rest <= 0) {
            return this;
        }
        EnumMap<E, Double> m = new EnumMap<>(shares);
        m.remove(value);
        m.replaceAll((k, v) -> v / rest);
        return new Mix<>(m);
    }
}
