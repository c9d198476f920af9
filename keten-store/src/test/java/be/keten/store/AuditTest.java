package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Statement;
import java.time.LocalDate;

class AuditTest {

    @EngineTest
    void everyCaseReadIsAuditedWithWhoWhatWhenAndSubject(Engine engine) {
        Stack k = new Stack(engine.open());
        k.record(Histories.refused(6, LocalDate.of(2023, 4, 3), "GN"));

        assertThat(k.cases.read(Histories.dossier(6), "officer-7")).isPresent();
        assertThat(k.cases.read(Histories.dossier(404), "officer-7")).isEmpty();
        k.projections.find(Histories.dossier(6), "analyst");
        k.projections.list("analyst");

        assertThat(k.audit.entries("D-2023-000006")).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::subject, AuditEntry::at)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("officer-7", "case.read", "D-2023-000006", Histories.CLOCK.instant()),
                        org.assertj.core.groups.Tuple.tuple("analyst", "dossier.summary", "D-2023-000006", Histories.CLOCK.instant()));
        // A read of a dossier that does not exist is still a recorded attempt.
        assertThat(k.audit.entries("D-2023-000404")).singleElement().extracting(AuditEntry::action).isEqualTo("case.read");
        assertThat(k.audit.entries(AuditLog.ALL)).extracting(AuditEntry::action).containsExactly("dossier.list");
    }

    @EngineTest
    void aReadWithoutAnActorIsRefusedBeforeAnyDataIsRead(Engine engine) {
        Stack k = new Stack(engine.open());
        k.record(Histories.withdrawn(3, LocalDate.of(2023, 4, 3), "TR"));
        assertThatThrownBy(() -> k.cases.read(Histories.dossier(3), " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an audited read needs an actor: who is reading?");
        assertThat(k.audit.entries("D-2023-000003")).isEmpty();
    }

    @EngineTest
    void theAuditLogAndTheEventLogRefuseUpdatesAndDeletes(Engine engine) {
        Stack k = new Stack(engine.open());
        k.record(Histories.withdrawn(3, LocalDate.of(2023, 4, 3), "TR"));
        k.cases.read(Histories.dossier(3), "officer");
        for (String sql : new String[] {
                "UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log",
                "UPDATE events SET event_date = DATE '2020-01-01'", "DELETE FROM events WHERE version = 3"}) {
            assertThatThrownBy(() -> k.db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate(sql);
                }
            })).as(sql).isInstanceOf(StoreException.class).hasMessageContaining("append-only");
        }
        assertThat(k.audit.entries("D-2023-000003")).singleElement().extracting(AuditEntry::actor).isEqualTo("officer");
        assertThat(k.store.count()).isEqualTo(3);
    }
}
