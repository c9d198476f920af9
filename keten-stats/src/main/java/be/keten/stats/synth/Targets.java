package be.keten.stats.synth;

import be.keten.core.calendar.Period;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceFiles;
import be.keten.stats.publication.DecisionRow;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Step 1 of a synthesis: the monthly targets per decision row and unit, and per DVZ column, that the folder's
 * figures over any periods fix ({@link MonthlyTargets} solves each family). Every later step builds on these
 * numbers, so they come first and take their draws from a stream of their own.
 */
final class Targets {
    /** Persons per dossier when a folder gives decisions in one unit only (GUIDE §2.1, Jan–Nov 2023). */
    static final double PERSONS_PER_DOSSIER = 1.175;
    /** The decision targets' second index: one publication row each. */
    static final int ROWS = DecisionRow.values().length;

    private final Draft draft;
    /** [month][column]: applications no figure fixes, so registrations are not limited there; set by {@link #applicationTargets}. */
    boolean[][] unlimited;

    Targets(Draft draft) {
        this.draft = draft;
    }

    private double[][] noise(int atoms) {
        double[][] n = new double[draft.window.size()][atoms];
        for (double[] row : n) {
            for (int a = 0; a < atoms; a++) {
                row[a] = 0.9 + 0.2 * draft.rTargets.nextDouble();
            }
        }
        return n;
    }

    /** [month][row] -> {persons, dossiers}. */
    long[][][] decisionTargets() {
        double[][] noise = noise(ROWS);
        Map<String, MonthlyTargets.Result> byUnit = new LinkedHashMap<>();
        for (String unit : List.of("persons", "dossiers")) {
            MonthlyTargets t = new MonthlyTargets(draft.window, ROWS, noise);
            for (ReferenceData.Decisions r : draft.ref.decisions()) {
                if (r.unit().equals(unit) && r.count() != null) {
                    figure(t, r.period(), r.decisionType(), r.count(), ReferenceFiles.CGVS_DECISIONS + " line " + r.line());
                }
            }
            for (ReferenceData.DecisionsByNationality r : draft.ref.decisionsByNationality()) {
                if (r.unit().equals(unit) && r.count() != null && r.rowType().equals(ReferenceData.TOTAL)) {
                    figure(t, r.period(), r.decisionType(), r.count(), ReferenceFiles.CGVS_DECISIONS_BY_NATIONALITY + " line " + r.line());
                }
            }
            MonthlyTargets.Result res = t.solve();
            draft.notes.addAll(res.notHonoured());
            byUnit.put(unit, res);
        }
        MonthlyTargets.Result p = byUnit.get("persons");
        MonthlyTargets.Result d = byUnit.get("dossiers");
        long[][][] out = new long[draft.window.size()][ROWS][2];
        boolean derived = false;
        for (int i = 0; i < draft.window.size(); i++) {
            for (int r = 0; r < ROWS; r++) {
                long pv = p.values()[i][r];
                long dv = d.values()[i][r];
                if (p.open()[i][r] && d.open()[i][r]) {
                    pv = 0;
                    dv = 0;
                } else if (p.open()[i][r]) {
                    pv = Math.round(dv * PERSONS_PER_DOSSIER);
                    derived = true;
                } else if (d.open()[i][r]) {
                    dv = pv == 0 ? 0 : Math.max(1, Math.round(pv / PERSONS_PER_DOSSIER));
                    derived = true;
                }
                if (dv > pv) {
                    draft.notes.add(draft.window.get(i) + " " + DecisionRow.values()[r].code() + ": " + dv + " dossiers but " + pv
                            + " persons; every dossier has a person, so the dossiers are honoured and the persons raised to " + dv);
                    pv = dv;
                }
                if (dv == 0 && pv > 0) {
                    draft.notes.add(draft.window.get(i) + " " + DecisionRow.values()[r].code() + ": " + pv + " persons in no dossier; one dossier made");
                    dv = 1;
                }
                out[i][r][0] = pv;
                out[i][r][1] = dv;
            }
        }
        if (derived) {
            draft.assumptions.add("where decisions are published in one unit only, the other is derived at " + PERSONS_PER_DOSSIER
                    + " persons per dossier (GUIDE 2.1, January-November 2023)");
        }
        for (int i = 0; i < draft.window.size(); i++) {
            for (int r = 0; r < ROWS; r++) {
                if (d.fixed()[i][r] || p.fixed()[i][r]) {
                    draft.annulAfter = draft.annulAfter == null || draft.window.get(i).atEndOfMonth().isAfter(draft.annulAfter)
                            ? draft.window.get(i).atEndOfMonth() : draft.annulAfter;
                }
            }
        }
        return out;
    }

