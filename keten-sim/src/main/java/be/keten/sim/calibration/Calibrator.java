package be.keten.sim.calibration;

import be.keten.core.calendar.Period;
import be.keten.core.person.Nationality;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionStage;
import be.keten.core.procedure.DecisionType;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceData.Applications;
import be.keten.io.reference.ReferenceData.ApplicationsByNationality;
import be.keten.io.reference.ReferenceData.Decisions;
import be.keten.io.reference.ReferenceData.DecisionsByNationality;
import be.keten.io.reference.ReferenceData.Workload;
import be.keten.io.reference.ReferenceFiles;
import be.keten.sim.Mix;
import be.keten.sim.Scenario;
import be.keten.stats.publication.DecisionRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Estimates a scenario's parameters from published figures (issue 4 §4), using only figures dated on
 * or before {@code --through}: a figure for a period counts when the period ends on or before that
 * month, a stock when its date is on or before the month's last day. What the figures do not give is
 * taken from a base scenario. Every estimate is a {@link Setting} (YAML key path, value, a comment
 * naming file, period and value) and every estimated series has a {@link Fit}. See docs/simulation.md,
 * "Calibration", for the method of each estimate.
 */
public final class Calibrator {
    /** A nationality gets its own decision mix when the by-nationality table has at least this many final decisions (persons). */
    public static final int MIN_NATIONALITY_FINAL_PERSONS = 500;
    /** Mean days in a month: service time = 30.44 / decisions per FTE-month (docs/simulation.md, {@code cgvs.service_time}). */
    public static final double DAYS_PER_MONTH = 30.44;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DecisionRow.RowMapping ROWS = DecisionRow.RowMapping.defaults();
    private static final List<DecisionRow> FINAL_ROWS = List.of(DecisionRow.REFUGEE_STATUS, DecisionRow.SUBSIDIARY_PROTECTION,
            DecisionRow.INADMISSIBLE, DecisionRow.MANIFESTLY_UNFOUNDED, DecisionRow.REFUSAL);

    /**
     * @param through       last month whose figures may be used
     * @param withInputs    also put figures dated after {@code through} that are scenario <em>inputs</em> (applications and
     *                      FTE of the simulated year) into the scenario; they are never used for an estimate
     * @param horizonMonths months to simulate; null keeps the base scenario's
     * @param name          scenario name; null gives {@code calibrated-through-YYYY-MM}
     */
    public record Options(YearMonth through, boolean withInputs, Integer horizonMonths, String name) {
        public Options(YearMonth through) {
            this(through, false, null, null);
        }
    }

    /** A key of the scenario file set by the calibration, with its comment; {@code children} comment the entries of a mapping. */
    public record Setting(String path, JsonNode value, String comment, Map<String, String> children) {
        Setting(String path, JsonNode value, String comment) {
            this(path, value, comment, Map.of());
        }
    }

    /** The estimates, unrounded (the written file rounds shares to 4 decimals). Null where the figures give nothing. */
    public record Estimates(Double applicationsPerMonth, Double resettlementPerMonth, Double personsPerMonth, double[] monthlyFactors,
                            Map<Nationality, Double> nationalityMix, Map<ApplicationType, Double> applicationTypes,
                            Map<DecisionRow, Double> publishedDecisionShares, Mix<DecisionType> overallDecisionMix, Mix<DecisionType> decisionMix,
                            Map<Nationality, Mix<DecisionType>> decisionMixByNationality, Double subsequentAdmissibleShare,
                            Double personsPerDossier, double[] householdSize, Double decisionsPerMonth, Double fte,
                            Double decisionsPerFteMonth, Double serviceTimeMeanDays, Integer cgvsWorkloadDossiers, LocalDate workloadDate,
                            Integer normalWorkloadDossiers) {
    }

    /** The result: estimates, the settings to write, the fit per series and the assumptions made on the way. */
    public record Calibration(Options options, LocalDate start, Estimates estimates, List<Setting> settings, List<Fit> fits,
                              List<String> notes) {
        /** The fit report printed by {@code keten calibrate}. */
        public String report() {
            StringBuilder b = new StringBuilder();
            b.append("Fit per series (published figures up to ").append(options.through()).append(" vs the calibrated model)\n\n");
            for (Fit f : fits) {
                b.append(f.render()).append('\n');
            }
            if (!notes.isEmpty()) {
                b.append("Assumptions and notes\n");
                for (String n : notes) {
                    b.append("  - ").append(n).append('\n');
                }
            }
            return b.toString();
        }
    }

