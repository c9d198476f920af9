package be.keten.store;

import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.event.AppealEvent.AppealJudged;
import be.keten.core.event.AppealEvent.AppealLodged;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ProcedureEvent.ApplicationWithdrawn;
import be.keten.core.event.ProcedureEvent.DecisionNotified;
import be.keten.core.event.ProcedureEvent.DublinCheckStarted;
import be.keten.core.event.ProcedureEvent.DublinDecided;
import be.keten.core.event.ProcedureEvent.InterviewHeld;
import be.keten.core.event.ProcedureEvent.OrderToLeaveIssued;
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.event.ReceptionEvent.EntitlementDecided;
import be.keten.core.event.ReceptionEvent.LeftReception;
import be.keten.core.event.ReceptionEvent.PlacedInFacility;
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
import be.keten.core.rulebook.Rulebook;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Realistic, rule-abiding dossier histories for the store's tests (GUIDE §3.1): a recognised
 * refugee with reception, a refusal upheld on appeal, a withdrawal. Nationalities are ones no
 * suspension or fast track touches in 2023–2024, so the histories pass the Belgian policies.
 */
final class Histories {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC);
    static final Rulebook RULEBOOK = new Rulebook(BelgianPolicies.book(), CLOCK);
    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    private static final String[] NATIONALITIES = {"AF", "ER", "GN", "PS", "TR", "CM", "SO"};

    private Histories() {
    }

    static DossierId dossier(int n) {
        return DossierId.of(String.format("D-2023-%06d", n));
    }

    static List<Person> household(int n, String nationality) {
        List<Person> persons = new ArrayList<>();
        persons.add(new Person(PersonId.of(String.format("P-2023-%06d-1", n)), Nationality.of(nationality), Sex.MALE, 1985 + n % 15, false));
        if (n % 2 == 0) {
            persons.add(new Person(PersonId.of(String.format("P-2023-%06d-2", n)), Nationality.of(nationality), Sex.FEMALE, 1988 + n % 10, false));
        }
        return persons;
    }

    static ApplicationRegistered registration(int n, LocalDate day, String nationality) {
        return new ApplicationRegistered(dossier(n), day, ApplicationId.of(String.format("A-2023-%06d", n)), ApplicationType.FIRST,
                household(n, nationality), n % 3 == 0 ? LanguageRole.FR : LanguageRole.NL, false);
    }

    private static LanguageRole role(int n) {
        return n % 3 == 0 ? LanguageRole.FR : LanguageRole.NL;
    }

    /** Registration to transfer to the CGVS after Belgium was found responsible. */
    static List<ChainEvent> toCgvs(int n, LocalDate start, String nationality) {
        DossierId d = dossier(n);
        return List.of(
                registration(n, start, nationality),
                new ApplicationLodged(d, start.plusDays(3)),
                new DublinCheckStarted(d, start.plusDays(3)),
                new DublinDecided(d, start.plusDays(20), DublinOutcome.BELGIUM_RESPONSIBLE),
                new TransferredToCgvs(d, start.plusDays(21)));
    }

    /** Recognised refugee (or subsidiary protection for odd n), placed in reception until the transition period ends. */
    static List<ChainEvent> recognised(int n, LocalDate start, String nationality) {
        DossierId d = dossier(n);
        List<PersonId> ids = household(n, nationality).stream().map(Person::id).toList();
        List<ChainEvent> out = new ArrayList<>();
        out.add(registration(n, start, nationality));
        out.add(new EntitlementDecided(d, start, true, "RECEPTION_FIRST"));
        out.add(new PlacedInFacility(d, start.plusDays(1), "Centre-" + (n % 5), PlaceType.COLLECTIVE, ids, "arrival centre allocation"));
        out.addAll(toCgvs(n, start, nationality).subList(1, 5));
        LocalDate notified = start.plusDays(125);
        out.add(new InterviewHeld(d, start.plusDays(80)));
        out.add(new FinalDecisionTaken(d, start.plusDays(120), n % 2 == 0 ? DecisionType.REFUGEE_STATUS : DecisionType.SUBSIDIARY_PROTECTION));
        out.add(new DecisionNotified(d, notified));
        out.add(new LeftReception(d, notified.plusMonths(4), LeaveReason.POSITIVE_TRANSITION_END, ids));
        return out;
    }

    /** Refusal, appeal rejected by the RvV, order to leave. */
    static List<ChainEvent> refused(int n, LocalDate start, String nationality) {
        DossierId d = dossier(n);
        List<ChainEvent> out = new ArrayList<>(toCgvs(n, start, nationality));
        out.add(new InterviewHeld(d, start.plusDays(80)));
        out.add(new FinalDecisionTaken(d, start.plusDays(120), DecisionType.REFUSAL));
        out.add(new DecisionNotified(d, start.plusDays(125)));
        out.add(new AppealLodged(d, start.plusDays(135), role(n)));
        out.add(new AppealJudged(d, start.plusDays(250), JudgmentOutcome.REJECT));
        out.add(new OrderToLeaveIssued(d, start.plusDays(255), 30));
        return out;
    }

    /** Withdrawn at DVZ before the Dublin check. */
    static List<ChainEvent> withdrawn(int n, LocalDate start, String nationality) {
        DossierId d = dossier(n);
        return List.of(registration(n, start, nationality), new ApplicationLodged(d, start.plusDays(3)),
                new ApplicationWithdrawn(d, start.plusDays(10)));
    }

    /** The history of dossier n, its kind, start date and nationality varying with n. */
    static List<ChainEvent> of(int n) {
        LocalDate start = LocalDate.of(2023, 1, 2).plusDays((n * 7L) % 400);
        String nationality = NATIONALITIES[n % NATIONALITIES.length];
        return switch (n % 4) {
            case 0, 1 -> recognised(n, start, nationality);
            case 2 -> refused(n, start, nationality);
            default -> withdrawn(n, start, nationality);
        };
    }

    /** Histories of dossiers first..first+count-1, merged into one stream in date order (each dossier's order kept). */
    static List<ChainEvent> interleaved(int first, int count) {
        List<ChainEvent> all = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            all.addAll(of(n));
        }
        all.sort(Comparator.comparing(ChainEvent::date)); // stable: same-day events of a dossier keep their order
        return all;
    }
}
