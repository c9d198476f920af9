package be.keten.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.app.cli.DbCommand;
import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.io.events.EventCodec;
import be.keten.io.events.EventReader;
import be.keten.io.events.NumberedEvent;
import be.keten.store.Database;
import be.keten.store.Importer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code keten simulate --from-store} on an H2 store filled with examples/events/sample-dossiers.ndjson
 * (250 dossiers, 2022 to January 2025), starting on 1 January 2024 in the sample's reception network.
 */
class SimulateFromStoreTest {
    private static final Path SAMPLE = Path.of("../examples/events/sample-dossiers.ndjson");
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @TempDir
    static Path dir;
    private static String db;
    private static Path scenario;

    @BeforeAll
    static void store() throws Exception {
        db = "jdbc:h2:file:" + dir.resolve("k");
        try (Database d = Database.open(db)) {
            new Importer(DbCommand.store(d), DbCommand.rulebook()).importFile(SAMPLE);
        }
        String yaml = Files.readString(Path.of("../keten-sim/src/test/resources/scenarios/small.yaml"))
                .replace("start: 2025-01-01", "start: " + START).replace("horizon_months: 24", "horizon_months: 3")
                .replaceAll("(?s)  capacity_plan:.*?\n  request_share", "  network_file: "
                        + Path.of("../examples/reception/network-2024.csv").toAbsolutePath().normalize() + "\n  request_share");
        scenario = Files.writeString(dir.resolve("small-2024.yaml"), yaml);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run simulate(String... args) {
        CommandLine cl = new CommandLine(new SimulateCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    /** The sample folded independently of the command: every dossier's state on the eve of the start. */
    private static Map<DossierId, DossierState> eve() throws Exception {
        Map<DossierId, DossierState> m = new HashMap<>();
        try (EventReader r = EventReader.open(SAMPLE, new EventCodec())) {
            for (NumberedEvent n : (Iterable<NumberedEvent>) r.stream()::iterator) {
                ChainEvent e = n.event();
                if (e.date().isBefore(START)) {
                    m.put(e.dossier(), Evolution.apply(m.getOrDefault(e.dossier(), DossierState.empty(e.dossier())), e));
                }
            }
        }
        return m;
    }

    /** {@code series.csv}'s mean for an indicator in a month. */
    private static double series(Path out, String month, String indicator, String unit) throws Exception {
        String prefix = month + "," + indicator + "," + unit + ",";
        return Files.readAllLines(out.resolve("series.csv")).stream().filter(l -> l.startsWith(prefix)).map(l -> l.split(",")[3])
                .mapToDouble(Double::parseDouble).findFirst().orElseThrow(() -> new AssertionError("no " + prefix));
    }

    @Test
    void theFirstMonthStartsFromTheStoresStocks() throws Exception {
        Path out = dir.resolve("out");
        Run r = simulate("--scenario", scenario.toString(), "--from-store", "--db", db, "--replications", "1", "--seed", "3", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();

        List<DossierState> states = List.copyOf(eve().values());
        long cgvs = states.stream().filter(s -> s.state().atCgvs()).count();
        long rvv = states.stream().filter(s -> s.state() == ProcedureState.APPEAL_PENDING).count();
        long atDvz = states.stream().filter(s -> s.state().owner() == ProcedureState.Owner.DVZ).count();
        long placed = states.stream().mapToLong(DossierState::placedCount).sum();
        assertThat(cgvs).isPositive();
        assertThat(placed).isPositive();
        assertThat(r.err()).contains(String.format("%d at the CGVS, %d appeal(s) pending, %d person(s) placed", cgvs, rvv, placed))
                .contains("the scenario's initial: section is ignored").contains("stored event(s) dated on or after 2024-01-01 ignored");
        assertThat(r.out()).contains("written to");

        // January: the stocks of the eve plus the month's flows.
        double workload = series(out, "2024-01", "cgvs_workload", "dossiers");
        double decided = series(out, "2024-01", "cgvs_decisions", "dossiers");
        double applications = series(out, "2024-01", "applications", "persons");
        double judged = series(out, "2024-01", "rvv_judgments", "dossiers");
        assertThat(workload).isBetween(cgvs - decided, cgvs + atDvz + applications + judged);
        assertThat(series(out, "2024-01", "reception_occupancy", "persons")).isEqualTo(placed
                + series(out, "2024-01", "reception_in", "persons") - series(out, "2024-01", "reception_out", "persons"));
        assertThat(series(out, "2024-01", "rvv_pending", "dossiers")).isBetween(0.0, rvv + 1000.0);
        assertThat(Files.readString(out.resolve("report.html"))).contains("started from the event store");
    }

    @Test
    void sameSeedSameOutputWhateverTheThreads() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertThat(simulate("--scenario", scenario.toString(), "--from-store", "--db", db, "--replications", "3", "--seed", "9", "--threads", "1",
                "--out", a.toString()).code()).isZero();
        assertThat(simulate("--scenario", scenario.toString(), "--from-store", "--db", db, "--replications", "3", "--seed", "9", "--threads", "3",
                "--out", b.toString()).code()).isZero();
        assertThat(Files.readString(b.resolve("series.csv"))).isEqualTo(Files.readString(a.resolve("series.csv")));
        assertThat(Files.readString(b.resolve("summary.csv"))).isEqualTo(Files.readString(a.resolve("summary.csv")));
    }

    @Test
    void fluidModeTakesTheStoresStocksAndAnEmptyStoreIsRefused() throws Exception {
        Path out = dir.resolve("fluid");
        Run f = simulate("--scenario", scenario.toString(), "--from-store", "--db", db, "--fluid", "--out", out.toString());
        assertThat(f.code()).as(f.err()).isZero();
        assertThat(series(out, "2024-01", "cgvs_workload", "dossiers")).isPositive();

        Run empty = simulate("--scenario", scenario.toString(), "--from-store", "--db", "jdbc:h2:file:" + dir.resolve("empty"), "--out",
                dir.resolve("none").toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("no event dated before the scenario's start 2024-01-01");
        assertThat(dir.resolve("none")).doesNotExist();

        Run dbAlone = simulate("--scenario", scenario.toString(), "--db", db, "--out", dir.resolve("none").toString());
        assertThat(dbAlone.code()).isEqualTo(1);
        assertThat(dbAlone.err()).contains("--db is only read with --from-store");
    }
}
