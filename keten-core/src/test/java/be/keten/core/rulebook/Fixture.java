package be.keten.core.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.appeal.CassationOutcome;
import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.event.AppealEvent.AppealJudged;
import be.keten.core.event.AppealEvent.AppealLodged;
import be.keten.core.event.AppealEvent.CassationDecided;
import be.keten.core.event.AppealEvent.CassationLodged;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.event.DecisionEvent.InterimDecisionTaken;
import be.keten.core.event.DecisionEvent.StatusEnded;
import be.keten.core.event.PathwayEvent.ArrivedThroughPathway;
import be.keten.core.event.ProcedureEvent.AgeAssessed;
import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ProcedureEvent.ApplicationWithdrawn;
import be.keten.core.event.ProcedureEvent.DecisionBecameFinal;
import be.keten.core.event.ProcedureEvent.DecisionNotified;
import be.keten.core.event.ProcedureEvent.DublinCheckStarted;
import be.keten.core.event.ProcedureEvent.DublinDecided;
import be.keten.core.event.ProcedureEvent.InterviewHeld;
import be.keten.core.event.ProcedureEvent.OrderToLeaveIssued;
import be.keten.core.event.ProcedureEvent.ProcessingResumed;
import be.keten.core.event.ProcedureEvent.ProcessingSuspended;
import be.keten.core.event.ProcedureEvent.TrackAssigned;
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.event.ReceptionEvent.EntitlementDecided;
import be.keten.core.event.ReceptionEvent.LeftReception;
import be.keten.core.event.ReceptionEvent.PlacedInFacility;
import be.keten.core.event.ReceptionEvent.PutOnWaitingList;
import be.keten.core.event.ReceptionEvent.TransferredBetweenFacilities;
import be.keten.core.event.ReturnEvent.ForcedReturn;
import be.keten.core.event.ReturnEvent.VoluntaryReturn;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.AgeAssessment;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.procedure.Track;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.PlaceType;
import be.keten.core.reception.WaitingListChannel;
import be.keten.core.returns.ForcedReturnKind;
import be.keten.core.state.DossierState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Drives one dossier through the rulebook; every step must be accepted unless a test says otherwise. */
final class Fixture {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    static final Rulebook RULEBOOK = new Rulebook(BelgianPolicies.book(), CLOCK);

    final DossierId id;
    final List<Person> persons;
    DossierState state;
    final List<ChainEvent> events = new ArrayList<>();
    LocalDate day;

    Fixture(String dossier, String nationality, LocalDate start) {
        this(dossier, List.of(new Person(PersonId.of("P-" + dossier.substring(2) + "-1"), Nationality.of(nationality), Sex.MALE, 1990, false)), start);
    }

    Fixture(String dossier, List<Person> persons, LocalDate start) {
        this.id = DossierId.of(dossier);
        this.persons = persons;
        this.state = DossierState.empty(id);
        this.day = start;
    }

    static Person person(String id, String nationality, Sex sex, int born, boolean uam) {
        return new Person(PersonId.of(id), Nationality.of(nationality), sex, born, uam);
    }

    /** The next working step's date: a week after the previous one. */
    LocalDate next() {
        day = day.plusDays(7);
        return day;
    }

    Fixture accept(ChainEvent e) {
        Verdict v = RULEBOOK.decide(state, e);
        if (v instanceof Verdict.Rejected r) {
            throw new AssertionError("expected " + e + " to be accepted, got: " + r.rejection().message());
        }
        state = ((Verdict.Accepted) v).state();
        events.add(e);
        day = e.date();
        return this;
    }

    Rejection reject(ChainEvent e) {
        Verdict v = RULEBOOK.decide(state, e);
        assertThat(v).as("expected a rejection of %s", e).isInstanceOf(Verdict.Rejected.class);
        return ((Verdict.Rejected) v).rejection();
    }

    List<PersonId> personIds() {
        return persons.stream().map(Person::id).toList();
    }

    // --- building blocks -------------------------------------------------------------------

    Fixture register(ApplicationType type) {
        return accept(new ApplicationRegistered(id, next(), ApplicationId.of("A-" + id.value().substring(2) + "-" + (state.applications() + 1)),
                type, persons, LanguageRole.NL, false));
    }

