package be.keten.stats.synth;

import be.keten.core.person.Nationality;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.io.reference.ReferenceData;
import be.keten.stats.publication.DecisionRow;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Steps 3 and 4 of a synthesis: the households decided in each month of the window (one plan each, dossiers and
 * persons exactly as targeted) and their registration, then the other applicants of each month. Both draw on the
 * same budget of registrations the DVZ figures leave per month and column, so they share this class.
 */
final class Registrations {
    private final Draft draft;
    /** [month][column] persons the DVZ figures leave for registrations; all zero in a month a nationality table covers. */
    private final long[][] budget;
    /** [month][column]: no figure limits the registrations. */
    private final boolean[][] unlimited;
    /** The months the applications-by-nationality tables cover: their applicants are given, decided households register elsewhere. */
    private final Set<YearMonth> regionMonths;

    Registrations(Draft draft, long[][] applications, boolean[][] unlimited, Set<YearMonth> regionMonths) {
        this.draft = draft;
        this.unlimited = unlimited;
        this.regionMonths = regionMonths;
        budget = new long[draft.window.size()][];
        for (int i = 0; i < draft.window.size(); i++) {
            budget[i] = regionMonths.contains(draft.window.get(i)) ? new long[3] : applications[i].clone();
        }
    }

    private LocalDate dayIn(YearMonth m, SplittableRandom r) {
        return m.atDay(1 + r.nextInt(m.lengthOfMonth()));
    }

    void decidedHouseholds(long[][][] dec) {
        for (int i = 0; i < draft.window.size(); i++) {
            YearMonth m = draft.window.get(i);
            for (int r = 0; r < Targets.ROWS; r++) {
                int[] sizes = Households.partition(dec[i][r][0], dec[i][r][1], draft.rHouse);
                for (int size : sizes) {
                    Plan p = draft.plan(size);
                    p.row = r;
                    LocalDate day = dayIn(m, draft.rDates);
                    switch (DecisionRow.values()[r]) {
                        case INTERIM -> {
                            p.interim = day;
                            p.type = ApplicationType.SUBSEQUENT;
                            p.before = Plan.Before.REJECTED;
                        }
                        case WITHDRAWAL_OR_REVOCATION -> {
                            p.fate = Plan.Fate.STATUS_HOLDER;
                            p.statusEnded = day;
                            p.statusEnd = draft.rHouse.nextInt(10) < 7 ? DecisionType.WITHDRAWAL : DecisionType.REVOCATION;
                            p.before = Plan.Before.PROTECTED;
                            p.type = ApplicationType.FIRST;
                        }
                        case INADMISSIBLE -> {
                            p.decided = day;
                            p.decision = DecisionType.INADMISSIBLE;
                            if (draft.rHouse.nextBoolean()) {
                                p.type = ApplicationType.SUBSEQUENT;
                                p.before = Plan.Before.REJECTED;
                            } else {
                                p.type = ApplicationType.FIRST;
                                p.protectedElsewhere = true;
                            }
                        }
                        default -> {
                            p.decided = day;
                            p.decision = typeOf(DecisionRow.values()[r]);
                            p.type = ApplicationType.FIRST;
                        }
                    }
                    draft.decided.add(p);
                }
            }
        }
        draft.assumptions.add("interim decisions are admissible subsequent applications (no border procedure)");
        draft.assumptions.add("inadmissibility decisions: half on subsequent applications, half on applicants protected in another EU state"
                + " (after an interview)");
        draft.assumptions.add("withdrawals and revocations end a status granted before the window (7 in 10 withdrawals)");
        draft.assumptions.add("the refusal row holds refusals only: no exclusion or closure decisions are generated, so the row mapping of"
                + " exclusion and closure does not change any figure");
        draft.assumptions.add("decided households: every dossier starts with one person; each further person joins a family already formed with"
                + " probability 0.55, else a single person (sizes up to " + Households.MAX + ")");
    }

    private static DecisionType typeOf(DecisionRow r) {
        return switch (r) {
            case REFUGEE_STATUS -> DecisionType.REFUGEE_STATUS;
            case SUBSIDIARY_PROTECTION -> DecisionType.SUBSIDIARY_PROTECTION;
            case MANIFESTLY_UNFOUNDED -> DecisionType.MANIFESTLY_UNFOUNDED;
            case REFUSAL -> DecisionType.REFUSAL;
            default -> throw new IllegalArgumentException(r.name());
        };
    }

    private static int column(ApplicationType t) {
        return ReferenceData.APPLICATION_COLUMNS.indexOf(t.dvzColumn());
    }

