package be.keten.server.seed;

import be.keten.io.reception.NetworkFile;
import be.keten.io.reference.ReferenceData;
import be.keten.server.KetenProperties;
import be.keten.server.statistics.StatisticsService;
import be.keten.server.statistics.StoreStatistics;
import be.keten.stats.StatisticsParameters;
import be.keten.stats.synth.Synthesizer;
import be.keten.store.EventStore;
import be.keten.store.ImportResult;
import be.keten.store.Importer;
import be.keten.store.NetworkStore;
import be.keten.store.Settings;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start on an empty store: synthetic 2022–2023 case histories built from the published
 * figures (the same generator as {@code keten synth}), imported through the rulebook, and the
 * example reception network. Runs in the background so the server answers at once; the dashboard
 * shows the progress, then labels every page as synthetic data ({@link Settings#DATASET}).
 */
@Component
@Order(1)
public class SyntheticSeed implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticSeed.class);
    /** Prefix of the {@link Settings#DATASET} value of synthetic data: {@code synthetic:FROM:TO:SEED}. */
    public static final String SYNTHETIC = "synthetic";

    public enum Phase { NOT_NEEDED, GENERATING, IMPORTING, COMPUTING_STATISTICS, DONE, FAILED }

    private final KetenProperties properties;
    private final EventStore store;
    private final Importer importer;
    private final NetworkStore network;
    private final Settings settings;
    private final StatisticsService statistics;
    private volatile Phase phase = Phase.NOT_NEEDED;
    private volatile String failure;

    public SyntheticSeed(KetenProperties properties, EventStore store, Importer importer, NetworkStore network, Settings settings,
                         StatisticsService statistics) {
        this.properties = properties;
        this.store = store;
        this.importer = importer;
        this.network = network;
        this.settings = settings;
        this.statistics = statistics;
    }

    public Phase phase() {
        return phase;
    }

    public String failure() {
        return failure;
    }

    /** Whether the store's data is still being loaded (pages say so instead of showing empty figures). */
    public boolean loading() {
        return phase == Phase.GENERATING || phase == Phase.IMPORTING || phase == Phase.COMPUTING_STATISTICS;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seed() || store.count() > 0) {
            return;
        }
        phase = Phase.GENERATING;
        Thread t = new Thread(this::load, "keten-seed");
        t.setDaemon(true);
        t.start();
    }

    /** Generates and imports the data; public for tests, which run it in the foreground. */
    public void load() {
        try {
            YearMonth from = YearMonth.parse(properties.seedFrom());
            YearMonth to = YearMonth.parse(properties.seedTo());
            long t0 = System.nanoTime();
            phase = Phase.GENERATING;
            Synthesizer.Result r = Synthesizer.run(ReferenceData.readBundled(), new Synthesizer.Options(from, to, properties.seedValue()));
            Path tmp = Files.createTempFile("keten-seed", ".ndjson");
            try {
                try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
                    r.write(w);
                }
                phase = Phase.IMPORTING;
                ImportResult imported = importer.projecting(StoreStatistics.forImport(store, StatisticsParameters.defaults(), Clock.systemUTC()))
                        .importFile(tmp);
                LOG.info("synthetic data {}..{} (seed {}): {} events of {} dossiers imported in {} s", from, to, properties.seedValue(),
                        imported.events(), imported.dossiers(), String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
            } finally {
                Files.deleteIfExists(tmp);
            }
            settings.put(Settings.DATASET, SYNTHETIC + ":" + from + ":" + to + ":" + properties.seedValue());
            if (network.load().facilities().isEmpty() && Files.isReadable(properties.network())) {
                network.replace(NetworkFile.read(properties.network()), "keten-server");
                LOG.info("reception network loaded from {}", properties.network());
            }
            phase = Phase.COMPUTING_STATISTICS;
            statistics.refresh();
            phase = Phase.DONE;
        } catch (Exception e) {
            failure = e.getMessage();
            phase = Phase.FAILED;
            LOG.error("loading the synthetic data failed: {}", e.getMessage());
        }
    }
}
