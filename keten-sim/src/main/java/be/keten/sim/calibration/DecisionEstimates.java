package be.keten.sim.calibration;

import be.keten.core.calendar.Period;
import be.keten.core.person.Nationality;
import be.keten.core.procedure.DecisionType;
import be.keten.io.reference.ReferenceData.Decisions;
import be.keten.io.reference.ReferenceData.DecisionsByNationality;
import be.keten.io.reference.ReferenceFiles;
import be.keten.sim.Mix;
import be.keten.sim.calibration.Calibrator.Setting;
import be.keten.sim.calibration.EngineMix.Solved;
import be.keten.stats.publication.DecisionRow;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CGVS decision mixes: overall from the decisions of the window ({@link DecisionWindow}), by nationality
 * from the latest by-nationality table (persons converted to dossiers), and the overall mix then recomputed
 * for the nationalities without a mix of their own. {@link EngineMix} turns published counts into the mix the
 * engine draws from.
 */
final class DecisionEstimates extends CalibrationStep {
    Map<DecisionRow, Double> published;
    Mix<DecisionType> mix;
    Double admissible;
    Map<Nationality, Mix<DecisionType>> byNat = new LinkedHashMap<>();
    Mix<DecisionType> restMix;
    /** Final decisions (dossiers) of the nationalities with a mix of their own, and of all, in the by-nationality period. */
    private final Map<DecisionRow, Double> nationalDossiers = new EnumMap<>(DecisionRow.class);
    private final Map<DecisionRow, Double> nationalPeriodDossiers = new EnumMap<>(DecisionRow.class);
    private Period nationalPeriod;

    DecisionEstimates(CalibrationStep shared) {
        super(shared);
    }

    /** The overall mix ({@code cgvs.decision_mix}, {@code cgvs.subsequent_admissible_share}) and the mixes by nationality. */
    void estimate(DecisionWindow dw, Double sigma) {
        Map<DecisionRow, Double> c = dw.rows("dossiers");
        double d = EngineMix.FINAL_ROWS.stream().mapToDouble(c::get).sum();
        double interim = c.get(DecisionRow.INTERIM);
        published = new EnumMap<>(DecisionRow.class);
        for (DecisionRow r : EngineMix.FINAL_ROWS) {
            published.put(r, c.get(r) / d);
        }
        Solved s = EngineMix.solve(c, interim, sigma, null);
        if (s.admissible() != null) {
            admissible = s.admissible();
            settings.add(new Setting("cgvs.subsequent_admissible_share", JSON.numberNode(round(admissible, 4)), String.format(Locale.ROOT,
                    "CALIBRATED from %s %s: %s (interim decisions %s / (subsequent share %s × %s final decisions), dossiers)",
                    ReferenceFiles.CGVS_DECISIONS, dw.label(), fmt(admissible, 4), fmt(interim, 0), fmt(sigma, 4), fmt(d, 0))));
        }
        mix = EngineMix.split(s.mix(), base.cgvs().decisionMix());
        settings.add(new Setting("cgvs.decision_mix", mixNode(mix), String.format(Locale.ROOT,
                "CALIBRATED from %s %s: %s (final decisions in dossiers, withdrawals/revocations left out; inadmissible decisions on subsequent"
                        + " applications, which the engine makes itself, taken out; the refusal row split into refusal, exclusion, closure as in the"
                        + " base)", ReferenceFiles.CGVS_DECISIONS, dw.label(), mixText(mix))));
        fitDecisions(dw, c, s, sigma);
        double p = s.admissible() != null ? s.admissible() : base.cgvs().subsequentAdmissibleShare();
        byNat = decisionMixByNationality(dw, p, sigma);
        restMix = mix;
        if (!byNat.isEmpty()) {
            Map<DecisionRow, Double> rest = new EnumMap<>(DecisionRow.class);
            for (DecisionRow r : EngineMix.FINAL_ROWS) {
                rest.put(r, Math.max(0, nationalPeriodDossiers.get(r) - nationalDossiers.get(r)));
            }
            double rd = EngineMix.FINAL_ROWS.stream().mapToDouble(rest::get).sum();
            if (rd > 0) {
                Solved sr = EngineMix.solve(rest, 0, sigma, p);
                restMix = EngineMix.split(sr.mix(), base.cgvs().decisionMix());
                replace("cgvs.decision_mix", mixNode(restMix), String.format(Locale.ROOT,
                        "CALIBRATED from %s and %s %s: %s, for the nationalities without their own mix: all final decisions (dossiers,"
                                + " withdrawals/revocations left out) minus those of %s (protection share %s; all nationalities %s); inadmissible"
                                + " decisions on subsequent applications, which the engine makes itself, taken out; the refusal row split into"
                                + " refusal, exclusion, closure as in the base", ReferenceFiles.CGVS_DECISIONS, ReferenceFiles.CGVS_DECISIONS_BY_NATIONALITY,
                        nationalPeriod.label(), mixText(restMix), byNat.keySet().stream().map(Nationality::code).toList(),
                        fmt((rest.get(DecisionRow.REFUGEE_STATUS) + rest.get(DecisionRow.SUBSIDIARY_PROTECTION)) / rd, 4),
                        fmt(published.get(DecisionRow.REFUGEE_STATUS) + published.get(DecisionRow.SUBSIDIARY_PROTECTION), 4)));
            }
        }
    }

