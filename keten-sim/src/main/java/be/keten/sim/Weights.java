package be.keten.sim;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * A weighted draw over fixed shares: a key with its share as probability, in the order the shares
 * were given; the last when rounding leaves the draw unspent. The keys and shares are laid out in
 * arrays once, as a draw runs for every arrival and every decision (iterating an {@link java.util.EnumMap}
 * builds an entry object per key each time).
 */
final class Weights<K> {
    private final Object[] keys;
    private final double[] shares;

    Weights(Map<K, Double> shares) {
        this.keys = new Object[shares.size()];
        this.shares = new double[shares.size()];
        int i = 0;
        for (Map.Entry<K, Double> e : shares.entrySet()) {
            keys[i] = e.getKey();
            this.shares[i++] = e.getValue();
        }
    }

    @SuppressWarnings("unchecked")
    K draw(SplittableRandom rng) {
        double u = rng.nextDouble();
        Object last = null;
        for (int i = 0; i < keys.length; i++) {
            last = keys[i];
            u -= shares[i];
            if (u < 0) {
                return (K) last;
            }
        }
        return (K) last;
    }
}
