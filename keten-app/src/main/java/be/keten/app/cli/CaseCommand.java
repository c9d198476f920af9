package be.keten.app.cli;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.person.Person;
import be.keten.core.rulebook.Deadline;
import be.keten.core.state.DossierState;
import be.keten.core.state.Stay;
import be.keten.store.AuditLog;
import be.keten.store.CaseService;
import be.keten.store.CaseView;
import be.keten.store.Database;
import be.keten.store.StoreException;
import be.keten.store.StoredEvent;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keten case}: one dossier. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "One dossier's case data (every read is audited).",
        subcommands = {CaseCommand.Show.class})
public final class CaseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"A dossier's current state, its persons (pseudonymous attributes only), its timeline and the deadlines"
                    + " pending. The read is written to the audit log first, with the OS user (or --as) as reader."})
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Parameters(index = "0", paramLabel = "ID", description = "Dossier id, e.g. D-2023-000001.")
        String id;

        @Option(names = "--as", paramLabel = "NAME", description = "Who reads, for the audit log (default: the OS user).")
        String actor;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            DossierId dossier;
            try {
                dossier = DossierId.of(id);
            } catch (IllegalArgumentException e) {
                err.println("keten: " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            try (Database d = Database.open(db.url())) {
                AuditLog audit = new AuditLog(d, Clock.systemUTC());
                Optional<CaseView> view = new CaseService(DbCommand.store(d), DbCommand.rulebook(), audit).read(dossier, DbCommand.actor(actor));
                if (view.isEmpty()) {
                    err.println("keten: no dossier " + dossier);
                    return ExitCode.NOT_FOUND;
                }
                print(spec.commandLine().getOut(), view.get());
                return ExitCode.OK;
            } catch (StoreException | IllegalArgumentException e) {
                return DbCommand.databaseError(spec, e);
            }
        }
    }

    static void print(PrintWriter out, CaseView view) {
        DossierState s = view.state();
        out.println("Dossier " + s.dossier() + "  (version " + s.version() + ", last event " + s.lastDate() + ")");
        List<String> procedure = new ArrayList<>();
        if (s.application() != null) {
            procedure.add("application " + s.application() + " (" + s.applicationType() + ", no. " + s.applications() + " of the dossier)");
        }
        if (s.languageRole() != null) {
            procedure.add("language role " + s.languageRole());
        }
        if (s.track() != null) {
            procedure.add("track " + s.track());
        }
        if (s.arrivedThrough() != null) {
            procedure.add("arrived through " + s.arrivedThrough());
        }
        if (s.suspension() != null) {
            procedure.add("suspended under " + s.suspension());
        }
        out.println("  state       " + s.state() + (procedure.isEmpty() ? "" : "; " + String.join(", ", procedure)));
        if (s.lastDecision() != null) {
            out.println("  decision    " + s.lastDecision() + " of " + s.decidedOn() + (s.notifiedOn() == null ? ", not notified" : ", notified " + s.notifiedOn())
                    + (s.heldStatus() == null ? "" : "; holds " + s.heldStatus() + " since " + s.protectedOn()));
        }
        out.println("  reception   entitlement " + (s.entitled() == null ? "not decided" : s.entitled() ? "granted" : "refused")
                + "; " + s.placedCount() + " placed, " + s.waitingCount() + " waiting"
                + (s.sponsoredCount() == 0 ? "" : ", " + s.sponsoredCount() + " in community sponsorship"));
        out.println("Persons (" + s.persons().size() + ")");
        for (Person p : s.persons()) {
            Stay stay = s.reception().get(p.id());
            out.printf("  %-20s %-9s %-6s born %d%s%s%n", p.id(), p.nationality(), p.sex(), p.yearOfBirth(),
                    p.declaredUnaccompaniedMinor() ? "  declared unaccompanied minor"
                            + (s.ageAssessments().containsKey(p.id()) ? " (assessed " + s.ageAssessments().get(p.id()) + ")" : "") : "",
                    stay == null ? "" : stay.placed() ? "  placed: " + stay.placeType() + " " + stay.facility() + " since " + stay.enteredOn()
                            : stay.sponsored() ? "  community sponsorship: " + stay.partner() + " since " + stay.enteredOn()
                                    + ", planned until " + stay.until()
                            : "  waiting since " + stay.enteredOn());
        }
        out.println("Timeline (" + view.timeline().size() + " events)");
        for (StoredEvent e : view.timeline()) {
            out.println(String.format("  v%-4d %s  %-28s %s", e.version(), e.date(), e.type(), details(e.event())).stripTrailing());
        }
        out.println("Deadlines");
        if (view.deadlines().isEmpty()) {
            out.println("  none pending");
        }
        for (Deadline d : view.deadlines()) {
            out.println("  " + d.date() + "  " + d.what() + " (" + d.basis() + ")");
        }
        out.flush();
    }

    /** The event's fields other than dossier and date, persons by their pseudonymous id only. */
    static String details(ChainEvent e) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent rc : e.getClass().getRecordComponents()) {
            if (rc.getName().equals("dossier") || rc.getName().equals("date")) {
                continue;
            }
            Object v;
            try {
                v = rc.getAccessor().invoke(e);
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
            if (v instanceof List<?> list) {
                v = list.stream().map(o -> o instanceof Person p ? p.id() : o).map(o -> o instanceof PersonId id ? id.value() : String.valueOf(o)).toList();
            }
            parts.add(rc.getName() + "=" + v);
        }
        return String.join(" ", parts);
    }
}