    private void figure(MonthlyTargets t, Period period, String code, long value, String source) {
        java.util.Set<Integer> rows = DecisionNationalities.rows(code);
        if (rows.isEmpty()) {
            draft.notes.add(source + ": decision type " + code + " is not generated separately (no exclusion or closure decisions are made;"
                    + " withdrawals and revocations only as their combined row); not targeted");
        } else if (!draft.inWindow(period)) {
            draft.notes.add(source + ": period " + period.label() + " is outside the window; not targeted");
        } else {
            t.add(new MonthlyTargets.Figure(period.months(), List.copyOf(new java.util.TreeSet<>(rows)), value, source));
        }
    }

    /** [month][column] persons; open columns stay unlimited for registrations. */
    long[][] applicationTargets() {
        MonthlyTargets t = new MonthlyTargets(draft.window, 3, noise(3));
        List<Integer> all = List.of(0, 1, 2);
        Map<Integer, List<ReferenceData.Applications>> unknown = new TreeMap<>();
        java.util.Set<YearMonth> monthTotals = new java.util.HashSet<>();
        for (ReferenceData.Applications r : draft.ref.applications()) {
            String source = ReferenceFiles.APPLICATIONS_MONTHLY + " line " + r.line();
            if (r.rowType().equals("month_unknown")) {
                unknown.computeIfAbsent(r.period().from().getYear(), k -> new ArrayList<>()).add(r);
                continue;
            }
            if (!draft.inWindow(r.period())) {
                draft.notes.add(source + ": period " + r.period().label() + " is outside the window; not targeted");
                continue;
            }
            if (r.period().isMonth() && r.counts().containsKey(ReferenceData.TOTAL)) {
                monthTotals.add(r.period().from());
            }
            for (var c : r.counts().entrySet()) {
                int col = ReferenceData.APPLICATION_COLUMNS.indexOf(c.getKey());
                t.add(new MonthlyTargets.Figure(r.period().months(), col < 0 ? all : List.of(col), c.getValue(), source + " " + c.getKey()));
            }
        }
        for (ReferenceData.ApplicationsByNationality r : draft.ref.applicationsByNationality()) {
            if (r.rowType().equals(ReferenceData.TOTAL) && draft.inWindow(r.period())) {
                for (var c : r.counts().entrySet()) {
                    int col = ReferenceData.APPLICATION_COLUMNS.indexOf(c.getKey());
                    t.add(new MonthlyTargets.Figure(r.period().months(), col < 0 ? all : List.of(col), c.getValue(),
                            ReferenceFiles.APPLICATIONS_BY_NATIONALITY + " line " + r.line() + " " + c.getKey()));
                }
            }
        }
        for (var e : unknown.entrySet()) {
            int year = e.getKey();
            Period y = new Period(YearMonth.of(year, 1), YearMonth.of(year, 12));
            if (!draft.inWindow(y)) {
                draft.notes.add(ReferenceFiles.APPLICATIONS_MONTHLY + " lines " + e.getValue().stream().map(r -> Integer.toString(r.line())).toList()
                        + ": monthly values of " + year + " without their month are outside the window; not targeted");
                continue;
            }
            List<YearMonth> free = new ArrayList<>();
            for (YearMonth m : y.months()) {
                if (!monthTotals.contains(m)) {
                    free.add(m);
                }
            }
            Collections.shuffle(free, new java.util.Random(draft.rTargets.nextLong()));
            for (int k = 0; k < e.getValue().size(); k++) {
                ReferenceData.Applications r = e.getValue().get(k);
                if (k >= free.size() || r.counts().get(ReferenceData.TOTAL) == null) {
                    draft.notes.add(ReferenceFiles.APPLICATIONS_MONTHLY + " line " + r.line() + ": no month of " + year + " left for this value; not honoured");
                    continue;
                }
                t.add(new MonthlyTargets.Figure(List.of(free.get(k)), all, r.counts().get(ReferenceData.TOTAL),
                        ReferenceFiles.APPLICATIONS_MONTHLY + " line " + r.line() + " (month not printed; placed in " + free.get(k) + ")"));
            }
            draft.assumptions.add("the " + e.getValue().size() + " monthly values of " + year + " printed without their month are placed at random"
                    + " in the months without a printed value");
        }
        MonthlyTargets.Result res = t.solve();
        draft.notes.addAll(res.notHonoured());
        unlimited = res.open();
        return res.values();
    }
}
