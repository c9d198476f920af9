package be.keten.stats.synth;

import be.keten.core.procedure.ApplicationType;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceFiles;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Step 5 of a synthesis: the day each file reaches the CGVS. At every published workload date exactly the
 * published dossiers and persons are at the CGVS: interim-decided files, files decided later and pending
 * files are moved before the date while they fit, a generated starting stock fills the rest, and files that
 * must not count reach the CGVS after the date or leave at DVZ ({@link #workload}). Every other file then
 * reaches the CGVS between its registration and its first decision ({@link #transfers}).
 */
final class Transfers {
    private final Draft draft;

    Transfers(Draft draft) {
        this.draft = draft;
    }

    private record Target(LocalDate date, Long dossiers, Long persons, List<String> sources) {
    }

    private List<Target> workloadTargets() {
        Map<LocalDate, Long[]> byDate = new TreeMap<>();
        Map<LocalDate, List<String>> sources = new TreeMap<>();
        Map<LocalDate, Long> normal = new TreeMap<>();
        Map<LocalDate, ReferenceData.Workload> backlog = new TreeMap<>();
        for (ReferenceData.Workload w : draft.ref.workload()) {
            String source = ReferenceFiles.CGVS_WORKLOAD + " line " + w.line();
            if (w.date().isBefore(draft.start) || w.date().isAfter(draft.end)) {
                draft.notes.add(source + ": " + w.date() + " is outside the window; not targeted");
                continue;
            }
            long v = w.value().longValue();
            long target = switch (w.qualifier()) {
                case "more_than" -> v + 1;
                case "less_than" -> v - 1;
                default -> v;
            };
            switch (w.measure()) {
                case "workload_total" -> {
                    byDate.computeIfAbsent(w.date(), k -> new Long[2])[w.unit().equals("dossiers") ? 0 : 1] = target;
                    sources.computeIfAbsent(w.date(), k -> new ArrayList<>()).add(source);
                }
                case "normal_workload" -> {
                    normal.put(w.date(), v);
                    var inForce = draft.parameters.normalWorkloadOn(w.date());
                    draft.notes.add(source + ": the normal workload is a parameter of the statistics (" + (inForce.isPresent() ? inForce.getAsLong()
                            + " dossiers in force" : "none in force") + "), not a count of dossiers; not generated");
                }
                case "real_backlog" -> backlog.put(w.date(), w);
                default -> draft.notes.add(source + ": " + w.measure() + " is derived from the workload and the normal workload; not targeted directly");
            }
        }
        for (var e : backlog.entrySet()) {
            Long[] t = byDate.computeIfAbsent(e.getKey(), k -> new Long[2]);
            Long n = normal.getOrDefault(e.getKey(), draft.parameters.normalWorkloadOn(e.getKey()).isPresent()
                    ? draft.parameters.normalWorkloadOn(e.getKey()).getAsLong() : null);
            if (t[0] == null && n != null) {
                t[0] = e.getValue().value().longValue() + n;
                sources.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(ReferenceFiles.CGVS_WORKLOAD + " line " + e.getValue().line()
                        + " (real backlog + normal workload)");
            }
        }
        List<Target> out = new ArrayList<>();
        for (var e : byDate.entrySet()) {
            out.add(new Target(e.getKey(), e.getValue()[0], e.getValue()[1], sources.get(e.getKey())));
        }
        return out;
    }

    private boolean atCgvs(Plan p, LocalDate w) {
        return p.transferChosen && p.transfer != null && !p.transfer.isAfter(w) && (p.leavesCgvs() == null || p.leavesCgvs().isAfter(w));
    }

    private void commit(Plan p, LocalDate w) {
        LocalDate lo = Draft.max(p.earliestTransfer, p.registered);
        LocalDate hi = p.firstDecision() != null ? Draft.min(w, p.firstDecision()) : w;
        LocalDate t = p.naturalTransfer;
        if (t.isBefore(lo)) {
            t = lo;
        }
        if (t.isAfter(hi)) {
            t = hi.minusDays(draft.rWork.nextInt((int) Math.min(20, ChronoUnit.DAYS.between(lo, hi)) + 1));
        }
        p.transfer = t;
        p.transferChosen = true;
    }

    void workload() {
        LocalDate previous = null;
        int stock = 0;
        int converted = 0;
        List<Target> targets = workloadTargets();
        for (Target t : targets) {
            // An annulment sends a file back to the CGVS: only after every published decision and workload figure.
            draft.annulAfter = draft.annulAfter == null || t.date().isAfter(draft.annulAfter) ? t.date() : draft.annulAfter;
        }
        for (Target t : targets) {
            LocalDate w = t.date();
            long d = 0;
            long persons = 0;
            for (Plan p : draft.plans) {
                if (!p.transferChosen && p.interim != null && !p.interim.isAfter(w)) {
                    commit(p, w);
                }
                if (atCgvs(p, w)) {
                    d++;
                    persons += p.size;
                }
            }
            long dd = t.dossiers() == null ? Long.MAX_VALUE / 4 : t.dossiers() - d;
            long dp = t.persons() == null ? Long.MAX_VALUE / 4 : t.persons() - persons;
            if (dd < 0 || dp < 0) {
                draft.notes.add(String.join(", ", t.sources()) + ": workload at " + w + " not honoured: " + d + " dossiers (" + persons
                        + " persons) are already at the CGVS that day (interim-decided files and files counted at an earlier date)");
                continue;
            }
            List<Plan> natural = new ArrayList<>();
            List<Plan> late = new ArrayList<>();
            for (Plan p : draft.plans) {
                if (p.fate == Plan.Fate.CGVS && !p.transferChosen && !p.registered.isAfter(w) && !p.earliestTransfer.isAfter(w)
                        && (p.firstDecision() == null || p.firstDecision().isAfter(w))) {
                    (p.naturalTransfer.isAfter(w) ? late : natural).add(p);
                }
            }
            java.util.Random shuffle = new java.util.Random(draft.rWork.nextLong());
            Collections.shuffle(natural, shuffle);
            Collections.shuffle(late, shuffle);
            List<Plan> candidates = new ArrayList<>(natural);
            candidates.addAll(late);
            for (Plan p : candidates) {
                boolean take = dd > 0 && dp >= p.size && fits(dd - 1, dp - p.size, t);
                if (take) {
                    commit(p, w);
                    dd--;
                    dp -= p.size;
                } else if (p.naturalTransfer.isAfter(w) || p.firstDecision() != null || ChronoUnit.DAYS.between(p.registered, w) <= 120) {
                    p.earliestTransfer = w.plusDays(1);
                } else if (p.type == ApplicationType.FIRST && !p.protectedElsewhere) {
                    p.fate = draft.rWork.nextInt(10) < 6 ? Plan.Fate.DUBLIN_TRANSFER : Plan.Fate.WITHDRAWN;
                    converted++;
                } else {
                    p.fate = Plan.Fate.WITHDRAWN;
                    converted++;
                }
            }
            // The starting stock: files registered before the window (or before the previous date's count), never decided in it.
            long needD = t.dossiers() == null ? -1 : dd;
            long needP = t.persons() == null ? -1 : dp;
            List<Integer> sizes = new ArrayList<>();
            if (needD >= 0 && needP >= 0) {
                for (int s : Households.partition(needP, needD, draft.rHouse)) {
                    sizes.add(s);
                }
            } else if (needD >= 0) {
                for (long k = 0; k < needD; k++) {
                    sizes.add(Households.draw(draft.rHouse));
                }
            } else if (needP >= 0) {
                sizes.addAll(Households.fill(needP, draft.rHouse));
            }
            for (int s : sizes) {
                Plan p = draft.plan(s);
                p.nationality = draft.nationalities.draw(draft.rNat, n -> true);
                p.type = draft.rWork.nextInt(10) == 0 ? ApplicationType.SUBSEQUENT : ApplicationType.FIRST;
                p.before = p.type == ApplicationType.SUBSEQUENT ? Plan.Before.REJECTED : Plan.Before.NONE;
                LocalDate lo = previous == null ? draft.start.minusDays(720) : previous.plusDays(1);
                p.registered = lo.minusDays(30 + draft.rWork.nextInt(400));
                if (p.registered.isAfter(draft.start.minusDays(1))) {
                    p.registered = draft.start.minusDays(1 + draft.rWork.nextInt(60));
                }
                p.naturalTransfer = w.minusDays(draft.rWork.nextInt((int) Math.max(1, Math.min(500, ChronoUnit.DAYS.between(lo, w)))));
                p.earliestTransfer = Draft.max(lo, p.registered);
                commit(p, w);
                stock++;
            }
            previous = w;
        }
        if (stock > 0 || converted > 0) {
            draft.assumptions.add("workload: files decided later, interim-decided files and pending files reach the CGVS before the date when they"
                    + " fit the published workload; " + stock + " dossiers of starting stock (registered before the window, never decided in it)"
                    + " fill what is left; " + converted + " pending files registered more than 120 days before the date that did not fit leave"
                    + " at DVZ instead (Dublin transfer or withdrawal); younger ones are transferred after the date");
        }
    }

    /** Whether a remainder can still be met by starting-stock households (1 to 8 persons each). */
    private static boolean fits(long dd, long dp, Target t) {
        if (t.dossiers() == null || t.persons() == null) {
            return dd >= 0 && dp >= 0;
        }
        return dd >= 0 && dp >= dd && dp <= (long) Households.MAX * dd;
    }

    void transfers() {
        for (Plan p : draft.plans) {
            if (p.fate != Plan.Fate.CGVS || p.transferChosen) {
                continue;
            }
            LocalDate lo = Draft.max(p.earliestTransfer, p.registered);
            LocalDate first = p.firstDecision();
            LocalDate t = p.naturalTransfer;
            if (t.isBefore(lo)) {
                t = lo.plusDays(draft.rWork.nextInt(30));
            }
            if (first != null && t.isAfter(first)) {
                t = first.minusDays(draft.rWork.nextInt((int) Math.min(30, ChronoUnit.DAYS.between(lo, first)) + 1));
            }
            if (first != null && t.isBefore(lo)) {
                t = lo;
            }
            p.transfer = first == null && t.isAfter(draft.end) ? null : t;
            p.transferChosen = true;
        }
    }
}
