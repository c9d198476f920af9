package be.keten.app.reception;

import be.keten.app.cli.DatabaseOption;
import be.keten.app.cli.DbCommand;
import be.keten.app.cli.ExitCode;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.ReceptionEvent.PlacedInFacility;
import be.keten.core.event.ReceptionEvent.TransferredBetweenFacilities;
import be.keten.core.id.DossierId;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.reception.Allocation;
import be.keten.core.reception.Allocator;
import be.keten.core.reception.Facility;
import be.keten.core.reception.Network;
import be.keten.core.reception.Operator;
import be.keten.core.reception.PlaceType;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.core.state.Stay;
import be.keten.io.reception.NetworkFile;
import be.keten.io.reception.NetworkFileException;
import be.keten.store.AuditLog;
import be.keten.store.CaseResult;
import be.keten.store.CaseService;
import be.keten.store.Database;
import be.keten.store.EventStore;
import be.keten.store.NetworkStore;
import be.keten.store.StoreException;
import be.keten.store.StoredEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keten reception}: the reception network, its occupancy and the allocation of places (GUIDE §6). */
@Command(name = "reception", mixinStandardHelpOptions = true, description = "The reception network: capacity, occupancy, allocation of places.",
        subcommands = {ReceptionCommand.Load.class, ReceptionCommand.Status.class, ReceptionCommand.Allocate.class, ReceptionCommand.Close.class,
                ReceptionCommand.Activate.class})
