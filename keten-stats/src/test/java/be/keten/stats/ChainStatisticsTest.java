package be.keten.stats;

import be.keten.core.calendar.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.event.ReceptionEvent.EntitlementDecided;
import be.keten.core.event.ReceptionEvent.LeftReception;
import be.keten.core.event.ReceptionEvent.PlacedInFacility;
import be.keten.core.event.ReceptionEvent.PutOnWaitingList;
import be.keten.core.event.ReceptionEvent.SponsorshipStarted;
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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainStatisticsTest {
    private static final Rulebook RB = new Rulebook(BelgianPolicies.book(), Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final List<ChainEvent> log = new ArrayList<>();

    /** Appends events through the rulebook, so the test data is valid chain data. */
    private void dossier(ChainEvent... events) {
        DossierState s = DossierState.empty(events[0].dossier());
        for (ChainEvent e : events) {
            Verdict v = RB.decide(s, e);
            assertThat(v.accepted()).as("%s: %s", e, v).isTrue();
            s = ((Verdict.Accepted) v).state();
            log.add(e);
        }
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static List<ChainEvent> toCgvs(DossierId id, List<Person> persons, String registered, String transferred) {
        return List.of(new ApplicationRegistered(id, d(registered), ApplicationId.of("A-" + id.value().substring(2)), ApplicationType.FIRST,
                        persons, LanguageRole.FR, false),
                new ApplicationLodged(id, d(registered).plusDays(3)),
                new DublinCheckStarted(id, d(registered).plusDays(3)),
                new DublinDecided(id, d(transferred).minusDays(1), DublinOutcome.BELGIUM_RESPONSIBLE),
                new TransferredToCgvs(id, d(transferred)));
    }

    private static Person p(String id, String nat) {
        return new Person(PersonId.of(id), Nationality.of(nat), Sex.FEMALE, 1990, false);
    }

    @Test
    void decisionsCountPersonsAndDossiersAndTheWorkloadExcludesFilesStillAtDvz() {
        DossierId family = DossierId.of("D-FAM-0001");
        List<Person> fam = List.of(p("P-FAM-1", "SY"), p("P-FAM-2", "SY"), p("P-FAM-3", "SY"));
        List<ChainEvent> a = new ArrayList<>(toCgvs(family, fam, "2023-01-10", "2023-02-15"));
        a.add(new InterviewHeld(family, d("2023-05-02")));
        a.add(new FinalDecisionTaken(family, d("2023-05-31"), DecisionType.REFUGEE_STATUS));
        dossier(a.toArray(ChainEvent[]::new));

        DossierId single = DossierId.of("D-SGL-0001");
        List<ChainEvent> b = new ArrayList<>(toCgvs(single, List.of(p("P-SGL-1", "GN")), "2023-01-20", "2023-03-01"));
        b.add(new InterviewHeld(single, d("2023-06-01")));
        b.add(new FinalDecisionTaken(single, d("2023-06-01"), DecisionType.REFUSAL));
        b.add(new DecisionNotified(single, d("2023-06-05")));
        b.add(new AppealLodged(single, d("2023-06-20"), LanguageRole.FR));
        b.add(new AppealJudged(single, d("2023-09-20"), JudgmentOutcome.REJECT));
        dossier(b.toArray(ChainEvent[]::new));

        DossierId atDvz = DossierId.of("D-DVZ-0001");
        dossier(new ApplicationRegistered(atDvz, d("2023-03-05"), ApplicationId.of("A-DVZ-0001"), ApplicationType.FIRST,
                List.of(p("P-DVZ-1", "AF"), p("P-DVZ-2", "AF")), LanguageRole.NL, false));

        ChainStatistics s = ChainStatistics.of(log);
        Period jan = Period.month(YearMonth.of(2023, 1));
        assertThat(s.applications(jan, "first_excl_resettlement")).isEqualTo(4);
        assertThat(s.applications(jan).get("first_excl_resettlement")).containsEntry(Nationality.of("SY"), 3L).containsEntry(Nationality.of("GN"), 1L);
        assertThat(s.applicationsTotal(Period.year(2023))).isEqualTo(6);

        // Workload: only transferred files, in dossiers and persons.
        assertThat(s.workload(d("2023-01-31"), Unit.DOSSIERS)).isZero();
        assertThat(s.workload(d("2023-02-28"), Unit.DOSSIERS)).isEqualTo(1);
        assertThat(s.workload(d("2023-03-31"), Unit.DOSSIERS)).isEqualTo(2);
        assertThat(s.workload(d("2023-03-31"), Unit.PERSONS)).isEqualTo(4);
        assertThat(s.workload(d("2023-05-30"), Unit.PERSONS)).isEqualTo(4);
        assertThat(s.workload(d("2023-05-31"), Unit.PERSONS)).isEqualTo(1);   // decided on the day: out by its end
        assertThat(s.workload(d("2023-06-30"), Unit.DOSSIERS)).isZero();
        assertThat(s.realBacklog(d("2023-03-31"))).hasValue(2 - 6500);
        assertThat(s.realBacklog(d("2022-12-31"))).isEmpty();

        Period h1 = new Period(YearMonth.of(2023, 1), YearMonth.of(2023, 6));
        DecisionTally persons = s.decisions(h1, Unit.PERSONS);
        DecisionTally dossiers = s.decisions(h1, Unit.DOSSIERS);
        assertThat(persons.count(DecisionType.REFUGEE_STATUS)).isEqualTo(3);
        assertThat(dossiers.count(DecisionType.REFUGEE_STATUS)).isEqualTo(1);
        assertThat(dossiers.protectionRate()).isCloseTo(0.5, within(1e-9));
        assertThat(persons.protectionRate()).isCloseTo(0.75, within(1e-9));
        assertThat(s.decisionsByNationality(h1, Unit.PERSONS).get(Nationality.of("SY")).count(DecisionType.REFUGEE_STATUS)).isEqualTo(3);

        assertThat(s.appealsLodged(Period.month(YearMonth.of(2023, 6)), Unit.DOSSIERS, LanguageRole.FR)).isEqualTo(1);
        assertThat(s.appealsLodged(Period.month(YearMonth.of(2023, 6)), Unit.DOSSIERS, LanguageRole.NL)).isZero();
        assertThat(s.rvvPending(d("2023-08-31"), Unit.DOSSIERS)).isEqualTo(1);
        assertThat(s.rvvPending(d("2023-09-30"), Unit.DOSSIERS)).isZero();
        assertThat(s.judgments(Period.year(2023), LanguageRole.FR)).containsEntry(JudgmentOutcome.REJECT, 1L);
        assertThat(s.coverage()).hasValue(new Period(YearMonth.of(2023, 1), YearMonth.of(2023, 9)));
    }

    @Test
    void receptionInOutOccupancyWaitingListAndLengthOfStayOnDepartures() {
        DossierId id = DossierId.of("D-REC-0001");
        List<Person> two = List.of(p("P-REC-1", "ER"), p("P-REC-2", "ER"));
        List<PersonId> ids = two.stream().map(Person::id).toList();
        dossier(new ApplicationRegistered(id, d("2023-01-02"), ApplicationId.of("A-REC-0001"), ApplicationType.FIRST, two, LanguageRole.NL, false),
                new EntitlementDecided(id, d("2023-01-02"), true, "RECEPTION_FIRST"),
                new PutOnWaitingList(id, d("2023-01-02"), WaitingListChannel.ARRIVAL_CENTRE, ids),
                new PlacedInFacility(id, d("2023-03-01"), "F-ARR", PlaceType.FIRST_PHASE, ids, "test"),
                new TransferredBetweenFacilities(id, d("2023-03-15"), "F-COL", PlaceType.COLLECTIVE, ids),
                new LeftReception(id, d("2023-09-01"), LeaveReason.VOLUNTARY_DEPARTURE, List.of(ids.get(0))));
        ChainStatistics s = ChainStatistics.of(log);
        assertThat(s.waitingList(d("2023-01-31"))).isEqualTo(2);
        assertThat(s.waitingList(d("2023-03-01"))).isZero();
        // Waiting-list registrations are not IN; the placement is.
        assertThat(s.receptionIn(Period.month(YearMonth.of(2023, 1)))).isZero();
        assertThat(s.receptionIn(Period.month(YearMonth.of(2023, 3)))).isEqualTo(2);
        assertThat(s.occupancyByPlaceType(d("2023-03-10"))).containsEntry(PlaceType.FIRST_PHASE, 2L);
        assertThat(s.occupancyByPlaceType(d("2023-03-31"))).containsOnlyKeys(PlaceType.COLLECTIVE).containsEntry(PlaceType.COLLECTIVE, 2L);
        assertThat(s.occupancyByFacility(d("2023-12-31"))).containsEntry("F-COL", 1L);
        assertThat(s.receptionOut(Period.year(2023))).containsEntry(LeaveReason.VOLUNTARY_DEPARTURE, 1L);
        // Stay measured from the placement (not the waiting list), through the transfer: 1 March to 1 September = 184 days.
        assertThat(s.averageStayMonths(2023)).hasValueCloseTo(184 / (365.25 / 12), within(1e-9));
        assertThat(s.averageStayMonths(2024)).isEmpty();
    }

    @Test
    void communitySponsorshipIsReceptionOutsideTheNetwork() {
        DossierId id = DossierId.of("D-SPON-0001");
        List<Person> family = List.of(p("P-SPON-1", "SY"), p("P-SPON-2", "SY"), p("P-SPON-3", "SY"));
        List<PersonId> ids = family.stream().map(Person::id).toList();
        dossier(new be.keten.core.event.PathwayEvent.ArrivedThroughPathway(id, d("2023-02-01"), be.keten.core.pathway.PathwayChannel.RESETTLEMENT,
                        family, Nationality.of("LB"), 2023),
                new EntitlementDecided(id, d("2023-02-01"), true, "RECEPTION_RESETTLEMENT"),
                new PlacedInFacility(id, d("2023-02-01"), "F-FED-ALVERINGEM", PlaceType.COLLECTIVE, ids, "resettled"),
                // Two move from the dedicated centre to the sponsors; one stays in the centre.
                new SponsorshipStarted(id, d("2023-03-15"), "CARITAS", ids.subList(0, 2), null),
                new ApplicationRegistered(id, d("2023-03-20"), ApplicationId.of("A-SPON-0001"), ApplicationType.RESETTLEMENT, family,
                        LanguageRole.NL, false),
                new LeftReception(id, d("2024-03-15"), LeaveReason.COMMUNITY_SPONSORSHIP, ids.subList(0, 2)));
        ChainStatistics s = ChainStatistics.of(log);
        assertThat(s.occupancy(d("2023-02-28"))).isEqualTo(3);
        assertThat(s.sponsored(d("2023-02-28"))).isZero();
        // Sponsored persons occupy no network place and are not waiting.
        assertThat(s.occupancy(d("2023-03-31"))).isEqualTo(1);
        assertThat(s.occupancyByFacility(d("2023-03-31"))).containsExactly(java.util.Map.entry("F-FED-ALVERINGEM", 1L));
        assertThat(s.waitingList(d("2023-03-31"))).isZero();
        assertThat(s.sponsored(d("2023-03-31"))).isEqualTo(2);
        assertThat(s.sponsored(d("2024-03-14"))).isEqualTo(2);
        assertThat(s.residents(d("2023-03-31")).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
        // The move out of the centre is a departure from the network; the end of the sponsorship is not.
        assertThat(s.receptionIn(Period.year(2023))).isEqualTo(3);
        assertThat(s.receptionOut(Period.year(2023))).containsExactly(java.util.Map.entry(LeaveReason.COMMUNITY_SPONSORSHIP, 2L));
        assertThat(s.receptionOut(Period.year(2024))).isEmpty();
        assertThat(s.averageStayMonths(2023)).hasValueCloseTo(42 / (365.25 / 12), within(1e-9));   // 1 February to 15 March
        assertThat(s.sponsored(d("2024-03-15"))).isZero();
        assertThat(s.occupancy(d("2024-03-15"))).isEqualTo(1);
        // Received by sponsors, in procedure: not counted as entitled persons without accommodation.
        ReceptionNeeds needs = new ReceptionNeeds();
        log.forEach(needs);
        assertThat(needs.entitledNotAccommodated(d("2023-03-31"))).isZero();
    }

    @Test
    void residentsByProfileFollowPlacementsStagesAndDepartures() {
        DossierId id = DossierId.of("D-RES-0001");
        Person mother = p("P-RES-1", "AF");
        Person son = new Person(PersonId.of("P-RES-2"), Nationality.of("AF"), Sex.MALE, 2012, false);
        List<PersonId> ids = List.of(mother.id(), son.id());
        List<ChainEvent> e = new ArrayList<>(toCgvs(id, List.of(mother, son), "2023-01-02", "2023-02-01"));
        e.add(new EntitlementDecided(id, d("2023-02-01"), true, "RECEPTION_FIRST"));
        e.add(new PlacedInFacility(id, d("2023-02-02"), "F-ARR", PlaceType.FIRST_PHASE, ids, "test"));
        e.add(new TransferredBetweenFacilities(id, d("2023-02-10"), "F-COL", PlaceType.COLLECTIVE, ids));
        e.add(new InterviewHeld(id, d("2023-04-03")));
        e.add(new FinalDecisionTaken(id, d("2023-04-28"), DecisionType.SUBSIDIARY_PROTECTION));
        e.add(new DecisionNotified(id, d("2023-05-02")));
        e.add(new LeftReception(id, d("2023-07-03"), LeaveReason.VOLUNTARY_DEPARTURE, List.of(son.id())));
        dossier(e.toArray(ChainEvent[]::new));
        ChainStatistics s = ChainStatistics.of(log);

        Resident pendingMother = new Resident(true, Sex.FEMALE, 1990, Nationality.of("AF"), ResidentCategory.PROCEDURE_PENDING);
        Resident pendingSon = new Resident(true, Sex.MALE, 2012, Nationality.of("AF"), ResidentCategory.PROCEDURE_PENDING);
        Resident protectedMother = new Resident(true, Sex.FEMALE, 1990, Nationality.of("AF"), ResidentCategory.STATUS_HOLDER_IN_TRANSITION);
        Resident protectedSon = new Resident(true, Sex.MALE, 2012, Nationality.of("AF"), ResidentCategory.STATUS_HOLDER_IN_TRANSITION);
        assertThat(s.residents(d("2023-02-01"))).isEmpty();
        assertThat(s.residents(d("2023-03-31"))).containsOnly(java.util.Map.entry(pendingMother, 1L), java.util.Map.entry(pendingSon, 1L));
        assertThat(s.residents(d("2023-05-02"))).containsOnly(java.util.Map.entry(protectedMother, 1L), java.util.Map.entry(protectedSon, 1L));
        assertThat(s.residents(d("2023-07-03"))).containsOnly(java.util.Map.entry(protectedMother, 1L));
        // A transfer moves no resident: no change on its day. The mother, still placed when her son
        // leaves, has a change on that day too, netting to zero (as checkpoints have always held it).
        assertThat(days(s, pendingMother)).containsExactly((int) d("2023-02-02").toEpochDay(), (int) d("2023-05-02").toEpochDay());
        assertThat(days(s, protectedMother)).containsExactly((int) d("2023-05-02").toEpochDay(), (int) d("2023-07-03").toEpochDay());
    }

    private static int[] days(ChainStatistics s, Resident r) {
        StockSeries.Changes c = s.residents.changes.get(r);
        return java.util.stream.IntStream.range(0, c.size()).map(c::day).toArray();
    }

    @Test
    void sameProfilesIsEqualityOfMultisets() {
        Resident a = new Resident(false, Sex.FEMALE, 1990, Nationality.of("SY"), ResidentCategory.OTHER);
        Resident b = new Resident(false, Sex.MALE, 1990, Nationality.of("SY"), ResidentCategory.OTHER);
        Resident a2 = new Resident(false, Sex.FEMALE, 1990, Nationality.of("SY"), ResidentCategory.OTHER);
        assertThat(ChainStatistics.sameProfiles(new Resident[] {}, new Resident[] {})).isTrue();
        assertThat(ChainStatistics.sameProfiles(new Resident[] {a, b}, new Resident[] {b, a2})).isTrue();
        assertThat(ChainStatistics.sameProfiles(new Resident[] {a, a, b}, new Resident[] {a, b, b})).isFalse();
        assertThat(ChainStatistics.sameProfiles(new Resident[] {a}, new Resident[] {a, a})).isFalse();
        assertThat(ChainStatistics.sameProfiles(new Resident[] {a}, new Resident[] {b})).isFalse();
    }

    @Test
    void suspendedFilesCanBeLeftOutOfTheWorkload() {
        DossierId ru = DossierId.of("D-RU-0001");
        List<ChainEvent> e = new ArrayList<>(toCgvs(ru, List.of(p("P-RU-1", "RU")), "2023-01-02", "2023-02-01"));
        e.add(new be.keten.core.event.ProcedureEvent.ProcessingSuspended(ru, d("2023-02-02"), "SUSPEND_RUSSIA"));
        dossier(e.toArray(ChainEvent[]::new));
        assertThat(ChainStatistics.of(log).workload(d("2023-02-28"), Unit.DOSSIERS)).isEqualTo(1);
        ChainStatistics without = new ChainStatistics(new StatisticsParameters(false, StatisticsParameters.defaults().normalWorkload()));
        log.forEach(without);
        assertThat(without.workload(d("2023-02-01"), Unit.DOSSIERS)).isEqualTo(1);
        assertThat(without.workload(d("2023-02-28"), Unit.DOSSIERS)).isZero();
    }

    @Test
    void aCarriedOverDossierCountsInTheStocksFromItsDayButInNoFlow() {
        DossierId id = DossierId.of("D-CAR-0001");
        List<Person> fam = List.of(p("P-CAR-1", "SY"), p("P-CAR-2", "SY"));
        List<ChainEvent> history = new ArrayList<>(toCgvs(id, fam, "2023-01-10", "2023-02-15"));
        history.add(new EntitlementDecided(id, d("2023-02-15"), true, "RECEPTION_FIRST"));
        history.add(new PlacedInFacility(id, d("2023-02-15"), "F-A", PlaceType.COLLECTIVE, List.of(PersonId.of("P-CAR-1")), "test"));
        history.add(new PutOnWaitingList(id, d("2023-02-16"), WaitingListChannel.ARRIVAL_CENTRE, List.of(PersonId.of("P-CAR-2"))));
        dossier(history.toArray(ChainEvent[]::new));
        ChainEvent later = new FinalDecisionTaken(id, d("2023-04-03"), DecisionType.REFUSAL);

        ChainStatistics carried = new ChainStatistics(StatisticsParameters.defaults());
        ReceptionNeeds needs = new ReceptionNeeds();
        DossierState eve = be.keten.core.state.Evolution.fold(id, log);
        carried.carryOver(eve, d("2023-03-31"));
        needs.carryOver(eve, d("2023-03-31"));
        carried.accept(later);

        assertThat(carried.workload(d("2023-03-30"), Unit.DOSSIERS)).isZero();
        assertThat(carried.workload(d("2023-03-31"), Unit.PERSONS)).isEqualTo(2);
        assertThat(carried.workload(d("2023-04-03"), Unit.DOSSIERS)).isZero();
        assertThat(carried.occupancy(d("2023-03-31"))).isEqualTo(1);
        assertThat(carried.waitingList(d("2023-03-31"))).isEqualTo(1);
        assertThat(needs.entitledNotAccommodated(d("2023-03-31"))).isEqualTo(1);
        assertThat(carried.applicationsTotal(Period.year(2023))).isZero();
        assertThat(carried.receptionIn(Period.year(2023))).isZero();
        assertThat(carried.decisions(Period.year(2023), Unit.DOSSIERS).count(DecisionType.REFUSAL)).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> carried.carryOver(eve, d("2023-03-31")))
                .isInstanceOf(IllegalStateException.class);
    }
}
