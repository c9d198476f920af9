package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.event.ChainEvent;
import java.io.StringReader;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

class ProjectionTest {

    @EngineTest
    void aRebuildFromTheLogEqualsTheProjectionKeptOnAppend(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        k.record(Histories.interleaved(1, 25));
        k.importer.importFrom(new StringReader(k.ndjson(Histories.interleaved(100, 25))), "more.ndjson");
        List<DossierSummary> incremental = k.projections.list("test");
        assertThat(incremental).hasSize(50);

        Projections.Rebuilt r = k.projections.rebuild("admin");

        assertThat(r.dossiers()).isEqualTo(50);
        assertThat(r.events()).isEqualTo(k.store.count());
        assertThat(k.projections.list("test")).containsExactlyElementsOf(incremental);
    }

    @EngineTest
    void aRebuildRepairsADamagedProjection(Engine engine) {
        Stack k = new Stack(engine.open());
        k.record(Histories.interleaved(1, 12));
        List<DossierSummary> good = k.projections.list("test");
        k.db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM dossiers WHERE dossier_id = 'D-2023-000003'");
                return s.executeUpdate("UPDATE dossiers SET procedure_state = 'NEW', persons_count = 99");
            }
        });
        k.projections.rebuild("admin");
        assertThat(k.projections.list("test")).containsExactlyElementsOf(good);
    }

    @EngineTest
    void aRowHoldsTheListingAttributes(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> h = Histories.recognised(2, LocalDate.of(2023, 3, 1), "AF");
        k.record(h.subList(0, 9)); // up to the refugee-status decision, before notification
        DossierSummary row = k.projections.find(Histories.dossier(2), "officer").orElseThrow();
        assertThat(row).isEqualTo(new DossierSummary(Histories.dossier(2), 9, "DECIDED", "AF", "A-2023-000002", "FIRST", 1, "NL", "STANDARD",
                2, LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 22), "REFUGEE_STATUS", LocalDate.of(2023, 6, 29), null, null, 2, 0,
                LocalDate.of(2023, 6, 29)));
    }
}
