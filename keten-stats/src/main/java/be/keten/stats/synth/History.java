package be.keten.stats.synth;

import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.event.AppealEvent;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent;
import be.keten.core.event.PathwayEvent;
import be.keten.core.event.ProcedureEvent;
import be.keten.core.event.ReturnEvent;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.AgeAssessment;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.returns.ForcedReturnKind;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import be.keten.stats.ChainStatistics;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Step 6 of a synthesis: one dossier's events, from its plan, each put to the rulebook (a refusal is a bug in the
 * generator and stops it), cut at the window's end. Each history draws from a stream split off for it alone.
 */
final class History {
    private final Draft draft;
    private final Plan p;
    private final DossierId id;
    private final List<ChainEvent> pending = new ArrayList<>();
    private final SplittableRandom r;
    private List<Person> persons;
    private LanguageRole role;

    History(Draft draft, Plan p, DossierId id) {
        this.draft = draft;
        this.p = p;
        this.id = id;
        this.r = draft.rEvents.split();
    }

    private void add(ChainEvent e) {
        pending.add(e);
    }

    private LocalDate plus(LocalDate d, int min, int max) {
        return d.plusDays(min + r.nextInt(max - min + 1));
    }

    /** A day between a and b (inclusive), a fraction of the way. */
    private LocalDate between(LocalDate a, LocalDate b, double from, double to) {
        long span = Math.max(0, ChronoUnit.DAYS.between(a, b));
        return a.plusDays(Math.round(span * (from + (to - from) * r.nextDouble())));
    }

    /** Writes the dossier's events to {@code sink} and {@code stats}; returns how many. */
    long write(Synthesizer.Sink sink, ChainStatistics stats) throws IOException {
        persons = persons();
        role = r.nextInt(100) < 58 ? LanguageRole.FR : LanguageRole.NL;
        if (p.before == Plan.Before.REJECTED) {
            earlier(false);
        } else if (p.before == Plan.Before.PROTECTED) {
            earlier(true);
            add(new DecisionEvent.StatusEnded(id, p.statusEnded, p.statusEnd));
            return run(sink, stats);
        }
        application();
        return run(sink, stats);
    }

    /**
     * The application that ended before this one, all before the window: granted (a status holder), or for a
     * subsequent application refused and final, or withdrawn at DVZ (about a third; GUIDE 2.2 counts both).
     * The CGVS steps are moved a year back at a time until no processing suspension covers them.
     */
    private void earlier(boolean granted) {
        LocalDate last = granted ? draft.start.minusDays(1 + r.nextInt(900)) : Draft.min(p.registered, draft.start).minusDays(20 + r.nextInt(100));
        if (!granted && r.nextInt(100) < 35) {
            LocalDate reg = last.minusDays(30 + r.nextInt(300));
            add(new ProcedureEvent.ApplicationRegistered(id, reg, ApplicationId.of("A" + id.value().substring(1) + "-1"), ApplicationType.FIRST,
                    persons, role, false));
            add(new ProcedureEvent.ApplicationLodged(id, plus(reg, 1, 10)));
            add(new ProcedureEvent.ApplicationWithdrawn(id, last));
            return;
        }
        LocalDate notified = granted ? last : last.minusDays(31 + r.nextInt(20));
        LocalDate decidedOn = notified.minusDays(2 + r.nextInt(9));
        LocalDate interview = decidedOn.minusDays(5 + r.nextInt(56));
        for (int k = 0; k < 20 && (draft.nationalities.suspendedOn(p.nationality, interview)
                || draft.nationalities.suspendedOn(p.nationality, decidedOn)); k++) {
            last = last.minusDays(365);
            notified = notified.minusDays(365);
            decidedOn = decidedOn.minusDays(365);
            interview = interview.minusDays(365);
        }
        LocalDate transfer = interview.minusDays(30 + r.nextInt(271));
        LocalDate dublin = transfer.minusDays(1 + r.nextInt(20));
        LocalDate check = dublin.minusDays(20 + r.nextInt(71));
        LocalDate lodged = check.minusDays(r.nextInt(4));
        LocalDate reg = lodged.minusDays(1 + r.nextInt(10));
        add(new ProcedureEvent.ApplicationRegistered(id, reg, ApplicationId.of("A" + id.value().substring(1) + "-1"), ApplicationType.FIRST,
                persons, role, false));
        add(new ProcedureEvent.ApplicationLodged(id, lodged));
        add(new ProcedureEvent.DublinCheckStarted(id, check));
        add(new ProcedureEvent.DublinDecided(id, dublin, DublinOutcome.BELGIUM_RESPONSIBLE));
        add(new ProcedureEvent.TransferredToCgvs(id, transfer));
        add(new ProcedureEvent.InterviewHeld(id, interview));
        DecisionType type = granted ? (r.nextInt(100) < 85 ? DecisionType.REFUGEE_STATUS : DecisionType.SUBSIDIARY_PROTECTION)
                : DecisionType.REFUSAL;
        add(new DecisionEvent.FinalDecisionTaken(id, decidedOn, type));
        add(new ProcedureEvent.DecisionNotified(id, notified));
        if (!granted) {
            add(new ProcedureEvent.DecisionBecameFinal(id, last));
        }
    }

