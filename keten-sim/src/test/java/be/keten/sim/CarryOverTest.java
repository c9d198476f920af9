package be.keten.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.event.AppealEvent.AppealJudged;
import be.keten.core.event.AppealEvent.AppealLodged;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ProcedureEvent.DecisionBecameFinal;
import be.keten.core.event.ProcedureEvent.DecisionNotified;
import be.keten.core.event.ProcedureEvent.DublinCheckStarted;
import be.keten.core.event.ProcedureEvent.DublinDecided;
import be.keten.core.event.ProcedureEvent.InterviewHeld;
import be.keten.core.event.ProcedureEvent.OrderToLeaveIssued;
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.event.ReceptionEvent.EntitlementDecided;
import be.keten.core.event.ReceptionEvent.LeftReception;
import be.keten.core.event.ReceptionEvent.PlacedInFacility;
import be.keten.core.event.ReceptionEvent.PutOnWaitingList;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.PlaceType;
import be.keten.core.reception.WaitingListChannel;
import be.keten.core.rulebook.Rulebook;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.stats.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real dossiers (hand-built here) continue in the simulation from their state on the eve of the start. */
class CarryOverTest {
    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final LocalDate EVE = START.minusDays(1);
    private static final Rulebook PAST = new Rulebook(Scenarios.small().policies(), Clock.fixed(Instant.parse("2024-12-31T12:00:00Z"), ZoneOffset.UTC));

    private final Scenario sc = scenario();
    private final Map<DossierId, DossierState> register = new HashMap<>();

