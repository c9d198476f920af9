package be.keten.sim.backtest;

import java.util.List;
import java.util.Locale;

/** The backtest as CSV (one row per figure) and as a table for the terminal. */
public final class BacktestOutput {
    /** The columns asked for by issue 4 §4, then the exact stretch compared and the baseline's, without which a row is ambiguous. */
    public static final String HEADER = "year,indicator,unit,actual,p5,p50,p95,error,relative_error,in_band,baseline,baseline_error,period,"
            + "baseline_period";

    private BacktestOutput() {
    }

    public static String csv(List<BacktestRow> rows) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (BacktestRow r : rows) {
            b.append(r.year()).append(',').append(r.indicator()).append(',').append(r.unit()).append(',').append(num(r.actual())).append(',')
                    .append(num(r.p5())).append(',').append(num(r.p50())).append(',').append(num(r.p95())).append(',').append(num(r.error()))
                    .append(',').append(num(r.relativeError())).append(',').append(Double.isNaN(r.p5()) ? "" : r.inBand()).append(',')
                    .append(num(r.baseline())).append(',').append(num(r.baselineError())).append(',').append(r.period()).append(',')
                    .append(r.baselinePeriod()).append('\n');
        }
        return b.toString();
    }

    /** Up to 4 decimals, no trailing zeros; empty when undefined. */
    static String num(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        String s = String.format(Locale.ROOT, "%.4f", d);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    /** Counts rounded, rates as percentages; errors of rates in percentage points. */
    public static String table(List<BacktestRow> rows, List<BacktestSummary> summaries) {
        StringBuilder b = new StringBuilder();
        String f = "%-16s %-46s %-8s %9s %9s %-19s %8s %7s %-4s %9s %-10s %8s %7s%n";
        b.append(String.format(Locale.ROOT, f, "period", "indicator", "unit", "actual", "p50", "p5..p95", "error", "rel", "band", "baseline",
                "(from)", "b.error", "b.rel"));
        for (BacktestRow r : rows) {
            boolean rate = r.isRate();
            b.append(String.format(Locale.ROOT, f, r.period(), r.indicator(), r.unit(), value(r.actual(), rate), value(r.p50(), rate),
                    value(r.p5(), rate) + ".." + value(r.p95(), rate), error(r.error(), rate), percent(r.relativeError()),
                    Double.isNaN(r.p5()) ? "" : r.inBand() ? "yes" : "no", value(r.baseline(), rate), r.hasBaseline() ? r.baselinePeriod() : "-",
                    error(r.baselineError(), rate), percent(r.baselineRelativeError())));
        }
        b.append(String.format(Locale.ROOT, "%nMean absolute percentage error of the p50 (model) and of the baseline, per indicator:%n"));
        for (BacktestSummary s : summaries) {
            b.append(String.format(Locale.ROOT, "  %-46s %-8s model %6s over %d period(s), %d in the 5-95%% band", s.indicator(), s.unit(),
                    mape(s.mape()), s.periods(), s.inBand()));
            if (s.baselinePeriods() > 0) {
                b.append(String.format(Locale.ROOT, "; on the %d with a baseline: model %s, baseline %s", s.baselinePeriods(),
                        mape(s.mapeWithBaseline()), mape(s.baselineMape())));
            } else {
                b.append("; no baseline published");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String value(double v, boolean rate) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return rate ? String.format(Locale.ROOT, "%.1f%%", v * 100) : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String error(double v, boolean rate) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return rate ? String.format(Locale.ROOT, "%+.1fpp", v * 100) : String.format(Locale.ROOT, "%+.0f", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.1f%%", v * 100);
    }

    private static String mape(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v);
    }
}
