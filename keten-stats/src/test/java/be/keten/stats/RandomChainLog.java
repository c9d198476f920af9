package be.keten.stats;

import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.event.AppealEvent.AppealJudged;
import be.keten.core.event.AppealEvent.AppealLodged;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ProcedureEvent.DecisionNotified;
import be.keten.core.event.ProcedureEvent.DublinCheckStarted;
import be.keten.core.event.ProcedureEvent.DublinDecided;
import be.keten.core.event.ProcedureEvent.InterviewHeld;
import be.keten.core.event.ProcedureEvent.ProcessingSuspended;
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.event.ReceptionEvent.EntitlementDecided;
import be.keten.core.event.ReceptionEvent.LeftReception;
import be.keten.core.event.ReceptionEvent.PlacedInFacility;
import be.keten.core.event.ReceptionEvent.PutOnWaitingList;
import be.keten.core.event.ReceptionEvent.TransferredBetweenFacilities;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.PlaceType;
import be.keten.core.reception.WaitingListChannel;
import be.keten.core.rulebook.Rulebook;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Random but valid chain data for tests: dossiers through DVZ, CGVS, RvV and reception with
 * random dates, household sizes, nationalities and outcomes, each event accepted by the rulebook
 * (an event it refuses is left out, and the dossier goes on from its state). Same seed, same log.
 */
final class RandomChainLog {
    private static final Rulebook RB = new Rulebook(BelgianPolicies.book(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private static final String[] NATIONALITIES = {"SY", "AF", "ER", "PS", "TR", "GN", "RU", "BI"};
    private static final DecisionType[] DECISIONS = {DecisionType.REFUGEE_STATUS, DecisionType.SUBSIDIARY_PROTECTION, DecisionType.REFUSAL,
        DecisionType.INADMISSIBLE, DecisionType.MANIFESTLY_UNFOUNDED, DecisionType.CLOSURE};
    private static final PlaceType[] PLACES = {PlaceType.COLLECTIVE, PlaceType.INDIVIDUAL};

    private RandomChainLog() {
    }

    /** The events of {@code dossiers} dossiers, in date order (each dossier's own events in their order). */
    static List<ChainEvent> of(long seed, int dossiers) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<ChainEvent> log = new ArrayList<>();
        for (int i = 0; i < dossiers; i++) {
            log.addAll(dossier(rnd, i));
        }
        log.sort(Comparator.comparing(ChainEvent::date));   // stable: a dossier's events keep their order
        return log;
    }

    private static List<ChainEvent> dossier(SplittableRandom rnd, int i) {
        DossierId id = DossierId.of(String.format("D-RND-%05d", i));
        int size = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(5) : 0);
        String nat = NATIONALITIES[rnd.nextInt(NATIONALITIES.length)];
        List<Person> persons = new ArrayList<>();
        for (int p = 0; p < size; p++) {
            persons.add(new Person(PersonId.of(String.format("P-RND-%05d-%d", i, p)), Nationality.of(nat),
                    rnd.nextBoolean() ? Sex.FEMALE : Sex.MALE, 1960 + rnd.nextInt(60), false));
        }
        List<PersonId> ids = persons.stream().map(Person::id).toList();
        LocalDate[] day = {LocalDate.of(2023, 1, 1).plusDays(rnd.nextInt(540))};
        Function<Integer, LocalDate> later = max -> day[0] = day[0].plusDays(rnd.nextInt(max + 1));
        LanguageRole role = rnd.nextBoolean() ? LanguageRole.NL : LanguageRole.FR;
        List<ChainEvent> want = new ArrayList<>();
        want.add(new ApplicationRegistered(id, day[0], ApplicationId.of(String.format("A-RND-%05d", i)),
                rnd.nextInt(8) == 0 ? ApplicationType.SUBSEQUENT : ApplicationType.FIRST, persons, role, false));
        if (rnd.nextInt(3) > 0) {
            want.add(new EntitlementDecided(id, day[0], true, "RECEPTION_FIRST"));
            want.add(new PutOnWaitingList(id, day[0], WaitingListChannel.ARRIVAL_CENTRE, ids));
            want.add(new PlacedInFacility(id, later.apply(60), "F-ARR", PlaceType.FIRST_PHASE, ids, "test"));
            PlaceType t = PLACES[rnd.nextInt(PLACES.length)];
            want.add(new TransferredBetweenFacilities(id, later.apply(30), "F-" + t.name(), t, ids));
        }
        want.add(new ApplicationLodged(id, later.apply(10)));
        want.add(new DublinCheckStarted(id, day[0]));
        want.add(new DublinDecided(id, later.apply(40), DublinOutcome.BELGIUM_RESPONSIBLE));
        want.add(new TransferredToCgvs(id, later.apply(10)));
        if (nat.equals("RU") && rnd.nextBoolean()) {
            want.add(new ProcessingSuspended(id, later.apply(30), "SUSPEND_RUSSIA"));
        }
        want.add(new InterviewHeld(id, later.apply(200)));
        DecisionType decision = DECISIONS[rnd.nextInt(DECISIONS.length)];
        want.add(new FinalDecisionTaken(id, later.apply(60), decision));
        want.add(new DecisionNotified(id, later.apply(7)));
        if (!decision.isPositive()) {
            want.add(new AppealLodged(id, later.apply(25), role));
            want.add(new AppealJudged(id, later.apply(200), JudgmentOutcome.values()[rnd.nextInt(JudgmentOutcome.values().length)]));
        }
        want.add(new LeftReception(id, later.apply(120), LeaveReason.values()[rnd.nextInt(LeaveReason.values().length)],
                ids.subList(0, 1 + rnd.nextInt(ids.size()))));
        // A random truncation: the dossier is still under way at the end of the log.
        int keep = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(want.size()) : want.size();
        List<ChainEvent> accepted = new ArrayList<>();
        DossierState s = DossierState.empty(id);
        for (ChainEvent e : want.subList(0, keep)) {
            Verdict v = RB.decide(s, e);
            if (!v.accepted()) {
                continue;   // an optional step the rulebook does not allow here (e.g. a suspension policy not in force)
            }
            s = ((Verdict.Accepted) v).state();
            accepted.add(e);
        }
        return accepted;
    }
}
