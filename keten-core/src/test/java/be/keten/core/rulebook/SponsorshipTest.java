package be.keten.core.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.event.PathwayEvent.ArrivedThroughPathway;
import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.event.ReceptionEvent.EntitlementDecided;
import be.keten.core.event.ReceptionEvent.LeftReception;
import be.keten.core.event.ReceptionEvent.PlacedInFacility;
import be.keten.core.event.ReceptionEvent.PutOnWaitingList;
import be.keten.core.event.ReceptionEvent.SponsorshipStarted;
import be.keten.core.event.ReceptionEvent.TransferredBetweenFacilities;
import be.keten.core.event.ReturnEvent.VoluntaryReturn;
import be.keten.core.id.PersonId;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.Nationality;
import be.keten.core.person.Sex;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.reception.Candidate;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.PlaceType;
import be.keten.core.reception.WaitingListChannel;
import be.keten.core.state.Evolution;
import be.keten.core.state.Stay;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Community sponsorship (GUIDE §7.1): the step accepted, and each refusal with its rule, state and field. */
class SponsorshipTest {
    private static final String CENTRE = "F-FED-ALVERINGEM";

    /** A resettled family, entitled and placed in the dedicated centre. */
    private static Fixture resettledInTheCentre(String dossier, PathwayChannel channel) {
        Fixture f = new Fixture(dossier, List.of(Fixture.person("P-" + dossier.substring(2) + "-1", "SY", Sex.FEMALE, 1985, false),
                Fixture.person("P-" + dossier.substring(2) + "-2", "SY", Sex.MALE, 2015, false)), LocalDate.of(2024, 3, 1));
        f.accept(new ArrivedThroughPathway(f.id, f.next(), channel, f.persons, Nationality.of("LB"), 2024));
        f.accept(new EntitlementDecided(f.id, f.next(), true, "RECEPTION_RESETTLEMENT"));
        return f.accept(new PlacedInFacility(f.id, f.next(), CENTRE, PlaceType.COLLECTIVE, f.personIds(), "resettled: dedicated centre"));
    }

    private static SponsorshipStarted start(Fixture f, LocalDate day, List<PersonId> persons) {
        return new SponsorshipStarted(f.id, day, "CARITAS", persons, null);
    }

    @Test
    void residentsOfTheDedicatedCentreMoveToTheSponsorsForAYear() {
        Fixture f = resettledInTheCentre("D-SP-OK", PathwayChannel.RESETTLEMENT);
        LocalDate day = f.next();
        f.accept(start(f, day, f.personIds()));
        for (PersonId p : f.personIds()) {
            Stay st = f.state.reception().get(p);
            assertThat(st.status()).isEqualTo(Stay.Status.SPONSORED);
            assertThat(st.sponsored()).isTrue();
            assertThat(st.placed()).isFalse();
            assertThat(st.waiting()).isFalse();
            assertThat(st.partner()).isEqualTo("CARITAS");
            assertThat(st.placeType()).isNull();
            assertThat(st.enteredOn()).isEqualTo(day);
            assertThat(st.until()).isEqualTo(day.plusYears(1));   // the default term
        }
        assertThat(f.state.placedCount()).isZero();
        assertThat(f.state.waitingCount()).isZero();
        assertThat(f.state.sponsoredCount()).isEqualTo(2);
        assertThat(Fixture.RULEBOOK.deadlines(f.state)).anySatisfy(d -> {
            assertThat(d.what()).isEqualTo("planned end of the community sponsorship");
            assertThat(d.date()).isEqualTo(day.plusYears(1));
        });
        // The fold alone reproduces the state: replay does not depend on the rules.
        assertThat(Evolution.fold(f.id, f.events)).isEqualTo(f.state);
        // Sponsored persons are not waiting: the allocation round never picks them.
        assertThat(Candidate.of(f.state, f.day, Fixture.RULEBOOK.policies().receptionPriority(f.day))).isEmpty();
    }

