package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.id.DossierId;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.rulebook.Rule;
import java.time.LocalDate;
import java.util.List;

class CaseServiceTest {

    @EngineTest
    void recordsAWholeHistoryAndReadsItBack(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> history = Histories.recognised(2, LocalDate.of(2023, 3, 1), "AF");
        k.record(history);

        CaseView view = k.cases.read(Histories.dossier(2), "officer-1").orElseThrow();
        assertThat(view.state().state()).isEqualTo(ProcedureState.PROTECTED);
        assertThat(view.state().version()).isEqualTo(history.size());
        assertThat(view.timeline()).extracting(StoredEvent::event).containsExactlyElementsOf(history);
        assertThat(view.timeline()).extracting(StoredEvent::version).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(k.store.count()).isEqualTo(history.size());
    }

    @EngineTest
    void aRejectedCommandStoresNothingAndNamesTheRule(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> history = Histories.toCgvs(3, LocalDate.of(2023, 3, 1), "ER");
        k.record(history.subList(0, 2));

        CaseResult r = k.cases.submit(new FinalDecisionTaken(Histories.dossier(3), LocalDate.of(2023, 3, 10), DecisionType.REFUSAL), null);
        assertThat(r).isInstanceOfSatisfying(CaseResult.Rejected.class, rej -> {
            assertThat(rej.rejection().rule()).isEqualTo(Rule.TRANSITION);
            assertThat(rej.rejection().message()).startsWith("FinalDecisionTaken rejected in state LODGED: allowed only in");
        });
        assertThat(k.store.version(Histories.dossier(3))).isEqualTo(2);
    }

    @EngineTest
    void aCommandOfSeveralEventsIsAllOrNothing(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> history = Histories.toCgvs(4, LocalDate.of(2023, 3, 1), "GN");
        DossierId d = Histories.dossier(4);
        // The third event is dated before the second: the whole command is refused.
        List<ChainEvent> bad = List.of(history.get(0), history.get(3), history.get(1));
        assertThat(k.cases.submit(new Command(d, bad, 0, null))).isInstanceOf(CaseResult.Rejected.class);
        assertThat(k.store.version(d)).isZero();

        CaseResult ok = k.cases.submit(new Command(d, history, 0, "cmd-4"));
        assertThat(ok).isInstanceOfSatisfying(CaseResult.Accepted.class, a -> {
            assertThat(a.append().firstVersion()).isEqualTo(1);
            assertThat(a.append().lastVersion()).isEqualTo(5);
            assertThat(a.state().state()).isEqualTo(ProcedureState.CGVS_PENDING);
        });
    }
}