    private final ReferenceData ref;
    private final StaffFigures staff;
    private final Scenario base;
    private final Options options;
    private final YearMonth through;
    private final List<Setting> settings = new ArrayList<>();
    private final List<Fit> fits = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Calibrator(ReferenceData ref, StaffFigures staff, Scenario base, Options options) {
        this.ref = ref;
        this.staff = staff;
        this.base = base;
        this.options = options;
        this.through = options.through();
    }

    public static Calibration calibrate(ReferenceData ref, StaffFigures staff, Scenario base, Options options) {
        return new Calibrator(ref, staff, base, options).run();
    }

    private boolean usable(Period p) {
        return !p.to().isAfter(through);
    }

    // ---- the estimation ---------------------------------------------------------------------------

    private Calibration run() {
        LocalDate start = through.plusMonths(1).atDay(1);
        String name = options.name() != null ? options.name() : "calibrated-through-" + through;
        int horizon = options.horizonMonths() != null ? options.horizonMonths() : base.horizonMonths();
        settings.add(new Setting("name", JSON.textNode(name), "SET by keten calibrate"));
        settings.add(new Setting("start", JSON.textNode(start.toString()), "SET by keten calibrate: the first day after --through " + through));
        settings.add(new Setting("horizon_months", JSON.numberNode(horizon), options.horizonMonths() != null ? "SET by keten calibrate (--horizon-months)"
                : "FROM BASE"));

        // applications: level, seasonality, resettlement, application types
        TreeMap<YearMonth, Long> monthly = new TreeMap<>();
        Map<YearMonth, Applications> monthRows = new HashMap<>();
        List<YearMonth> derived = new ArrayList<>();
        monthlyApplications(monthly, monthRows, derived);
        List<YearMonth> window = lastConsecutive(monthly.navigableKeySet(), 12);
        Double level = null;
        Double resettlement = null;
        Double persons = null;
        double[] factors = null;
        Map<ApplicationType, Double> types = null;
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
        Double sigma = types != null ? types.get(ApplicationType.SUBSEQUENT) : base.inflow().applicationTypes().share(ApplicationType.SUBSEQUENT);

        // nationality mix
        Map<Nationality, Double> natMix = new LinkedHashMap<>();
        nationalityMix(natMix);

        // decisions
        DecisionWindow dw = decisionWindow();
        Map<DecisionRow, Double> published = null;
        Mix<DecisionType> mix = null;
        Double admissible = null;
        Double ppd = null;
        double[] household = null;
        Double perMonth = null;
        Double fte = null;
        Double dpf = null;
        Double service = null;
        Map<Nationality, Mix<DecisionType>> byNat = new LinkedHashMap<>();
        Mix<DecisionType> restMix = null;
        if (dw != null) {
            Map<DecisionRow, Double> c = dw.rows("dossiers");
            double d = FINAL_ROWS.stream().mapToDouble(c::get).sum();
            double interim = c.get(DecisionRow.INTERIM);
            published = new EnumMap<>(DecisionRow.class);
            for (DecisionRow r : FINAL_ROWS) {
                published.put(r, c.get(r) / d);
            }
            Solved s = solve(c, interim, sigma, null);
            if (s.admissible != null) {
                admissible = s.admissible;
                settings.add(new Setting("cgvs.subsequent_admissible_share", JSON.numberNode(round(admissible, 4)), String.format(Locale.ROOT,
                        "CALIBRATED from %s %s: %s (interim decisions %s / (subsequent share %s × %s final decisions), dossiers)",
                        ReferenceFiles.CGVS_DECISIONS, dw.label(), fmt(admissible, 4), fmt(interim, 0), fmt(sigma, 4), fmt(d, 0))));
            }
            mix = split(s.mix, base.cgvs().decisionMix());
            settings.add(new Setting("cgvs.decision_mix", mixNode(mix), String.format(Locale.ROOT,
                    "CALIBRATED from %s %s: %s (final decisions in dossiers, withdrawals/revocations left out; inadmissible decisions on subsequent"
                            + " applications, which the engine makes itself, taken out; the refusal row split into refusal, exclusion, closure as in the"
                            + " base)", ReferenceFiles.CGVS_DECISIONS, dw.label(), mixText(mix))));
            fitDecisions(dw, c, s, sigma);
            double p = s.admissible != null ? s.admissible : base.cgvs().subsequentAdmissibleShare();
            byNat = decisionMixByNationality(dw, p, sigma);
            restMix = mix;
            if (!byNat.isEmpty()) {
                Map<DecisionRow, Double> rest = new EnumMap<>(DecisionRow.class);
                for (DecisionRow r : FINAL_ROWS) {
                    rest.put(r, Math.max(0, nationalPeriodDossiers.get(r) - nationalDossiers.get(r)));
                }
                double rd = FINAL_ROWS.stream().mapToDouble(rest::get).sum();
                if (rd > 0) {
                    Solved sr = solve(rest, 0, sigma, p);
                    restMix = split(sr.mix(), base.cgvs().decisionMix());
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

            // persons per dossier
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

            // productivity
            perMonth = dt / dw.months().size();
            double[] fteByMonth = new double[dw.months().size()];
            String fteSource = fteInWindow(dw.months(), fteByMonth);
            fte = Arrays.stream(fteByMonth).average().orElseThrow();
            dpf = perMonth / fte;
            service = DAYS_PER_MONTH / dpf;
            ObjectNode st = JSON.objectNode();
            st.put("distribution", base.cgvs().serviceTime().kind().name().toLowerCase(Locale.ROOT));
            st.put("mean_days", round(service, 2));
            st.put("cv", base.cgvs().serviceTime().cv());
            settings.add(new Setting("cgvs.service_time", st, String.format(Locale.ROOT,
                    "CALIBRATED from %s %s and %s: mean %s days = 30.44 / %s decisions per FTE-month (%s dossier decisions a month, interim"
                            + " included / %s FTE, %s); distribution and cv FROM BASE", ReferenceFiles.CGVS_DECISIONS, dw.label(), staff.label(),
                    fmt(service, 2), fmt(dpf, 3), fmt(perMonth, 1), fmt(fte, 2), fteSource)));
            fitProductivity(dw, dpf, fteByMonth);
        } else {
            notes.add("no CGVS decisions up to " + through + ": decision mixes, household size and service time FROM BASE");
        }
        fteSetting(start, horizon);

        // workload
        Workload wl = latestWorkload("workload_total");
        Workload normal = latestWorkload("normal_workload");
        Integer workload = null;
        if (wl != null) {
            workload = wl.value().intValueExact();
            long gap = ChronoUnit.DAYS.between(wl.date(), start.minusDays(1));
            settings.add(new Setting("initial.cgvs_workload_dossiers", JSON.numberNode(workload), "CALIBRATED from " + ReferenceFiles.CGVS_WORKLOAD
                    + " " + wl.date() + ": " + workload + (gap > 0 ? " (the latest stock, " + gap + " day(s) before the start: ASSUMPTION unchanged since)" : "")));
        }
        if (normal != null) {
            settings.add(new Setting("normal_workload_dossiers", JSON.numberNode(normal.value().intValueExact()), "CALIBRATED from "
                    + ReferenceFiles.CGVS_WORKLOAD + " " + normal.date() + ": " + normal.value().intValueExact()));
        }

        if (options.withInputs()) {
            factors = inputs(start, factors, natMix, persons);
        }
        if (!natMix.isEmpty()) {
            Setting old = settings.stream().filter(x -> x.path().equals("inflow.nationality_mix")).findFirst().orElseThrow();
            settings.set(settings.indexOf(old), new Setting(old.path(), natNode(natMix), old.comment()));
        }
        if (types != null) {
            ObjectNode tn = JSON.objectNode();
            double[] rounded = roundShares(new double[] {types.get(ApplicationType.FIRST), types.get(ApplicationType.SUBSEQUENT)});
            tn.put("FIRST", rounded[0]);
            tn.put("SUBSEQUENT", rounded[1]);
            List<YearMonth> used = window.stream().filter(m -> monthRows.containsKey(m) && hasTypeColumns(monthRows.get(m))).toList();
            settings.add(new Setting("inflow.application_types", tn, "CALIBRATED from " + appFile + " " + range(used) + ": " + tn
                    + " (columns first_excl_resettlement and subsequent; first applications in resettlement are the RESETTLEMENT pathway)"));
        }
        Estimates e = new Estimates(level, resettlement, persons, factors, natMix.isEmpty() ? null : natMix, types, published, mix, restMix,
                byNat, admissible, ppd, household, perMonth, fte, dpf, service, workload, wl == null ? null : wl.date(),
                normal == null ? null : normal.value().intValueExact());
        return new Calibration(options, start, e, List.copyOf(settings), List.copyOf(fits), List.copyOf(notes));
    }

    // ---- applications -----------------------------------------------------------------------------

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

    private static List<YearMonth> lastConsecutive(java.util.NavigableSet<YearMonth> months, int max) {
        List<YearMonth> out = new ArrayList<>();
        if (months.isEmpty()) {
            return out;
        }
        YearMonth m = months.last();
        while (out.size() < max && months.contains(m)) {
            out.add(0, m);
            m = m.minusMonths(1);
        }
        return out;
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

    // ---- nationality mix --------------------------------------------------------------------------

    private static long spontaneous(ApplicationsByNationality r) {
        return r.count(ReferenceData.TOTAL).getAsLong() - r.count(ApplicationType.RESETTLEMENT.dvzColumn()).orElse(0);
    }

    private void nationalityMix(Map<Nationality, Double> out) {
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
        long total = rows.stream().filter(r -> r.rowType().equals(ReferenceData.TOTAL)).mapToLong(Calibrator::spontaneous).sum();
        double known = 0;
        List<ApplicationsByNationality> countries = rows.stream().filter(r -> r.rowType().equals("country"))
                .sorted(Comparator.comparing(Calibrator::spontaneous).reversed()).toList();
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
            long t = pr.stream().filter(r -> r.rowType().equals(ReferenceData.TOTAL)).mapToLong(Calibrator::spontaneous).sum();
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

    // ---- decisions --------------------------------------------------------------------------------

    /** Decision counts by month (or one period total) and unit, by reference code. */
    private record DecisionWindow(List<Period> months, Map<Period, Map<String, Map<String, Long>>> counts) {
        String label() {
            return months.size() == 1 ? months.get(0).label() : new Period(months.get(0).from(), months.get(months.size() - 1).to()).label();
        }

        long get(Period p, String unit, String code) {
            return counts.getOrDefault(p, Map.of()).getOrDefault(unit, Map.of()).getOrDefault(code, 0L);
        }

        boolean has(Period p, String unit) {
            return counts.getOrDefault(p, Map.of()).containsKey(unit);
        }

        /** Summed over the window, by publication row; interim included. */
        Map<DecisionRow, Double> rows(String unit) {
            Map<DecisionRow, Double> out = new EnumMap<>(DecisionRow.class);
            for (DecisionRow r : DecisionRow.values()) {
                out.put(r, (double) months.stream().mapToLong(p -> get(p, unit, r.code())).sum());
            }
            return out;
        }

        double total(String unit) {
            return months.stream().mapToLong(p -> get(p, unit, ReferenceData.TOTAL)).sum();
        }
    }

    /** The last (up to) 12 consecutive months with decisions in dossiers up to --through; else the latest period total. */
    private DecisionWindow decisionWindow() {
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

    /**
     * The mix the engine draws from, by publication row, such that its expected published shares equal the counts {@code c}
     * (dossiers). The engine decides admissibility of a subsequent application first: a share {@code p} gets an interim decision
     * and later a merits decision from the mix without inadmissibility, the rest is declared inadmissible. With {@code D} final
     * decisions, {@code I} interim ones and subsequent share σ: subsequent admissibility decisions σ·D, p = I / (σ·D), inadmissible
     * subsequent N = σ·D − I (at most the inadmissible row), first-application decisions F = D − I − N; then
     * m_inadmissible = (c_inadmissible − N) / F and m_r = c_r (1 − m_inadmissible) / (D − c_inadmissible) for the other rows.
     *
     * @param fixedP null: estimate p from {@code interim}; else use it (by nationality, where interim decisions are not printed)
     */
    record Solved(Map<DecisionRow, Double> mix, Double admissible, double first, double interim, double inadmissibleSubsequent, boolean clamped) {
        /** Expected final decisions by row under the engine's rules. */
        Map<DecisionRow, Double> expected() {
            Map<DecisionRow, Double> out = new EnumMap<>(DecisionRow.class);
            double mi = mix.get(DecisionRow.INADMISSIBLE);
            for (DecisionRow r : FINAL_ROWS) {
                double m = mix.get(r);
                out.put(r, first * m + (r == DecisionRow.INADMISSIBLE ? inadmissibleSubsequent : mi >= 1 ? 0 : interim * m / (1 - mi)));
            }
            return out;
        }
    }

    static Solved solve(Map<DecisionRow, Double> c, double interim, Double sigma, Double fixedP) {
        double d = FINAL_ROWS.stream().mapToDouble(c::get).sum();
        double ci = c.get(DecisionRow.INADMISSIBLE);
        if (sigma == null || d <= 0 || sigma <= 0) {
            Map<DecisionRow, Double> m = new EnumMap<>(DecisionRow.class);
            FINAL_ROWS.forEach(r -> m.put(r, d <= 0 ? 0 : c.get(r) / d));
            return new Solved(m, null, d, 0, 0, false);
        }
        double sd = sigma * d;
        double p;
        double i;
        double n;
        if (fixedP == null) {
            p = Math.min(1, interim / sd);
            i = Math.min(interim, sd);
            n = sd - i;
        } else {
            p = fixedP;
            i = p * sd;
            n = (1 - p) * sd;
        }
        boolean clamped = n > ci;
        n = Math.min(n, ci);
        double f = d - i - n;
        Map<DecisionRow, Double> m = new EnumMap<>(DecisionRow.class);
        if (f <= 0) {
            FINAL_ROWS.forEach(r -> m.put(r, c.get(r) / d));
            return new Solved(m, fixedP == null ? p : null, d, 0, 0, true);
        }
        double mi = (ci - n) / f;
        for (DecisionRow r : FINAL_ROWS) {
            m.put(r, r == DecisionRow.INADMISSIBLE ? mi : d - ci <= 0 ? 0 : c.get(r) * (1 - mi) / (d - ci));
        }
        return new Solved(m, fixedP == null ? p : null, f, i, n, clamped);
    }

    /** Row shares to decision types: a row that holds several types (refusal: refusal, exclusion, closure) is split as in {@code like}. */
    static Mix<DecisionType> split(Map<DecisionRow, Double> rows, Mix<DecisionType> like) {
        Map<DecisionRow, List<DecisionType>> members = new EnumMap<>(DecisionRow.class);
        for (DecisionType t : DecisionType.ofStage(DecisionStage.FINAL)) {
            members.computeIfAbsent(ROWS.rowOf(t), k -> new ArrayList<>()).add(t);
        }
        EnumMap<DecisionType, Double> out = new EnumMap<>(DecisionType.class);
        for (Map.Entry<DecisionRow, Double> e : rows.entrySet()) {
            List<DecisionType> ts = members.getOrDefault(e.getKey(), List.of());
            double w = ts.stream().mapToDouble(like::share).sum();
            for (DecisionType t : ts) {
                double part = w > 0 ? like.share(t) / w : t.code().equals(e.getKey().code()) ? 1 : 0;
                if (part * e.getValue() > 0) {
                    out.put(t, part * e.getValue());
                }
            }
        }
        double sum = out.values().stream().mapToDouble(Double::doubleValue).sum();
        out.replaceAll((k, v) -> v / sum);
        return new Mix<>(out);
    }

    private void fitDecisions(DecisionWindow dw, Map<DecisionRow, Double> c, Solved s, Double sigma) {
        double d = FINAL_ROWS.stream().mapToDouble(c::get).sum();
        Map<DecisionRow, Double> exp = s.expected();
        double ed = FINAL_ROWS.stream().mapToDouble(exp::get).sum();
        List<Fit.Point> pts = new ArrayList<>();
        for (DecisionRow r : FINAL_ROWS) {
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
                double den = FINAL_ROWS.stream().mapToDouble(r -> dw.get(p, "dossiers", r.code())).sum();
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

    private final Map<DecisionRow, Double> nationalDossiers = new EnumMap<>(DecisionRow.class);
    private final Map<DecisionRow, Double> nationalPeriodDossiers = new EnumMap<>(DecisionRow.class);
    private Period nationalPeriod;

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
        Map<DecisionRow, Double> overallPersons = new EnumMap<>(DecisionRow.class);
        for (DecisionRow r : DecisionRow.values()) {
            overallPersons.put(r, 0.0);
        }
        for (Decisions d : ref.decisions()) {
            if (d.count() != null && d.unit().equals("persons") && d.rowType().equals("month") && period.contains(d.period())) {
                for (DecisionRow r : DecisionRow.values()) {
                    if (r.code().equals(d.decisionType())) {
                        overallPersons.merge(r, (double) d.count(), Double::sum);
                    }
                }
            }
        }
        for (DecisionRow r : DecisionRow.values()) {
            nationalDossiers.put(r, 0.0);
            nationalPeriodDossiers.put(r, 0.0);
        }
        for (Decisions d : ref.decisions()) {
            if (d.count() != null && d.unit().equals("dossiers") && d.rowType().equals("month") && period.contains(d.period())) {
                for (DecisionRow r : DecisionRow.values()) {
                    if (r.code().equals(d.decisionType())) {
                        nationalPeriodDossiers.merge(r, (double) d.count(), Double::sum);
                    }
                }
            }
        }
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
            if (finals < MIN_NATIONALITY_FINAL_PERSONS) {
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
            FINAL_ROWS.forEach(r -> dossiers.put(r, persons.get(r) / ppd.get(r)));
            Nationality n = Nationality.of(e.getKey());
            Solved s = solve(dossiers, 0, sigma, p);
            Mix<DecisionType> like = base.cgvs().byNationality().getOrDefault(n, base.cgvs().decisionMix());
            Mix<DecisionType> mix = split(s.mix(), like);
            out.put(n, mix);
            FINAL_ROWS.forEach(r -> nationalDossiers.merge(r, dossiers.get(r), Double::sum));
            node.set(n.code(), mixNode(mix));
            comments.put(n.code(), String.format(Locale.ROOT, "%s: %d final decisions (persons)%s", n.code(), finals,
                    s.clamped() ? "; CLAMPED: the inadmissible decisions assumed (refusal decisions split as overall) are fewer than the engine's subsequent"
                            + " applications make, so first applications get none (the published columns are still reproduced)" : ""));
            // fit: published protection share among final decisions (persons, withdrawals left out) vs expected under the engine
            Map<DecisionRow, Double> exp = s.expected();
            double ep = FINAL_ROWS.stream().mapToDouble(r -> exp.get(r) * ppd.get(r)).sum();
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
                    MIN_NATIONALITY_FINAL_PERSONS, ReferenceFiles.CGVS_DECISIONS, period.label()), comments));
            fits.add(new Fit("protection share by nationality (persons, final decisions excl. withdrawals)",
                    ReferenceFiles.CGVS_DECISIONS_BY_NATIONALITY + " " + period.label(),
                    "check of the algebra (exact by construction, CLAMPED included): expected under the engine (nationality mix + subsequent admissibility), back in persons", Fit.Measure.MAX_ABS_DIFF, pts));
        }
        if (!skipped.isEmpty()) {
            notes.add("by-nationality decisions below " + MIN_NATIONALITY_FINAL_PERSONS + " final decisions (persons), left to decision_mix: "
                    + String.join(", ", skipped));
        }
        return out;
    }

    // ---- persons per dossier -----------------------------------------------------------------------

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

    // ---- productivity -----------------------------------------------------------------------------

    /** FTE at the middle of each month: linear between published stocks, constant beyond the last one; which was used. */
    private String fteInWindow(List<Period> months, double[] out) {
        NavigableMap<LocalDate, Double> stocks = staff.stocks().headMap(through.atEndOfMonth(), true);
        boolean interpolated = false;
        boolean extrapolated = false;
        boolean fromBase = false;
        List<LocalDate> used = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            Period p = months.get(i);
            LocalDate mid = p.from().atDay(1).plusDays(ChronoUnit.DAYS.between(p.from().atDay(1), p.to().atEndOfMonth()) / 2);
            Map.Entry<LocalDate, Double> lo = stocks.floorEntry(mid);
            Map.Entry<LocalDate, Double> hi = stocks.ceilingEntry(mid);
            if (lo != null && hi != null && !lo.getKey().equals(hi.getKey())) {
                double t = ChronoUnit.DAYS.between(lo.getKey(), mid) / (double) ChronoUnit.DAYS.between(lo.getKey(), hi.getKey());
                out[i] = lo.getValue() + t * (hi.getValue() - lo.getValue());
                interpolated = true;
                addOnce(used, lo.getKey());
                addOnce(used, hi.getKey());
            } else if (lo != null || hi != null) {
                Map.Entry<LocalDate, Double> e = lo != null ? lo : hi;
                out[i] = e.getValue();
                extrapolated = !e.getKey().equals(mid);
                addOnce(used, e.getKey());
            } else {
                out[i] = base.cgvs().fte().on(mid);
                fromBase = true;
            }
        }
        if (fromBase) {
            notes.add("no published FTE on or before " + through + ": productivity uses the base scenario's cgvs.fte (ASSUMPTION)");
            return "FTE FROM BASE";
        }
        String stocksText = used.stream().map(d -> d + " " + fmt(staff.stocks().get(d), 2)).reduce((a, b) -> a + ", " + b).orElse("");
        if (extrapolated && !interpolated) {
            notes.add("FTE in the window held constant at the nearest published stock (" + stocksText + "): ASSUMPTION");
        }
        return (interpolated ? "linear between the stocks " : "the stock ") + stocksText + (extrapolated && interpolated ? ", constant beyond" : "");
    }

    private static void addOnce(List<LocalDate> l, LocalDate d) {
        if (!l.contains(d)) {
            l.add(d);
        }
    }

    private void fitProductivity(DecisionWindow dw, double dpf, double[] fteByMonth) {
        List<Fit.Point> pts = new ArrayList<>();
        for (int i = 0; i < dw.months().size(); i++) {
            Period p = dw.months().get(i);
            pts.add(new Fit.Point(p.label(), dw.get(p, "dossiers", ReferenceData.TOTAL), dpf * fteByMonth[i] * p.length()));
        }
        fits.add(new Fit("CGVS decisions per month (dossiers, interim included)", ReferenceFiles.CGVS_DECISIONS + " " + dw.label(),
                fmt(dpf, 3) + " decisions per FTE-month × FTE of the month", Fit.Measure.MAPE, pts));
    }

    /** cgvs.fte: the latest published stock up to --through (and, with inputs, the later ones, linear month by month). */
    private void fteSetting(LocalDate start, int horizon) {
        Map.Entry<LocalDate, Double> last = staff.stocks().floorEntry(through.atEndOfMonth());
        if (last == null) {
            notes.add("no published FTE on or before " + through + ": cgvs.fte FROM BASE");
            return;
        }
        ArrayNode steps = JSON.arrayNode();
        steps.add(step(last.getKey(), last.getValue()));
        String comment = "CALIBRATED from " + staff.label() + " " + last.getKey() + ": " + fmt(last.getValue(), 2) + " FTE (ASSUMPTION: constant after)";
        if (options.withInputs()) {
            LocalDate end = start.plusMonths(horizon);
            Map.Entry<LocalDate, Double> next = staff.stocks().higherEntry(last.getKey());
            if (next != null) {
                List<String> later = new ArrayList<>();
                Map.Entry<LocalDate, Double> lo = last;
                for (Map.Entry<LocalDate, Double> hi : staff.stocks().tailMap(last.getKey(), false).entrySet()) {
                    for (LocalDate d = lo.getKey().withDayOfMonth(1).plusMonths(1); d.isBefore(hi.getKey()) && d.isBefore(end); d = d.plusMonths(1)) {
                        double t = ChronoUnit.DAYS.between(lo.getKey(), d) / (double) ChronoUnit.DAYS.between(lo.getKey(), hi.getKey());
                        steps.add(step(d, lo.getValue() + t * (hi.getValue() - lo.getValue())));
                    }
                    if (hi.getKey().isBefore(end)) {
                        steps.add(step(hi.getKey(), hi.getValue()));
                    }
                    later.add(hi.getKey() + " " + fmt(hi.getValue(), 2));
                    lo = hi;
                    if (!hi.getKey().isBefore(end)) {
                        break;
                    }
                }
                comment = "CALIBRATED from " + staff.label() + " " + last.getKey() + ": " + fmt(last.getValue(), 2) + " FTE; INPUT (after --through) from "
                        + staff.label() + " " + String.join(", ", later) + "; ASSUMPTION: linear month by month in between, constant after";
            }
        }
        settings.add(new Setting("cgvs.fte", steps, comment));
    }

    private static ObjectNode step(LocalDate from, double value) {
        ObjectNode s = JSON.objectNode();
        s.put("from", from.toString());
        s.put("value", round(value, 2));
        return s;
    }

    private Workload latestWorkload(String measure) {
        return ref.workload().stream().filter(w -> w.measure().equals(measure) && w.unit().equals("dossiers")
                && !w.date().isAfter(through.atEndOfMonth())).max(Comparator.comparing(Workload::date)).orElse(null);
    }

    // ---- inputs after --through -------------------------------------------------------------------

    /**
     * Figures dated after --through that are inputs of the simulated year, not outcomes: the applications of the calendar year
     * after a December --through (level from its total, the twelve monthly values as factors: months printed with their value, the
     * values printed without a month matched by rank to the months in the order of the calibrated seasonal factors), its first
     * applications in resettlement, and the printed shares of nationalities for that year.
     */
    private double[] inputs(LocalDate start, double[] factors, Map<Nationality, Double> natMix, Double persons) {
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
            Setting old = settings.stream().filter(x -> x.path().equals("inflow.nationality_mix")).findFirst().orElseThrow();
            settings.set(settings.indexOf(old), new Setting(old.path(), old.value(), old.comment()
                    + "; INPUT (after --through) from " + ReferenceFiles.APPLICATIONS_BY_NATIONALITY + " " + year + ": "
                    + given.entrySet().stream().map(e -> e.getKey().code() + " " + fmt(e.getValue(), 4)).reduce((a, b) -> a + ", " + b).orElse("")
                    + " of all applications replaces the calibrated share; the other shares scaled to the rest"));
        }
        return out;
    }

    private void replace(String path, JsonNode value, String comment) {
        settings.removeIf(s -> s.path().equals(path));
        settings.add(new Setting(path, value, comment));
    }

    // ---- formatting -------------------------------------------------------------------------------

    private static String range(List<YearMonth> months) {
        if (months.isEmpty()) {
            return "(none)";
        }
        return months.size() == 1 ? months.get(0).toString() : months.get(0) + "/" + months.get(months.size() - 1);
    }

    static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    static String fmt(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** Shares rounded to 4 decimals that still sum to exactly 1: the remainder goes to the largest. */
    static double[] roundShares(double[] shares) {
        BigDecimal[] r = new BigDecimal[shares.length];
        BigDecimal sum = BigDecimal.ZERO;
        int largest = 0;
        for (int i = 0; i < shares.length; i++) {
            r[i] = BigDecimal.valueOf(shares[i]).setScale(4, RoundingMode.HALF_UP);
            sum = sum.add(r[i]);
            if (shares[i] > shares[largest]) {
                largest = i;
            }
        }
        r[largest] = r[largest].add(BigDecimal.ONE.subtract(sum));
        return Arrays.stream(r).mapToDouble(BigDecimal::doubleValue).toArray();
    }

    private static ObjectNode mixNode(Mix<DecisionType> mix) {
        List<DecisionType> keys = new ArrayList<>(mix.shares().keySet());
        double[] r = roundShares(keys.stream().mapToDouble(mix::share).toArray());
        ObjectNode n = JSON.objectNode();
        for (int i = 0; i < keys.size(); i++) {
            if (r[i] > 0) {
                n.put(keys.get(i).code(), r[i]);
            }
        }
        return n;
    }

    private static ObjectNode natNode(Map<Nationality, Double> mix) {
        ObjectNode nm = JSON.objectNode();
        List<Nationality> keys = new ArrayList<>(mix.keySet());
        double[] rounded = roundShares(keys.stream().mapToDouble(mix::get).toArray());
        for (int i = 0; i < keys.size(); i++) {
            nm.put(keys.get(i).code(), rounded[i]);
        }
        return nm;
    }

    private static String mixText(Mix<DecisionType> mix) {
        return mixNode(mix).toString();
    }
}
