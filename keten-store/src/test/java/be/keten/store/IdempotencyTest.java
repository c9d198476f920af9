package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.procedure.ProcedureState;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class IdempotencyTest {
    private static final LocalDate START = LocalDate.of(2023, 6, 1);

    @EngineTest
    void aRetriedCommandIsStoredOnceAndTheRetryGetsTheOriginalResult(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> history = Histories.toCgvs(11, START, "PS");
        DossierId d = Histories.dossier(11);
        k.record(history.subList(0, 1));

        CaseResult first = k.cases.submit(history.get(1), "dvz-lodge-11");
        CaseResult retry = k.cases.submit(history.get(1), "dvz-lodge-11");

        assertThat(first).isInstanceOf(CaseResult.Accepted.class);
        CaseResult.Accepted original = (CaseResult.Accepted) first;
        CaseResult.Accepted again = (CaseResult.Accepted) retry;
        assertThat(original.append().replayed()).isFalse();
        assertThat(again.append().replayed()).isTrue();
        assertThat(again.state()).isEqualTo(original.state());
        assertThat(again.append().firstVersion()).isEqualTo(2);
        assertThat(again.append().lastVersion()).isEqualTo(2);
        assertThat(again.append().state()).isEqualTo(ProcedureState.LODGED);
        assertThat(again.append().recordedAt()).isEqualTo(original.append().recordedAt());
        assertThat(k.store.load(d)).hasSize(2);
        assertThat(k.store.count()).isEqualTo(2);
    }

    @EngineTest
    void theRetryGetsTheOriginalResultEvenAfterTheDossierMovedOn(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> history = Histories.toCgvs(12, START, "TR");
        DossierId d = Histories.dossier(12);
        CaseResult.Accepted original = (CaseResult.Accepted) k.cases.submit(new Command(d, history.subList(0, 2), 0, "batch-12"));
        k.record(history.subList(2, 5));

        CaseResult.Accepted retry = (CaseResult.Accepted) k.cases.submit(new Command(d, history.subList(0, 2), 0, "batch-12"));
        assertThat(retry.state()).isEqualTo(original.state());
        assertThat(retry.state().state()).isEqualTo(ProcedureState.LODGED);
        assertThat(retry.append().lastVersion()).isEqualTo(2);
        assertThat(k.store.version(d)).isEqualTo(5);
        // At the store level too: the key short-cuts the version check.
        assertThat(k.store.append(d, 0, history.subList(0, 2), "batch-12").replayed()).isTrue();
        assertThat(k.store.count()).isEqualTo(5);
    }

    @EngineTest
    void aKeyReusedForAnotherCommandIsRefused(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> history = Histories.toCgvs(13, START, "CM");
        k.record(history.subList(0, 1));
        k.cases.submit(history.get(1), "key-13");

        assertThatThrownBy(() -> k.cases.submit(history.get(2), "key-13"))
                .isInstanceOf(IdempotencyKeyReusedException.class)
                .hasMessage("idempotency key 'key-13' was already used for another command (dossier D-2023-000013, versions 2..2);"
                        + " use a new key for a new command");
        assertThat(k.store.version(Histories.dossier(13))).isEqualTo(2);
    }

    @EngineTest
    void concurrentRetriesWithOneKeyAreAppliedOnce(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                int n = 500 + round;
                List<ChainEvent> history = Histories.toCgvs(n, START, "SO");
                k.record(history.subList(0, 1));
                CyclicBarrier together = new CyclicBarrier(2);
                String key = "lodge-" + n;
                Future<CaseResult> fa = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return k.cases.submit(history.get(1), key);
                });
                Future<CaseResult> fb = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return k.cases.submit(history.get(1), key);
                });
                CaseResult a = fa.get(30, TimeUnit.SECONDS);
                CaseResult b = fb.get(30, TimeUnit.SECONDS);
                assertThat(a).isInstanceOf(CaseResult.Accepted.class);
                assertThat(b).isInstanceOf(CaseResult.Accepted.class);
                assertThat(((CaseResult.Accepted) a).state()).isEqualTo(((CaseResult.Accepted) b).state());
                assertThat(List.of(((CaseResult.Accepted) a).append().replayed(), ((CaseResult.Accepted) b).append().replayed()))
                        .containsExactlyInAnyOrder(true, false);
                assertThat(k.store.version(Histories.dossier(n))).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
