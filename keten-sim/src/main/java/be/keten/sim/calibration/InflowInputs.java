package be.keten.sim.calibration;

import be.keten.core.calendar.Period;
import be.keten.core.person.Nationality;
import be.keten.core.procedure.ApplicationType;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceData.Applications;
import be.keten.io.reference.ReferenceData.ApplicationsByNationality;
import be.keten.io.reference.ReferenceFiles;
import be.keten.sim.calibration.Calibrator.Setting;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --with-inputs}: the inflow of the simulated year put in from figures dated after --through. Apart from the
 * estimates because these figures are never used to estimate anything; they only replace what the estimates wrote.
 */
final class InflowInputs extends CalibrationStep {
    InflowInputs(CalibrationStep shared) {
        super(shared);
    }

    /**
     * Figures dated after --through that are inputs of the simulated year, not outcomes: the applications of the calendar year
     * after a December --through (level from its total, the twelve monthly values as factors: months printed with their value, the
     * values printed without a month matched by rank to the months in the order of the calibrated seasonal factors), its first
     * applications in resettlement, and the printed shares of nationalities for that year.
     */
    double[] inputs(double[] factors, Map<Nationality, Double> natMix, Double persons) {
        if (through.getMonthValue() != 12) {
            notes.add("--with-inputs uses the calendar year after a December --through; " + through + " is not a December: no inputs used");
            return factors;
        }
        int year = through.getYear() + 1;
        Applications total = null;
        Map<YearMonth, Long> known = new TreeMap<>();
        List<Long> unknown = new ArrayList<>();
        for (Applications a : ref.applications()) {
            if (!a.period().isCalendarYear() && !a.period().isMonth() || a.period().from().getYear() != year || a.period().to().getYear() != year) {
                continue;
            }
            switch (a.rowType()) {
                case "year_total" -> total = a;
                case "month" -> a.count(ReferenceData.TOTAL).ifPresent(v -> known.put(a.period().from(), v));
                case "month_unknown" -> a.count(ReferenceData.TOTAL).ifPresent(unknown::add);
                default -> {
                }
            }
        }
        if (total == null || total.count(ReferenceData.TOTAL).isEmpty()) {
            notes.add("--with-inputs: no " + year + " applications total: no inputs used");
            return factors;
        }
        String f = ReferenceFiles.APPLICATIONS_MONTHLY;
        long t = total.count(ReferenceData.TOTAL).getAsLong();
        double level = t / 12.0;
        double resettlement = total.count(ApplicationType.RESETTLEMENT.dvzColumn()).isPresent() && base.pathway(ApplicationType.RESETTLEMENT).isPresent()
                ? total.count(ApplicationType.RESETTLEMENT.dvzColumn()).getAsLong() / 12.0 : 0;
        double spontaneous = level - resettlement;
        replace("inflow.persons_per_month", JSON.numberNode(round(spontaneous, 1)), String.format(Locale.ROOT,
                "INPUT (after --through) from %s %d: %s (%d applications / 12%s); the calibrated level through %s was %s", f, year,
                fmt(spontaneous, 1), t, resettlement > 0 ? " minus " + fmt(resettlement, 1) + " first applications in resettlement a month" : "",
                through, persons == null ? "-" : fmt(persons, 1)));
        if (resettlement > 0 && base.pathway(ApplicationType.RESETTLEMENT).isPresent()) {
            replace("pathways[channel=RESETTLEMENT].persons_per_month", JSON.numberNode(round(resettlement, 1)), String.format(Locale.ROOT,
                    "INPUT (after --through) from %s %d: %s (%d first applications in resettlement / 12)", f, year, fmt(resettlement, 1),
                    total.count(ApplicationType.RESETTLEMENT.dvzColumn()).getAsLong()));
        }
        double[] out = factors;
        if (known.size() + unknown.size() == 12 && factors != null) {
            long[] v = new long[12];
            known.forEach((m, x) -> v[m.getMonthValue() - 1] = x);
            List<Integer> free = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                if (!known.containsKey(YearMonth.of(year, i + 1))) {
                    free.add(i);
                }
            }
            double[] fc = factors;
            free.sort(Comparator.comparingDouble((Integer i) -> fc[i]).reversed());
            unknown.sort(Comparator.reverseOrder());
            for (int k = 0; k < free.size(); k++) {
                v[free.get(k)] = unknown.get(k);
            }
            double mean = Arrays.stream(v).average().orElseThrow();
            out = new double[12];
            ArrayNode fa = JSON.arrayNode();
            for (int i = 0; i < 12; i++) {
                out[i] = (v[i] - resettlement) / (mean - resettlement); // the pathway is constant: spontaneous + pathway = the value
                fa.add(round(out[i], 4));
            }
            replace("inflow.monthly_factors", fa, "INPUT (after --through) from " + f + " " + year + ": the 12 monthly values " + Arrays.toString(v)
                    + (resettlement > 0 ? " minus the resettlement pathway" : "") + " / their mean; " + (known.isEmpty() ? "" : "months printed: " + known.keySet() + "; ") + "ASSUMPTION: the " + unknown.size()
                    + " values printed without a month are placed by rank in the order of the calibrated seasonal factors");
            notes.add("inputs " + year + ": monthly applications " + Arrays.toString(v) + " (sum " + Arrays.stream(v).sum() + ", printed total " + t + ")");
        } else if (factors != null) {
            notes.add("--with-inputs: " + (known.size() + unknown.size()) + " monthly values for " + year + " (not 12): monthly_factors stay calibrated");
        }
        // nationalities printed with a count for the input year
        Map<Nationality, Double> given = new LinkedHashMap<>();
        for (ApplicationsByNationality r : ref.applicationsByNationality()) {
            if (r.rowType().equals("country") && r.period().equals(Period.year(year)) && r.count(ReferenceData.TOTAL).isPresent()) {
                given.put(Nationality.of(r.iso2()), r.count(ReferenceData.TOTAL).getAsLong() / (double) t);
            }
        }
        if (!given.isEmpty() && !natMix.isEmpty()) {
            double g = given.values().stream().mapToDouble(Double::doubleValue).sum();
            double rest = natMix.entrySet().stream().filter(e -> !given.containsKey(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
            natMix.replaceAll((k, x) -> given.containsKey(k) ? given.get(k) : x * (1 - g) / rest);
            for (Map.Entry<Nationality, Double> e : given.entrySet()) {
                natMix.putIfAbsent(e.getKey(), e.getValue());
            }
            String shares = given.entrySet().stream().map(e -> e.getKey().code() + " " + fmt(e.getValue(), 4)).reduce((a, b) -> a + ", " + b)
                    .orElse("");
            amend("inflow.nationality_mix", old -> new Setting(old.path(), old.value(), old.comment()
                    + "; INPUT (after --through) from " + ReferenceFiles.APPLICATIONS_BY_NATIONALITY + " " + year + ": " + shares
                    + " of all applications replaces the calibrated share; the other shares scaled to the rest"));
        }
        return out;
    }
}
