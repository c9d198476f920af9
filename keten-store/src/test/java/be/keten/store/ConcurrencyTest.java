package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.event.ChainEvent;
import be.keten.core.event.ReceptionEvent.LeftReception;
import be.keten.core.event.ReceptionEvent.TransferredBetweenFacilities;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.PlaceType;
import be.keten.core.state.DossierState;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class ConcurrencyTest {
    private static final LocalDate START = LocalDate.of(2023, 5, 2);

    /** Two writers read the dossier at the same version and append at once, many times over. */
    @EngineTest
    void twoConcurrentWritersOnOneDossierOneWinsTheOtherConflictsNothingLost(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                int n = 100 + round * 2; // even: a household of two, placed in reception
                DossierId d = Histories.dossier(n);
                List<ChainEvent> history = Histories.recognised(n, START, "AF");
                k.record(history.subList(0, 3));
                DossierState read = k.store.state(d);
                // Two agencies' changes that would each be valid alone, and in either order.
                PersonId p1 = read.persons().get(0).id();
                PersonId p2 = read.persons().get(1).id();
                ChainEvent a = new TransferredBetweenFacilities(d, START.plusDays(2), "Centre-A", PlaceType.INDIVIDUAL, List.of(p1));
                ChainEvent b = new LeftReception(d, START.plusDays(2), LeaveReason.NO_SHOW, List.of(p2));

                CyclicBarrier together = new CyclicBarrier(2);
                Callable<Object> writerA = () -> attempt(together, () -> k.store.append(read, List.of(a), null));
                Callable<Object> writerB = () -> attempt(together, () -> k.store.append(read, List.of(b), null));
                Future<Object> fa = pool.submit(writerA);
                Future<Object> fb = pool.submit(writerB);
                List<Object> outcomes = List.of(fa.get(30, TimeUnit.SECONDS), fb.get(30, TimeUnit.SECONDS));

                assertThat(outcomes).filteredOn(o -> o instanceof AppendResult).hasSize(1);
                assertThat(outcomes).filteredOn(o -> o instanceof ConcurrencyConflictException).hasSize(1)
                        .first().satisfies(o -> {
                            ConcurrencyConflictException c = (ConcurrencyConflictException) o;
                            assertThat(c.expectedVersion()).isEqualTo(3);
                            assertThat(c.actualVersion()).isEqualTo(4);
                            assertThat(c.getMessage()).contains(d.value(), "version 4", "expected 3", "nothing was stored");
                        });
                AppendResult won = (AppendResult) outcomes.stream().filter(o -> o instanceof AppendResult).findFirst().orElseThrow();
                ChainEvent winner = outcomes.get(0) == won ? a : b;

                // Nothing lost: the three events before, then the winner's, and the projection agrees.
                List<StoredEvent> stored = k.store.load(d);
                assertThat(stored).extracting(StoredEvent::event).containsExactly(history.get(0), history.get(1), history.get(2), winner);
                assertThat(won.firstVersion()).isEqualTo(4);
                assertThat(k.projections.find(d, "test").orElseThrow().version()).isEqualTo(4);

                // The loser re-reads and tries again: its event goes in after the winner's.
                ChainEvent loser = winner == a ? b : a;
                CaseResult retried = k.cases.submit(loser, null);
                assertThat(retried).isInstanceOf(CaseResult.Accepted.class);
                assertThat(k.store.version(d)).isEqualTo(5);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @EngineTest
    void concurrentCommandsWithTheSameExpectedVersion(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                int n = 300 + round * 2;
                DossierId d = Histories.dossier(n);
                k.record(Histories.recognised(n, START, "ER").subList(0, 3));
                List<PersonId> ids = k.store.state(d).persons().stream().map(p -> p.id()).toList();
                ChainEvent a = new TransferredBetweenFacilities(d, START.plusDays(2), "Centre-B", PlaceType.INDIVIDUAL, ids);
                ChainEvent b = new LeftReception(d, START.plusDays(2), LeaveReason.VOLUNTARY_DEPARTURE, ids);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Object> fa = pool.submit(() -> attempt(together, () -> k.cases.submit(Command.at(3, a, null))));
                Future<Object> fb = pool.submit(() -> attempt(together, () -> k.cases.submit(Command.at(3, b, null))));
                List<Object> outcomes = List.of(fa.get(30, TimeUnit.SECONDS), fb.get(30, TimeUnit.SECONDS));
                assertThat(outcomes).filteredOn(o -> o instanceof CaseResult.Accepted).hasSize(1);
                assertThat(outcomes).filteredOn(o -> o instanceof CaseResult.Conflict).hasSize(1);
                assertThat(k.store.version(d)).isEqualTo(4);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @EngineTest
    void aStaleExpectedVersionIsAConflictAndStoresNothing(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> history = Histories.toCgvs(7, START, "GN");
        k.record(history.subList(0, 2));
        DossierState stale = k.store.state(Histories.dossier(7));
        k.record(history.subList(2, 3));

        assertThatThrownBy(() -> k.store.append(stale, List.of(history.get(2)), null))
                .isInstanceOf(ConcurrencyConflictException.class)
                .hasMessage("dossier D-2023-000007 is at version 3, not the expected 2: it was changed concurrently; nothing was stored");
        CaseResult r = k.cases.submit(Command.at(2, history.get(3), "k-7"));
        assertThat(r).isEqualTo(new CaseResult.Conflict(Histories.dossier(7), 2, 3));
        assertThat(k.store.version(Histories.dossier(7))).isEqualTo(3);
        assertThat(k.store.replay("k-7", Histories.dossier(7), List.of(history.get(3)))).isEmpty();
    }

    /**
     * A writer that commits between another's version check and its insert: only the database's
     * unique (dossier, version) sees it, and the loser gets a conflict, not an error.
     */
    @EngineTest
    void theDatabaseCatchesTheRaceTheVersionCheckCannotSee(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        List<ChainEvent> history = Histories.toCgvs(8, START, "TR");
        k.record(history.subList(0, 3));
        DossierState read = k.store.state(Histories.dossier(8));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = k.uncommitted(history.get(3), 4)) {
            // Not committed yet: the store's version check still sees 3 and lets the append through to the insert.
            Future<Object> writer = pool.submit(() -> attempt(new CyclicBarrier(1), () -> k.store.append(read, List.of(history.get(3)), null)));
            Thread.sleep(300);
            other.commit();
            Object outcome = writer.get(30, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOfSatisfying(ConcurrencyConflictException.class, c -> {
                assertThat(c.expectedVersion()).isEqualTo(3);
                assertThat(c.actualVersion()).isEqualTo(4);
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(k.store.load(Histories.dossier(8))).extracting(StoredEvent::event).containsExactlyElementsOf(history.subList(0, 4));
    }

    private static Object attempt(CyclicBarrier together, Callable<Object> write) throws Exception {
        together.await(10, TimeUnit.SECONDS);
        try {
            return write.call();
        } catch (ConcurrencyConflictException e) {
            return e;
        }
    }
}
