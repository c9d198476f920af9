package be.keten.sim;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Productive CGVS officers month by month, deterministic, shared by the stochastic engine and the
 * fluid model. Staff follow the FTE plan; each month {@code attrition/12} of them leave and are
 * replaced, and growth of the plan is hired. A new hire's productivity rises linearly over the
 * ramp-up months (the 6-month training path); the efficiency multiplier then applies.
 */
public final class Staffing {
    private Staffing() {
    }

    /** Productive officers (servers) in each month of the horizon. */
    public static int[] officers(Scenario s) {
        return officers(s.cgvs(), s.start(), s.horizonMonths());
    }

    /**
     * Productive officers in each of {@code n} months from {@code start}'s, everyone in post on {@code start}
     * experienced: a scenario's horizon, or the calibration's window (per productive officer, as the engine counts them).
     */
    public static int[] officers(Scenario.Cgvs c, LocalDate start, int n) {
        YearMonth first = YearMonth.from(start);
        int[] out = new int[n];
        double experienced = c.fte().on(start);
        List<double[]> cohorts = new ArrayList<>(); // {months since hire, size}
        for (int i = 0; i < n; i++) {
            YearMonth m = first.plusMonths(i);
            double plan = c.fte().on(m.atDay(1));
            double staff = experienced + cohorts.stream().mapToDouble(x -> x[1]).sum();
            double keep = staff == 0 ? 0 : Math.max(0, 1 - c.attritionPerYear() / 12);
            experienced *= keep;
            for (double[] x : cohorts) {
                x[1] *= keep;
            }
            staff *= keep;
            if (plan > staff) {
                cohorts.add(new double[] {0, plan - staff});
            } else if (staff > 0) {
                double cut = plan / staff;
                experienced *= cut;
                cohorts.forEach(x -> x[1] *= cut);
            }
            double effective = experienced;
            for (double[] x : cohorts) {
                effective += x[1] * (c.rampUpMonths() == 0 ? 1 : Math.min(1, (x[0] + 0.5) / c.rampUpMonths()));
            }
            out[i] = (int) Math.round(effective * c.efficiency().on(m.atDay(15)));
            for (double[] x : cohorts) {
                x[0]++;
            }
            for (java.util.Iterator<double[]> it = cohorts.iterator(); it.hasNext(); ) {
                double[] x = it.next();
                if (x[0] >= c.rampUpMonths()) {
                    experienced += x[1];
                    it.remove();
                }
            }
        }
        return out;
    }
}
