package be.keten.sim.calibration;

import be.keten.core.calendar.Period;
import be.keten.core.person.Nationality;
import be.keten.core.procedure.ApplicationType;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceData.ApplicationsByNationality;
import be.keten.io.reference.ReferenceFiles;
import be.keten.sim.calibration.Calibrator.Setting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code inflow.nationality_mix}: the shares of the countries printed in the latest applications-by-nationality
 * table up to --through (first applications in resettlement left out, the rest as UNKNOWN), fitted against the
 * other tables. Written with a null value first: the mix is put in at the end, after any inputs changed it.
 */
final class NationalityMix extends CalibrationStep {
    NationalityMix(CalibrationStep shared) {
        super(shared);
    }

    private static long spontaneous(ApplicationsByNationality r) {
        return r.count(ReferenceData.TOTAL).getAsLong() - r.count(ApplicationType.RESETTLEMENT.dvzColumn()).orElse(0);
    }

    /** Fills {@code out} with the shares of the latest table up to --through; the other tables give the fit. */
    void estimate(Map<Nationality, Double> out) {
        Map<Period, List<ApplicationsByNationality>> byPeriod = new TreeMap<>();
        for (ApplicationsByNationality r : ref.applicationsByNationality()) {
            if (usable(r.period()) && r.count(ReferenceData.TOTAL).isPresent()) {
                byPeriod.computeIfAbsent(r.period(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Period> candidates = byPeriod.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(r -> r.rowType().equals(ReferenceData.TOTAL))
                && e.getValue().stream().anyMatch(r -> r.rowType().equals("country"))).map(Map.Entry::getKey).toList();
        if (candidates.isEmpty()) {
            notes.add("no applications by nationality with a total up to " + through + ": nationality_mix FROM BASE");
            return;
        }
        Period chosen = candidates.stream().max(Comparator.comparing(Period::to).thenComparing(Period::length)).orElseThrow();
        List<ApplicationsByNationality> rows = byPeriod.get(chosen);
        long total = rows.stream().filter(r -> r.rowType().equals(ReferenceData.TOTAL)).mapToLong(NationalityMix::spontaneous).sum();
        double known = 0;
        List<ApplicationsByNationality> countries = rows.stream().filter(r -> r.rowType().equals("country"))
                .sorted(Comparator.comparing(NationalityMix::spontaneous).reversed()).toList();
        for (ApplicationsByNationality r : countries) {
            double s = spontaneous(r) / (double) total;
            out.put(Nationality.of(r.iso2()), s);
            known += s;
        }
        out.put(Nationality.UNKNOWN, Math.max(0, 1 - known));
        settings.add(new Setting("inflow.nationality_mix", JSON.nullNode(), "CALIBRATED from " + ReferenceFiles.APPLICATIONS_BY_NATIONALITY + " "
                + chosen.label() + ": " + natNode(out) + " (the " + countries.size() + " countries printed, their persons excluding first applications in resettlement"
                + " / the total; other countries as UNKNOWN)"));
        // fit: the same countries in the other periods up to --through
        List<Fit.Point> pts = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        for (Period p : candidates) {
            if (p.equals(chosen)) {
                continue;
            }
            periods.add(p.label());
            List<ApplicationsByNationality> pr = byPeriod.get(p);
            long t = pr.stream().filter(r -> r.rowType().equals(ReferenceData.TOTAL)).mapToLong(NationalityMix::spontaneous).sum();
            double covered = 0;
            for (ApplicationsByNationality r : pr) {
                if (r.rowType().equals("country") && out.containsKey(Nationality.of(r.iso2()))) {
                    double s = spontaneous(r) / (double) t;
                    covered += s;
                    pts.add(new Fit.Point(p.label() + " " + r.iso2(), s, out.get(Nationality.of(r.iso2()))));
                }
            }
            double fittedCovered = pr.stream().filter(r -> r.rowType().equals("country") && out.containsKey(Nationality.of(r.iso2())))
                    .mapToDouble(r -> out.get(Nationality.of(r.iso2()))).sum();
            pts.add(new Fit.Point(p.label() + " rest", 1 - covered, 1 - fittedCovered));
        }
        if (pts.isEmpty()) {
            for (ApplicationsByNationality r : countries) {
                pts.add(new Fit.Point(chosen.label() + " " + r.iso2(), spontaneous(r) / (double) total, out.get(Nationality.of(r.iso2()))));
            }
            fits.add(new Fit("nationality shares", ReferenceFiles.APPLICATIONS_BY_NATIONALITY + " " + chosen.label(),
                    "the calibrated mix (same period: exact by construction, no other period to compare)", Fit.Measure.MAX_ABS_DIFF, pts));
        } else {
            fits.add(new Fit("nationality shares, out of window", ReferenceFiles.APPLICATIONS_BY_NATIONALITY + " " + String.join(", ", periods)
                    + " (the window " + chosen.label() + " itself is reproduced exactly)", "the calibrated mix (rest = countries not in that period's"
                    + " table, UNKNOWN included)", Fit.Measure.MAX_ABS_DIFF, pts));
        }
    }
}
