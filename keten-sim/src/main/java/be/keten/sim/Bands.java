package be.keten.sim;

import java.util.Arrays;
import java.util.List;

/** Mean and percentiles across replications; undefined values (NaN) are left out, all-NaN gives NaN. */
public record Bands(double mean, double p5, double p50, double p95) {

    public static Bands of(List<Outcome> runs, boolean yearly, int indicator, int period) {
        double[] v = runs.stream().mapToDouble(o -> (yearly ? o.yearly() : o.monthly())[indicator][period]).filter(d -> !Double.isNaN(d))
                .sorted().toArray();
        if (v.length == 0) {
            return new Bands(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Bands(Arrays.stream(v).average().orElseThrow(), quantile(v, 0.05), quantile(v, 0.5), quantile(v, 0.95));
    }

    /** Linear interpolation between order statistics (Hyndman–Fan type 7). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