    /** Days from registration to the first CGVS decision, by kind of application (assumption, triangular). */
    private int delay(Plan p, SplittableRandom r) {
        if (p.type == ApplicationType.SUBSEQUENT) {
            return 20 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 180);
        }
        if (p.protectedElsewhere) {
            return 40 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 260);
        }
        return 100 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 650);
    }

    /** Days from registration to the transfer to the CGVS if nothing else decides (assumption). */
    private int dvzLag(Plan p, SplittableRandom r) {
        if (p.protectedElsewhere || p.type == ApplicationType.RESETTLEMENT) {
            return 3 + r.nextInt(38);
        }
        if (p.type == ApplicationType.SUBSEQUENT) {
            return 3 + r.nextInt(28);
        }
        return 25 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 125);
    }

    void registerDecided() {
        List<Plan> order = new ArrayList<>(draft.decided);
        Collections.shuffle(order, new java.util.Random(draft.rDates.nextLong()));
        int inWindow = 0;
        for (Plan p : order) {
            if (p.fate == Plan.Fate.STATUS_HOLDER) {
                p.registered = draft.start.minusDays(400 + draft.rDates.nextInt(1500));
                continue;
            }
            LocalDate first = p.firstDecision();
            LocalDate wanted = first.minusDays(delay(p, draft.rDates));
            int col = column(p.type);
            LocalDate reg = null;
            if (!wanted.isBefore(draft.start)) {
                for (YearMonth m = YearMonth.from(wanted); !m.isBefore(draft.options.from()) && reg == null; m = m.minusMonths(1)) {
                    int i = draft.window.indexOf(m);
                    if (regionMonths.contains(m)) {
                        continue;
                    }
                    if (unlimited[i][col] || budget[i][col] >= p.size) {
                        if (!unlimited[i][col]) {
                            budget[i][col] -= p.size;
                        }
                        LocalDate d = m.equals(YearMonth.from(wanted)) ? wanted : dayIn(m, draft.rDates);
                        reg = d.isAfter(first) ? first : d;
                        inWindow++;
                    }
                }
            }
            // Before the window: on the wanted day if it is there, else as close to the window as the DVZ figures allow.
            p.registered = reg != null ? reg : wanted.isBefore(draft.start) ? wanted : draft.start.minusDays(1 + draft.rDates.nextInt(90));
            p.naturalTransfer = Draft.min(p.registered.plusDays(dvzLag(p, draft.rDates)), first);
            p.earliestTransfer = p.registered;
        }
        draft.assumptions.add("registration to first CGVS decision takes 100-750 days for first applications, 40-300 for applicants protected"
                + " elsewhere, 20-200 for subsequent ones (triangular); a decided household registers in that month when its applications"
                + " leave room and carry no nationality table, else an earlier month, else just before the window (" + inWindow + " of "
                + draft.decided.size() + " decided households registered in the window)");
    }

    void applicants(ApplicationNationalities an) {
        int dublin = 0;
        int withdrawn = 0;
        for (int i = 0; i < draft.window.size(); i++) {
            YearMonth m = draft.window.get(i);
            for (int col = 0; col < 3; col++) {
                ApplicationType type = col == 0 ? ApplicationType.FIRST : col == 1 ? ApplicationType.RESETTLEMENT : ApplicationType.SUBSEQUENT;
                Map<Nationality, Long> byNat = new LinkedHashMap<>();
                if (regionMonths.contains(m)) {
                    byNat.putAll(an.cells.get(m).get(col));
                } else if (!unlimited[i][col] && budget[i][col] > 0) {
                    byNat.put(null, budget[i][col]);
                }
                for (var e : byNat.entrySet()) {
                    for (int size : Households.fill(e.getValue(), draft.rHouse)) {
                        Plan p = draft.plan(size);
                        p.nationality = e.getKey() != null ? e.getKey() : draft.nationalities.draw(draft.rNat, n -> true);
                        p.type = type;
                        p.registered = dayIn(m, draft.rDates);
                        if (type == ApplicationType.SUBSEQUENT) {
                            p.before = Plan.Before.REJECTED;
                        }
                        if (type == ApplicationType.FIRST) {
                            p.protectedElsewhere = draft.rHouse.nextInt(100) < 8;
                            int r = draft.rHouse.nextInt(100);
                            if (!p.protectedElsewhere && r < 8) {
                                p.fate = Plan.Fate.DUBLIN_TRANSFER;
                                dublin++;
                            } else if (r >= 98) {
                                p.fate = Plan.Fate.WITHDRAWN;
                                withdrawn++;
                            }
                        }
                        p.naturalTransfer = p.registered.plusDays(dvzLag(p, draft.rDates));
                        p.earliestTransfer = p.registered;
                    }
                }
            }
        }
        draft.assumptions.add("applicants not decided in a published month: 8% of first applicants protected in another EU state; of the others"
                + " 8% transferred under Dublin and 2% withdraw at DVZ (" + dublin + " and " + withdrawn + " dossiers); the rest reach the CGVS"
                + " 3-40 days (protected elsewhere, resettled, subsequent) or 25-150 days (Dublin check) after registration");
        draft.assumptions.add("household sizes of applicants: " + "1 person 88.5%, 2: 5%, 3: 3.2%, 4: 1.9%, 5: 0.9%, 6-8: 0.5%");
    }
}
