package be.keten.server.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.calendar.Period;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.rulebook.Rulebook;
import be.keten.io.events.EventCodec;
import be.keten.stats.ChainStatistics;
import be.keten.stats.StatisticsCheckpoint;
import be.keten.stats.StatisticsParameters;
import be.keten.stats.report.AnnualReport;
import be.keten.stats.report.Language;
import be.keten.stats.report.MonthlyReport;
import be.keten.stats.report.ReportFormat;
import be.keten.stats.report.ReportWriter;
import be.keten.store.Checkpoints;
import be.keten.store.Engine;
import be.keten.store.EngineTest;
import be.keten.store.EventStore;
import be.keten.store.Importer;
import be.keten.store.LogPosition;
import be.keten.store.StoredEvent;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/** The statistics projection against a fold of the whole log, on both databases. */
class StoreStatisticsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC);
    private static final Path SAMPLE = Path.of("..", "examples", "events", "sample-dossiers.ndjson");
    private static final StatisticsParameters DEFAULTS = StatisticsParameters.defaults();

    @EngineTest
    void theProjectionFollowsTheLogAsItGrows(Engine engine) throws Exception {
        EventStore store = new EventStore(engine.open(), new EventCodec(), CLOCK);
        Importer importer = new Importer(store, new Rulebook(BelgianPolicies.book(), CLOCK));
        List<String> lines = Files.readAllLines(SAMPLE);
        int half = lines.size() / 2;   // dossiers cut in two: their later events come with the second import

        importer.importFrom(new StringReader(String.join("\n", lines.subList(0, half))), "first half");
        ChainStatistics first = StoreStatistics.load(store, DEFAULTS, CLOCK);
        assertThat(figures(first)).isEqualTo(figures(wholeLog(store)));
        assertThat(new Checkpoints(store, CLOCK).read(StoreStatistics.checkpointName(DEFAULTS))).get()
                .satisfies(c -> assertThat(c.position().through()).isEqualTo(store.count()));

        importer.importFrom(new StringReader(String.join("\n", lines.subList(half, lines.size()))), "second half");
        ChainStatistics second = StoreStatistics.load(store, DEFAULTS, CLOCK);
        assertThat(second.dossiers()).isEqualTo(wholeLog(store).dossiers());
        assertThat(figures(second)).isEqualTo(figures(wholeLog(store))).isNotEqualTo(figures(first));
        // Read again with nothing new: the same figures, straight from the checkpoint.
        assertThat(figures(StoreStatistics.load(store, DEFAULTS, CLOCK))).isEqualTo(figures(second));
    }

    /** An import keeps the projection current itself: its checkpoint holds the figures of the whole log, nothing left to fold. */
    @EngineTest
    void anImportKeepsTheProjectionCurrent(Engine engine) throws Exception {
        EventStore store = new EventStore(engine.open(), new EventCodec(), CLOCK);
        Importer importer = new Importer(store, new Rulebook(BelgianPolicies.book(), CLOCK));
        Checkpoints checkpoints = new Checkpoints(store, CLOCK);
        List<String> lines = Files.readAllLines(SAMPLE);
        int half = lines.size() / 2;
        for (List<String> part : List.of(lines.subList(0, half), lines.subList(half, lines.size()))) {
            importer.projecting(StoreStatistics.forImport(store, DEFAULTS, CLOCK)).importFrom(new StringReader(String.join("\n", part)), "part");
            Checkpoints.Checkpoint c = checkpoints.read(StoreStatistics.checkpointName(DEFAULTS)).orElseThrow();
            assertThat(c.position().through()).isEqualTo(store.count());
            assertThat(c.position().gaps()).isEmpty();
            assertThat(figures(StatisticsCheckpoint.read(c.payload(), DEFAULTS))).isEqualTo(figures(wholeLog(store)));
        }
    }

    @EngineTest
    void anUnreadableCheckpointIsSetAsideAndTheLogFoldedAgain(Engine engine) throws Exception {
        EventStore store = new EventStore(engine.open(), new EventCodec(), CLOCK);
        new Importer(store, new Rulebook(BelgianPolicies.book(), CLOCK)).importFile(SAMPLE);
        Checkpoints checkpoints = new Checkpoints(store, CLOCK);
        StoreStatistics.load(store, DEFAULTS, CLOCK);
        LogPosition at = checkpoints.read(StoreStatistics.checkpointName(DEFAULTS)).orElseThrow().position();
        checkpoints.write(StoreStatistics.checkpointName(DEFAULTS), at, at, "not a checkpoint".getBytes(StandardCharsets.UTF_8));
        assertThat(figures(StoreStatistics.load(store, DEFAULTS, CLOCK))).isEqualTo(figures(wholeLog(store)));
        // ... and replaced by a good one.
        byte[] payload = checkpoints.read(StoreStatistics.checkpointName(DEFAULTS)).orElseThrow().payload();
        assertThat(figures(StatisticsCheckpoint.read(payload, DEFAULTS))).isEqualTo(figures(wholeLog(store)));
    }

    private static ChainStatistics wholeLog(EventStore store) {
        ChainStatistics s = new ChainStatistics(DEFAULTS);
        try (Stream<StoredEvent> events = store.stream(null, null)) {
            events.forEach(e -> s.accept(e.event()));
        }
        return s;
    }

    /** The machine-readable monthly report of every month with data, and the annual report of every year. */
    private static String figures(ChainStatistics s) {
        StringBuilder b = new StringBuilder();
        Period coverage = s.coverage().orElseThrow();
        for (YearMonth m : coverage.months()) {
            b.append(json(MonthlyReport.of(s, m, LocalDate.of(2025, 6, 30))));
        }
        for (int y = coverage.from().getYear(); y <= coverage.to().getYear(); y++) {
            b.append(json(AnnualReport.of(s, y, LocalDate.of(2025, 6, 30))));
        }
        return b.toString();
    }

    private static String json(be.keten.stats.report.Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.write(report, ReportFormat.JSON, Language.EN, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