    /** The last (up to) 12 consecutive months with decisions in dossiers up to --through; else the latest period total. */
    DecisionWindow decisionWindow() {
        Map<Period, Map<String, Map<String, Long>>> counts = new HashMap<>();
        TreeMap<YearMonth, Period> months = new TreeMap<>();
        Map<Period, Map<String, Map<String, Long>>> totals = new HashMap<>();
        for (Decisions d : ref.decisions()) {
            if (!usable(d.period()) || d.count() == null) {
                continue;
            }
            Map<Period, Map<String, Map<String, Long>>> target = d.rowType().equals("month") ? counts : totals;
            target.computeIfAbsent(d.period(), k -> new HashMap<>()).computeIfAbsent(d.unit(), k -> new HashMap<>()).put(d.decisionType(), d.count());
            if (d.rowType().equals("month") && d.unit().equals("dossiers")) {
                months.put(d.period().from(), d.period());
            }
        }
        List<YearMonth> w = lastConsecutive(months.navigableKeySet(), 12);
        if (!w.isEmpty()) {
            return new DecisionWindow(w.stream().map(Period::month).toList(), counts);
        }
        Period latest = totals.entrySet().stream().filter(e -> e.getValue().containsKey("dossiers")).map(Map.Entry::getKey)
                .max(Comparator.comparing(Period::to).thenComparing(Period::length)).orElse(null);
        return latest == null ? null : new DecisionWindow(List.of(latest), totals);
    }

    private void fitDecisions(DecisionWindow dw, Map<DecisionRow, Double> c, Solved s, Double sigma) {
        double d = EngineMix.FINAL_ROWS.stream().mapToDouble(c::get).sum();
        Map<DecisionRow, Double> exp = s.expected();
        double ed = EngineMix.FINAL_ROWS.stream().mapToDouble(exp::get).sum();
        List<Fit.Point> pts = new ArrayList<>();
        for (DecisionRow r : EngineMix.FINAL_ROWS) {
            pts.add(new Fit.Point(r.code(), c.get(r) / d, exp.get(r) / ed));
        }
        fits.add(new Fit("final decision shares (dossiers), all nationalities, overall mix", ReferenceFiles.CGVS_DECISIONS + " " + dw.label(),
                "check of the algebra, exact unless CLAMPED: expected shares under the engine's rules, calibrated mix + subsequent admissibility (σ " + (sigma == null ? "-" : fmt(sigma, 4))
                        + ", admissible " + (s.admissible() == null ? "-" : fmt(s.admissible(), 4)) + ")" + (s.clamped() ? "; CLAMPED" : ""),
                Fit.Measure.MAX_ABS_DIFF, pts));
        if (dw.months().size() > 1) {
            double fitted = (exp.get(DecisionRow.REFUGEE_STATUS) + exp.get(DecisionRow.SUBSIDIARY_PROTECTION)) / ed;
            List<Fit.Point> pr = new ArrayList<>();
            for (Period p : dw.months()) {
                double den = EngineMix.FINAL_ROWS.stream().mapToDouble(r -> dw.get(p, "dossiers", r.code())).sum();
                double num = dw.get(p, "dossiers", DecisionRow.REFUGEE_STATUS.code()) + dw.get(p, "dossiers", DecisionRow.SUBSIDIARY_PROTECTION.code());
                pr.add(new Fit.Point(p.label(), den == 0 ? Double.NaN : num / den, fitted));
            }
            fits.add(new Fit("protection rate per month (dossiers)", ReferenceFiles.CGVS_DECISIONS + " " + dw.label(),
                    "constant rate of the calibrated mix", Fit.Measure.MAX_ABS_DIFF, pr));
        }
    }

