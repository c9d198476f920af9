package be.keten.sim.calibration;

import java.util.List;
import java.util.Locale;

/**
 * How well one estimated series reproduces the published figures it was estimated from: each point's
 * published and fitted value, and one error measure over the points.
 *
 * @param series  what is compared, e.g. {@code applications per month (persons)}
 * @param source  file and period of the published values
 * @param model   how the fitted values are computed
 * @param measure {@link Measure#MAPE} (mean absolute percentage error, in %) or {@link Measure#MAX_ABS_DIFF}
 */
public record Fit(String series, String source, String model, Measure measure, List<Point> points) {

    public enum Measure { MAPE, MAX_ABS_DIFF }

    public record Point(String label, double published, double fitted) {
    }

    public Fit {
        points = List.copyOf(points);
    }

    /** The error measure over the points: MAPE in percent (points with a published 0 skipped), or the largest absolute difference. */
    public double error() {
        double worst = 0;
        double sum = 0;
        int n = 0;
        for (Point p : points) {
            double d = Math.abs(p.fitted() - p.published());
            if (measure == Measure.MAPE) {
                if (p.published() != 0) {
                    sum += d / Math.abs(p.published());
                    n++;
                }
            } else {
                worst = Math.max(worst, d);
            }
        }
        if (measure == Measure.MAPE) {
            return n == 0 ? Double.NaN : 100 * sum / n;
        }
        return worst;
    }

    public String errorLabel() {
        return measure == Measure.MAPE ? String.format(Locale.ROOT, "MAPE %.1f%%", error())
                : String.format(Locale.ROOT, "max abs diff %s", number(error()));
    }

    /** The fit as text: a title line, then one line per point. */
    public String render() {
        StringBuilder b = new StringBuilder();
        b.append(series).append(": ").append(errorLabel()).append(" over ").append(points.size()).append(" point(s)\n");
        b.append("  published: ").append(source).append('\n');
        b.append("  fitted:    ").append(model).append('\n');
        int w = 8;
        for (Point p : points) {
            w = Math.max(w, p.label().length());
        }
        b.append(String.format(Locale.ROOT, "  %-" + w + "s %12s %12s %10s%n", "", "published", "fitted", "diff"));
        for (Point p : points) {
            b.append(String.format(Locale.ROOT, "  %-" + w + "s %12s %12s %10s%n", p.label(), number(p.published()), number(p.fitted()),
                    number(p.fitted() - p.published())));
        }
        return b.toString();
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (Math.abs(v) >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
