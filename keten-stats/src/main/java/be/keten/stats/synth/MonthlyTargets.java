package be.keten.stats.synth;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Monthly values of a family of series (the atoms: DVZ columns, or decision rows) derived from figures
 * over any periods and any groups of atoms: the smallest figures are fixed first, then each larger
 * figure's remainder (its value minus the cells already fixed inside it) is spread over its cells not
 * yet fixed, in proportion to the atom's level so far and a little noise. A figure whose remainder is
 * negative, or not zero with no cell left, contradicts the smaller figures inside it: it is reported,
 * not honoured. Cells no figure reaches get the atom's mean (times the noise), or stay open when the
 * atom has no figure at all.
 */
final class MonthlyTargets {

    /** A published figure over some months and atoms; {@code source} names file and line. */
    record Figure(List<YearMonth> months, List<Integer> atoms, long value, String source) {
        int cells() {
            return months.size() * atoms.size();
        }
    }

    /** The monthly values; {@code open[m][a]} when nothing constrains the cell. */
    record Result(long[][] values, boolean[][] fixed, boolean[][] open, List<String> notHonoured) {
    }

    private final List<YearMonth> months;
    private final int atoms;
    private final double[][] noise;
    private final List<Figure> figures = new ArrayList<>();

    MonthlyTargets(List<YearMonth> months, int atoms, double[][] noise) {
        this.months = months;
        this.atoms = atoms;
        this.noise = noise;
    }

    void add(Figure f) {
        figures.add(f);
    }

    Result solve() {
        int n = months.size();
        long[][] v = new long[n][atoms];
        boolean[][] fixed = new boolean[n][atoms];
        List<String> notes = new ArrayList<>();
        List<Figure> order = new ArrayList<>(figures);
        order.sort(Comparator.comparingInt(Figure::cells).thenComparing(Figure::source));
        for (Figure f : order) {
            long sum = 0;
            List<int[]> free = new ArrayList<>();
            for (YearMonth m : f.months()) {
                int i = months.indexOf(m);
                for (int a : f.atoms()) {
                    if (fixed[i][a]) {
                        sum += v[i][a];
                    } else {
                        free.add(new int[] {i, a});
                    }
                }
            }
            long rest = f.value() - sum;
            if (rest < 0 || (free.isEmpty() && rest != 0)) {
                notes.add(f.source() + ": " + f.value() + " not honoured; the figures inside it, honoured first as the more detailed ones, give "
                        + sum + (free.isEmpty() ? "" : " already"));
                continue;
            }
            double[] means = means(v, fixed);
            double[] w = new double[free.size()];
            for (int k = 0; k < w.length; k++) {
                int[] c = free.get(k);
                w[k] = (means[c[1]] > 0 ? means[c[1]] : 1) * noise[c[0]][c[1]];
            }
            long[] share = Alloc.spread(rest, w);
            for (int k = 0; k < w.length; k++) {
                int[] c = free.get(k);
                v[c[0]][c[1]] = share[k];
                fixed[c[0]][c[1]] = true;
            }
        }
        double[] means = means(v, fixed);
        boolean[][] open = new boolean[n][atoms];
        boolean[] hasAny = new boolean[atoms];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < atoms; a++) {
                hasAny[a] |= fixed[i][a];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < atoms; a++) {
                if (!fixed[i][a]) {
                    if (hasAny[a]) {
                        v[i][a] = Math.round(means[a] * noise[i][a]);
                    } else {
                        open[i][a] = true;
                    }
                }
            }
        }
        return new Result(v, fixed, open, notes);
    }

    private double[] means(long[][] v, boolean[][] fixed) {
        double[] sum = new double[atoms];
        int[] count = new int[atoms];
        for (int i = 0; i < v.length; i++) {
            for (int a = 0; a < atoms; a++) {
                if (fixed[i][a]) {
                    sum[a] += v[i][a];
                    count[a]++;
                }
            }
        }
        double[] out = new double[atoms];
        for (int a = 0; a < atoms; a++) {
            out[a] = count[a] == 0 ? 0 : sum[a] / count[a];
        }
        return out;
    }
}