    /** Persons per dossier of each row in a period, from the overall table (for converting the by-nationality persons). */
    private Map<DecisionRow, Double> personsPerDossierByRow(Period period, DecisionWindow dw) {
        Map<DecisionRow, long[]> sum = new EnumMap<>(DecisionRow.class);
        for (DecisionRow r : DecisionRow.values()) {
            sum.put(r, new long[2]);
        }
        boolean found = false;
        for (Decisions d : ref.decisions()) {
            if (d.count() != null && usable(d.period()) && d.rowType().equals("month") && period.contains(d.period())) {
                for (DecisionRow r : DecisionRow.values()) {
                    if (r.code().equals(d.decisionType())) {
                        sum.get(r)[d.unit().equals("persons") ? 0 : 1] += d.count();
                        found = true;
                    }
                }
            }
        }
        if (!found) {
            Map<DecisionRow, Double> p = dw.rows("persons");
            Map<DecisionRow, Double> q = dw.rows("dossiers");
            for (DecisionRow r : DecisionRow.values()) {
                sum.get(r)[0] = Math.round(p.get(r));
                sum.get(r)[1] = Math.round(q.get(r));
            }
        }
        Map<DecisionRow, Double> out = new EnumMap<>(DecisionRow.class);
        for (DecisionRow r : DecisionRow.values()) {
            out.put(r, sum.get(r)[1] == 0 || sum.get(r)[0] == 0 ? 1.0 : sum.get(r)[0] / (double) sum.get(r)[1]);
        }
        return out;
    }

