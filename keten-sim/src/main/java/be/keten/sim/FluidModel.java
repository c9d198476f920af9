package be.keten.sim;

import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.policy.Policy;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.stats.DecisionTally;
import be.keten.core.calendar.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deterministic stock-flow (fluid) version of a scenario, for instant answers: the same
 * parameters, expected values instead of draws, one-day steps. Stocks: DVZ pipeline, CGVS
 * workload by nationality (officers serve {@code min(officers, active files) / mean service time}
 * files a day, suspended nationalities wait), RvV pending, reception residents in procedure, after
 * a positive and after a negative outcome (each leaving at the rate of its mean stay), and the
 * waiting list (requests wait until a place frees up, up to the saturation threshold when the
 * priority policy puts single men on the list; those waiting give up at the engine's hazard).
 * Simplified against the engine: no fast-track routing or priority, notification and lodging delays
 * ignored, no priority households placed above the threshold, who waits is decided after a procedure's
 * mean time (first come, first served) and leaves the list, waiting time not modelled (NaN).
 * The protection rate is computed with the one definition in {@link DecisionTally}.
 */
public final class FluidModel {
    /** How outputs of this model name their mode (the report's header). */
    public static final String MODE = "fluid (deterministic stock-flow) mode";

    private FluidModel() {
    }

    /** Pathway dossiers a day of the given nationality, all channels together. */
    private static double pathwayPerDayOf(Scenario sc, Nationality n, double hh, YearMonth month) {
        double perDay = 0;
        for (Scenario.Pathway p : sc.pathways()) {
            if (p.nationality().equals(n)) {
                perDay += p.personsPerMonth() / hh / month.lengthOfMonth();
            }
        }
        return perDay;
    }

    /**
     * Who waits for a place, by the day they started waiting. The engine's queue places the longest
     * waiting first, and its officers decide the oldest files first; giving up and Dublin transfers
     * thin every day's waiting alike (kept as one factor, so that a day costs no pass over the list).
     */
    private static final class WaitingList {
        private final double[] since;   // persons by the day they started waiting, in units of scale
        private double scale = 1;
        private double total;
        private int oldest;             // no one waits since a day before this
        private int newest;             // nor since a day after this

        WaitingList(int days, double initial) {
            since = new double[days + 1];
            since[0] = initial;
            total = initial;
        }

        double total() {
            return total;
        }

        void add(int day, double persons) {
            since[day] += persons / scale;
            total += persons;
            newest = Math.max(newest, day);
        }

        /** {@code persons} leave, taken from every day alike. */
        void thin(double persons) {
            if (total <= 0 || persons <= 0) {
                return;
            }
            double f = Math.max(0, 1 - persons / total);
            total *= f;
            scale *= f;
            if (scale < 1e-100) {   // many years of thinning: fold the factor into the days
                for (int i = oldest; i < since.length; i++) {
                    since[i] *= scale;
                }
                scale = 1;
            }
        }

        /** Up to {@code persons} of the longest waiting leave the list (placed); how many did. */
        double takeOldest(double persons) {
            double taken = 0;
            while (oldest <= newest && taken < persons) {
                double here = since[oldest] * scale;
                if (here <= persons - taken) {
                    taken += here;
                    since[oldest++] = 0;
                } else {
                    since[oldest] -= (persons - taken) / scale;
                    taken = persons;
                }
            }
            total = Math.max(0, total - taken);
            return taken;
        }

        /** Those waiting since before {@code day} leave the list (their procedure has ended); how many did. */
        double takeBefore(int day) {
            double taken = 0;
            for (; oldest < Math.min(day, newest + 1); oldest++) {
                taken += since[oldest] * scale;
                since[oldest] = 0;
            }
            total = Math.max(0, total - taken);
            return taken;
        }
    }

    /**
     * The places the fluid model fills on {@code day}: all of them, or up to the saturation threshold
     * where the reception-priority policy then puts single men on the waiting list. Single men are most
     * of a saturated network's queue, and the engine's occupancy settles at the threshold; the priority
     * households it still places above it are left out here.
     */
    private static double fillable(Scenario sc, LocalDate day) {
        int cap = sc.reception().network().capacityOn(day);
        Policy.ReceptionPriority priority = sc.policies().receptionPriority(day);
        return priority.singleMenWaitingList() ? priority.saturationThreshold() * cap : cap;
    }

    public static Outcome run(Scenario sc) {
        List<Indicator> all = Indicator.all();
        Map<String, Integer> idx = Indicator.index(all);
        List<Period> months = Outcome.months(sc);
        List<Period> years = Outcome.years(sc);
        double[][] m = new double[all.size()][months.size()];
        double[][] y = new double[all.size()][years.size()];
        for (double[] r : y) {
            java.util.Arrays.fill(r, 0);
        }
        double hh = sc.inflow().meanHouseholdSize();
        int[] officers = Staffing.officers(sc);
        Map<Nationality, Double> mix = sc.inflow().nationalityMix();
        Map<Nationality, Double> w = new LinkedHashMap<>();
        Map<Nationality, Double> sub = new LinkedHashMap<>();
        for (var e : mix.entrySet()) {
            w.put(e.getKey(), sc.initial().cgvsWorkloadDossiers() * e.getValue());
            sub.put(e.getKey(), 0.0);
        }
        // The DVZ's pipeline at the start, as the engine starts with it (InitialStocks): its steady state at the
        // inflow of the month before (without the scale knob and shocks), files a day times their mean days at the DVZ.
        YearMonth before = sc.firstMonth().minusMonths(1);
        double dvz = sc.inflow().baselinePersons(before) / hh / before.lengthOfMonth() * sc.dvz().registrationToTransfer().mean();
        double rvv = sc.initial().rvvPendingDossiers();
        int placed = sc.initial().occupancy().values().stream().mapToInt(Integer::intValue).sum();
        // Residents by stage: in procedure (those waiting for a place included), after a positive and
        // after a negative outcome. Who waits is a recent arrival, in procedure.
        WaitingList waitingList = new WaitingList(months.size() * 31 + 1, sc.initial().waitingList());
        double qProc = placed + waitingList.total();
        int day = 0;   // days since the start; the start's waiting list waits since day 0
        double qPos = 0;
        double qNeg = 0;
        double fr = sc.inflow().languageRoleFrShare();
        double annulShare = fr * sc.rvv().outcomes().get(LanguageRole.FR).share(JudgmentOutcome.ANNUL)
                + (1 - fr) * sc.rvv().outcomes().get(LanguageRole.NL).share(JudgmentOutcome.ANNUL);
        double grantShare = fr * (sc.rvv().outcomes().get(LanguageRole.FR).share(JudgmentOutcome.GRANT_REFUGEE_STATUS)
                + sc.rvv().outcomes().get(LanguageRole.FR).share(JudgmentOutcome.GRANT_SUBSIDIARY_PROTECTION))
                + (1 - fr) * (sc.rvv().outcomes().get(LanguageRole.NL).share(JudgmentOutcome.GRANT_REFUGEE_STATUS)
                + sc.rvv().outcomes().get(LanguageRole.NL).share(JudgmentOutcome.GRANT_SUBSIDIARY_PROTECTION));
        double sub1 = sc.inflow().applicationTypes().share(ApplicationType.SUBSEQUENT);
        double entitledShare = (1 - sub1) + sub1 * sc.reception().subsequentEntitledShare();
        double dvzMean = sc.dvz().registrationToTransfer().mean();
        double cgvsMean = sc.cgvs().serviceTime().mean();
        double rvvMean = sc.rvv().serviceTime().mean();
        double leaveHazard = sc.reception().voluntaryDeparturePerMonth() / 30.4375;
        double dropoutHazard = sc.reception().waitingDropoutPerMonth() / 30.4375;

        for (int j = 0; j < months.size(); j++) {
            YearMonth month = months.get(j).from();
            int yi = month.getYear() - sc.firstMonth().getYear();
            DecisionTally tally = new DecisionTally();
            double apps = 0;
            double appeals = 0;
            double judged = 0;
            double in = 0;
            double out = 0;
            double perDay = sc.inflow().persons(month) / hh / month.lengthOfMonth();
            double pathwayPerDay = 0;
            for (Scenario.Pathway p : sc.pathways()) {
                pathwayPerDay += p.personsPerMonth() / hh / month.lengthOfMonth();
            }
            for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                apps += (perDay + pathwayPerDay) * hh;
                double pathwayEntitled = 0;
                for (Scenario.Pathway p : sc.pathways()) {
                    if (sc.policies().entitlement(p.applicationType(), d).entitlement() == Policy.Entitlement.AUTOMATIC) {
                        pathwayEntitled += p.personsPerMonth() / hh / month.lengthOfMonth();
                    }
                }
                double requesting = (perDay * entitledShare + pathwayEntitled) * hh * sc.reception().requestShare();
                qProc += requesting;
                waitingList.add(++day, requesting);   // until the day's placements below
                dvz += perDay;
                double transferred = dvz / dvzMean;
                dvz -= transferred;
                double dublinOut = transferred * sc.dvz().dublinShare() * (1 - sc.inflow().protectedInOtherEuShare());
                double toCgvs = transferred - dublinOut;
                double procPersons = (dvz + total(w) + total(sub) + rvv) * hh + 1e-9;
                for (var e : mix.entrySet()) {
                    w.merge(e.getKey(), toCgvs * e.getValue() * (1 - sub1) + pathwayPerDayOf(sc, e.getKey(), hh, month), Double::sum);
                    sub.merge(e.getKey(), toCgvs * e.getValue() * sub1, Double::sum);
                }
                double active = 0;
                for (Nationality n : w.keySet()) {
                    if (!suspended(sc, n, d)) {
                        active += w.get(n) + sub.get(n);
                    }
                }
                double rate = active <= 0 ? 0 : Math.min(officers[j], active) / cgvsMean / active;
                double positives = 0;
                double negatives = 0;
                double appealed = 0;
                for (Nationality n : w.keySet()) {
                    if (suspended(sc, n, d)) {
                        continue;
                    }
                    double dw = w.get(n) * rate;
                    double ds = sub.get(n) * rate;
                    w.merge(n, -dw, Double::sum);
                    sub.merge(n, -ds, Double::sum);
                    Mix<DecisionType> dm = sc.cgvs().mix(n, null);
                    double admissible = ds * sc.cgvs().subsequentAdmissibleShare();
                    double[] pna = new double[3];
                    addDecisions(tally, dm, dw, sc, pna);
                    positives += pna[0];
                    negatives += pna[1];
                    appealed += pna[2];
                    fractional(tally, DecisionType.INADMISSIBLE, ds - admissible);
                    negatives += ds - admissible;
                    appealed += (ds - admissible) * sc.rvv().appeal(DecisionType.INADMISSIBLE);
                    fractional(tally, DecisionType.ADMISSIBLE_SUBSEQUENT, admissible);
                    w.merge(n, admissible, Double::sum);
                }
                rvv += appealed;
                appeals += appealed;
                double judgedToday = Math.min(Math.round(sc.rvv().judges().on(d)), rvv) / rvvMean;
                rvv -= judgedToday;
                judged += judgedToday;
                double annulled = judgedToday * annulShare;
                double granted = judgedToday * grantShare;
                for (var e : mix.entrySet()) {
                    w.merge(e.getKey(), annulled * e.getValue(), Double::sum);
                }
                // Dublin transfers fall on the residents in procedure in proportion, those waiting included.
                // Decisions come first come, first served, as in the engine's queue: to those placed, and to
                // those who have waited longer than a procedure now takes (its persons over their daily
                // outflow, Little's law). A procedure's end ends the stay of everyone in reception: who is
                // decided while waiting leaves the list; those placed move on to their stay after the outcome.
                double waitingBefore = waitingList.total();
                double toDublin = dublinOut * hh * Math.min(1, qProc / procPersons);
                double waitingToDublin = qProc <= 0 ? 0 : toDublin * Math.min(1, waitingBefore / qProc);
                waitingList.thin(waitingToDublin);
                double outflow = (dublinOut + positives + granted + (negatives - appealed) + (judgedToday - annulled - granted)) * hh;
                double decidedWaiting = waitingList.takeBefore(day - (int) Math.ceil(procPersons / Math.max(outflow, 1e-9)));
                double placedProc = qProc - waitingBefore;
                double share = Math.min(1, Math.max(0, placedProc) / Math.max(procPersons - waitingBefore, Math.max(placedProc, 1e-9)));
                double toPos = (positives + granted) * hh * share;
                double toNeg = ((negatives - appealed) + (judgedToday - annulled - granted)) * hh * share;
                qProc -= toDublin + decidedWaiting + toPos + toNeg;
                qPos += toPos;
                qNeg += toNeg;
                double posStay = sc.policies().transition(d).months() * 30.4375 + sc.reception().exitDelayPositiveDays();
                double negStay = sc.policies().appealPeriods(d).normalDays() + sc.policies().negativeExit(d).days()
                        + sc.reception().exitDelayNegativeDays();
                double leftPos = qPos / posStay;
                double leftNeg = qNeg / negStay;
                // Those placed leave of their own accord, those waiting give up (the engine's no-shows), each at the engine's hazard.
                placedProc = qProc - waitingList.total();
                double placedNow = placedProc + qPos + qNeg;
                double volunteered = placedNow * leaveHazard;
                qPos -= leftPos + qPos / Math.max(placedNow, 1e-9) * volunteered;
                qNeg -= leftNeg + qNeg / Math.max(placedNow, 1e-9) * volunteered;
                qProc -= placedProc / Math.max(placedNow, 1e-9) * volunteered;
                double gaveUp = waitingList.total() * dropoutHazard;
                waitingList.thin(gaveUp);
                qProc -= gaveUp;
                // The places that free up are filled from the list, up to what the priority policy fills.
                double placements = waitingList.takeOldest(Math.max(0, fillable(sc, d) - (qProc - waitingList.total() + qPos + qNeg)));
                // The network's flows as the statistics define them: in are placements, out are departures of
                // persons placed (someone who stops waiting leaves no place).
                in += placements;
                out += leftPos + leftNeg + volunteered + toDublin - waitingToDublin;
            }
            LocalDate last = month.atEndOfMonth();
            int cap = sc.reception().network().capacityOn(last);
            double waiting = waitingList.total();
            double occ = qProc - waiting + qPos + qNeg;
            double workload = total(w) + total(sub);
            set(m, idx, "applications|persons", j, apps);
            for (DecisionType t : DecisionType.values()) {
                set(m, idx, "cgvs_decisions_" + t.code() + "|dossiers", j, tally.count(t) / 1e6);
                set(m, idx, "cgvs_decisions_" + t.code() + "|persons", j, tally.count(t) / 1e6 * hh);
            }
            set(m, idx, "cgvs_decisions|dossiers", j, tally.all() / 1e6);
            set(m, idx, "cgvs_decisions|persons", j, tally.all() / 1e6 * hh);
            set(m, idx, "protection_rate|dossiers", j, tally.protectionRate());
            set(m, idx, "cgvs_workload|dossiers", j, workload);
            set(m, idx, "cgvs_workload|persons", j, workload * hh);
            var normal = sc.statistics().normalWorkloadOn(last);
            set(m, idx, "cgvs_backlog|dossiers", j, normal.isPresent() ? workload - normal.getAsLong() : Double.NaN);
            set(m, idx, "rvv_appeals|dossiers", j, appeals);
            set(m, idx, "rvv_appeals|persons", j, appeals * hh);
            set(m, idx, "rvv_judgments|dossiers", j, judged);
            set(m, idx, "rvv_pending|dossiers", j, rvv);
            set(m, idx, "rvv_pending|persons", j, rvv * hh);
            set(m, idx, "reception_capacity|places", j, cap);
            set(m, idx, "reception_occupancy|persons", j, occ);
            set(m, idx, "reception_occupancy_rate|rate", j, cap == 0 ? Double.NaN : occ / cap);
            set(m, idx, "reception_in|persons", j, in);
            set(m, idx, "reception_out|persons", j, out);
            set(m, idx, "waiting_list|persons", j, waiting);
            set(m, idx, "waiting_time_mean_days|days", j, Double.NaN);
            set(m, idx, "entitled_not_accommodated|persons", j, waiting);
            set(m, idx, "required_capacity|places", j, be.keten.stats.ReceptionNeeds.requiredCapacity(Math.round(occ), Math.round(waiting),
                    sc.policies().receptionPriority(last).saturationThreshold()));
            for (int i = 0; i < all.size(); i++) {
                Indicator ind = all.get(i);
                boolean lastOfYear = j == months.size() - 1 || months.get(j + 1).from().getYear() != month.getYear();
                if (ind.kind() == Indicator.Kind.FLOW) {
                    y[i][yi] += m[i][j];
                } else if (ind.kind() == Indicator.Kind.STOCK && lastOfYear) {
                    y[i][yi] = m[i][j];
                }
            }
        }
        // Rates over the year: the protection rate from the year's decisions, the others as the mean of the months.
        for (int yi = 0; yi < years.size(); yi++) {
            Period p = years.get(yi);
            int first = (int) java.time.temporal.ChronoUnit.MONTHS.between(sc.firstMonth(), p.from());
            int n = p.months().size();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).kind() != Indicator.Kind.RATE) {
                    continue;
                }
                double s = 0;
                for (int k = first; k < first + n; k++) {
                    s += m[i][k];
                }
                y[i][yi] = s / n;
            }
            DecisionTally t = new DecisionTally();
            for (DecisionType dt : DecisionType.values()) {
                double s = 0;
                for (int k = first; k < first + n; k++) {
                    s += m[idx.get("cgvs_decisions_" + dt.code() + "|dossiers")][k];
                }
                t.add(dt, Math.round(s * 1e3));
            }
            y[idx.get("protection_rate|dossiers")][yi] = t.protectionRate();
        }
        return new Outcome(m, y);
    }

    private static boolean suspended(Scenario sc, Nationality n, LocalDate d) {
        return sc.policies().processingSuspension(n, false, d).isPresent();
    }

    private static double total(Map<Nationality, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Tallies hold whole counts: fluid amounts are kept in millionths. */
    private static void fractional(DecisionTally t, DecisionType type, double amount) {
        t.add(type, Math.round(amount * 1e6));
    }

    private static void addDecisions(DecisionTally t, Mix<DecisionType> mix, double amount, Scenario sc, double[] posNegAppealed) {
        for (var e : mix.shares().entrySet()) {
            double a = amount * e.getValue();
            fractional(t, e.getKey(), a);
            if (e.getKey().isPositive()) {
                posNegAppealed[0] += a;
            } else {
                posNegAppealed[1] += a;
                posNegAppealed[2] += a * sc.rvv().appeal(e.getKey());
            }
        }
    }

    private static void set(double[][] m, Map<String, Integer> idx, String key, int j, double v) {
        m[idx.get(key)][j] = v;
    }
}
