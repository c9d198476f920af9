package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateCacheTest {
    private static final LocalDate START = LocalDate.of(2023, 4, 3);

    /**
     * Two stores on one database, as two server instances would be: each caches the dossiers it
     * wrote, and each must see what the other stored since.
     */
    @EngineTest
    void aDossierMovedOnByAnotherWriterIsDecidedOnItsStoredState(Engine engine) {
        twoServers(engine, (a, b) -> {
            DossierId d = Histories.dossier(41);
            List<ChainEvent> history = Histories.toCgvs(41, START, "AF");
            a.record(history.subList(0, 2));
            assertThat(a.store.states().get(d, 2)).isEqualTo(a.store.state(d));

            b.record(history.subList(2, 3)); // the Dublin check started elsewhere: the log is at 3, a's cache at 2

            // Decided on the stored state: the check is refused as already started, not accepted on the cached one.
            CaseResult again = a.cases.submit(history.get(2), null);
            assertThat(again).isInstanceOfSatisfying(CaseResult.Rejected.class,
                    r -> assertThat(r.rejection().state()).isEqualTo(ProcedureState.DUBLIN_CHECK));
            // An expected version is compared with the stored one.
            CaseResult stale = a.cases.submit(new Command(d, List.of(history.get(3)), 2, null));
            assertThat(stale).isInstanceOfSatisfying(CaseResult.Conflict.class, c -> {
                assertThat(c.expectedVersion()).isEqualTo(2);
                assertThat(c.actualVersion()).isEqualTo(3);
            });
            CaseResult decided = a.cases.submit(new Command(d, List.of(history.get(3)), 3, null));
            assertThat(decided).isInstanceOfSatisfying(CaseResult.Accepted.class, ok -> assertThat(ok.append().lastVersion()).isEqualTo(4));

            // Now b's cache (version 3) is the stale one.
            assertThat(b.cases.submit(history.get(4), null)).isInstanceOfSatisfying(CaseResult.Accepted.class,
                    ok -> assertThat(ok.append().lastVersion()).isEqualTo(5));
            assertThat(a.store.load(d)).extracting(StoredEvent::event).containsExactlyElementsOf(history);
            assertThat(b.store.states().get(d, 5)).isEqualTo(a.store.state(d)).isEqualTo(Evolution.fold(d, history));
            assertThat(a.projections.find(d, "test").orElseThrow().version()).isEqualTo(5);
        });
    }

    /** White-box: an entry is used at the version it was cached for, and only then. */
    @EngineTest
    void aCachedStateIsUsedOnlyWhileTheLogIsAtItsVersion(Engine engine) {
        twoServers(engine, (a, b) -> {
            DossierId d = Histories.dossier(42);
            List<ChainEvent> history = Histories.toCgvs(42, START, "ER");
            a.record(history.subList(0, 3));
            // A planted entry at the stored version 3 that says the application was withdrawn instead.
            DossierState planted = Evolution.fold(d, Histories.withdrawn(42, START, "ER"));
            assertThat(planted.version()).isEqualTo(3);
            a.store.states().offer(planted);

            assertThat(a.cases.submit(history.get(3), null)).isInstanceOfSatisfying(CaseResult.Rejected.class,
                    r -> assertThat(r.rejection().state()).isEqualTo(ProcedureState.WITHDRAWN));

            b.record(history.subList(3, 4)); // the log moves on to 4: the planted entry no longer counts
            assertThat(a.cases.submit(history.get(4), null)).isInstanceOfSatisfying(CaseResult.Accepted.class,
                    ok -> assertThat(ok.state()).isEqualTo(Evolution.fold(d, history)));
        });
    }

    /** Two stores on one fresh database, as two server instances would be. */
    private static void twoServers(Engine engine, java.util.function.BiConsumer<Stack, Stack> test) {
        String url = engine.freshUrl();
        try (Database mine = Database.open(url, null, null); Database theirs = Database.open(url, null, null)) {
            test.accept(new Stack(mine), new Stack(theirs));
        }
    }

    @Test
    void keepsTheNewestStateOfADossierAndAnswersOnlyForItsVersion() {
        StateCache cache = new StateCache(10);
        DossierId d = Histories.dossier(43);
        List<ChainEvent> history = Histories.toCgvs(43, START, "GN");
        DossierState v2 = Evolution.fold(d, history.subList(0, 2));
        DossierState v3 = Evolution.fold(d, history.subList(0, 3));

        cache.offer(v3);
        cache.offer(v2); // a slower writer's older state arrives late
        assertThat(cache.get(d, 3)).isEqualTo(v3);
        assertThat(cache.get(d, 2)).isNull();
        assertThat(cache.get(d, 4)).isNull();
        assertThat(cache.get(Histories.dossier(44), 3)).isNull();
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondItsCapacity() {
        StateCache cache = new StateCache(2);
        DossierState one = Evolution.fold(Histories.dossier(1), Histories.withdrawn(1, START, "AF").subList(0, 1));
        DossierState two = Evolution.fold(Histories.dossier(2), Histories.withdrawn(2, START, "AF").subList(0, 1));
        DossierState three = Evolution.fold(Histories.dossier(3), Histories.withdrawn(3, START, "AF").subList(0, 1));
        cache.offer(one);
        cache.offer(two);
        assertThat(cache.get(one.dossier(), 1)).isEqualTo(one); // one is now the most recently used
        cache.offer(three);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(two.dossier(), 1)).isNull();
        assertThat(cache.get(one.dossier(), 1)).isEqualTo(one);
        assertThat(cache.get(three.dossier(), 1)).isEqualTo(three);
    }
}
