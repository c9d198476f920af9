package be.keten.app.reception;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.app.cli.KetenCli;
import be.keten.core.event.ChainEvent;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.reception.Allocation;
import be.keten.core.reception.Allocator;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.io.events.EventCodec;
import be.keten.io.events.EventReader;
import be.keten.io.reception.NetworkFile;
import be.keten.store.Database;
import be.keten.store.EventStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReceptionCommandTest {
    private static final Path SAMPLE = Path.of("..", "examples", "events", "sample-dossiers.ndjson");
    private static final Path NETWORK = Path.of("..", "examples", "reception", "network-2024.csv");
    private static final LocalDate DAY = LocalDate.of(2023, 6, 30);

    @TempDir
    Path dir;
    String db;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KetenCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db=" + db);
        int code = cl.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void store() {
        db = "jdbc:h2:file:" + dir.resolve("k");
        assertThat(run("events", "import", SAMPLE.toString()).code()).isZero();
    }

    @Test
    void withoutANetworkTheCommandsSaySoAndABadFileLoadsNothing() throws Exception {
        Run r = run("reception", "status", "--date", "2023-06-30");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("no reception network loaded");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, String.join(",", NetworkFile.COLUMNS) + "\nF-A,A,FEDASIL,COLLECTIVE,FLANDERS,2022-01-01,,-3,REGULAR,,\n");
        r = run("reception", "load", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.csv:2: field 'places': capacity cannot be negative (-3)");
        assertThat(run("reception", "status", "--date", "2023-06-30").code()).isEqualTo(4);
    }

    @Test
    void statusShowsCapacityOccupancyAndTheWaitingList() {
        assertThat(run("reception", "load", NETWORK.toString()).out()).startsWith("loaded 29 facilities");
        Run r = run("reception", "status", "--date", "2023-06-30");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Reception network on 2023-06-30: 36,205 places").contains("Fedasil").contains("waiting list: ");
    }

    @Test
    void theSameAllocationFromTheStoreAsFromTheEventsInMemory() throws Exception {
        run("reception", "load", NETWORK.toString());
        // In memory: the simulator's path — fold the events, then allocate.
        Map<be.keten.core.id.DossierId, DossierState> folded = new LinkedHashMap<>();
        try (EventReader r = EventReader.open(SAMPLE, new EventCodec())) {
            r.stream().map(n -> n.event()).filter(e -> !e.date().isAfter(DAY))
                    .forEach((ChainEvent e) -> folded.compute(e.dossier(), (id, s) -> Evolution.apply(s == null ? DossierState.empty(id) : s, e)));
        }
        Allocator allocator = Allocator.withDefaults(BelgianPolicies.book());
        Allocation inMemory = allocator.allocate(DAY, NetworkFile.read(NETWORK), new ArrayList<>(folded.values()));
        // From the store: the operations' path.
        try (Database d = Database.open(db)) {
            List<DossierState> stored = ReceptionCommand.statesOn(new EventStore(d, new EventCodec(), Clock.systemUTC()), DAY);
            assertThat(allocator.allocate(DAY, NetworkFile.read(NETWORK), stored)).isEqualTo(inMemory);
        }
        assertThat(inMemory.placements()).isNotEmpty();
    }

    @Test
    void allocatingOnAPastDayRecordsNothingAndSaysWhy() {
        run("reception", "load", NETWORK.toString());
        Run r = run("reception", "allocate", "--date", "2023-03-01", "--apply");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("nothing recorded:").contains("have events after 2023-03-01");
        Run again = run("reception", "allocate", "--date", "2023-03-01");
        assertThat(again.out()).isEqualTo(r.out());   // nothing changed
    }

    @Test
    void aClosureThatCannotMoveItsResidentsIsRefused() throws Exception {
        Path small = dir.resolve("small.csv");
        Files.writeString(small, String.join(",", NetworkFile.COLUMNS) + "\n"
                + "F-FED-ARRIVAL,Arrival,FEDASIL,FIRST_PHASE,BRUSSELS,2022-01-01,,5000,REGULAR,,\n"
                + "F-FED-COL-NL,Centre,FEDASIL,COLLECTIVE,FLANDERS,2022-01-01,,5000,REGULAR,,\n");
        run("reception", "load", small.toString());
        LocalDate day = LocalDate.of(2023, 6, 1);
        try (Database d = Database.open(db)) {
            List<DossierState> states = ReceptionCommand.statesOn(new EventStore(d, new EventCodec(), Clock.systemUTC()), day);
            assertThat(Allocator.occupancy(states).getOrDefault("F-FED-COL-NL", 0)).as("residents of the closing facility").isPositive();
        }
        // No other collective place exists in this network: the residents cannot be moved.
        Run r = run("reception", "close", "F-FED-COL-NL", "--date", day.toString(), "--apply");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("closure of F-FED-COL-NL on 2023-06-01 refused").contains("resident(s) cannot be moved");
        assertThat(r.out()).contains("no place  ").contains("no suitable place free");
        assertThat(run("reception", "status", "--date", "2023-06-01").out()).contains("10,000 places");
        Run missing = run("reception", "close", "F-NOPE", "--date", "2023-06-01");
        assertThat(missing.code()).isEqualTo(4);
    }
}