    @Test
    void aSponsorshipMayStartBeforeAnyPlacementAndCarryAPlannedEnd() {
        Fixture f = new Fixture("D-SP-DIRECT", "SY", LocalDate.of(2024, 3, 1));
        f.accept(new ArrivedThroughPathway(f.id, f.next(), PathwayChannel.RESETTLEMENT, f.persons, Nationality.of("LB"), 2024));
        f.accept(new EntitlementDecided(f.id, f.next(), true, "RECEPTION_RESETTLEMENT"));
        LocalDate day = f.next();
        f.accept(new SponsorshipStarted(f.id, day, "PARTNER-7", f.personIds(), day.plusMonths(9)));
        assertThat(f.state.reception().get(f.persons.get(0).id()).until()).isEqualTo(day.plusMonths(9));
        // The procedure goes on while the persons are sponsored.
        f.register(ApplicationType.RESETTLEMENT);
        f.accept(new ApplicationLodged(f.id, f.next())).accept(new TransferredToCgvs(f.id, f.next()));
        f.decide(DecisionType.REFUGEE_STATUS).notifyDecision();
        assertThat(f.state.state()).isEqualTo(ProcedureState.PROTECTED);
        assertThat(f.state.sponsoredCount()).isEqualTo(1);
    }

    @Test
    void theSponsorshipEndsWithADepartureForItsReason() {
        Fixture f = resettledInTheCentre("D-SP-END", PathwayChannel.RESETTLEMENT);
        f.accept(start(f, f.next(), f.personIds()));
        f.accept(new LeftReception(f.id, f.day.plusYears(1), LeaveReason.COMMUNITY_SPONSORSHIP, f.personIds()));
        assertThat(f.state.reception()).isEmpty();
        f.accept(new VoluntaryReturn(f.id, f.next(), false));   // nothing left in reception: a return is possible
    }

    @Test
    void aSponsorshipThatBreaksDownEndsWithAPlacementInTheNetwork() {
        Fixture f = resettledInTheCentre("D-SP-BACK", PathwayChannel.RESETTLEMENT);
        f.accept(start(f, f.next(), f.personIds()));
        f.accept(new PlacedInFacility(f.id, f.next(), "F-COL", PlaceType.COLLECTIVE, f.personIds(), "sponsorship ended early"));
        assertThat(f.state.placedCount()).isEqualTo(2);
        assertThat(f.state.sponsoredCount()).isZero();
        assertThat(f.state.reception().get(f.persons.get(0).id()).until()).isNull();
    }

    @Test
    void onlyResettledDossiersAreSponsored() {
        Fixture first = Fixture.in(ProcedureState.REGISTERED, "D-SP-FIRST").entitledAndPlaced();
        Rejection r = first.reject(start(first, first.next(), first.personIds()));
        assertThat(r.rule()).isEqualTo(Rule.COMMUNITY_SPONSORSHIP);
        assertThat(r.state()).isEqualTo(ProcedureState.REGISTERED);
        assertThat(r.field()).isNull();
        assertThat(r.detail()).contains("did not arrive through resettlement");

        // The corridor's reception is case by case and the sources give its sponsorship no term: not this modality.
        Fixture corridor = resettledInTheCentre("D-SP-CORR", PathwayChannel.HUMANITARIAN_CORRIDOR);
        Rejection c = corridor.reject(start(corridor, corridor.next(), corridor.personIds()));
        assertThat(c.rule()).isEqualTo(Rule.COMMUNITY_SPONSORSHIP);
        assertThat(c.state()).isEqualTo(ProcedureState.ARRIVED);
        assertThat(c.detail()).contains("HUMANITARIAN_CORRIDOR");
    }

    @Test
    void onlyEntitledPersonsAreSponsored() {
        Fixture f = new Fixture("D-SP-NOENT", "SY", LocalDate.of(2024, 3, 1));
        f.accept(new ArrivedThroughPathway(f.id, f.next(), PathwayChannel.RESETTLEMENT, f.persons, Nationality.of("LB"), 2024));
        Rejection r = f.reject(start(f, f.next(), f.personIds()));
        assertThat(r.rule()).isEqualTo(Rule.RECEPTION_NEEDS_ENTITLEMENT);
        assertThat(r.state()).isEqualTo(ProcedureState.ARRIVED);
        assertThat(r.detail()).contains("not decided");
    }

    @Test
    void onlyPersonsOfTheDossier() {
        Fixture f = resettledInTheCentre("D-SP-PIN", PathwayChannel.RESETTLEMENT);
        Rejection r = f.reject(start(f, f.next(), List.of(PersonId.of("P-STRANGER"))));
        assertThat(r.rule()).isEqualTo(Rule.PERSON_IN_DOSSIER);
        assertThat(r.field()).isEqualTo("persons");
    }

    @Test
    void notTwice() {
        Fixture f = resettledInTheCentre("D-SP-TWICE", PathwayChannel.RESETTLEMENT);
        f.accept(start(f, f.next(), f.personIds()));
        Rejection r = f.reject(new SponsorshipStarted(f.id, f.next(), "OTHER-PARTNER", f.personIds(), null));
        assertThat(r.rule()).isEqualTo(Rule.RECEPTION_PERSON_STATUS);
        assertThat(r.field()).isEqualTo("persons");
        assertThat(r.detail()).contains("already sponsored");
    }

