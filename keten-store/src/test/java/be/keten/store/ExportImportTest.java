package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.event.ChainEvent;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;

class ExportImportTest {

    @EngineTest
    void exportThenImportIntoAnEmptyStoreReproducesTheStore(Engine engine) throws Exception {
        Stack a = new Stack(engine.open());
        // Recorded command by command, dossiers interleaved, as operations would.
        a.record(Histories.interleaved(1, 40));
        String exported = a.export();
        assertThat(exported.lines().count()).isEqualTo(a.store.count());

        Stack b = new Stack(engine.open());
        ImportResult r = b.importer.importFrom(new StringReader(exported), "export.ndjson");

        assertThat(r.events()).isEqualTo(a.store.count());
        assertThat(b.rows()).containsExactlyElementsOf(a.rows());
        assertThat(b.projections.list("test")).containsExactlyElementsOf(a.projections.list("test"));
        assertThat(b.export()).isEqualTo(exported);
    }

    @EngineTest
    void theExportIsCanonicalWhateverTheImportedLayout(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        String handWritten = "{ \"date\": \"2023-02-01\", \"type\": \"ApplicationRegistered\", \"dossier\": \"D-2023-000001\","
                + " \"application\": \"A-2023-000001\", \"applicationType\": \"FIRST\", \"languageRole\": \"NL\", \"protectedInOtherEuState\": false,"
                + " \"persons\": [ { \"sex\": \"FEMALE\", \"id\": \"P-2023-000001-1\", \"nationality\": \"ER\", \"yearOfBirth\": 1991,"
                + " \"declaredUnaccompaniedMinor\": false } ] }\r\n\r\n";
        k.importer.importFrom(new StringReader(handWritten), "hand.ndjson");
        assertThat(k.export()).isEqualTo("{\"type\":\"ApplicationRegistered\",\"dossier\":\"D-2023-000001\",\"date\":\"2023-02-01\","
                + "\"application\":\"A-2023-000001\",\"applicationType\":\"FIRST\",\"persons\":[{\"id\":\"P-2023-000001-1\",\"nationality\":\"ER\","
                + "\"sex\":\"FEMALE\",\"yearOfBirth\":1991,\"declaredUnaccompaniedMinor\":false}],\"languageRole\":\"NL\",\"protectedInOtherEuState\":false}\n");
    }

    @EngineTest
    void exportsADateRangeInGlobalOrderAndAuditsIt(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        List<ChainEvent> events = Histories.interleaved(1, 30);
        k.importer.importFrom(new StringReader(k.ndjson(events)), "all.ndjson");
        LocalDate from = LocalDate.of(2023, 3, 1);
        LocalDate to = LocalDate.of(2023, 6, 30);

        StringWriter out = new StringWriter();
        long n = k.exporter.export(out, from, to, "statistician");

        List<String> expected = events.stream().filter(e -> !e.date().isBefore(from) && !e.date().isAfter(to)).map(Stack.CODEC::encode).toList();
        assertThat(out.toString().lines().toList()).containsExactlyElementsOf(expected);
        assertThat(n).isEqualTo(expected.size()).isEqualTo(k.store.count(from, to));
        try (var stream = k.store.stream(from, to)) {
            assertThat(stream.map(StoredEvent::payload).toList()).containsExactlyElementsOf(expected);
        }
        assertThat(k.audit.entries(AuditLog.ALL)).last().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("statistician");
            assertThat(entry.action()).isEqualTo("events.export");
            assertThat(entry.detail()).isEqualTo("from=2023-03-01 to=2023-06-30");
        });
    }
}