    private void application() {
        int number = p.before == Plan.Before.REJECTED ? 2 : 1;
        LocalDate reg = p.registered;
        if (p.type == ApplicationType.RESETTLEMENT) {
            add(new PathwayEvent.ArrivedThroughPathway(id, reg.minusDays(r.nextInt(11)), PathwayChannel.RESETTLEMENT, persons,
                    Nationality.of(List.of("LB", "TR", "JO", "EG", "UG", "RW", "KE", "NE").get(r.nextInt(8))), reg.getYear()));
        }
        add(new ProcedureEvent.ApplicationRegistered(id, reg, ApplicationId.of("A" + id.value().substring(1) + "-" + number), p.type, persons, role,
                p.protectedElsewhere));
        for (Person person : persons) {
            if (person.declaredUnaccompaniedMinor() && r.nextInt(10) < 6) {
                add(new ProcedureEvent.AgeAssessed(id, plus(reg, 7, 45), person.id(), r.nextInt(4) == 0 ? AgeAssessment.ADULT : AgeAssessment.MINOR));
            }
        }
        boolean dublin = !p.protectedElsewhere && p.type != ApplicationType.RESETTLEMENT;
        switch (p.fate) {
            case DUBLIN_TRANSFER -> {
                LocalDate lodged = plus(reg, 1, 10);
                LocalDate check = plus(lodged, 0, 3);
                LocalDate decidedOn = plus(check, 20, 120);
                add(new ProcedureEvent.ApplicationLodged(id, lodged));
                add(new ProcedureEvent.DublinCheckStarted(id, check));
                add(new ProcedureEvent.DublinDecided(id, decidedOn, DublinOutcome.TRANSFER_TO_OTHER_STATE));
                LocalDate order = plus(decidedOn, 0, 10);
                add(new ProcedureEvent.OrderToLeaveIssued(id, order, 30));
                if (r.nextInt(3) == 0) {
                    add(new ReturnEvent.ForcedReturn(id, plus(order, 31, 120), ForcedReturnKind.DUBLIN_TRANSFER));
                }
                return;
            }
            case WITHDRAWN -> {
                LocalDate lodged = plus(reg, 1, 10);
                add(new ProcedureEvent.ApplicationLodged(id, lodged));
                add(new ProcedureEvent.ApplicationWithdrawn(id, plus(lodged, 5, 90)));
                return;
            }
            default -> {
            }
        }
        LocalDate transfer = p.transfer;
        if (transfer == null) {
            LocalDate lodged = plus(reg, 1, 10);
            add(new ProcedureEvent.ApplicationLodged(id, lodged));
            if (dublin) {
                add(new ProcedureEvent.DublinCheckStarted(id, plus(lodged, 0, 3)));
            }
            return;
        }
        LocalDate lodged = Draft.min(plus(reg, 1, 10), transfer);
        add(new ProcedureEvent.ApplicationLodged(id, lodged));
        if (dublin) {
            LocalDate check = Draft.min(plus(lodged, 0, 3), transfer);
            add(new ProcedureEvent.DublinCheckStarted(id, check));
            add(new ProcedureEvent.DublinDecided(id, Draft.max(check, transfer.minusDays(1 + r.nextInt(20))), DublinOutcome.BELGIUM_RESPONSIBLE));
        }
        add(new ProcedureEvent.TransferredToCgvs(id, transfer));
        if (p.interim != null) {
            add(new DecisionEvent.InterimDecisionTaken(id, p.interim, DecisionType.ADMISSIBLE_SUBSEQUENT));
            return;
        }
        if (p.decided == null) {
            LocalDate interview = plus(transfer, 30, 300);
            if (r.nextBoolean() && !interview.isAfter(draft.end) && !draft.nationalities.suspendedOn(p.nationality, interview)) {
                add(new ProcedureEvent.InterviewHeld(id, interview));
            }
            return;
        }
        boolean interview = p.decision != DecisionType.INADMISSIBLE || p.protectedElsewhere || r.nextBoolean();
        if (interview) {
            LocalDate day = between(transfer, p.decided, 0.5, 0.97);
            // The decision day is free of suspensions by construction; an earlier interview day need not be.
            add(new ProcedureEvent.InterviewHeld(id, draft.nationalities.suspendedOn(p.nationality, day) ? p.decided : day));
        }
        add(new DecisionEvent.FinalDecisionTaken(id, p.decided, p.decision));
        LocalDate notified = plus(p.decided, 1, 10);
        add(new ProcedureEvent.DecisionNotified(id, notified));
        if (p.decision.isPositive()) {
            return;
        }
        boolean accelerated = p.decision == DecisionType.INADMISSIBLE || p.type == ApplicationType.SUBSEQUENT;
        int period = accelerated ? draft.rulebook.policies().appealPeriods(notified).acceleratedDays()
                : draft.rulebook.policies().appealPeriods(notified).normalDays();
        LocalDate last;
        if (r.nextInt(100) < 55) {
            add(new AppealEvent.AppealLodged(id, plus(notified, 1, period), role));
            LocalDate judged = plus(notified, period + 60, period + 300);
            int o = r.nextInt(100);
            JudgmentOutcome outcome = o < 6 ? JudgmentOutcome.GRANT_REFUGEE_STATUS : o < 10 ? JudgmentOutcome.GRANT_SUBSIDIARY_PROTECTION
                    : o < 20 && draft.annulAfter != null && judged.isAfter(draft.annulAfter) ? JudgmentOutcome.ANNUL : JudgmentOutcome.REJECT;
            add(new AppealEvent.AppealJudged(id, judged, outcome));
            if (outcome != JudgmentOutcome.REJECT) {
                return;
            }
            last = judged;
        } else {
            last = plus(notified, period + 1, period + 15);
            add(new ProcedureEvent.DecisionBecameFinal(id, last));
        }
        add(new ProcedureEvent.OrderToLeaveIssued(id, plus(last, 1, 20), 30));
    }