    @Test
    void thePlannedEndFollowsTheStart() {
        Fixture f = resettledInTheCentre("D-SP-UNTIL", PathwayChannel.RESETTLEMENT);
        LocalDate day = f.next();
        Rejection r = f.reject(new SponsorshipStarted(f.id, day, "CARITAS", f.personIds(), day));
        assertThat(r.rule()).isEqualTo(Rule.COMMUNITY_SPONSORSHIP);
        assertThat(r.field()).isEqualTo("until");
        assertThat(r.state()).isEqualTo(ProcedureState.ARRIVED);
    }

    @Test
    void datesAreNeitherInTheFutureNorBeforeTheLastEvent() {
        Fixture f = resettledInTheCentre("D-SP-DATE", PathwayChannel.RESETTLEMENT);
        Rejection future = f.reject(start(f, LocalDate.now(Fixture.CLOCK).plusDays(1), f.personIds()));
        assertThat(future.rule()).isEqualTo(Rule.NOT_IN_FUTURE);
        assertThat(future.field()).isEqualTo("date");
        Rejection early = f.reject(start(f, f.day.minusDays(1), f.personIds()));
        assertThat(early.rule()).isEqualTo(Rule.CHRONOLOGY);
        assertThat(early.field()).isEqualTo("date");
    }

    @Test
    void notBeforeArrivalNorAfterReturn() {
        Fixture f = new Fixture("D-SP-NEW", "SY", LocalDate.of(2024, 3, 1));
        Rejection r = f.reject(start(f, f.next(), f.personIds()));
        assertThat(r.rule()).isEqualTo(Rule.TRANSITION);
        assertThat(r.state()).isEqualTo(ProcedureState.NEW);
    }

    @Test
    void residentsOfTheNetworkDoNotLeaveForTheSponsorshipReason() {
        Fixture f = resettledInTheCentre("D-SP-LEAVE", PathwayChannel.RESETTLEMENT);
        Rejection r = f.reject(new LeftReception(f.id, f.next(), LeaveReason.COMMUNITY_SPONSORSHIP, f.personIds()));
        assertThat(r.rule()).isEqualTo(Rule.COMMUNITY_SPONSORSHIP);
        assertThat(r.field()).isEqualTo("reason");
        assertThat(r.detail()).contains("PLACED").contains("SponsorshipStarted");
    }

    @Test
    void sponsoredPersonsAreNeitherWaitingNorPlaced() {
        Fixture f = resettledInTheCentre("D-SP-STATUS", PathwayChannel.RESETTLEMENT);
        f.accept(start(f, f.next(), f.personIds()));
        assertThat(f.reject(new PutOnWaitingList(f.id, f.next(), WaitingListChannel.QR_CODE, f.personIds())).rule())
                .isEqualTo(Rule.RECEPTION_PERSON_STATUS);
        assertThat(f.reject(new TransferredBetweenFacilities(f.id, f.next(), "F-COL", PlaceType.COLLECTIVE, f.personIds())).rule())
                .isEqualTo(Rule.RECEPTION_PERSON_STATUS);
        assertThat(f.reject(new VoluntaryReturn(f.id, f.next(), false)).rule()).isEqualTo(Rule.RETURN_AFTER_RECEPTION);
        Rejection ent = f.reject(new EntitlementDecided(f.id, f.next(), false, "ended"));
        assertThat(ent.rule()).isIn(Rule.RECEPTION_NEEDS_ENTITLEMENT, Rule.ENTITLEMENT_POLICY);
    }

    @Test
    void thePartnerIsRequiredAndThePersonsNamed() {
        LocalDate day = LocalDate.of(2024, 5, 1);
        be.keten.core.id.DossierId d = be.keten.core.id.DossierId.of("D-SP-CTOR");
        List<PersonId> p = List.of(PersonId.of("P-SP-CTOR-1"));
        assertThatThrownBy(() -> new SponsorshipStarted(d, day, null, p, null)).isInstanceOf(NullPointerException.class).hasMessage("partner");
        assertThatThrownBy(() -> new SponsorshipStarted(d, day, " ", p, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partner");
        assertThatThrownBy(() -> new SponsorshipStarted(d, day, "CARITAS", List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SponsorshipStarted(d, day, "CARITAS", p, null).until()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(SponsorshipStarted.TERM).isEqualTo(java.time.Period.ofYears(1));
    }
}
