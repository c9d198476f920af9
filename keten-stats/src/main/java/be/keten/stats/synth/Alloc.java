package be.keten.stats.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Integer allocations that hit their totals exactly: largest-remainder rounding, capped water-filling, transport tables. */
final class Alloc {
    private Alloc() {
    }

    /** {@code total} split over the weights, proportionally, rounded by largest remainder (ties to the lower index). */
    static long[] spread(long total, double[] weights) {
        int n = weights.length;
        long[] out = new long[n];
        if (n == 0 || total == 0) {
            return out;
        }
        double sum = 0;
        for (double w : weights) {
            sum += Math.max(0, w);
        }
        double[] w = weights.clone();
        if (sum <= 0) {
            java.util.Arrays.fill(w, 1);
            sum = n;
        }
        double[] frac = new double[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            double exact = total * Math.max(0, w[i]) / sum;
            out[i] = (long) Math.floor(exact);
            frac[i] = exact - out[i];
            given += out[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -frac[i]).thenComparingInt(i -> i));
        for (int k = 0; given < total; k = (k + 1) % n) {
            out[order.get(k)]++;
            given++;
        }
        return out;
    }

    /**
     * {@code total} split over the weights with each share at most its cap: shares above their cap are cut
     * and the rest spread again over the others. Needs {@code sum(caps) >= total}.
     */
    static long[] capped(long total, double[] weights, long[] caps) {
        int n = weights.length;
        long capSum = 0;
        for (long c : caps) {
            capSum += Math.max(0, c);
        }
        if (capSum < total) {
            throw new IllegalArgumentException("caps add up to " + capSum + ", less than " + total);
        }
        long[] out = new long[n];
        boolean[] fixed = new boolean[n];
        long left = total;
        while (left > 0) {
            double[] w = new double[n];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (!fixed[i] && caps[i] > out[i]) {
                    w[i] = weights[i] > 0 ? weights[i] : 1e-9;
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalStateException("no room left for " + left);
            }
            long[] add = spread(left, w);
            boolean cut = false;
            for (int i = 0; i < n; i++) {
                if (out[i] + add[i] > caps[i]) {
                    add[i] = caps[i] - out[i];
                    fixed[i] = true;
                    cut = true;
                }
                out[i] += add[i];
                left -= add[i];
            }
            if (!cut && left > 0) {
                throw new IllegalStateException("allocation stalled with " + left + " left");
            }
        }
        return out;
    }

    /**
     * A non-negative integer table with the given row and column sums (which must have the same total),
     * close to the proportional table {@code r_i * c_j / total}: floors first, then the largest fractions,
     * then what is left where both a row and a column still lack.
     */
    static long[][] transport(long[] rows, long[] cols) {
        long total = 0;
        long colTotal = 0;
        for (long r : rows) {
            total += r;
        }
        for (long c : cols) {
            colTotal += c;
        }
        if (total != colTotal) {
            throw new IllegalArgumentException("row sums " + total + " and column sums " + colTotal + " differ");
        }
        long[][] x = new long[rows.length][cols.length];
        if (total == 0) {
            return x;
        }
        long[] dr = rows.clone();
        long[] dc = cols.clone();
        List<double[]> fractions = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                double exact = (double) rows[i] * cols[j] / total;
                long f = (long) Math.floor(exact);
                x[i][j] = f;
                dr[i] -= f;
                dc[j] -= f;
                if (exact - f > 0) {
                    fractions.add(new double[] {exact - f, i, j});
                }
            }
        }
        fractions.sort(Comparator.<double[]>comparingDouble(a -> -a[0]).thenComparingDouble(a -> a[1]).thenComparingDouble(a -> a[2]));
        for (double[] a : fractions) {
            int i = (int) a[1];
            int j = (int) a[2];
            if (dr[i] > 0 && dc[j] > 0) {
                x[i][j]++;
                dr[i]--;
                dc[j]--;
            }
        }
        int j = 0;
        for (int i = 0; i < rows.length; i++) {
            while (dr[i] > 0) {
                while (dc[j] == 0) {
                    j++;
                }
                long t = Math.min(dr[i], dc[j]);
                x[i][j] += t;
                dr[i] -= t;
                dc[j] -= t;
            }
        }
        return x;
    }
}
