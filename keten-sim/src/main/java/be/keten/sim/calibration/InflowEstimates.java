package be.keten.sim.calibration;

import be.keten.core.calendar.Period;
import be.keten.core.procedure.ApplicationType;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceData.Applications;
import be.keten.io.reference.ReferenceFiles;
import be.keten.sim.calibration.Calibrator.Setting;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inflow from the monthly applications (keys {@code inflow.persons_per_month}, {@code inflow.monthly_factors},
 * {@code inflow.shocks}, {@code inflow.application_types} and the RESETTLEMENT pathway's level): the mean of the last
 * (up to) twelve consecutive months, the seasonal shape of the complete calendar years, and the share of subsequent
 * applications. The estimates stay here for the {@link Calibrator.Estimates} and the later steps.
 */
final class InflowEstimates extends CalibrationStep {
    private final TreeMap<YearMonth, Long> monthly = new TreeMap<>();
    private final Map<YearMonth, Applications> monthRows = new HashMap<>();
    private final List<YearMonth> derived = new ArrayList<>();
    /** The calibration window: the last (up to) 12 consecutive months with applications. */
    private List<YearMonth> window;
    Double level;
    Double resettlement;
    Double persons;
    double[] factors;
    Map<ApplicationType, Double> types;

    InflowEstimates(CalibrationStep shared) {
        super(shared);
    }

    /** Level, seasonal factors, first applications in resettlement and application types, from the monthly applications. */
    void estimate() {
        monthlyApplications(monthly, monthRows, derived);
        window = lastConsecutive(monthly.navigableKeySet(), 12);
        String appFile = ReferenceFiles.APPLICATIONS_MONTHLY;
        if (!window.isEmpty()) {
            level = window.stream().mapToLong(monthly::get).average().orElseThrow();
            String wl = range(window);
            String derivedNote = derived.stream().filter(window::contains).map(m -> m + " = year total − printed months").reduce((a, c) -> a + ", " + c)
                    .map(s -> "; " + s).orElse("");
            if (window.size() < 12) {
                notes.add("only " + window.size() + " consecutive month(s) of applications up to " + through + ": the level is their mean");
            }
            long rsum = 0;
            int rn = 0;
            for (YearMonth m : window) {
                Applications a = monthRows.get(m);
                if (a != null && a.count(ApplicationType.RESETTLEMENT.dvzColumn()).isPresent()) {
                    rsum += a.count(ApplicationType.RESETTLEMENT.dvzColumn()).getAsLong();
                    rn++;
                }
            }
            resettlement = rn == 0 ? null : rsum / (double) rn;
            if (resettlement != null && base.pathway(ApplicationType.RESETTLEMENT).isEmpty()) {
                notes.add("the base scenario has no RESETTLEMENT pathway: first applications in resettlement stay in inflow.persons_per_month");
            }
            boolean pathway = resettlement != null && base.pathway(ApplicationType.RESETTLEMENT).isPresent();
            persons = level - (pathway ? resettlement : 0);
            factors = seasonalFactors(monthly);
            settings.add(new Setting("inflow.persons_per_month", JSON.numberNode(round(persons, 1)), String.format(Locale.ROOT,
                    "CALIBRATED from %s %s: %s (mean applications %s a month%s%s)", appFile, wl, fmt(persons, 1), fmt(level, 1),
                    !pathway ? "" : " minus " + fmt(resettlement, 1) + " first applications in resettlement, simulated as the RESETTLEMENT pathway",
                    derivedNote)));
            if (factors != null) {
                ArrayNode fa = JSON.arrayNode();
                for (double f : factors) {
                    fa.add(round(f, 3));
                }
                settings.add(new Setting("inflow.monthly_factors", fa, "CALIBRATED from " + appFile + " " + completeYearsLabel(monthly)
                        + ": " + fa + " (each month / its year's monthly mean, averaged over the years, normalised to mean 1)"));
            } else {
                notes.add("no complete calendar year of monthly applications up to " + through + ": monthly_factors FROM BASE");
            }
            settings.add(new Setting("inflow.shocks", JSON.arrayNode(), "CALIBRATED: none (the base scenario's what-if shocks are not carried over)"));
            if (resettlement != null && base.pathway(ApplicationType.RESETTLEMENT).isPresent()) {
                List<YearMonth> rm = window.stream().filter(m -> monthRows.containsKey(m)
                        && monthRows.get(m).count(ApplicationType.RESETTLEMENT.dvzColumn()).isPresent()).toList();
                settings.add(new Setting("pathways[channel=RESETTLEMENT].persons_per_month", JSON.numberNode(round(resettlement, 1)),
                        "CALIBRATED from " + appFile + " " + range(rm) + ": " + fmt(resettlement, 1) + " (mean of the column first_resettlement)"));
            }
            fitApplications(monthly, window, level, pathway ? resettlement : 0, factors, derived);
            types = applicationTypes(window, monthRows);
        } else {
            notes.add("no monthly applications up to " + through + ": inflow level, factors and application types FROM BASE");
        }
    }

    /** Adds {@code inflow.application_types}: called last, after any inputs, so that the settings keep their order. */
    void writeApplicationTypes() {
        if (types != null) {
            ObjectNode tn = JSON.objectNode();
            double[] rounded = roundShares(new double[] {types.get(ApplicationType.FIRST), types.get(ApplicationType.SUBSEQUENT)});
            tn.put("FIRST", rounded[0]);
            tn.put("SUBSEQUENT", rounded[1]);
            List<YearMonth> used = window.stream().filter(m -> monthRows.containsKey(m) && hasTypeColumns(monthRows.get(m))).toList();
            settings.add(new Setting("inflow.application_types", tn, "CALIBRATED from " + ReferenceFiles.APPLICATIONS_MONTHLY + " " + range(used)
                    + ": " + tn + " (columns first_excl_resettlement and subsequent; first applications in resettlement are the RESETTLEMENT pathway)"));
        }
    }

    /** Month rows up to --through; a month missing from a complete year's printed months is derived as year total minus the others. */
    private void monthlyApplications(TreeMap<YearMonth, Long> out, Map<YearMonth, Applications> rows, List<YearMonth> derived) {
        for (Applications a : ref.applications()) {
            if (a.rowType().equals("month") && usable(a.period()) && a.count(ReferenceData.TOTAL).isPresent()) {
                out.put(a.period().from(), a.count(ReferenceData.TOTAL).getAsLong());
                rows.put(a.period().from(), a);
            }
        }
        for (Applications a : ref.applications()) {
            if (a.rowType().equals("year_total") && usable(a.period()) && a.count(ReferenceData.TOTAL).isPresent()) {
                List<YearMonth> missing = a.period().months().stream().filter(m -> !out.containsKey(m)).toList();
                long printed = a.period().months().stream().filter(out::containsKey).mapToLong(out::get).sum();
                long rest = a.count(ReferenceData.TOTAL).getAsLong() - printed;
                if (missing.size() == 1 && rest >= 0) {
                    out.put(missing.get(0), rest);
                    derived.add(missing.get(0));
                    notes.add("applications " + missing.get(0) + " are not printed; derived as the " + a.period().label() + " year total ("
                            + a.count(ReferenceData.TOTAL).getAsLong() + ", " + ReferenceFiles.APPLICATIONS_MONTHLY + " line " + a.line()
                            + ") minus the 11 printed months = " + rest);
                }
            }
        }
    }

    private static List<Integer> completeYears(TreeMap<YearMonth, Long> monthly) {
        List<Integer> years = new ArrayList<>();
        for (YearMonth m : monthly.keySet()) {
            int y = m.getYear();
            if (!years.contains(y) && Period.year(y).months().stream().allMatch(monthly::containsKey)) {
                years.add(y);
            }
        }
        return years;
    }

    private static String completeYearsLabel(TreeMap<YearMonth, Long> monthly) {
        List<Integer> y = completeYears(monthly);
        return y.size() == 1 ? Integer.toString(y.get(0)) : y.get(0) + "/" + y.get(y.size() - 1);
    }

    /** Ratio of each month to its calendar year's monthly mean, averaged over the complete years, normalised to mean 1. */
    static double[] seasonalFactors(TreeMap<YearMonth, Long> monthly) {
        List<Integer> years = completeYears(monthly);
        if (years.isEmpty()) {
            return null;
        }
        double[] f = new double[12];
        for (int y : years) {
            double mean = Period.year(y).months().stream().mapToLong(monthly::get).average().orElseThrow();
            for (int i = 0; i < 12; i++) {
                f[i] += monthly.get(YearMonth.of(y, i + 1)) / mean / years.size();
            }
        }
        double norm = Arrays.stream(f).average().orElseThrow();
        for (int i = 0; i < 12; i++) {
            f[i] /= norm;
        }
        return f;
    }

    private void fitApplications(TreeMap<YearMonth, Long> monthly, List<YearMonth> window, double level, double pathway, double[] factors,
                                 List<YearMonth> derived) {
        List<Fit.Point> pts = new ArrayList<>();
        for (YearMonth m : window) {
            pts.add(new Fit.Point(m + (derived.contains(m) ? "*" : ""), monthly.get(m),
                    (level - pathway) * (factors == null ? 1 : factors[m.getMonthValue() - 1]) + pathway));
        }
        fits.add(new Fit("applications per month (persons), calibration window", ReferenceFiles.APPLICATIONS_MONTHLY + " " + range(window)
                + (derived.stream().anyMatch(window::contains) ? " (* derived: year total minus printed months)" : ""),
                "as simulated: persons_per_month " + fmt(level - pathway, 1) + " × seasonal factor of the month + RESETTLEMENT pathway "
                        + fmt(pathway, 1),
                Fit.Measure.MAPE, pts));
        if (factors != null) {
            List<Fit.Point> all = new ArrayList<>();
            for (int y : completeYears(monthly)) {
                double mean = Period.year(y).months().stream().mapToLong(monthly::get).average().orElseThrow();
                for (YearMonth m : Period.year(y).months()) {
                    all.add(new Fit.Point(m + (derived.contains(m) ? "*" : ""), monthly.get(m), mean * factors[m.getMonthValue() - 1]));
                }
            }
            fits.add(new Fit("seasonal shape (persons), every complete year", ReferenceFiles.APPLICATIONS_MONTHLY + " " + completeYearsLabel(monthly),
                    "the year's own monthly mean × seasonal factor", Fit.Measure.MAPE, all));
        }
    }

    private static boolean hasTypeColumns(Applications a) {
        return a.count(ApplicationType.FIRST.dvzColumn()).isPresent() && a.count(ApplicationType.SUBSEQUENT.dvzColumn()).isPresent();
    }

    private Map<ApplicationType, Double> applicationTypes(List<YearMonth> window, Map<YearMonth, Applications> rows) {
        long first = 0;
        long sub = 0;
        List<Fit.Point> pts = new ArrayList<>();
        List<YearMonth> used = new ArrayList<>();
        for (YearMonth m : window) {
            Applications a = rows.get(m);
            if (a != null && hasTypeColumns(a)) {
                first += a.count(ApplicationType.FIRST.dvzColumn()).getAsLong();
                sub += a.count(ApplicationType.SUBSEQUENT.dvzColumn()).getAsLong();
                used.add(m);
            }
        }
        if (first + sub == 0) {
            notes.add("no first/subsequent columns in the applications of the window: application_types FROM BASE");
            return null;
        }
        double share = sub / (double) (first + sub);
        for (YearMonth m : used) {
            Applications a = rows.get(m);
            long f = a.count(ApplicationType.FIRST.dvzColumn()).getAsLong();
            long s = a.count(ApplicationType.SUBSEQUENT.dvzColumn()).getAsLong();
            pts.add(new Fit.Point(m.toString(), f + s == 0 ? Double.NaN : s / (double) (f + s), share));
        }
        fits.add(new Fit("subsequent share of spontaneous applications", ReferenceFiles.APPLICATIONS_MONTHLY + " " + range(used),
                "constant share " + fmt(share, 4), Fit.Measure.MAX_ABS_DIFF, pts));
        Map<ApplicationType, Double> out = new EnumMap<>(ApplicationType.class);
        out.put(ApplicationType.FIRST, 1 - share);
        out.put(ApplicationType.SUBSEQUENT, share);
        return out;
    }
}
