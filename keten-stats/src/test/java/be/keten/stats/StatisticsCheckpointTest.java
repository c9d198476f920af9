package be.keten.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.calendar.Period;
import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.person.LanguageRole;
import be.keten.core.state.Evolution;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StatisticsCheckpointTest {

    /** A checkpoint of the first events, then the rest on top of it, gives every figure of the whole log. */
    @Property(tries = 40)
    void aCheckpointPlusTheEventsAfterItEqualsTheWholeLog(@ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int dossiers,
            @ForAll @DoubleRange(min = 0, max = 1) double cut) {
        List<ChainEvent> log = RandomChainLog.of(seed, dossiers);
        int k = (int) Math.round(cut * log.size());
        ChainStatistics whole = ChainStatistics.of(log);

        ChainStatistics head = ChainStatistics.of(log.subList(0, k));
        ChainStatistics resumed = StatisticsCheckpoint.read(StatisticsCheckpoint.write(head), StatisticsParameters.defaults());
        Map<DossierId, List<ChainEvent>> before = new LinkedHashMap<>();
        log.subList(0, k).forEach(e -> before.computeIfAbsent(e.dossier(), d -> new ArrayList<>()).add(e));
        log.subList(k, log.size()).stream().map(ChainEvent::dossier).distinct().filter(before::containsKey)
                .forEach(d -> resumed.resume(Evolution.fold(d, before.get(d))));
        log.subList(k, log.size()).forEach(resumed);

        assertThat(figures(resumed)).isEqualTo(figures(whole));
    }

    /** Given dossier by dossier and forgotten after each, the statistics keep no states and count the same. */
    @Property(tries = 20)
    void dossierByDossierWithoutKeepingStates(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int dossiers) {
        List<ChainEvent> log = RandomChainLog.of(seed, dossiers);
        Map<DossierId, List<ChainEvent>> byDossier = new TreeMap<>(java.util.Comparator.comparing(DossierId::value));
        log.forEach(e -> byDossier.computeIfAbsent(e.dossier(), d -> new ArrayList<>()).add(e));
        ChainStatistics s = new ChainStatistics(StatisticsParameters.defaults());
        byDossier.forEach((d, events) -> {
            events.forEach(s);
            s.forget(d);
        });
        assertThat(figures(s)).isEqualTo(figures(ChainStatistics.of(log)));
        assertThat(s.dossiers()).isEqualTo(byDossier.size());
    }

    /**
     * The same aggregates give the same bytes, however their maps came to be ordered: here the
     * dossiers come in another order, which reorders the entries of the statistics' hash maps.
     */
    @Property(tries = 10)
    void theSameAggregatesGiveTheSameBytes(@ForAll long seed) {
        List<ChainEvent> log = RandomChainLog.of(seed, 300);
        Map<DossierId, List<ChainEvent>> byDossier = new LinkedHashMap<>();
        log.forEach(e -> byDossier.computeIfAbsent(e.dossier(), d -> new ArrayList<>()).add(e));
        List<List<ChainEvent>> dossiers = new ArrayList<>(byDossier.values());
        java.util.Collections.shuffle(dossiers, new java.util.Random(seed));
        List<ChainEvent> reordered = new ArrayList<>();
        dossiers.forEach(reordered::addAll);

        assertThat(StatisticsCheckpoint.write(ChainStatistics.of(reordered))).isEqualTo(StatisticsCheckpoint.write(ChainStatistics.of(log)));
    }

    @Test
    void theRandomLogExercisesEveryAggregate() {
        ChainStatistics s = ChainStatistics.of(RandomChainLog.of(7, 300));
        Period all = new Period(YearMonth.of(2023, 1), YearMonth.of(2025, 12));
        assertThat(s.decisions(all, Unit.DOSSIERS).all()).isPositive();
        assertThat(s.appealsLodged(all, Unit.PERSONS, null)).isPositive();
        assertThat(s.judgments(all, null)).isNotEmpty();
        assertThat(s.receptionIn(all)).isPositive();
        assertThat(s.receptionOut(all)).isNotEmpty();
        assertThat(s.averageStayMonths(2024)).isPresent();
        assertThat(s.workload(LocalDate.of(2023, 12, 31), Unit.PERSONS)).isPositive();
        assertThat(s.waitingList(LocalDate.of(2023, 1, 31)) + s.waitingList(LocalDate.of(2023, 6, 30))).isPositive();
        assertThat(s.residents(LocalDate.of(2023, 12, 31))).isNotEmpty();
    }

    /** A simulation's statistics leave out the residents' profiles and count every other figure alike. */
    @Property(tries = 20)
    void withoutTheResidentsProfilesEveryOtherFigureIsTheSame(@ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int dossiers) {
        List<ChainEvent> log = RandomChainLog.of(seed, dossiers);
        ChainStatistics all = ChainStatistics.of(log);
        ChainStatistics simulated = ChainStatistics.withoutResidentProfiles(StatisticsParameters.defaults());
        Map<DossierId, be.keten.core.state.DossierState> states = new java.util.HashMap<>();
        for (ChainEvent e : log) {   // as the simulation gives them: with the states it holds
            be.keten.core.state.DossierState before = states.getOrDefault(e.dossier(), be.keten.core.state.DossierState.empty(e.dossier()));
            be.keten.core.state.DossierState after = Evolution.apply(before, e);
            states.put(e.dossier(), after);
            simulated.accept(e, before, after);
        }
        assertThat(simulated.countsResidentProfiles()).isFalse();
        String withProfiles = figures(all);
        assertThat(figures(simulated)).isEqualTo(withProfiles.replaceAll(" res \\{[^\n]*", ""));
    }

    @Test
    void statisticsWithoutTheResidentsProfilesNeitherAnswerForThemNorCheckpoint() {
        ChainStatistics s = ChainStatistics.withoutResidentProfiles(StatisticsParameters.defaults());
        RandomChainLog.of(5, 30).forEach(s);
        assertThatThrownBy(() -> s.residents(LocalDate.of(2023, 12, 31))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("residents' profiles");
        assertThatThrownBy(() -> StatisticsCheckpoint.write(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("residents' profiles");
    }

    @Test
    void aCheckpointOfAnotherCountingIsRefused() {
        byte[] bytes = StatisticsCheckpoint.write(ChainStatistics.of(RandomChainLog.of(3, 20)));
        StatisticsParameters withoutSuspended = new StatisticsParameters(false, StatisticsParameters.defaults().normalWorkload());
        assertThatThrownBy(() -> StatisticsCheckpoint.read(bytes, withoutSuspended)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("suspended");
        assertThatThrownBy(() -> StatisticsCheckpoint.read(new byte[] {1, 2, 3}, StatisticsParameters.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unreadable statistics checkpoint");
    }

    /** Every figure the statistics answer, month by month and at every month end, as one comparable text. */
    static String figures(ChainStatistics s) {
        StringBuilder b = new StringBuilder();
        b.append(s.coverage()).append(' ').append(s.dossiers()).append('\n');
        for (YearMonth m = YearMonth.of(2022, 12); !m.isAfter(YearMonth.of(2026, 1)); m = m.plusMonths(1)) {
            Period p = Period.month(m);
            LocalDate end = m.atEndOfMonth();
            b.append(m).append(" apps ").append(sorted(s.applications(p)))
                    .append(" dec ").append(new TreeMap<>(s.decisions(p, Unit.PERSONS).asMap())).append(new TreeMap<>(s.decisions(p, Unit.DOSSIERS).asMap()))
                    .append(" byNat ").append(tallies(s, p))
                    .append(" wl ").append(s.workload(end, Unit.PERSONS)).append('/').append(s.workload(end, Unit.DOSSIERS))
                    .append(" rvv ").append(s.appealsLodged(p, Unit.PERSONS, LanguageRole.NL)).append('/').append(s.appealsLodged(p, Unit.DOSSIERS, null))
                    .append(' ').append(s.judgments(p, null)).append(' ').append(s.rvvPending(end, Unit.PERSONS))
                    .append(" rec ").append(s.receptionIn(p)).append(' ').append(s.receptionOut(p))
                    .append(' ').append(new TreeMap<>(s.occupancyByPlaceType(end))).append(new TreeMap<>(s.occupancyByFacility(end)))
                    .append(" wait ").append(s.waitingList(end)).append(" spon ").append(s.sponsored(end));
            if (s.countsResidentProfiles()) {
                b.append(" res ").append(new TreeMap<>(s.residents(end).entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue))));
            }
            b.append('\n');
        }
        for (int y = 2022; y <= 2026; y++) {
            b.append(y).append(" stay ").append(s.averageStayMonths(y)).append('\n');
        }
        return b.toString();
    }

    private static Map<String, Map<?, Long>> sorted(Map<String, Map<be.keten.core.person.Nationality, Long>> byColumn) {
        Map<String, Map<?, Long>> out = new TreeMap<>();
        byColumn.forEach((c, byNat) -> out.put(c, new TreeMap<>(byNat)));
        return out;
    }

    private static Map<String, String> tallies(ChainStatistics s, Period p) {
        Map<String, String> out = new TreeMap<>();
        for (Unit u : Unit.values()) {
            s.decisionsByNationality(p, u).forEach((n, t) -> out.put(u + ":" + n.code(), new TreeMap<>(t.asMap()).toString()));
        }
        return out;
    }
}
