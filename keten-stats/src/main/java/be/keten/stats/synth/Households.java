package be.keten.stats.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Household sizes (persons per dossier). Most dossiers are one person; the rest are families. Who
 * belongs to a dossier is never defined by the sources (GUIDE §2.1); the published ratio is about
 * 1.18 persons per dossier, and the distribution below (an assumption) gives about that.
 */
final class Households {
    static final int MAX = 8;
    /** P(size = 1..8): mean about 1.2 persons per dossier. */
    private static final double[] SIZES = {0.885, 0.05, 0.032, 0.019, 0.009, 0.003, 0.0015, 0.0005};

    private Households() {
    }

    static int draw(SplittableRandom rnd) {
        double r = rnd.nextDouble();
        for (int i = 0; i < SIZES.length; i++) {
            r -= SIZES[i];
            if (r < 0) {
                return i + 1;
            }
        }
        return 1;
    }

    /** Household sizes adding up to {@code persons}, drawn from the distribution (the last one cut to fit). */
    static List<Integer> fill(long persons, SplittableRandom rnd) {
        List<Integer> out = new ArrayList<>();
        long left = persons;
        while (left > 0) {
            int s = (int) Math.min(draw(rnd), left);
            out.add(s);
            left -= s;
        }
        return out;
    }

    /**
     * Exactly {@code dossiers} households with {@code persons} persons in all ({@code dossiers <= persons}):
     * every dossier starts with one person and each extra person joins a family already formed more often
     * than a single person, so families of three to five appear as well as couples. Sizes stay at most
     * {@link #MAX} unless the figures need more.
     */
    static int[] partition(long persons, long dossiers, SplittableRandom rnd) {
        if (dossiers <= 0) {
            return new int[0];
        }
        int d = (int) dossiers;
        int[] sizes = new int[d];
        java.util.Arrays.fill(sizes, 1);
        long extra = persons - dossiers;
        int max = (int) Math.max(MAX, (persons + dossiers - 1) / dossiers);
        List<Integer> families = new ArrayList<>();
        List<Integer> singles = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            singles.add(i);
        }
        for (long e = 0; e < extra; e++) {
            int i;
            boolean join = !families.isEmpty() && (singles.isEmpty() || rnd.nextDouble() < 0.55);
            if (join) {
                int k = rnd.nextInt(families.size());
                i = families.get(k);
                sizes[i]++;
                if (sizes[i] >= max) {
                    families.set(k, families.get(families.size() - 1));
                    families.remove(families.size() - 1);
                }
            } else {
                int k = rnd.nextInt(singles.size());
                i = singles.get(k);
                singles.set(k, singles.get(singles.size() - 1));
                singles.remove(singles.size() - 1);
                sizes[i]++;
                if (sizes[i] < max) {
                    families.add(i);
                }
            }
        }
        return sizes;
    }
}