    private List<Person> persons() {
        int year = (p.registered != null ? p.registered : draft.start).getYear();
        List<Person> out = new ArrayList<>();
        boolean single = p.size == 1;
        boolean uam = single && p.type == ApplicationType.FIRST && !p.protectedElsewhere && r.nextInt(100) < 7;
        Sex principal = single ? (r.nextInt(100) < 74 ? Sex.MALE : Sex.FEMALE) : (r.nextInt(100) < 55 ? Sex.MALE : Sex.FEMALE);
        int age = uam ? 15 + r.nextInt(3) : 19 + (int) (Math.abs(r.nextDouble() - r.nextDouble()) * 40);
        out.add(new Person(PersonId.of("P" + id.value().substring(1) + "-1"), p.nationality, principal, year - age, uam));
        for (int i = 2; i <= p.size; i++) {
            boolean partner = i == 2 && r.nextInt(100) < 65;
            Sex sex = partner ? (principal == Sex.MALE ? Sex.FEMALE : Sex.MALE) : (r.nextBoolean() ? Sex.MALE : Sex.FEMALE);
            int a = partner ? Math.max(18, age - 5 + r.nextInt(11)) : r.nextInt(Math.max(1, Math.min(18, age - 16)));
            out.add(new Person(PersonId.of("P" + id.value().substring(1) + "-" + i), p.nationality, sex, year - a, false));
        }
        return out;
    }

    /** Puts each event to the rulebook and hands the accepted ones on, with the state the rulebook gave (no second fold). */
    private long run(Synthesizer.Sink sink, ChainStatistics stats) throws IOException {
        long written = 0;
        List<ChainEvent> sorted = new ArrayList<>(pending);
        sorted.sort(Comparator.comparing(ChainEvent::date));
        DossierState s = DossierState.empty(id);
        for (ChainEvent e : sorted) {
            if (e.date().isAfter(draft.end)) {
                break;
            }
            Verdict v = draft.rulebook.decide(s, e);
            if (v instanceof Verdict.Rejected rej) {
                throw new IllegalStateException("synthetic history refused by the rulebook: dossier " + id + ": " + rej.rejection().message()
                        + " (a bug in the generator)");
            }
            DossierState next = ((Verdict.Accepted) v).state();
            stats.accept(e, s, next);
            sink.accept(e);
            written++;
            s = next;
        }
        return written;
    }
}
