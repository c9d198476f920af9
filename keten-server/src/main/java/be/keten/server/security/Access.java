package be.keten.server.security;

import be.keten.core.event.AppealEvent;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent;
import be.keten.core.event.EventTypes;
import be.keten.core.event.PathwayEvent;
import be.keten.core.event.ProcedureEvent;
import be.keten.core.event.ReceptionEvent;
import be.keten.core.event.ReturnEvent;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what: the one access table. Each agency issues only its own commands (the steps it
 * takes in the chain, GUIDE §1.1) and reads only the parts of a case its work needs; analysts see
 * aggregates and simulations, never case data; administrators manage accounts and read the audit
 * trail, never case data. docs/server.md prints this table; the tests walk it.
 */
public final class Access {
    /**
     * A command of the API: its name in {@code POST /api/cases/{dossier}/commands/{name}}, the
     * event it proposes to the rulebook, and the roles that may issue it.
     */
    public record CommandRight(String name, Class<? extends ChainEvent> event, Set<Role> roles) {
        public String eventType() {
            return event.getSimpleName();
        }
    }

    private static final Map<String, CommandRight> COMMANDS = new LinkedHashMap<>();

    static {
        // DVZ: registration and lodging, Dublin, transfer to the CGVS, orders to leave, forced return.
        command("register", ProcedureEvent.ApplicationRegistered.class, Role.DVZ);
        command("lodge", ProcedureEvent.ApplicationLodged.class, Role.DVZ);
        command("start-dublin-check", ProcedureEvent.DublinCheckStarted.class, Role.DVZ);
        command("decide-dublin", ProcedureEvent.DublinDecided.class, Role.DVZ);
        command("transfer", ProcedureEvent.TransferredToCgvs.class, Role.DVZ);
        command("assess-age", ProcedureEvent.AgeAssessed.class, Role.DVZ);
        command("issue-order-to-leave", ProcedureEvent.OrderToLeaveIssued.class, Role.DVZ);
        command("record-forced-return", ReturnEvent.ForcedReturn.class, Role.DVZ);
        // Withdrawal is recorded by whichever authority holds the file at the time.
        command("withdraw", ProcedureEvent.ApplicationWithdrawn.class, Role.DVZ, Role.CGVS);
        // CGVS: examination and first-instance decision.
        command("assign-track", ProcedureEvent.TrackAssigned.class, Role.CGVS);
        command("suspend", ProcedureEvent.ProcessingSuspended.class, Role.CGVS);
        command("resume", ProcedureEvent.ProcessingResumed.class, Role.CGVS);
        command("interview", ProcedureEvent.InterviewHeld.class, Role.CGVS);
        command("decide-interim", DecisionEvent.InterimDecisionTaken.class, Role.CGVS);
        command("decide", DecisionEvent.FinalDecisionTaken.class, Role.CGVS);
        command("notify", ProcedureEvent.DecisionNotified.class, Role.CGVS);
        command("end-status", DecisionEvent.StatusEnded.class, Role.CGVS);
        // A decision becomes final when no appeal is lodged in time (CGVS) or when the court has ruled (RvV).
        command("record-final", ProcedureEvent.DecisionBecameFinal.class, Role.CGVS, Role.RVV);
        // RvV: appeals and what the Council of State does with its judgments.
        command("appeal", AppealEvent.AppealLodged.class, Role.RVV);
        command("judge", AppealEvent.AppealJudged.class, Role.RVV);
        command("lodge-cassation", AppealEvent.CassationLodged.class, Role.RVV);
        command("decide-cassation", AppealEvent.CassationDecided.class, Role.RVV);
        // Fedasil: reception, arrivals through legal pathways, voluntary return.
        command("record-pathway-arrival", PathwayEvent.ArrivedThroughPathway.class, Role.FEDASIL);
        command("decide-entitlement", ReceptionEvent.EntitlementDecided.class, Role.FEDASIL);
        command("put-on-waiting-list", ReceptionEvent.PutOnWaitingList.class, Role.FEDASIL);
        command("allocate-place", ReceptionEvent.PlacedInFacility.class, Role.FEDASIL);
        command("transfer-place", ReceptionEvent.TransferredBetweenFacilities.class, Role.FEDASIL);
        command("assess-vulnerability", ReceptionEvent.VulnerabilityAssessed.class, Role.FEDASIL);
        command("start-sponsorship", ReceptionEvent.SponsorshipStarted.class, Role.FEDASIL);
        command("depart", ReceptionEvent.LeftReception.class, Role.FEDASIL);
        command("record-return", ReturnEvent.VoluntaryReturn.class, Role.FEDASIL);
        if (COMMANDS.size() != EventTypes.byName().size()) {
            throw new IllegalStateException("every event type needs exactly one command: " + COMMANDS.size() + " commands for "
                    + EventTypes.byName().size() + " event types");
        }
    }

    /** Roles that read case data (a case, its timeline, listings of dossiers). */
    public static final Set<Role> CASE_READERS = EnumSet.of(Role.DVZ, Role.CGVS, Role.RVV, Role.FEDASIL);
    /** Roles that read aggregates: indicators, official tables, reports, reception occupancy. */
    public static final Set<Role> AGGREGATE_READERS = EnumSet.allOf(Role.class);
    /** Roles that run simulations (planners and analysts of the agencies and the unit). */
    public static final Set<Role> SIMULATORS = EnumSet.of(Role.DVZ, Role.CGVS, Role.RVV, Role.FEDASIL, Role.ANALYST);
    /** Roles that read the audit trail and manage accounts. */
    public static final Set<Role> ADMINISTRATORS = EnumSet.of(Role.ADMIN);

    private Access() {
    }

    private static void command(String name, Class<? extends ChainEvent> event, Role first, Role... more) {
        COMMANDS.put(name, new CommandRight(name, event, EnumSet.of(first, more)));
    }

    /** Every command in the order of the chain. */
    public static List<CommandRight> commands() {
        return List.copyOf(COMMANDS.values());
    }

    public static Optional<CommandRight> command(String name) {
        return Optional.ofNullable(COMMANDS.get(name));
    }

    /**
     * Whether {@code role} sees this event of a case's timeline: the DVZ follows the whole case
     * (it registers it and carries out returns); the CGVS and the RvV the procedure, decisions and
     * appeals (the CGVS also legal pathways, whose applicants it examines); Fedasil the procedure
     * steps and decisions that end or keep entitlement, reception, pathways and returns.
     */
    public static boolean sees(Role role, ChainEvent event) {
        switch (role) {
            case DVZ:
                return true;
            case CGVS:
                return event instanceof ProcedureEvent || event instanceof DecisionEvent || event instanceof AppealEvent
                        || event instanceof PathwayEvent;
            case RVV:
                return event instanceof ProcedureEvent || event instanceof DecisionEvent || event instanceof AppealEvent;
            case FEDASIL:
                return event instanceof ProcedureEvent || event instanceof DecisionEvent || event instanceof ReceptionEvent
                        || event instanceof PathwayEvent || event instanceof ReturnEvent;
            default:
                return false;
        }
    }
}
