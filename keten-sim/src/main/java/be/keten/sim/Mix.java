package be.keten.sim;

import java.util.EnumMap;
import java.util.SplittableRandom;

/**
 * Shares of the values of an enum that sum to one (decision types, judgment outcomes). A class
 * rather than a record so that it can keep its draw's arrays ({@link Weights}); equal by its shares.
 */
public final class Mix<E extends Enum<E>> {
    private final EnumMap<E, Double> shares;
    private final Weights<E> weights;

    public Mix(EnumMap<E, Double> shares) {
        double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (shares.isEmpty() || Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("shares must sum to 1, got " + sum);
        }
        this.shares = new EnumMap<>(shares);
        this.weights = new Weights<>(this.shares);
    }

    /** The shares by value (not to be changed). */
    public EnumMap<E, Double> shares() {
        return shares;
    }

    public E sample(SplittableRandom rng) {
        return weights.draw(rng);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Mix<?> m && m.shares.equals(shares);
    }

    @Override
    public int hashCode() {
        return shares.hashCode();
    }

    @Override
    public String toString() {
        return "Mix[shares=" + shares + "]";
    }
}