    private static Scenario scenario() {
        // No voluntary departures, so a placed status holder leaves at the end of the transition period and no earlier.
        try {
            Path f = Files.createTempFile("carry", ".yaml");
            try {
                Files.writeString(f, Files.readString(Scenarios.path("small.yaml")).replace("horizon_months: 24", "horizon_months: 6")
                        .replace("voluntary_departure_per_month: 0.01", "voluntary_departure_per_month: 0"));
                return ScenarioFile.read(f);
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static DossierId id(String s) {
        return DossierId.of("D-T-" + s);
    }

    private static List<Person> household(String dossier, Nationality nat, Sex... sexes) {
        return IntStream.range(0, sexes.length).mapToObj(i -> new Person(PersonId.of("P-" + dossier + "-" + (i + 1)), nat, sexes[i],
                i == 0 ? 1990 : 2015, false)).toList();
    }

    /** Records a dossier's past through the rulebook, as the store would have. */
    private void record(DossierId id, ChainEvent... events) {
        DossierState s = register.getOrDefault(id, DossierState.empty(id));
        for (ChainEvent e : events) {
            Verdict v = PAST.decide(s, e);
            assertThat(v.accepted()).as("%s: %s", e, v).isTrue();
            s = ((Verdict.Accepted) v).state();
        }
        register.put(id, s);
    }

    private void registered(DossierId id, LocalDate on, List<Person> persons, boolean entitled) {
        record(id, new ApplicationRegistered(id, on, ApplicationId.of("A-" + id.value().substring(2) + "-1"), ApplicationType.FIRST, persons,
                LanguageRole.NL, false));
        if (entitled) {
            record(id, new EntitlementDecided(id, on, true, "RECEPTION_FIRST"));
        }
    }

    private void atCgvs(DossierId id, LocalDate registered) {
        record(id, new ApplicationLodged(id, registered.plusDays(1)), new DublinCheckStarted(id, registered.plusDays(1)),
                new DublinDecided(id, registered.plusDays(20), DublinOutcome.BELGIUM_RESPONSIBLE), new TransferredToCgvs(id, registered.plusDays(20)));
    }

    private void notifiedRefusal(DossierId id, LocalDate notified) {
        record(id, new InterviewHeld(id, notified.minusDays(20)), new FinalDecisionTaken(id, notified.minusDays(4), DecisionType.REFUSAL),
                new DecisionNotified(id, notified));
    }

    private List<Person> persons(String name, Nationality n, Sex... sexes) {
        return household("T-" + name, n, sexes);
    }

    /** The register: one dossier in each situation the engine must take over. */
    private InitialCases cases() {
        DossierId cgvs = id("CGVS");
        registered(cgvs, LocalDate.of(2024, 9, 2), persons("CGVS", Nationality.of("GN"), Sex.MALE), true);
        record(cgvs, new PlacedInFacility(cgvs, LocalDate.of(2024, 9, 2), "F-PLAN-2", PlaceType.COLLECTIVE, List.of(PersonId.of("P-T-CGVS-1")), "test"));
        atCgvs(cgvs, LocalDate.of(2024, 9, 2));

        DossierId wait = id("WAIT");
        List<Person> family = persons("WAIT", Nationality.of("CM"), Sex.FEMALE, Sex.MALE, Sex.FEMALE);
        registered(wait, LocalDate.of(2024, 12, 1), family, true);
        record(wait, new PutOnWaitingList(wait, LocalDate.of(2024, 12, 1), WaitingListChannel.ARRIVAL_CENTRE, family.stream().map(Person::id).toList()),
                new ApplicationLodged(wait, LocalDate.of(2024, 12, 2)), new DublinCheckStarted(wait, LocalDate.of(2024, 12, 2)));

        DossierId neg = id("NEG");
        registered(neg, LocalDate.of(2024, 6, 3), persons("NEG", Nationality.of("ER"), Sex.FEMALE), false);
        atCgvs(neg, LocalDate.of(2024, 6, 3));
        notifiedRefusal(neg, LocalDate.of(2024, 12, 20));

        DossierId expired = id("EXPD");
        registered(expired, LocalDate.of(2024, 1, 3), persons("EXPD", Nationality.of("ER"), Sex.MALE), false);
        atCgvs(expired, LocalDate.of(2024, 1, 3));
        notifiedRefusal(expired, LocalDate.of(2024, 6, 3));

        DossierId appeal = id("APPL");
        registered(appeal, LocalDate.of(2024, 3, 1), persons("APPL", Nationality.of("GN"), Sex.MALE), false);
        atCgvs(appeal, LocalDate.of(2024, 3, 1));
        notifiedRefusal(appeal, LocalDate.of(2024, 8, 5));
        record(appeal, new AppealLodged(appeal, LocalDate.of(2024, 8, 20), LanguageRole.NL));

        DossierId prot = id("PROT");
        registered(prot, LocalDate.of(2024, 1, 8), persons("PROT", Nationality.of("CM"), Sex.MALE), true);
        record(prot, new PlacedInFacility(prot, LocalDate.of(2024, 1, 8), "F-PLAN-2", PlaceType.COLLECTIVE, List.of(PersonId.of("P-T-PROT-1")), "test"));
        atCgvs(prot, LocalDate.of(2024, 1, 8));
        record(prot, new InterviewHeld(prot, LocalDate.of(2024, 9, 2)), new FinalDecisionTaken(prot, LocalDate.of(2024, 10, 1), DecisionType.REFUGEE_STATUS),
                new DecisionNotified(prot, LocalDate.of(2024, 10, 4)));

        DossierId done = id("DONE");
        registered(done, LocalDate.of(2023, 1, 3), persons("DONE", Nationality.of("GN"), Sex.MALE), false);
        atCgvs(done, LocalDate.of(2023, 1, 3));
        notifiedRefusal(done, LocalDate.of(2023, 6, 1));
        record(done, new DecisionBecameFinal(done, LocalDate.of(2023, 7, 5)), new OrderToLeaveIssued(done, LocalDate.of(2023, 7, 5), 30));

        DossierId dvz = id("DVZ1");
        registered(dvz, LocalDate.of(2024, 12, 28), persons("DVZ1", Nationality.of("GN"), Sex.MALE), false);
        return InitialCases.of(START, register.values());
    }

    private static Map<DossierId, List<ChainEvent>> byDossier(List<ChainEvent> events) {
        Map<DossierId, List<ChainEvent>> m = new HashMap<>();
        events.forEach(e -> m.computeIfAbsent(e.dossier(), k -> new ArrayList<>()).add(e));
        return m;
    }

    private static <T extends ChainEvent> List<T> of(List<ChainEvent> events, Class<T> type) {
        return events == null ? List.of() : events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void openDossiersContinueFromTheirStateAndEveryStepPassesTheRulebook() {
        InitialCases cases = cases();
        assertThat(cases.states()).extracting(DossierState::dossier).doesNotContain(id("DONE")).hasSize(7);
        assertThat(cases.finished()).isEqualTo(1);

        List<ChainEvent> events = new ArrayList<>();
        Engine engine = new Engine(sc, cases, Simulation.random(5, 0), events::add);
        engine.checkRounds();
        Engine.Result r = engine.run();

        // Replayed from the carried states through a fresh rulebook: every step accepted, none of theirs before the start
        // (the engine's own subsequent applicants come with an earlier application).
        Rulebook replay = new Rulebook(sc.policies(), Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));
        Map<DossierId, DossierState> states = new HashMap<>(register);
        for (ChainEvent e : events) {
            if (register.containsKey(e.dossier())) {
                assertThat(e.date()).as("%s", e).isAfterOrEqualTo(START);
            }
            Verdict v = replay.decide(states.getOrDefault(e.dossier(), DossierState.empty(e.dossier())), e);
            assertThat(v.accepted()).as("%s: %s", e, v).isTrue();
            states.put(e.dossier(), ((Verdict.Accepted) v).state());
        }
        Map<DossierId, List<ChainEvent>> mine = byDossier(events);
        assertThat(mine).doesNotContainKey(id("DONE"));
        // at the CGVS: decided within the horizon (40 officers, a 10-day mean service time)
        assertThat(of(mine.get(id("CGVS")), FinalDecisionTaken.class)).hasSize(1);
        // waiting family: placed on the first allocation day, the start
        assertThat(of(mine.get(id("WAIT")), PlacedInFacility.class)).first().extracting(PlacedInFacility::date).isEqualTo(START);
        // notified refusal: appeal within the deadline (19 January) or final the day after it
        ChainEvent next = mine.get(id("NEG")).get(0);
        assertThat(next).isInstanceOfAny(AppealLodged.class, DecisionBecameFinal.class);
        assertThat(next.date()).isBefore(LocalDate.of(2025, 1, 21));
        if (next instanceof DecisionBecameFinal) {
            assertThat(next.date()).isEqualTo(LocalDate.of(2025, 1, 20));
        }
        // appeal period over before the start: final on the first day
        assertThat(mine.get(id("EXPD")).get(0)).isEqualTo(new DecisionBecameFinal(id("EXPD"), START));
        // pending appeal: judged (an annulment sends it back to the CGVS, and it may come back)
        assertThat(mine.get(id("APPL")).get(0)).isInstanceOf(AppealJudged.class);
        // status holder: leaves at the end of the 4-month transition period (notified 4 October 2024)
        assertThat(of(mine.get(id("PROT")), LeftReception.class)).singleElement()
                .satisfies(l -> assertThat(l.reason()).isEqualTo(LeaveReason.POSITIVE_TRANSITION_END))
                .satisfies(l -> assertThat(l.date()).isEqualTo(LocalDate.of(2025, 2, 4)));
        // registered on 28 December: lodged and entitlement decided on the first day, then on to the CGVS (or a Dublin transfer)
        assertThat(mine.get(id("DVZ1"))).hasAtLeastOneElementOfType(EntitlementDecided.class)
                .anySatisfy(e -> assertThat(e).isEqualTo(new ApplicationLodged(id("DVZ1"), START)))
                .anySatisfy(e -> assertThat(e).isInstanceOfAny(TransferredToCgvs.class, OrderToLeaveIssued.class));

        // The statistics start from the register's stocks on the eve.
        var st = r.statistics();
        assertThat(st.workload(EVE, Unit.DOSSIERS)).isEqualTo(1);
        assertThat(st.rvvPending(EVE, Unit.DOSSIERS)).isEqualTo(1);
        assertThat(st.occupancy(EVE)).isEqualTo(2);
        assertThat(st.waitingList(EVE)).isEqualTo(3);
        assertThat(r.needs().entitledNotAccommodated(EVE)).isEqualTo(3);
        assertThat(cases.stocks()).isEqualTo(new Scenario.Initial(1, 1, Map.of(PlaceType.COLLECTIVE, 2), 3));
    }

    @Test
    void sameSeedSameOutputWhateverTheThreads(@TempDir Path dir) throws Exception {
        InitialCases cases = cases();
        List<Outcome> one = Simulation.run(sc, cases, 3, 42, 1, null);
        List<Outcome> three = Simulation.run(sc, cases, 3, 42, 3, null);
        for (int i = 0; i < 3; i++) {
            assertThat(Arrays.deepEquals(one.get(i).monthly(), three.get(i).monthly())).isTrue();
        }
        SimulationOutput.write(dir.resolve("a"), sc, one, "test");
        SimulationOutput.write(dir.resolve("b"), sc, three, "test");
        assertThat(Files.readString(dir.resolve("b/series.csv"))).isEqualTo(Files.readString(dir.resolve("a/series.csv")));
    }

    @Test
    void theRegisterMustEndBeforeTheStartAndMatchTheScenario() {
        DossierId late = id("LATE");
        ApplicationRegistered reg = new ApplicationRegistered(late, START, ApplicationId.of("A-T-LATE-1"), ApplicationType.FIRST,
                persons("LATE", Nationality.of("GN"), Sex.MALE), LanguageRole.FR, false);
        assertThatThrownBy(() -> InitialCases.of(START, List.of(Evolution.fold(late, List.of(reg))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("D-T-LATE").hasMessageContaining("not before the start 2025-01-01");

        InitialCases.Builder b = InitialCases.builder(START);
        b.accept(new ApplicationRegistered(late, EVE, ApplicationId.of("A-T-LATE-1"), ApplicationType.FIRST, persons("LATE", Nationality.of("GN"),
                Sex.MALE), LanguageRole.FR, false));
        b.accept(new ApplicationLodged(late, START));
        assertThat(b.events()).isEqualTo(1);
        assertThat(b.later()).isEqualTo(1);
        assertThat(b.build().states()).singleElement().satisfies(s -> assertThat(s.lastDate()).isEqualTo(EVE));

        assertThatThrownBy(() -> new Engine(sc, InitialCases.builder(START.plusDays(1)).build(), Simulation.random(1, 0), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scenario starts on 2025-01-01");
    }
}
