package be.keten.sim;

import java.util.SplittableRandom;

/**
 * A positive service-time or delay distribution given by its mean and coefficient of variation, so
 * a calibrator can set the mean (productivity) and the spread independently. Exponential ignores
 * {@code cv} (it is 1).
 */
public record Distribution(Kind kind, double mean, double cv) {
    public enum Kind { EXPONENTIAL, GAMMA, LOGNORMAL }

    public Distribution {
        if (!(mean > 0) || !(cv > 0) && kind != Kind.EXPONENTIAL) {
            throw new IllegalArgumentException("mean and cv must be positive");
        }
    }

    public double sample(SplittableRandom rng) {
        switch (kind) {
            case EXPONENTIAL:
                return -mean * Math.log(1 - rng.nextDouble());
            case GAMMA: {
                double shape = 1 / (cv * cv);
                return gamma(rng, shape) * mean / shape;
            }
            default: {
                double s2 = Math.log(1 + cv * cv);
                double mu = Math.log(mean) - s2 / 2;
                return Math.exp(mu + Math.sqrt(s2) * gaussian(rng));
            }
        }
    }

    /** Whole days, at least {@code min}, rounding the sample stochastically so the mean is kept. */
    public int days(SplittableRandom rng, int min) {
        double x = sample(rng);
        int d = (int) Math.floor(x);
        if (rng.nextDouble() < x - d) {
            d++;
        }
        return Math.max(min, d);
    }

    static double gaussian(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** Marsaglia and Tsang's method, with the boost for shape below 1. */
    static double gamma(SplittableRandom rng, double shape) {
        if (shape < 1) {
            return gamma(rng, shape + 1) * Math.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = gaussian(rng);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
