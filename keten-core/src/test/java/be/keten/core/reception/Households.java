package be.keten.core.reception;

import be.keten.core.event.ChainEvent;
import be.keten.core.event.ProcedureEvent.AgeAssessed;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ReceptionEvent.EntitlementDecided;
import be.keten.core.event.ReceptionEvent.PlacedInFacility;
import be.keten.core.event.ReceptionEvent.PutOnWaitingList;
import be.keten.core.event.ReceptionEvent.VulnerabilityAssessed;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.reception.CapacityPeriod.Kind;
import be.keten.core.rulebook.Rulebook;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds waiting or placed households through the rulebook, for allocation tests. */
final class Households {
    static final Rulebook RB = new Rulebook(BelgianPolicies.book(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private static int counter;

    private Households() {
    }

    static Facility facility(String id, PlaceType type, int places, LanguageRegion region) {
        return new Facility(id, id, Operator.FEDASIL, type, region, List.of(new CapacityPeriod(LocalDate.of(2020, 1, 1), null, places, Kind.REGULAR, null)));
    }

    static Person person(Sex sex, int born, boolean uam) {
        counter++;
        return new Person(PersonId.of(String.format("P-H-%05d", counter)), Nationality.of("ER"), sex, born, uam);
    }

    static DossierState apply(DossierState s, ChainEvent e) {
        Verdict v = RB.decide(s, e);
        if (v instanceof Verdict.Rejected r) {
            throw new AssertionError(r.rejection().message());
        }
        return ((Verdict.Accepted) v).state();
    }

    /** A registered, entitled household on the waiting list since {@code since}, entered at the arrival centre. */
    static DossierState waiting(LocalDate since, LanguageRole role, List<Person> persons) {
        return waiting(since, role, persons, be.keten.core.reception.WaitingListChannel.ARRIVAL_CENTRE);
    }

    /** The same, through a given waiting-list channel. */
    static DossierState waiting(LocalDate since, LanguageRole role, List<Person> persons, be.keten.core.reception.WaitingListChannel channel) {
        counter++;
        DossierId id = DossierId.of("D-H-" + String.format("%04d", counter));
        DossierState s = DossierState.empty(id);
        s = apply(s, new ApplicationRegistered(id, since, ApplicationId.of(String.format("A-H-%05d", counter)), ApplicationType.FIRST, persons, role, false));
        s = apply(s, new EntitlementDecided(id, since, true, "RECEPTION_FIRST"));
        return apply(s, new PutOnWaitingList(id, since, channel, persons.stream().map(Person::id).toList()));
    }

    static DossierState singleMan(LocalDate since, int born) {
        return waiting(since, LanguageRole.FR, List.of(person(Sex.MALE, born, false)));
    }

    static DossierState family(LocalDate since, int size) {
        List<Person> ps = new ArrayList<>();
        ps.add(person(Sex.FEMALE, 1985, false));
        for (int i = 1; i < size; i++) {
            ps.add(person(Sex.MALE, 2015, false));
        }
        return waiting(since, LanguageRole.FR, ps);
    }

    static DossierState vulnerable(DossierState s, LocalDate day) {
        return apply(s, new VulnerabilityAssessed(s.dossier(), day, List.of(s.persons().get(0).id()), true));
    }

    static DossierState adultFound(DossierState s, LocalDate day) {
        return apply(s, new AgeAssessed(s.dossier(), day, s.persons().get(0).id(), be.keten.core.person.AgeAssessment.ADULT));
    }

    /** {@code n} single persons already placed in a facility (to fill a network). */
    static List<DossierState> residents(String facility, PlaceType type, int n, LocalDate since) {
        List<DossierState> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DossierState s = waiting(since, LanguageRole.FR, List.of(person(Sex.FEMALE, 1990, false)));
            out.add(apply(s, new PlacedInFacility(s.dossier(), since, facility, type, List.of(s.persons().get(0).id()), "test")));
        }
        return out;
    }
}