    private Map<Nationality, Mix<DecisionType>> decisionMixByNationality(DecisionWindow dw, double p, Double sigma) {
        Map<Nationality, Mix<DecisionType>> out = new LinkedHashMap<>();
        Map<Period, List<DecisionsByNationality>> byPeriod = new TreeMap<>();
        for (DecisionsByNationality r : ref.decisionsByNationality()) {
            if (usable(r.period()) && r.count() != null && r.unit().equals("persons")) {
                byPeriod.computeIfAbsent(r.period(), k -> new ArrayList<>()).add(r);
            }
        }
        if (byPeriod.isEmpty()) {
            notes.add("no decisions by nationality up to " + through + ": decision_mix_by_nationality FROM BASE");
            return out;
        }
        Period period = byPeriod.keySet().stream().max(Comparator.comparing(Period::to).thenComparing(Period::length)).orElseThrow();
        Map<DecisionRow, Double> ppd = personsPerDossierByRow(period, dw);
        Map<DecisionRow, Double> overallPersons = monthlyTotals("persons", period);
        for (DecisionRow r : DecisionRow.values()) {
            nationalDossiers.put(r, 0.0);
        }
        nationalPeriodDossiers.putAll(monthlyTotals("dossiers", period));
        if (overallPersons.values().stream().allMatch(v -> v == 0)) {
            overallPersons = dw.rows("persons");
            nationalPeriodDossiers.putAll(dw.rows("dossiers"));
            notes.add("no monthly decisions inside " + period.label() + ": the by-nationality decisions are compared with the window " + dw.label());
        }
        nationalPeriod = period;
        double negAll = overallPersons.get(DecisionRow.INADMISSIBLE) + overallPersons.get(DecisionRow.MANIFESTLY_UNFOUNDED)
                + overallPersons.get(DecisionRow.REFUSAL);
        Map<String, Map<String, Long>> byCountry = new LinkedHashMap<>();
        for (DecisionsByNationality r : byPeriod.get(period)) {
            if (r.rowType().equals("country")) {
                byCountry.computeIfAbsent(r.iso2(), k -> new HashMap<>()).put(r.decisionType(), r.count());
            }
        }
        ObjectNode node = JSON.objectNode();
        Map<String, String> comments = new LinkedHashMap<>();
        List<Fit.Point> pts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> e : byCountry.entrySet()) {
            Map<String, Long> k = e.getValue();
            long ref0 = k.getOrDefault("refugee_status", 0L);
            long sub0 = k.getOrDefault("subsidiary_protection", 0L);
            long wr = k.getOrDefault("withdrawal_or_revocation", 0L);
            long neg = k.containsKey("negative_total") ? k.get("negative_total")
                    : k.getOrDefault("inadmissible", 0L) + k.getOrDefault("manifestly_unfounded", 0L) + k.getOrDefault("refusal", 0L);
            long finals = k.containsKey("total_final") ? k.get("total_final") : ref0 + sub0 + wr + neg;
            if (finals < Calibrator.MIN_NATIONALITY_FINAL_PERSONS) {
                skipped.add(e.getKey() + " (" + finals + ")");
                continue;
            }
            Map<DecisionRow, Double> persons = new EnumMap<>(DecisionRow.class);
            persons.put(DecisionRow.REFUGEE_STATUS, (double) ref0);
            persons.put(DecisionRow.SUBSIDIARY_PROTECTION, (double) sub0);
            for (DecisionRow r : List.of(DecisionRow.INADMISSIBLE, DecisionRow.MANIFESTLY_UNFOUNDED, DecisionRow.REFUSAL)) {
                persons.put(r, k.containsKey(r.code()) ? k.get(r.code()) : negAll == 0 ? 0 : neg * overallPersons.get(r) / negAll);
            }
            Map<DecisionRow, Double> dossiers = new EnumMap<>(DecisionRow.class);
            EngineMix.FINAL_ROWS.forEach(r -> dossiers.put(r, persons.get(r) / ppd.get(r)));
            Nationality n = Nationality.of(e.getKey());
            Solved s = EngineMix.solve(dossiers, 0, sigma, p);
            Mix<DecisionType> like = base.cgvs().byNationality().getOrDefault(n, base.cgvs().decisionMix());
            Mix<DecisionType> mix = EngineMix.split(s.mix(), like);
            out.put(n, mix);
            EngineMix.FINAL_ROWS.forEach(r -> nationalDossiers.merge(r, dossiers.get(r), Double::sum));
            node.set(n.code(), mixNode(mix));
            comments.put(n.code(), String.format(Locale.ROOT, "%s: %d final decisions (persons)%s", n.code(), finals,
                    s.clamped() ? "; CLAMPED: the inadmissible decisions assumed (refusal decisions split as overall) are fewer than the engine's subsequent"
                            + " applications make, so first applications get none (the published columns are still reproduced)" : ""));
            // fit: published protection share among final decisions (persons, withdrawals left out) vs expected under the engine
            Map<DecisionRow, Double> exp = s.expected();
            double ep = EngineMix.FINAL_ROWS.stream().mapToDouble(r -> exp.get(r) * ppd.get(r)).sum();
            double epos = (exp.get(DecisionRow.REFUGEE_STATUS) * ppd.get(DecisionRow.REFUGEE_STATUS)
                    + exp.get(DecisionRow.SUBSIDIARY_PROTECTION) * ppd.get(DecisionRow.SUBSIDIARY_PROTECTION)) / ep;
            pts.add(new Fit.Point(n.code(), (ref0 + sub0) / (double) (ref0 + sub0 + neg), epos));
        }
        if (!out.isEmpty()) {
            settings.add(new Setting("cgvs.decision_mix_by_nationality", node, String.format(Locale.ROOT,
                    "CALIBRATED from %s %s: the countries with at least %d final decisions (persons); persons converted to dossiers with the"
                            + " persons per dossier of each decision type (%s %s); refusal decisions (inadmissible + manifestly unfounded + refusal)"
                            + " split as in the overall table; inadmissible subsequent applications taken out as for decision_mix (the engine draws the application"
                            + " type independently of the nationality, so with the overall subsequent share)."
                            + " Other nationalities use decision_mix.", ReferenceFiles.CGVS_DECISIONS_BY_NATIONALITY, period.label(),
                    Calibrator.MIN_NATIONALITY_FINAL_PERSONS, ReferenceFiles.CGVS_DECISIONS, period.label()), comments));
            fits.add(new Fit("protection share by nationality (persons, final decisions excl. withdrawals)",
                    ReferenceFiles.CGVS_DECISIONS_BY_NATIONALITY + " " + period.label(),
                    "check of the algebra (exact by construction, CLAMPED included): expected under the engine (nationality mix + subsequent admissibility), back in persons", Fit.Measure.MAX_ABS_DIFF, pts));
        }
        if (!skipped.isEmpty()) {
            notes.add("by-nationality decisions below " + Calibrator.MIN_NATIONALITY_FINAL_PERSONS + " final decisions (persons), left to decision_mix: "
                    + String.join(", ", skipped));
        }
        return out;
    }

    /** Per decision row, the national decisions in {@code unit} of the months within {@code period} (0 for a row without any). */
    private Map<DecisionRow, Double> monthlyTotals(String unit, Period period) {
        Map<DecisionRow, Double> out = new EnumMap<>(DecisionRow.class);
        for (DecisionRow r : DecisionRow.values()) {
            out.put(r, 0.0);
        }
        for (Decisions d : ref.decisions()) {
            if (d.count() != null && d.unit().equals(unit) && d.rowType().equals("month") && period.contains(d.period())) {
                for (DecisionRow r : DecisionRow.values()) {
                    if (r.code().equals(d.decisionType())) {
                        out.merge(r, (double) d.count(), Double::sum);
                    }
                }
            }
        }
        return out;
    }
}
