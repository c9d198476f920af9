package be.keten.sim.backtest;

/**
 * Per indicator: mean absolute percentage error (in percent) of the model's p50 over all compared
 * periods, and of the model and of the baseline over the periods that have a baseline, so the two are
 * scored on the same figures. NaN when there is nothing to average.
 */
public record BacktestSummary(String indicator, String unit, int periods, int inBand, double mape, int baselinePeriods,
                              double mapeWithBaseline, double baselineMape) {
}