    Fixture registerProtectedElsewhere() {
        return accept(new ApplicationRegistered(id, next(), ApplicationId.of("A-" + id.value().substring(2) + "-1"),
                ApplicationType.FIRST, persons, LanguageRole.FR, true));
    }

    Fixture toCgvs() {
        return register(ApplicationType.FIRST).lodgeAndTransfer();
    }

    Fixture lodgeAndTransfer() {
        accept(new ApplicationLodged(id, next()));
        accept(new DublinCheckStarted(id, next()));
        accept(new DublinDecided(id, next(), DublinOutcome.BELGIUM_RESPONSIBLE));
        return accept(new TransferredToCgvs(id, next()));
    }

    Fixture interview() {
        return accept(new InterviewHeld(id, next()));
    }

    Fixture decide(DecisionType t) {
        return accept(new FinalDecisionTaken(id, next(), t));
    }

    Fixture notifyDecision() {
        return accept(new DecisionNotified(id, next()));
    }

    Fixture refusedAndNotified() {
        return toCgvs().interview().decide(DecisionType.REFUSAL).notifyDecision();
    }

    Fixture rejectedOnAppeal() {
        refusedAndNotified();
        accept(new AppealLodged(id, next(), LanguageRole.NL));
        return accept(new AppealJudged(id, next(), JudgmentOutcome.REJECT));
    }

    Fixture entitledAndPlaced() {
        accept(new EntitlementDecided(id, next(), true, "RECEPTION_FIRST"));
        return accept(new PlacedInFacility(id, next(), "F-ARRIVAL", PlaceType.FIRST_PHASE, personIds(), "below saturation"));
    }

    /** A fresh dossier in the given state, reached through accepted events only. */
    static Fixture in(ProcedureState target, String dossier) {
        LocalDate start = LocalDate.of(2023, 1, 2);
        Fixture f = new Fixture(dossier, "ER", start);
        switch (target) {
            case NEW -> { }
            case ARRIVED -> f.accept(new ArrivedThroughPathway(f.id, f.next(), PathwayChannel.RESETTLEMENT, f.persons, Nationality.of("LB"), 2023));
            case REGISTERED -> f.register(ApplicationType.FIRST);
            case LODGED -> f.register(ApplicationType.FIRST).accept(new ApplicationLodged(f.id, f.next()));
            case DUBLIN_CHECK -> f.register(ApplicationType.FIRST).accept(new ApplicationLodged(f.id, f.next()))
                    .accept(new DublinCheckStarted(f.id, f.next()));
            case DUBLIN_TRANSFER -> f.register(ApplicationType.FIRST).accept(new ApplicationLodged(f.id, f.next()))
                    .accept(new DublinCheckStarted(f.id, f.next()))
                    .accept(new DublinDecided(f.id, f.next(), DublinOutcome.TRANSFER_TO_OTHER_STATE));
            case CGVS_PENDING -> f.toCgvs();
            case SUSPENDED -> {
                f = new Fixture(dossier, "RU", start).toCgvs();
                f.accept(new ProcessingSuspended(f.id, f.next(), "SUSPEND_RUSSIA"));
            }
            case INTERVIEWED -> f.toCgvs().interview();
            case DECIDED -> f.toCgvs().interview().decide(DecisionType.REFUSAL);
            case NOTIFIED_NEGATIVE -> f.refusedAndNotified();
            case APPEAL_PENDING -> f.refusedAndNotified().accept(new AppealLodged(f.id, f.next(), LanguageRole.NL));
            case REJECTED_FINAL -> f.rejectedOnAppeal();
            case CASSATION_PENDING -> f.rejectedOnAppeal().accept(new CassationLodged(f.id, f.next()));
            case PROTECTED -> f.toCgvs().interview().decide(DecisionType.REFUGEE_STATUS).notifyDecision();
            case STATUS_ENDED -> f.toCgvs().interview().decide(DecisionType.REFUGEE_STATUS).notifyDecision()
                    .accept(new StatusEnded(f.id, f.next(), DecisionType.WITHDRAWAL));
            case WITHDRAWN -> f.register(ApplicationType.FIRST).accept(new ApplicationWithdrawn(f.id, f.next()));
            case RETURNED -> f.rejectedOnAppeal().accept(new VoluntaryReturn(f.id, f.next(), true));
        }
        assertThat(f.state.state()).isEqualTo(target);
        return f;
    }

