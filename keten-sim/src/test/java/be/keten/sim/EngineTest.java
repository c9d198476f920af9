package be.keten.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.event.ChainEvent;
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.event.DecisionEvent;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.event.DecisionEvent.InterimDecisionTaken;
import be.keten.core.event.PathwayEvent.ArrivedThroughPathway;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ReceptionEvent.EntitlementDecided;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.id.DossierId;
import be.keten.core.rulebook.Rulebook;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import be.keten.core.calendar.Period;
import be.keten.stats.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    private final Scenario small = Scenarios.small();

    @Test
    void sameSeedSameSeriesWhateverTheThreadCountAndAnotherSeedDiffers(@TempDir Path dir) throws Exception {
        SimulationOutput.write(dir.resolve("a"), small, Simulation.run(small, 3, 42, 1, null), "stochastic");
        SimulationOutput.write(dir.resolve("b"), small, Simulation.run(small, 3, 42, 2, null), "stochastic");
        SimulationOutput.write(dir.resolve("c"), small, Simulation.run(small, 3, 43, 2, null), "stochastic");
        String a = Files.readString(dir.resolve("a/series.csv"));
        assertThat(Files.readString(dir.resolve("b/series.csv"))).isEqualTo(a);
        assertThat(Files.readString(dir.resolve("b/summary.csv"))).isEqualTo(Files.readString(dir.resolve("a/summary.csv")));
        assertThat(Files.readString(dir.resolve("c/series.csv"))).isNotEqualTo(a);
        assertThat(a.lines().findFirst()).contains("month,indicator,unit,mean,p5,p50,p95");
        for (Indicator i : Indicator.all()) {
            assertThat(a).contains(",".concat(i.code()).concat(",").concat(i.unit()).concat(","));
        }
        assertThat(a.lines().count()).isEqualTo(1 + 24L * Indicator.all().size());
        assertThat(Files.readString(dir.resolve("a/report.html"))).contains("<svg").doesNotContain("<script");
    }

    @Test
    void eachReplicationIsReportedOnceWithItsOutcomeAsItFinishes() {
        List<int[]> told = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Outcome> byIndex = new java.util.concurrent.ConcurrentHashMap<>();
        List<Outcome> runs = Simulation.runReporting(small, null, 4, 42, 2, (index, outcome, finished) -> {
            told.add(new int[] {index, finished});
            assertThat(byIndex.put(index, outcome)).as("replication %d told twice", index).isNull();
        });
        assertThat(told).extracting(t -> t[1]).containsExactly(1, 2, 3, 4);   // told one at a time, counted in order
        assertThat(byIndex.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(byIndex.get(i)).as("replication %d", i).isSameAs(runs.get(i));
        }
        // What a caller is told is what a run without a listener returns.
        List<Outcome> plain = Simulation.run(small, 4, 42, 1, null);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).monthly()).isDeepEqualTo(plain.get(i).monthly());
        }
    }

    @Test
    void everyEventTheEngineProducesIsAcceptedByTheRulebookOnReplay() {
        List<ChainEvent> events = new ArrayList<>();
        new Engine(small, Simulation.random(7, 0), events::add).run();
        assertThat(events).hasSizeGreaterThan(5_000);
        Rulebook replay = new Rulebook(small.policies(), Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));
        Map<DossierId, DossierState> states = new HashMap<>();
        for (ChainEvent e : events) {
            Verdict v = replay.decide(states.getOrDefault(e.dossier(), DossierState.empty(e.dossier())), e);
            assertThat(v.accepted()).as("%s: %s", e, v).isTrue();
            states.put(e.dossier(), ((Verdict.Accepted) v).state());
        }
    }

    /**
     * The engine keeps the allocation queue and the residents to move up to date event by event;
     * every round must equal the core's round over every dossier read afresh. A saturated network
     * with minors and families, over a year boundary and the 2024 change of the priority policy.
     */
    @Test
    void everyAllocationRoundEqualsARoundOverEveryDossierReadAfresh(@TempDir Path dir) throws Exception {
        Scenario sc = Scenarios.smallWith(dir, "saturated", "start: 2025-01-01", "start: 2023-10-01", "horizon_months: 24", "horizon_months: 6",
                "persons_per_month: 120", "persons_per_month: 300",
                "household_size: {1: 0.85, 2: 0.1, 3: 0.05}", "household_size: {1: 0.6, 2: 0.2, 3: 0.1, 4: 0.1}",
                "unaccompanied_minor_share: 0.0", "unaccompanied_minor_share: 0.15", "waiting_list_persons: 0", "waiting_list_persons: 40",
                "places: 900}", """
                        places: 250}
                            - {from: 2023-01-01, place_type: UAM_OBSERVATION_ORIENTATION, places: 10}
                            - {from: 2023-01-01, place_type: UAM_COLLECTIVE, places: 30}""");
        Engine engine = new Engine(sc, Simulation.random(5, 0), null);
        engine.checkRounds();
        Engine.Result r = engine.run();
        assertThat(r.statistics().waitingList(sc.end())).as("the network is saturated: people wait").isGreaterThan(0);
    }

    @Test
    void theEngineFailsLoudlyOnAnEventTheRulebookRefuses() {
        Engine engine = new Engine(small, Simulation.random(1, 0), null);
        DossierId id = DossierId.of("D-TEST-0001");
        assertThatThrownBy(() -> engine.emitForTest(id, new TransferredToCgvs(id, small.start().minusDays(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rulebook refuses");
    }

    @Test
    void workloadChangesByTransfersInMinusDecisionsOutExactlyPerReplication() {
        List<ChainEvent> events = new ArrayList<>();
        Engine.Result r = new Engine(small, Simulation.random(3, 0), events::add).run();
        Map<java.time.YearMonth, long[]> byMonth = new LinkedHashMap<>();
        Map<DossierId, DossierState> states = new HashMap<>();
        for (ChainEvent e : events) {
            DossierState before = states.getOrDefault(e.dossier(), DossierState.empty(e.dossier()));
            DossierState after = be.keten.core.state.Evolution.apply(before, e);
            states.put(e.dossier(), after);
            long[] c = byMonth.computeIfAbsent(java.time.YearMonth.from(e.date()), k -> new long[2]);
            if (!before.state().atCgvs() && after.state().atCgvs()) {
                c[0]++; // into the workload: transfer by DVZ, annulment by the RvV
            }
            if (before.state().atCgvs() && !after.state().atCgvs()) {
                c[1]++; // out: a final decision
            }
        }
        var st = r.statistics();
        for (Period p : Outcome.months(small)) {
            long[] c = byMonth.getOrDefault(p.from(), new long[2]);
            long change = st.workload(p.lastDay(), Unit.DOSSIERS) - st.workload(p.from().atDay(1).minusDays(1), Unit.DOSSIERS);
            assertThat(change).as(p.label()).isEqualTo(c[0] - c[1]);
            long finals = st.decisions(p, Unit.DOSSIERS).ofStage(be.keten.core.procedure.DecisionStage.FINAL);
            assertThat(c[1]).as(p.label()).isEqualTo(finals);
        }
        long applications = st.applicationsTotal(new Period(small.firstMonth(), small.lastMonth()));
        assertThat(applications).isBetween(24 * 120 * 80 / 100L, 24 * 120 * 120 / 100L);
    }

    @Test
    void eachPathwayChannelArrivesThenAppliesWithItsOwnTypeAndDecisionMixAndTheRulebookAcceptsIt(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(Scenarios.path("small.yaml")).replace("dvz:\n", """
                pathways:
                  - {channel: RESETTLEMENT, persons_per_month: 30, nationality: ER, first_country_of_asylum: ET, decision_mix: {refugee_status: 1.0}}
                  - {channel: RELOCATION, persons_per_month: 30, nationality: GN, first_country_of_asylum: IT, decision_mix: {subsidiary_protection: 1.0}}
                  - {channel: HUMANITARIAN_CORRIDOR, persons_per_month: 30, nationality: CM, first_country_of_asylum: LB, decision_mix: {refusal: 1.0}}
                  - {channel: OTHER_ADMISSION, persons_per_month: 30, nationality: ER, first_country_of_asylum: SD, decision_mix: {inadmissible: 1.0}}
                dvz:
                """);
        Files.writeString(dir.resolve("pathways.yaml"), yaml);
        Scenario sc = ScenarioFile.read(dir.resolve("pathways.yaml"));
        List<ChainEvent> events = new ArrayList<>();
        new Engine(sc, Simulation.random(11, 0), events::add).run();

        Rulebook replay = new Rulebook(sc.policies(), Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC));
        Map<DossierId, DossierState> states = new HashMap<>();
        Map<DossierId, PathwayChannel> arrivedThrough = new HashMap<>();
        Map<PathwayChannel, Set<ApplicationType>> types = new EnumMap<>(PathwayChannel.class);
        Map<PathwayChannel, Set<DecisionType>> decisions = new EnumMap<>(PathwayChannel.class);
        Map<PathwayChannel, Set<Boolean>> entitled = new EnumMap<>(PathwayChannel.class);
        Map<PathwayChannel, Integer> arrivals = new EnumMap<>(PathwayChannel.class);
        for (ChainEvent e : events) {
            Verdict v = replay.decide(states.getOrDefault(e.dossier(), DossierState.empty(e.dossier())), e);
            assertThat(v.accepted()).as("%s: %s", e, v).isTrue();
            states.put(e.dossier(), ((Verdict.Accepted) v).state());
            if (e instanceof ArrivedThroughPathway a) {
                arrivedThrough.put(a.dossier(), a.channel());
                arrivals.merge(a.channel(), 1, Integer::sum);
            }
            PathwayChannel ch = arrivedThrough.get(e.dossier());
            if (ch == null) {
                assertThat(e instanceof ApplicationRegistered r ? r.applicationType() : ApplicationType.FIRST)
                        .isIn(ApplicationType.FIRST, ApplicationType.SUBSEQUENT);
                continue;
            }
            if (e instanceof ApplicationRegistered r) {
                types.computeIfAbsent(ch, k -> new HashSet<>()).add(r.applicationType());
            } else if (e instanceof FinalDecisionTaken f) {
                decisions.computeIfAbsent(ch, k -> new HashSet<>()).add(f.decisionType());
            } else if (e instanceof EntitlementDecided d) {
                entitled.computeIfAbsent(ch, k -> new HashSet<>()).add(d.entitled());
            }
        }
        for (PathwayChannel ch : PathwayChannel.values()) {
            assertThat(arrivals.getOrDefault(ch, 0)).as("%s arrivals", ch).isGreaterThan(100);
        }
        assertThat(types).containsEntry(PathwayChannel.RESETTLEMENT, Set.of(ApplicationType.RESETTLEMENT))
                .containsEntry(PathwayChannel.RELOCATION, Set.of(ApplicationType.RELOCATION))
                .containsEntry(PathwayChannel.HUMANITARIAN_CORRIDOR, Set.of(ApplicationType.HUMANITARIAN_CORRIDOR))
                .containsEntry(PathwayChannel.OTHER_ADMISSION, Set.of(ApplicationType.OTHER_ADMISSION));
        assertThat(decisions).containsEntry(PathwayChannel.RESETTLEMENT, Set.of(DecisionType.REFUGEE_STATUS))
                .containsEntry(PathwayChannel.RELOCATION, Set.of(DecisionType.SUBSIDIARY_PROTECTION))
                .containsEntry(PathwayChannel.HUMANITARIAN_CORRIDOR, Set.of(DecisionType.REFUSAL))
                .containsEntry(PathwayChannel.OTHER_ADMISSION, Set.of(DecisionType.INADMISSIBLE));
        // the dated entitlement policy: resettlement and relocation entitled, corridor and other admission case by case
        assertThat(entitled).containsEntry(PathwayChannel.RESETTLEMENT, Set.of(true)).containsEntry(PathwayChannel.RELOCATION, Set.of(true))
                .containsEntry(PathwayChannel.HUMANITARIAN_CORRIDOR, Set.of(false)).containsEntry(PathwayChannel.OTHER_ADMISSION, Set.of(false));
    }

    /**
     * With a growing CGVS backlog, subsequent applications wait for their admissibility decision
     * as long as first applications wait for theirs, first come first served; with
     * {@code subsequent_admissibility_priority} they are examined ahead of the queue, while an
     * admissible one's merits still wait in the ordinary queue.
     */
    @Test
    void subsequentApplicationsAdmissibilityIsExaminedAheadOfTheQueueOnlyWhenTheScenarioSaysSo(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(Scenarios.path("small.yaml"))
                .replace("cgvs_workload_dossiers: 60", "cgvs_workload_dossiers: 600")
                .replace("fte: 40", "fte: 25")
                .replace("{FIRST: 0.9, SUBSEQUENT: 0.1}", "{FIRST: 0.7, SUBSEQUENT: 0.3}")
                .replace("subsequent_admissible_share: 0.2", "subsequent_admissible_share: 0.5");
        Files.writeString(dir.resolve("fifo.yaml"), yaml);
        Files.writeString(dir.resolve("priority.yaml"), yaml.replace("subsequent_admissible_share: 0.5",
                "subsequent_admissible_share: 0.5\n  subsequent_admissibility_priority: true"));

        Waits fifo = waits(ScenarioFile.read(dir.resolve("fifo.yaml")));
        assertThat(fifo.first()).isGreaterThan(60);   // the backlog grows: months in the queue
        assertThat(fifo.subsequentAdmissibility()).isGreaterThan(fifo.first() / 2);

        Waits priority = waits(ScenarioFile.read(dir.resolve("priority.yaml")));
        assertThat(priority.first()).isGreaterThan(60);
        assertThat(priority.subsequentAdmissibility()).isLessThan(priority.first() / 4);
        assertThat(priority.subsequentMerits()).isGreaterThan(4 * priority.subsequentAdmissibility());
    }

    /** Median days in the CGVS queue (transfer or interim decision to the next decision) of the dossiers registered during a run. */
    private record Waits(long first, long subsequentAdmissibility, long subsequentMerits) {
    }

    private static Waits waits(Scenario sc) {
        List<ChainEvent> events = new ArrayList<>();
        new Engine(sc, Simulation.random(5, 0), events::add).run();
        Map<DossierId, ApplicationType> type = new HashMap<>();
        Map<DossierId, LocalDate> queuedSince = new HashMap<>();
        List<Long> first = new ArrayList<>();
        List<Long> admissibility = new ArrayList<>();
        List<Long> merits = new ArrayList<>();
        for (ChainEvent e : events) {
            if (e instanceof ApplicationRegistered r && !r.date().isBefore(sc.start())) {
                type.put(r.dossier(), r.applicationType());
            } else if (e instanceof TransferredToCgvs && type.containsKey(e.dossier())) {
                queuedSince.put(e.dossier(), e.date());
            } else if (e instanceof DecisionEvent && queuedSince.containsKey(e.dossier())) {
                long days = ChronoUnit.DAYS.between(queuedSince.remove(e.dossier()), e.date());
                boolean subsequent = type.get(e.dossier()) == ApplicationType.SUBSEQUENT;
                if (e instanceof InterimDecisionTaken) {
                    admissibility.add(days);
                    queuedSince.put(e.dossier(), e.date());
                    type.put(e.dossier(), null);   // its merits decision comes next
                } else if (type.get(e.dossier()) == null) {
                    merits.add(days);
                } else {
                    (subsequent ? admissibility : first).add(days);
                }
            }
        }
        assertThat(first).hasSizeGreaterThan(200);
        assertThat(admissibility).hasSizeGreaterThan(100);
        assertThat(merits).hasSizeGreaterThan(20);
        return new Waits(median(first), median(admissibility), median(merits));
    }

    private static long median(List<Long> xs) {
        List<Long> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Files still at the DVZ on the start date are outside the CGVS workload; the engine makes them
     * (registered before the start, transferred after it), so transfers to the CGVS run at their
     * usual rate from the first day rather than only after the first arrivals' DVZ delay.
     */
    @Test
    void theDvzPipelineAtTheStartKeepsTransfersToTheCgvsAtTheirRateFromTheFirstMonth() {
        List<ChainEvent> events = new ArrayList<>();
        new Engine(small, Simulation.random(3, 0), events::add).run();
        long[] transfers = new long[small.horizonMonths()];
        Set<DossierId> registeredBefore = new HashSet<>();
        int fromThePipeline = 0;
        for (ChainEvent e : events) {
            if (e instanceof ApplicationRegistered r) {
                if (r.date().isBefore(small.start())) {
                    registeredBefore.add(r.dossier());
                } else {
                    registeredBefore.remove(r.dossier());   // a subsequent applicant's earlier application is years back
                }
            } else if (e instanceof TransferredToCgvs t && !t.date().isBefore(small.start())) {
                transfers[(int) ChronoUnit.MONTHS.between(small.firstMonth(), java.time.YearMonth.from(t.date()))]++;
                fromThePipeline += registeredBefore.contains(t.dossier()) ? 1 : 0;
            }
        }
        double steady = (transfers[2] + transfers[3] + transfers[4] + transfers[5]) / 4.0;
        assertThat(steady).isGreaterThan(50);
        assertThat((double) transfers[0]).isGreaterThan(0.75 * steady);
        // small.yaml: a mean DVZ delay of 20 days, about 100 households a month: some 60 files in the pipeline
        assertThat(fromThePipeline).isBetween(30, 120);
    }
}
