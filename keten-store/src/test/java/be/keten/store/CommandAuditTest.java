package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.id.DossierId;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.ProcedureState;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** A command's audit entry: in the transaction that stores (or replays) it, so the two are committed together or not at all. */
class CommandAuditTest {
    private static final LocalDate START = LocalDate.of(2023, 7, 3);
    private static final Actor DVZ = new Actor("dvz-system", "10.0.0.7");

    private static CaseService.CommandAudit as(ChainEvent e) {
        return new CaseService.CommandAudit(DVZ, "command." + e.type());
    }

    @EngineTest
    void anAcceptedCommandAndItsReplayAreAuditedWithTheirOutcome(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> history = Histories.toCgvs(21, START, "AF");
        DossierId d = Histories.dossier(21);

        CaseResult first = k.cases.submit(Command.at(0, history.get(0), "reg-21"), as(history.get(0)));
        CaseResult second = k.cases.submit(Command.at(1, history.get(1), "lodge-21"), as(history.get(1)));
        // The retry of the first command, after the dossier moved on: the original result, read in the same transaction.
        CaseResult retry = k.cases.submit(Command.at(0, history.get(0), "reg-21"), as(history.get(0)));

        assertThat(first).isInstanceOf(CaseResult.Accepted.class);
        assertThat(second).isInstanceOf(CaseResult.Accepted.class);
        assertThat(retry).isInstanceOfSatisfying(CaseResult.Accepted.class, a -> {
            assertThat(a.append().replayed()).isTrue();
            assertThat(a.append().lastVersion()).isEqualTo(1);
            assertThat(a.state()).isEqualTo(((CaseResult.Accepted) first).state());
            assertThat(a.state().state()).isEqualTo(ProcedureState.REGISTERED);
        });
        assertThat(k.store.version(d)).isEqualTo(2);
        assertThat(k.audit.entries(d.value())).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::detail, AuditEntry::origin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dvz-system", "command." + history.get(0).type(), "result=accepted version=1", "10.0.0.7"),
                        org.assertj.core.groups.Tuple.tuple("dvz-system", "command." + history.get(1).type(), "result=accepted version=2", "10.0.0.7"),
                        org.assertj.core.groups.Tuple.tuple("dvz-system", "command." + history.get(0).type(), "result=replayed version=1", "10.0.0.7"));
    }

    @EngineTest
    void refusedCommandsAreAuditedAndStoreNothing(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> history = Histories.toCgvs(22, START, "ER");
        DossierId d = Histories.dossier(22);
        k.record(history.subList(0, 2));

        ChainEvent early = new FinalDecisionTaken(d, START.plusDays(9), DecisionType.REFUSAL);
        assertThat(k.cases.submit(Command.of(early, "decide-22"), as(early))).isInstanceOf(CaseResult.Rejected.class);
        assertThat(k.cases.submit(Command.at(1, history.get(2), "dublin-22"), as(history.get(2))))
                .isEqualTo(new CaseResult.Conflict(d, 1, 2));
        k.cases.submit(Command.of(history.get(2), "dublin-22b"), as(history.get(2)));
        assertThatThrownBy(() -> k.cases.submit(Command.of(history.get(3), "dublin-22b"), as(history.get(3))))
                .isInstanceOf(IdempotencyKeyReusedException.class);

        assertThat(k.audit.entries(d.value())).extracting(AuditEntry::detail).containsExactly(
                "result=rejected rule=TRANSITION", "result=conflict expected=1 actual=2", "result=accepted version=3",
                "result=idempotency-key-reused");
        assertThat(k.store.version(d)).isEqualTo(3);
        assertThat(k.store.replay("decide-22", d, List.of(early))).isEmpty();
    }

    /** The audit entry cannot be written (an action too long for its column): the command's events are not stored either. */
    @EngineTest
    void aCommandWhoseAuditEntryFailsIsNotStored(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> history = Histories.toCgvs(23, START, "GN");
        DossierId d = Histories.dossier(23);
        k.record(history.subList(0, 1));

        CaseService.CommandAudit unwritable = new CaseService.CommandAudit(DVZ, "command." + "x".repeat(100));
        assertThatThrownBy(() -> k.cases.submit(Command.at(1, history.get(1), "lodge-23"), unwritable))
                .isInstanceOf(StoreException.class);

        assertThat(k.store.version(d)).isEqualTo(1);
        assertThat(k.store.replay("lodge-23", d, List.of(history.get(1)))).isEmpty();
        assertThat(k.audit.entries(d.value())).isEmpty();
        assertThat(k.projections.find(d, "test").orElseThrow().version()).isEqualTo(1);
        // The same command, audited properly, then goes through.
        assertThat(k.cases.submit(Command.at(1, history.get(1), "lodge-23"), as(history.get(1)))).isInstanceOf(CaseResult.Accepted.class);
        assertThat(k.audit.entries(d.value())).filteredOn(e -> e.action().startsWith("command.")).extracting(AuditEntry::detail)
                .containsExactly("result=accepted version=2");
    }

    /**
     * A writer that commits the next version while a command is between its load and its insert:
     * the command's insert fails on the unique stream key, its transaction is rolled back with the
     * audit entry it would have written, and it is audited as the conflict it is.
     */
    @EngineTest
    void aCommandThatLosesTheRaceLeavesNoAcceptedEntry(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        List<ChainEvent> history = Histories.toCgvs(24, START, "TR");
        DossierId d = Histories.dossier(24);
        k.record(history.subList(0, 3));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = k.uncommitted(history.get(3), 4)) {
            Future<CaseResult> command = pool.submit(() -> k.cases.submit(Command.of(history.get(3), null), as(history.get(3))));
            Thread.sleep(300);
            other.commit();
            assertThat(command.get(30, TimeUnit.SECONDS)).isEqualTo(new CaseResult.Conflict(d, 3, 4));
        } finally {
            pool.shutdownNow();
        }
        assertThat(k.store.version(d)).isEqualTo(4);
        assertThat(k.audit.entries(d.value())).extracting(AuditEntry::detail).containsExactly("result=conflict expected=3 actual=4");
    }
}