    /** One plausible event of the given type for this dossier, dated the next step. */
    ChainEvent sample(Class<? extends ChainEvent> type) {
        LocalDate d = next();
        PersonId p = persons.get(0).id();
        String n = type.getSimpleName();
        return switch (n) {
            case "ArrivedThroughPathway" -> new ArrivedThroughPathway(id, d, PathwayChannel.RESETTLEMENT, persons, Nationality.of("LB"), 2023);
            case "ApplicationRegistered" -> new ApplicationRegistered(id, d, ApplicationId.of("A-SAMPLE-" + (state.applications() + 1)),
                    state.state() == ProcedureState.ARRIVED ? ApplicationType.RESETTLEMENT
                            : state.state().applicationEnded() ? ApplicationType.SUBSEQUENT : ApplicationType.FIRST,
                    persons, LanguageRole.NL, false);
            case "ApplicationLodged" -> new ApplicationLodged(id, d);
            case "DublinCheckStarted" -> new DublinCheckStarted(id, d);
            case "DublinDecided" -> new DublinDecided(id, d, DublinOutcome.BELGIUM_RESPONSIBLE);
            case "TransferredToCgvs" -> new TransferredToCgvs(id, d);
            case "TrackAssigned" -> new TrackAssigned(id, d, Track.STANDARD);
            case "ProcessingSuspended" -> new ProcessingSuspended(id, d, "SUSPEND_RUSSIA");
            case "ProcessingResumed" -> new ProcessingResumed(id, d);
            case "InterviewHeld" -> new InterviewHeld(id, d);
            case "InterimDecisionTaken" -> new InterimDecisionTaken(id, d, DecisionType.ADMISSIBLE_SUBSEQUENT);
            case "FinalDecisionTaken" -> new FinalDecisionTaken(id, d, DecisionType.CLOSURE);
            case "StatusEnded" -> new StatusEnded(id, d, DecisionType.REVOCATION);
            case "DecisionNotified" -> new DecisionNotified(id, d);
            case "DecisionBecameFinal" -> new DecisionBecameFinal(id, d.plusDays(60));
            case "OrderToLeaveIssued" -> new OrderToLeaveIssued(id, d, 30);
            case "ApplicationWithdrawn" -> new ApplicationWithdrawn(id, d);
            case "AgeAssessed" -> new AgeAssessed(id, d, p, AgeAssessment.ADULT);
            case "AppealLodged" -> new AppealLodged(id, state.notifiedOn() == null ? d : state.notifiedOn().plusDays(1), LanguageRole.NL);
            case "AppealJudged" -> new AppealJudged(id, d, JudgmentOutcome.REJECT);
            case "CassationLodged" -> new CassationLodged(id, state.judgedOn() == null ? d : state.judgedOn().plusDays(1));
            case "CassationDecided" -> new CassationDecided(id, d, CassationOutcome.REJECTED);
            case "EntitlementDecided" -> new EntitlementDecided(id, d, true, "sample");
            case "PutOnWaitingList" -> new PutOnWaitingList(id, d, WaitingListChannel.ARRIVAL_CENTRE, List.of(p));
            case "PlacedInFacility" -> new PlacedInFacility(id, d, "F-1", PlaceType.COLLECTIVE, List.of(p), "sample");
            case "TransferredBetweenFacilities" -> new TransferredBetweenFacilities(id, d, "F-2", PlaceType.COLLECTIVE, List.of(p));
            case "LeftReception" -> new LeftReception(id, d, LeaveReason.NO_SHOW, List.of(p));
            case "SponsorshipStarted" -> new be.keten.core.event.ReceptionEvent.SponsorshipStarted(id, d, "CARITAS", List.of(p), null);
            case "VulnerabilityAssessed" -> new be.keten.core.event.ReceptionEvent.VulnerabilityAssessed(id, d, List.of(p), true);
            case "VoluntaryReturn" -> new VoluntaryReturn(id, d, false);
            case "ForcedReturn" -> new ForcedReturn(id, d, ForcedReturnKind.ORIGIN_COUNTRY);
            default -> throw new IllegalArgumentException("no sample for " + n);
        };
    }
}
