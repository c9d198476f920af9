package be.keten.sim.backtest;

/**
 * One published figure against the model and against the carry-forward baseline. {@code period} is the
 * stretch of {@code year} the figure covers (the year, the part of it published, or a stock's day);
 * undefined values are NaN, a missing baseline has an empty {@code baselinePeriod}.
 */
public record BacktestRow(int year, String period, String indicator, String unit, double actual, double p5, double p50, double p95,
                          String baselinePeriod, double baseline) {

    public boolean isRate() {
        return indicator.equals("protection_rate");
    }

    /** Model p50 minus actual. */
    public double error() {
        return p50 - actual;
    }

    public double relativeError() {
        return actual == 0 ? Double.NaN : error() / actual;
    }

    /** Whether the actual lies in the 5–95% band of the replications; false when the band is undefined. */
    public boolean inBand() {
        return !Double.isNaN(p5) && actual >= p5 && actual <= p95;
    }

    public boolean hasBaseline() {
        return !Double.isNaN(baseline);
    }

    /** Baseline minus actual. */
    public double baselineError() {
        return baseline - actual;
    }

    public double baselineRelativeError() {
        return actual == 0 ? Double.NaN : baselineError() / actual;
    }
}
