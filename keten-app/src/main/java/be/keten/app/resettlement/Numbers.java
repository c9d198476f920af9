package be.keten.app.resettlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formatting for the printouts: thousands separated by commas, decimals by a dot, as in the brief. */
final class Numbers {
    private Numbers() {
    }

    static String persons(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** An exact amount, cut (not rounded) to at most {@code decimals} decimals so it never reads higher than it is. */
    static String exact(BigDecimal v, int decimals) {
        return grouped(v.setScale(decimals, RoundingMode.DOWN).stripTrailingZeros());
    }

    /** A fraction as a percentage with at least two and at most {@code maxDecimals} decimals: 0.0284 → 2.84 %. */
    static String percent(BigDecimal fraction, int maxDecimals) {
        return percent(fraction, 2, maxDecimals);
    }

    /** As {@link #percent(BigDecimal, int)} with at least {@code minDecimals}, to line up a column of shares. */
    static String percent(BigDecimal fraction, int minDecimals, int maxDecimals) {
        BigDecimal p = fraction.movePointRight(2).setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (p.scale() < minDecimals) {
            p = p.setScale(minDecimals);
        }
        return p.toPlainString() + " %";
    }

    /** A difference of fractions in percentage points with sign: 0.0016 → +0.16 pp. */
    static String points(BigDecimal fraction, int decimals) {
        BigDecimal p = fraction.movePointRight(2).setScale(decimals, RoundingMode.HALF_UP);
        return (p.signum() >= 0 ? "+" : "") + p.toPlainString() + " pp";
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static String grouped(BigDecimal v) {
        DecimalFormat f = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setParseBigDecimal(true);
        f.setRoundingMode(RoundingMode.DOWN);
        return f.format(v);
    }
}
