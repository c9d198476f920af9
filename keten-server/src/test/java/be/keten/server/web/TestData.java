package be.keten.server.web;

import be.keten.io.reception.NetworkFile;
import be.keten.server.security.AccountService;
import be.keten.server.security.Role;
import be.keten.server.statistics.StatisticsService;
import be.keten.store.Actor;
import be.keten.store.EventStore;
import be.keten.store.Importer;
import be.keten.store.NetworkStore;
import be.keten.store.Settings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A small dataset for the page tests: the sample dossiers, the example network, and one account per role. */
final class TestData {
    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    static final Path SAMPLE = EXAMPLES.resolve("events/sample-dossiers.ndjson");
    static final Path NETWORK = EXAMPLES.resolve("reception/network-2024.csv");
    static final Path SCENARIOS = EXAMPLES.resolve("scenarios");

    private TestData() {
    }

    /** The server's folders, as absolute paths (the tests run in the module folder). */
    static void properties(DynamicPropertyRegistry r, String db) {
        r.add("keten.db", () -> "jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1");
        r.add("keten.seed", () -> "false");
        r.add("keten.scenarios", SCENARIOS::toString);
        r.add("keten.network", NETWORK::toString);
    }

    /** Loads the sample data once per store; marks it synthetic so the banner shows. */
    static void load(EventStore store, Importer importer, NetworkStore network, Settings settings, StatisticsService statistics) throws Exception {
        if (store.count() == 0) {
            importer.importFile(SAMPLE);
            network.replace(NetworkFile.read(NETWORK), "test");
            settings.put(Settings.DATASET, "synthetic:2022-01:2023-12:7");
        }
        statistics.refresh();
    }

    /** One account per role, name {@code web-<role>}, with its password. */
    static Map<Role, String> accounts(AccountService accounts) {
        Map<Role, String> out = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            String name = "web-" + r.code();
            if (accounts.list().stream().noneMatch(a -> a.username().equals(name))) {
                out.put(r, accounts.create(name, r, new Actor("test", "test")).password());
            }
        }
        return out;
    }
}