public final class ReceptionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Dossier states folded from the events dated up to and including {@code day}. */
    static List<DossierState> statesOn(EventStore store, LocalDate day) {
        Map<DossierId, DossierState> states = new LinkedHashMap<>();
        try (Stream<StoredEvent> events = store.stream(null, day)) {
            events.forEach(e -> states.compute(e.event().dossier(),
                    (id, before) -> Evolution.apply(before == null ? DossierState.empty(id) : before, e.event())));
        }
        return new ArrayList<>(states.values());
    }

    abstract static class WithStore implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--as", paramLabel = "NAME", description = "Who runs it, for the audit log (default: the OS user).")
        String actor;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        int fail(String message, int code) {
            spec.commandLine().getErr().println("keten: " + message);
            return code;
        }

        @Override
        public Integer call() {
            try (Database d = Database.open(db.url())) {
                return run(d, new NetworkStore(d, new AuditLog(d, Clock.systemUTC())));
            } catch (StoreException e) {
                return DbCommand.databaseError(spec, e);
            } catch (IllegalStateException e) {
                return fail(e.getMessage(), ExitCode.NOT_FOUND);
            }
        }

        abstract int run(Database d, NetworkStore networks);

        Network network(NetworkStore networks) {
            Network n = networks.load();
            if (n.facilities().isEmpty()) {
                throw new IllegalStateException("no reception network loaded: run 'keten reception load FILE' first "
                        + "(examples/reception/network-2024.csv is the end-2024 network)");
            }
            return n;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Load a network file (CSV: facility,name,operator,place_type,region,from,until,places,kind,active_from), replacing the "
                    + "stored network. All or nothing: the first bad row is reported with file, line and field.")
    static final class Load implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--as", paramLabel = "NAME", description = "Who loads it, for the audit log (default: the OS user).")
        String actor;

        @Parameters(paramLabel = "FILE", description = "The network file (CSV, UTF-8, with a header row).")
        Path file;

        @Override
        public Integer call() {
            Network n;
            try {
                n = NetworkFile.read(file);
            } catch (NetworkFileException e) {
                spec.commandLine().getErr().println("keten: " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            try (Database d = Database.open(db.url())) {
                new NetworkStore(d, new AuditLog(d, Clock.systemUTC())).replace(n, DbCommand.actor(actor));
            } catch (StoreException e) {
                return DbCommand.databaseError(spec, e);
            }
            spec.commandLine().getOut().println("loaded " + n.facilities().size() + " facilities, " + n.capacityOn(LocalDate.now()) + " places today");
            return ExitCode.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Capacity, occupancy and occupancy rate by place type and operator on a date; the waiting list and its oldest entry.")
    static final class Status extends WithStore {
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD",
                description = "The day to report on: the stored events dated on or before it count.")
        LocalDate date;

        @Override
        int run(Database d, NetworkStore networks) {
            Network n = network(networks);
            List<DossierState> states = statesOn(DbCommand.store(d), date);
            Map<String, Integer> occupied = Allocator.occupancy(states);
            Map<PlaceType, int[]> byType = new EnumMap<>(PlaceType.class);
            Map<Operator, int[]> byOperator = new EnumMap<>(Operator.class);
            int unknown = 0;
            for (Facility f : n.facilities()) {
                int o = occupied.getOrDefault(f.id(), 0);
                add(byType.computeIfAbsent(f.placeType(), k -> new int[2]), f.capacityOn(date), o);
                add(byOperator.computeIfAbsent(f.operator(), k -> new int[2]), f.capacityOn(date), o);
            }
            for (var e : occupied.entrySet()) {
                if (n.facility(e.getKey()).isEmpty()) {
                    unknown += e.getValue();
                }
            }
            PrintWriter o = out();
            int cap = n.capacityOn(date);
            int occ = occupied.values().stream().mapToInt(Integer::intValue).sum() - unknown;
            double threshold = BelgianPolicies.book().receptionPriority(date).saturationThreshold();
            o.printf(Locale.ROOT, "Reception network on %s: %,d places, %,d occupied (%s); saturation at %.0f%%%n", date, cap, occ, rate(occ, cap),
                    100 * threshold);
            o.println();
            o.printf("%-30s %10s %10s %8s%n", "place type", "capacity", "occupied", "rate");
            byType.forEach((t, v) -> o.printf("%-30s %,10d %,10d %8s%n", t, v[0], v[1], rate(v[1], v[0])));
            o.println();
            o.printf("%-34s %10s %10s %8s%n", "operator", "capacity", "occupied", "rate");
            byOperator.forEach((op, v) -> o.printf("%-34s %,10d %,10d %8s%n", op.published(), v[0], v[1], rate(v[1], v[0])));
            if (unknown > 0) {
                o.printf("%n%,d resident(s) are placed in facilities that are not in the loaded network%n", unknown);
            }
            long waiting = states.stream().flatMap(s -> s.reception().values().stream()).filter(Stay::waiting).count();
            LocalDate oldest = states.stream().flatMap(s -> s.reception().values().stream()).filter(Stay::waiting).map(Stay::enteredOn)
                    .min(LocalDate::compareTo).orElse(null);
            o.println();
            o.println("waiting list: " + waiting + " person(s)" + (oldest == null ? "" : ", oldest entry " + oldest));
            return ExitCode.OK;
        }

        private static void add(int[] v, int capacity, int occupied) {
            v[0] += capacity;
            v[1] += occupied;
        }

        private static String rate(int occupied, int capacity) {
            return capacity == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * occupied / capacity);
        }
    }

    @Command(name = "allocate", mixinStandardHelpOptions = true,
            description = "Propose places for everyone waiting on a date, each with its reason (priority group, saturation, place found); "
                    + "with --apply, record the placements and first-phase transfers through the rulebook.")
    static final class Allocate extends WithStore {
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD",
                description = "The day of the round, and of the placements and transfers it records.")
        LocalDate date;

        @Option(names = "--apply", description = "Record the proposals (otherwise they are only shown).")
        boolean apply;

        @Override
        int run(Database d, NetworkStore networks) {
            Network n = network(networks);
            EventStore store = DbCommand.store(d);
            List<DossierState> states = statesOn(store, date);
            Allocation a = Allocator.withDefaults(BelgianPolicies.book()).allocate(date, n, states);
            PrintWriter o = out();
            o.printf(Locale.ROOT, "Allocation on %s: %,d places, %,d occupied before, %,d after%n", date, a.capacity(), a.occupiedBefore(), a.occupiedAfter());
            a.transfers().forEach(t -> o.println("transfer  " + t.dossier() + " " + t.persons().size() + " person(s) " + t.from() + " -> " + t.facility()
                    + "  [" + t.reason() + "]"));
            a.placements().forEach(p -> o.println("place     " + p.dossier() + " " + p.persons().size() + " person(s) -> " + p.facility()
                    + "  [" + p.reason() + "]"));
            a.waiting().forEach(w -> o.println("wait      " + w.dossier() + " " + w.persons().size() + " person(s)  [" + w.reason() + "]"));
            o.printf("%d transfer(s), %d placement(s), %d household(s) waiting%n", a.transfers().size(), a.placements().size(), a.waiting().size());
            if (!apply) {
                return ExitCode.OK;
            }
            List<ChainEvent> events = new ArrayList<>();
            a.transfers().forEach(t -> events.add(new TransferredBetweenFacilities(t.dossier(), date, t.facility(), t.placeType(), t.persons())));
            a.placements().forEach(p -> events.add(new PlacedInFacility(p.dossier(), date, p.facility(), p.placeType(), p.persons(), p.reason())));
            return record(d, store, states, events, "allocate-" + date, spec.commandLine().getErr());
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Close a facility from a date. Its residents are moved to suitable free places; if some cannot be, the closure is "
                    + "refused and nothing changes. Without --apply, only shows what would happen.")
    static final class Close extends WithStore {
        @Parameters(paramLabel = "FACILITY", description = "The facility's identifier (the network file's facility column).")
        String facility;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "First day without places.")
        LocalDate date;

        @Option(names = "--apply", description = "Move the residents and close the facility (without it, the command only shows what would happen).")
        boolean apply;

        @Override
        int run(Database d, NetworkStore networks) {
            Network n = network(networks);
            if (n.facility(facility).isEmpty()) {
                return fail("no facility " + facility + " in the network", ExitCode.NOT_FOUND);
            }
            EventStore store = DbCommand.store(d);
            List<DossierState> states = statesOn(store, date);
            Allocator.Relocation r = Allocator.withDefaults(BelgianPolicies.book()).relocate(date, n, facility, states);
            r.transfers().forEach(t -> out().println("move      " + t.dossier() + " " + t.persons().size() + " person(s) -> " + t.facility()
                    + "  [" + t.reason() + "]"));
            if (!r.possible()) {
                r.unplaced().forEach(w -> out().println("no place  " + w.dossier() + "  [" + w.reason() + "]"));
                return fail("closure of " + facility + " on " + date + " refused: " + r.unplaced().stream().mapToInt(w -> w.persons().size()).sum()
                        + " resident(s) cannot be moved to a suitable free place", ExitCode.INVALID_INPUT);
            }
            if (!apply) {
                out().println("closure possible: " + r.transfers().size() + " household(s) to move (use --apply)");
                return ExitCode.OK;
            }
            List<ChainEvent> events = new ArrayList<>();
            r.transfers().forEach(t -> events.add(new TransferredBetweenFacilities(t.dossier(), date, t.facility(), t.placeType(), t.persons())));
            int code = record(d, store, states, events, "close-" + facility + "-" + date, spec.commandLine().getErr());
            if (code == ExitCode.OK) {
                networks.update(n.facility(facility).get().closedFrom(date), DbCommand.actor(actor), "facility-close");
                out().println("closed " + facility + " from " + date);
            }
            return code;
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Switch on a facility's dormant buffer places from a date.")
    static final class Activate extends WithStore {
        @Parameters(paramLabel = "FACILITY", description = "The facility's identifier (the network file's facility column).")
        String facility;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "The first day the buffer places count.")
        LocalDate from;

        @Override
        int run(Database d, NetworkStore networks) {
            Network n = network(networks);
            Facility f = n.facility(facility).orElse(null);
            if (f == null) {
                return fail("no facility " + facility + " in the network", ExitCode.NOT_FOUND);
            }
            Facility on;
            try {
                on = f.buffersActivatedFrom(from);
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage(), ExitCode.INVALID_INPUT);
            }
            networks.update(on, DbCommand.actor(actor), "buffer-activate");
            out().println(facility + ": " + f.capacityOn(from) + " -> " + on.capacityOn(from) + " places from " + from);
            return ExitCode.OK;
        }
    }

    /** Appends the events dossier by dossier through the rulebook, each with an idempotency key. */
    static int record(Database d, EventStore store, List<DossierState> states, List<ChainEvent> events, String keyPrefix, PrintWriter err) {
        Map<DossierId, List<ChainEvent>> byDossier = new LinkedHashMap<>();
        events.forEach(e -> byDossier.computeIfAbsent(e.dossier(), k -> new ArrayList<>()).add(e));
        Map<DossierId, Integer> versions = new HashMap<>();
        states.forEach(s -> versions.put(s.dossier(), s.version()));
        // Validated before any write: a dossier with events after the allocation day cannot take
        // placements dated on it, and a partial allocation would be worse than none.
        List<String> later = new ArrayList<>();
        for (DossierId id : byDossier.keySet()) {
            int now = store.version(id);
            if (now != versions.get(id)) {
                later.add(id + " (" + (now - versions.get(id)) + " later event(s))");
            }
        }
        if (!later.isEmpty()) {
            err.println("keten: nothing recorded: " + later.size() + " dossier(s) have events after " + events.get(0).date()
                    + ", so places cannot be recorded on that day; allocate on or after their last event: "
                    + String.join(", ", later.subList(0, Math.min(5, later.size()))) + (later.size() > 5 ? ", …" : ""));
            return ExitCode.CONFLICT;
        }
        CaseService cases = new CaseService(store, DbCommand.rulebook(), new AuditLog(d, Clock.systemUTC()));
        int refused = 0;
        for (var e : byDossier.entrySet()) {
            CaseResult r = cases.submit(new be.keten.store.Command(e.getKey(), e.getValue(), versions.get(e.getKey()), keyPrefix + "-" + e.getKey()));
            if (!(r instanceof CaseResult.Accepted)) {
                refused++;
                err.println("keten: " + e.getKey() + ": " + (r instanceof CaseResult.Rejected j ? j.rejection().message()
                        : r instanceof CaseResult.Conflict c ? "changed by another writer meanwhile (version " + c.expectedVersion() + " expected, "
                        + c.actualVersion() + " found); allocate again" : r));
            }
        }
        return refused == 0 ? ExitCode.OK : ExitCode.CONFLICT;
    }
}
