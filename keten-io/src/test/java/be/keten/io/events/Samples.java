package be.keten.io.events;

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
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.procedure.Track;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.PlaceType;
import be.keten.core.reception.WaitingListChannel;
import be.keten.core.returns.ForcedReturnKind;
import java.time.LocalDate;
import java.util.List;

/** One sample of every event type, with values that exercise escaping and every field kind. */
final class Samples {
    static final DossierId D = DossierId.of("D-2023-000001");
    static final LocalDate DAY = LocalDate.of(2023, 1, 5);
    static final PersonId P1 = PersonId.of("P-2023-000001");
    static final PersonId P2 = PersonId.of("P-2023-000002");
    static final List<Person> HOUSEHOLD = List.of(
            new Person(P1, Nationality.of("AF"), Sex.MALE, 1990, false),
            new Person(P2, Nationality.of("AF"), Sex.FEMALE, 2008, true));

    private Samples() {
    }

    static List<ChainEvent> all() {
        return List.of(
                new ApplicationRegistered(D, DAY, ApplicationId.of("A-2023-000001"), ApplicationType.FIRST, HOUSEHOLD, LanguageRole.NL, false),
                new ApplicationLodged(D, DAY.plusDays(1)),
                new DublinCheckStarted(D, DAY.plusDays(2)),
                new DublinDecided(D, DAY.plusDays(3), DublinOutcome.BELGIUM_RESPONSIBLE),
                new TransferredToCgvs(D, DAY.plusDays(4)),
                new TrackAssigned(D, DAY.plusDays(5), Track.FAST_TRACK_50),
                new ProcessingSuspended(D, DAY.plusDays(6), "SUSPEND_\"QUOTED\" \\ é"),
                new ProcessingResumed(D, DAY.plusDays(7)),
                new InterviewHeld(D, DAY.plusDays(8)),
                new InterimDecisionTaken(D, DAY.plusDays(9), DecisionType.ADMISSIBLE_SUBSEQUENT),
                new FinalDecisionTaken(D, DAY.plusDays(10), DecisionType.REFUSAL),
                new DecisionNotified(D, DAY.plusDays(11)),
                new DecisionBecameFinal(D, DAY.plusDays(12)),
                new OrderToLeaveIssued(D, DAY.plusDays(13), 30),
                new ApplicationWithdrawn(D, DAY.plusDays(14)),
                new AgeAssessed(D, DAY.plusDays(15), P2, AgeAssessment.MINOR),
                new StatusEnded(D, DAY.plusDays(16), DecisionType.REVOCATION),
                new AppealLodged(D, DAY.plusDays(17), LanguageRole.FR),
                new AppealJudged(D, DAY.plusDays(18), JudgmentOutcome.ANNUL),
                new CassationLodged(D, DAY.plusDays(19)),
                new CassationDecided(D, DAY.plusDays(20), CassationOutcome.QUASHED),
                new ArrivedThroughPathway(D, DAY.plusDays(21), PathwayChannel.RESETTLEMENT, HOUSEHOLD, Nationality.of("LB"), 2023),
                new EntitlementDecided(D, DAY.plusDays(22), true, "RECEPTION_FIRST"),
                new PutOnWaitingList(D, DAY.plusDays(23), WaitingListChannel.QR_CODE, List.of(P1)),
                new PlacedInFacility(D, DAY.plusDays(24), "Centre A", PlaceType.COLLECTIVE, List.of(P1, P2), "priority: family"),
                new TransferredBetweenFacilities(D, DAY.plusDays(25), "Centre B", PlaceType.INDIVIDUAL, List.of(P2)),
                new be.keten.core.event.ReceptionEvent.SponsorshipStarted(D, DAY.plusDays(25), "Caritas International", List.of(P1, P2),
                        DAY.plusDays(25).plusMonths(11)),
                new LeftReception(D, DAY.plusDays(26), LeaveReason.VOLUNTARY_DEPARTURE, List.of(P1, P2)),
                new be.keten.core.event.ReceptionEvent.VulnerabilityAssessed(D, DAY.plusDays(26), List.of(P1), true),
                new VoluntaryReturn(D, DAY.plusDays(27), true),
                new ForcedReturn(D, DAY.plusDays(28), ForcedReturnKind.DUBLIN_TRANSFER));
    }
}
