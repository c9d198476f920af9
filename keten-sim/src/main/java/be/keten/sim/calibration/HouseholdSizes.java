package be.keten.sim.calibration;

import be.keten.core.calendar.Period;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceFiles;
import be.keten.sim.calibration.Calibrator.Setting;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Household sizes: the persons per dossier of the decisions in the window set the mean, the base scenario
 * gives the shape of families (or, where it cannot reach that mean, a zero-truncated Poisson).
 */
final class HouseholdSizes extends CalibrationStep {
    Double ppd;
    double[] household;

    HouseholdSizes(CalibrationStep shared) {
        super(shared);
    }

    /** {@code inflow.household_size}: persons per dossier of the decisions in the window. */
    void estimate(DecisionWindow dw) {
        double pt = dw.total("persons");
        double dt = dw.total("dossiers");
        if (pt > 0 && dt > 0) {
            ppd = pt / dt;
            household = household(ppd);
            ObjectNode hh = JSON.objectNode();
            double[] rounded = roundShares(household);
            for (int i = 0; i < rounded.length; i++) {
                if (rounded[i] > 0) {
                    hh.put(Integer.toString(i + 1), rounded[i]);
                }
            }
            settings.add(new Setting("inflow.household_size", hh, String.format(Locale.ROOT,
                    "CALIBRATED from %s %s: persons per dossier %s (%s persons / %s dossiers decided); singles set to give that mean,"
                            + " the shape of sizes 2+ FROM BASE", ReferenceFiles.CGVS_DECISIONS, dw.label(), fmt(ppd, 4), fmt(pt, 0), fmt(dt, 0))));
            fitPersonsPerDossier(dw, ppd);
        }
    }

    /**
     * Household sizes with mean {@code m}: the base scenario's shape of families (sizes 2 and more) kept, the share of single-person
     * dossiers set so that the mean is {@code m}. If the base has no families, or cannot reach {@code m}, a zero-truncated Poisson
     * with mean {@code m} (GUIDE §11), cut at 12 persons.
     */
    double[] household(double m) {
        double[] b = base.inflow().householdSize();
        double tail = 0;
        double tailMean = 0;
        for (int i = 1; i < b.length; i++) {
            tail += b[i];
            tailMean += (i + 1) * b[i];
        }
        if (tail > 0) {
            tailMean /= tail;
            double q = (m - 1) / (tailMean - 1);
            if (q >= 0 && q <= 1) {
                double[] out = new double[b.length];
                out[0] = 1 - q;
                for (int i = 1; i < b.length; i++) {
                    out[i] = q * b[i] / tail;
                }
                return out;
            }
        }
        notes.add("household size: zero-truncated Poisson with mean " + fmt(m, 4) + " (the base scenario's families cannot give that mean)");
        double lo = 1e-9;
        double hi = 30;
        for (int it = 0; it < 200; it++) {
            double mid = (lo + hi) / 2;
            if (mid / (1 - Math.exp(-mid)) < m) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double lambda = (lo + hi) / 2;
        double[] out = new double[12];
        double term = Math.exp(-lambda);
        double sum = 0;
        for (int k = 1; k <= 12; k++) {
            term *= lambda / k;
            out[k - 1] = term;
            sum += term;
        }
        for (int k = 0; k < 12; k++) {
            out[k] /= sum;
        }
        return out;
    }

    private void fitPersonsPerDossier(DecisionWindow dw, double ppd) {
        List<Fit.Point> pts = new ArrayList<>();
        for (Period p : dw.months()) {
            double d = dw.get(p, "dossiers", ReferenceData.TOTAL);
            if (dw.has(p, "persons") && d > 0) {
                pts.add(new Fit.Point(p.label(), dw.get(p, "persons", ReferenceData.TOTAL) / d, ppd));
            }
        }
        fits.add(new Fit("persons per dossier (all decisions)", ReferenceFiles.CGVS_DECISIONS + " " + dw.label(), "constant " + fmt(ppd, 4)
                + " (mean household size of the inflow)", Fit.Measure.MAPE, pts));
    }
}
