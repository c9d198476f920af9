package be.keten.core.rulebook;

import static be.keten.core.procedure.ProcedureState.*;

import be.keten.core.event.AppealEvent.AppealJudged;
import be.keten.core.event.AppealEvent.AppealLodged;
import be.keten.core.event.AppealEvent.CassationDecided;
import be.keten.core.event.AppealEvent.CassationLodged;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.event.DecisionEvent.InterimDecisionTaken;
import be.keten.core.event.DecisionEvent.StatusEnded;
import be.keten.core.event.EventTypes;
import be.keten.core.event.PathwayEvent.ArrivedThroughPathway;
import be.keten.core.event.ProcedureEvent.AgeAssessed;
import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ProcedureEvent.ApplicationWithdrawn;
import be.keten.core.event.ProcedureEvent.DecisionBecameFinal;
import be.keten.core.event.ProcedureEvent.DecisionNotified;
import be.keten.core.event.ProcedureEvent.DublinCheckStarted;
import be.keten.core.event.ProcedureEvent.DublinDecided;
import be.keten.core.event.ProcedureEvent.InterviewHeld;
import be.keten.core.event.ProcedureEvent.OrderToLeaveIssued;
import be.keten.core.event.ProcedureEvent.ProcessingResumed;
import be.keten.core.event.ProcedureEvent.ProcessingSuspended;
import be.keten.core.event.ProcedureEvent.TrackAssigned;
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.event.ReceptionEvent;
import be.keten.core.event.ReturnEvent;
import be.keten.core.procedure.ProcedureState;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The state machine of GUIDE §3.1 as a table: for each event type, the states it may occur in.
 * Conditions beyond the state (dates, policies, persons) are the rulebook's other rules.
 */
public final class Transitions {
    /** States in which the household is still in Belgium with a file: reception and age assessment apply. */
    private static final Set<ProcedureState> LIVE = EnumSet.complementOf(EnumSet.of(NEW, RETURNED));

    private static final Map<Class<? extends ChainEvent>, Set<ProcedureState>> FROM = new HashMap<>();

    /** Steps whose state condition has a rule of its own, cited instead of the generic TRANSITION. */
    private static final Map<Class<? extends ChainEvent>, Rule> RULE = Map.of(
            ApplicationWithdrawn.class, Rule.WITHDRAWAL_BEFORE_CGVS,
            StatusEnded.class, Rule.STATUS_END_NEEDS_STATUS,
            OrderToLeaveIssued.class, Rule.ORDER_TO_LEAVE_STATE);

    static {
        FROM.put(ArrivedThroughPathway.class, EnumSet.of(NEW));
        FROM.put(ApplicationRegistered.class, EnumSet.of(NEW, ARRIVED, REJECTED_FINAL, STATUS_ENDED, WITHDRAWN, RETURNED));
        FROM.put(ApplicationLodged.class, EnumSet.of(REGISTERED));
        FROM.put(DublinCheckStarted.class, EnumSet.of(LODGED));
        FROM.put(DublinDecided.class, EnumSet.of(DUBLIN_CHECK));
        FROM.put(TransferredToCgvs.class, EnumSet.of(LODGED, DUBLIN_CHECK));
        FROM.put(TrackAssigned.class, EnumSet.of(CGVS_PENDING, INTERVIEWED));
        FROM.put(ProcessingSuspended.class, EnumSet.of(CGVS_PENDING, INTERVIEWED));
        FROM.put(ProcessingResumed.class, EnumSet.of(SUSPENDED));
        FROM.put(InterviewHeld.class, EnumSet.of(CGVS_PENDING, INTERVIEWED));
        FROM.put(InterimDecisionTaken.class, EnumSet.of(CGVS_PENDING, INTERVIEWED));
        FROM.put(FinalDecisionTaken.class, EnumSet.of(CGVS_PENDING, INTERVIEWED));
        FROM.put(DecisionNotified.class, EnumSet.of(DECIDED));
        FROM.put(DecisionBecameFinal.class, EnumSet.of(NOTIFIED_NEGATIVE));
        FROM.put(AppealLodged.class, EnumSet.of(NOTIFIED_NEGATIVE, PROTECTED));
        FROM.put(AppealJudged.class, EnumSet.of(APPEAL_PENDING));
        FROM.put(CassationLodged.class, EnumSet.of(REJECTED_FINAL));
        FROM.put(CassationDecided.class, EnumSet.of(CASSATION_PENDING));
        FROM.put(StatusEnded.class, EnumSet.of(PROTECTED));
        FROM.put(ApplicationWithdrawn.class, EnumSet.of(REGISTERED, LODGED, DUBLIN_CHECK));
        FROM.put(OrderToLeaveIssued.class, EnumSet.of(NOTIFIED_NEGATIVE, APPEAL_PENDING, CASSATION_PENDING, REJECTED_FINAL,
                DUBLIN_TRANSFER, STATUS_ENDED, WITHDRAWN));
        FROM.put(AgeAssessed.class, LIVE);
        for (Class<? extends ChainEvent> c : EventTypes.byName().values()) {
            if (ReceptionEvent.class.isAssignableFrom(c) || ReturnEvent.class.isAssignableFrom(c)) {
                FROM.put(c, LIVE);
            }
        }
        for (Class<? extends ChainEvent> c : EventTypes.byName().values()) {
            if (!FROM.containsKey(c)) {
                throw new ExceptionInInitializerError("no transition row for " + c.getSimpleName());
            }
        }
    }

    private Transitions() {
    }

    /** The rule a refusal of this step in a wrong state cites. */
    public static Rule ruleFor(Class<? extends ChainEvent> type) {
        return RULE.getOrDefault(type, Rule.TRANSITION);
    }

    /** The states in which an event of this type may be recorded. */
    public static Set<ProcedureState> allowedFrom(Class<? extends ChainEvent> type) {
        return FROM.get(type);
    }
}
