package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.rulebook.Rule;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class ImportTest {
    private static final LocalDate START = LocalDate.of(2023, 2, 1);

    @TempDir
    Path dir;

    private static ImportException refused(Stack k, String ndjson) {
        try {
            k.importer.importFrom(new StringReader(ndjson), "events.ndjson");
        } catch (ImportException e) {
            return e;
        }
        throw new AssertionError("import accepted");
    }

    private static String line(ChainEvent e) {
        return Stack.CODEC.encode(e) + "\n";
    }

    @EngineTest
    void importsAFileValidatingEveryEventAndBuildsTheProjection(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        List<ChainEvent> events = Histories.interleaved(1, 60);
        Path file = dir.resolve("events.ndjson");
        Files.writeString(file, k.ndjson(events));

        ImportResult r = k.importer.importFile(file);

        assertThat(r.events()).isEqualTo(events.size());
        assertThat(r.dossiers()).isEqualTo(60);
        assertThat(k.store.count()).isEqualTo(events.size());
        List<ChainEvent> inOrder;
        try (var s = k.store.stream(null, null)) {
            inOrder = s.map(StoredEvent::event).toList();
        }
        assertThat(inOrder).containsExactlyElementsOf(events);
        assertThat(k.store.state(Histories.dossier(4)).state()).isEqualTo(ProcedureState.PROTECTED);
        assertThat(k.store.state(Histories.dossier(6)).state()).isEqualTo(ProcedureState.REJECTED_FINAL);
        assertThat(k.store.state(Histories.dossier(7)).state()).isEqualTo(ProcedureState.WITHDRAWN);
        assertThat(k.projections.list("test")).hasSize(60)
                .allSatisfy(row -> assertThat(row.version()).isEqualTo(k.store.version(row.dossier())));
    }

    @EngineTest
    void anInvalidThousandthLineStoresNothingAndNamesLine1000(Engine engine) {
        Stack k = new Stack(engine.open());
        k.record(Histories.of(9000));
        long before = k.store.count();
        List<ChainEvent> events = Histories.interleaved(1, 150);
        assertThat(events.size()).isGreaterThan(1100);
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 999; i++) {
            file.append(line(events.get(i)));
        }
        file.append(line(Histories.registration(9999, START, "AF")).replaceFirst("\"nationality\":\"AF\"", "\"nationality\":\"ZZ\""));
        for (int i = 999; i < 1100; i++) {
            file.append(line(events.get(i)));
        }

        ImportException e = refused(k, file.toString());

        assertThat(e.line()).isEqualTo(1000);
        assertThat(e.field()).isEqualTo("persons[0].nationality");
        assertThat(e.getMessage()).startsWith("events.ndjson:1000: field 'persons[0].nationality': unknown nationality code 'ZZ': expected an ISO 3166-1");
        assertThat(k.store.count()).isEqualTo(before);
        assertThat(k.projections.list("test")).extracting(DossierSummary::dossier).containsExactly(Histories.dossier(9000));
    }

    @EngineTest
    void malformedJson(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> h = Histories.toCgvs(1, START, "AF");
        ImportException e = refused(k, line(h.get(0)) + line(h.get(1)) + "{\"type\":\"DublinCheckStarted\",\"dossier\":\"D-2023-000001\",\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isNull();
        assertThat(e.getMessage()).startsWith("events.ndjson:3: malformed JSON at column ").contains("end-of-input");
        assertThat(k.store.count()).isZero();
    }

    @EngineTest
    void theFirstErrorInTheFileIsReportedEvenWhenALaterLineIsUnreadable(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> h = Histories.toCgvs(1, START, "AF");
        // Line 1 continues a dossier that does not exist (a rule error); line 2 is not JSON at all.
        ImportException e = refused(k, line(h.get(1)) + "not json\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.rule()).isNotNull();
        assertThat(e.getMessage()).startsWith("events.ndjson:1: ").contains("rejected in state NEW");
        assertThat(k.store.count()).isZero();
    }

    @EngineTest
    void importingTheSameFileAgainStoresNothingNewAndAnExtendedFileOnlyItsNewEvents(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        List<ChainEvent> h = Histories.toCgvs(1, START, "AF");
        String first = line(h.get(0)) + line(h.get(1)) + line(h.get(2));
        assertThat(k.importer.importFrom(new StringReader(first), "events.ndjson").events()).isEqualTo(3);
        ImportResult again = k.importer.importFrom(new StringReader(first), "events.ndjson");
        assertThat(again.events()).isZero();
        assertThat(again.skipped()).isEqualTo(3);
        assertThat(again.dossiers()).isZero();
        StringBuilder longer = new StringBuilder(first);
        for (int i = 3; i < h.size(); i++) {
            longer.append(line(h.get(i)));
        }
        ImportResult more = k.importer.importFrom(new StringReader(longer.toString()), "events.ndjson");
        assertThat(more.events()).isEqualTo(h.size() - 3);
        assertThat(more.skipped()).isEqualTo(3);
        assertThat(k.store.count()).isEqualTo(h.size());
    }

    @EngineTest
    void aFileThatRepeatsAStoredHistoryButDivergesFromItIsRefused(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        List<ChainEvent> h = Histories.toCgvs(1, START, "AF");
        k.importer.importFrom(new StringReader(line(h.get(0)) + line(h.get(1))), "events.ndjson");
        String changed = line(h.get(1)).replace(h.get(1).date().toString(), h.get(1).date().plusDays(1).toString());
        ImportException e = refused(k, line(h.get(0)) + changed);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("differs from stored event 2");
        assertThat(k.store.count()).isEqualTo(2);
    }

    @EngineTest
    void unknownEventType(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> h = Histories.toCgvs(1, START, "AF");
        ImportException e = refused(k, line(h.get(0)) + "\n" + line(h.get(1)).replace("ApplicationLodged", "ApplicationTeleported"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("events.ndjson:3: field 'type': unknown event type 'ApplicationTeleported'; known types: [ApplicationRegistered, ");
        assertThat(k.store.count()).isZero();
    }

    @EngineTest
    void unknownNationalityCode(Engine engine) {
        Stack k = new Stack(engine.open());
        String bad = line(Histories.registration(2, START, "AF")).replace("\"nationality\":\"AF\"", "\"nationality\":\"XX\"");
        ImportException e = refused(k, line(Histories.registration(1, START, "ER")) + bad);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("persons[0].nationality");
        assertThat(e.getMessage()).startsWith("events.ndjson:2: field 'persons[0].nationality': unknown nationality code 'XX'");
        assertThat(k.store.count()).isZero();
    }

    @EngineTest
    void aDateInTheFuture(Engine engine) {
        Stack k = new Stack(engine.open());
        ImportException e = refused(k, line(Histories.registration(1, START, "AF"))
                + line(new ApplicationLodged(Histories.dossier(1), LocalDate.of(2025, 7, 15))));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("date");
        assertThat(e.rule()).isEqualTo(Rule.NOT_IN_FUTURE);
        assertThat(e.getMessage()).isEqualTo("events.ndjson:2: field 'date': ApplicationLodged rejected in state REGISTERED: dated 2025-07-15,"
                + " after today (2025-06-30) [rule NOT_IN_FUTURE: an event cannot be dated after today]");
        assertThat(k.store.count()).isZero();
    }

    @EngineTest
    void outOfOrderEvents(Engine engine) {
        Stack k = new Stack(engine.open());
        List<ChainEvent> h = Histories.toCgvs(1, START, "AF");
        // Dated before the dossier's previous event.
        ImportException early = refused(k, line(h.get(0)) + line(h.get(1)) + line(h.get(2)) + line(h.get(3))
                + line(new ApplicationLodged(Histories.dossier(1), START.plusDays(5))).replace("ApplicationLodged", "TransferredToCgvs"));
        assertThat(early.line()).isEqualTo(5);
        assertThat(early.rule()).isEqualTo(Rule.CHRONOLOGY);
        assertThat(early.getMessage()).isEqualTo("events.ndjson:5: field 'date': TransferredToCgvs rejected in state DUBLIN_CHECK: dated "
                + START.plusDays(5) + ", before the dossier's last event of " + START.plusDays(20)
                + " [rule CHRONOLOGY: events of a dossier are recorded in date order]");
        // A step the procedure does not allow yet.
        ImportException step = refused(k, line(h.get(0)) + line(h.get(1))
                + line(new FinalDecisionTaken(Histories.dossier(1), START.plusDays(30), DecisionType.REFUSAL)));
        assertThat(step.line()).isEqualTo(3);
        assertThat(step.field()).isNull();
        assertThat(step.getMessage()).isEqualTo("events.ndjson:3: FinalDecisionTaken rejected in state LODGED: allowed only in"
                + " [CGVS_PENDING, INTERVIEWED] [rule TRANSITION: the procedure allows this step only in certain states (GUIDE §3.1)]");
        assertThat(k.store.count()).isZero();
    }

    @EngineTest
    void continuesDossiersAlreadyInTheStore(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        List<ChainEvent> five = Histories.of(5);
        List<ChainEvent> six = Histories.of(6);
        k.record(five.subList(0, 4));
        k.record(six.subList(0, 2));

        List<ChainEvent> rest = new ArrayList<>(five.subList(4, five.size()));
        rest.addAll(six.subList(2, six.size()));
        rest.addAll(Histories.of(8));
        ImportResult r = k.importer.importFrom(new StringReader(k.ndjson(rest)), "rest.ndjson");

        assertThat(r.events()).isEqualTo(rest.size());
        assertThat(r.dossiers()).isEqualTo(3);
        assertThat(k.store.load(Histories.dossier(5))).extracting(StoredEvent::event).containsExactlyElementsOf(five);
        assertThat(k.store.load(Histories.dossier(6))).extracting(StoredEvent::event).containsExactlyElementsOf(six);
        assertThat(k.projections.find(Histories.dossier(5), "test").orElseThrow().version()).isEqualTo(five.size());

        // Replaying a stored event is checked against the stored state, and refused.
        ImportException again = refused(k, line(five.get(1)));
        assertThat(again.getMessage()).startsWith("events.ndjson:1: field 'date': EntitlementDecided rejected in state PROTECTED: dated");
        assertThat(k.store.count()).isEqualTo(five.size() + six.size() + Histories.of(8).size());
    }

    @EngineTest
    void importsTensOfThousandsOfEventsInBatches(Engine engine) throws Exception {
        Stack k = new Stack(engine.open());
        List<ChainEvent> events = Histories.interleaved(1, 2500);
        Path file = dir.resolve("big.ndjson");
        Files.writeString(file, k.ndjson(events));
        ImportResult r = k.importer.importFile(file);
        assertThat(r.events()).isEqualTo(events.size()).isGreaterThan(20_000);
        assertThat(k.store.count()).isEqualTo(events.size());
        assertThat(k.projections.list("test")).hasSize(2500);
    }

    @EngineTest
    void aMissingFileIsAnIoError(Engine engine) {
        Stack k = new Stack(engine.open());
        assertThatThrownBy(() -> k.importer.importFile(dir.resolve("absent.ndjson"))).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
