package be.keten.core.state;

import be.keten.core.appeal.CassationOutcome;
import be.keten.core.event.AppealEvent.AppealJudged;
import be.keten.core.event.AppealEvent.AppealLodged;
import be.keten.core.event.AppealEvent.CassationDecided;
import be.keten.core.event.AppealEvent.CassationLodged;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.event.DecisionEvent.InterimDecisionTaken;
import be.keten.core.event.DecisionEvent.StatusEnded;
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
import be.keten.core.event.ReceptionEvent.EntitlementDecided;
import be.keten.core.event.ReceptionEvent.LeftReception;
import be.keten.core.event.ReceptionEvent.PlacedInFacility;
import be.keten.core.event.ReceptionEvent.PutOnWaitingList;
import be.keten.core.event.ReceptionEvent.SponsorshipStarted;
import be.keten.core.event.ReceptionEvent.TransferredBetweenFacilities;
import be.keten.core.event.ReceptionEvent.VulnerabilityAssessed;
import be.keten.core.event.ReturnEvent.ForcedReturn;
import be.keten.core.event.ReturnEvent.VoluntaryReturn;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.AgeAssessment;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Person;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.procedure.Track;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds events into a {@link DossierState}. It trusts its input: validation is the rulebook's job,
 * and replaying stored events (which the rulebook accepted once) must not depend on today's rules.
 */
public final class Evolution {
    private Evolution() {
    }

    public static DossierState fold(DossierId dossier, List<? extends ChainEvent> events) {
        DossierState s = DossierState.empty(dossier);
        for (ChainEvent e : events) {
            s = apply(s, e);
        }
        return s;
    }

    public static DossierState apply(DossierState state, ChainEvent event) {
        Draft d = new Draft(state);
        d.version++;
        d.lastDate = event.date();
        LocalDate day = event.date();
        if (event instanceof ArrivedThroughPathway e) {
            d.state = ProcedureState.ARRIVED;
            d.persons = e.persons();
            d.arrivedThrough = e.channel();
        } else if (event instanceof ApplicationRegistered e) {
            d.startApplication(e);
        } else if (event instanceof ApplicationLodged) {
            d.state = ProcedureState.LODGED;
        } else if (event instanceof DublinCheckStarted) {
            d.state = ProcedureState.DUBLIN_CHECK;
        } else if (event instanceof DublinDecided e) {
            d.dublinOutcome = e.outcome();
            if (e.outcome() == DublinOutcome.TRANSFER_TO_OTHER_STATE) {
                d.state = ProcedureState.DUBLIN_TRANSFER;
            }
        } else if (event instanceof TransferredToCgvs) {
            d.state = ProcedureState.CGVS_PENDING;
            d.transferredOn = day;
            d.track = Track.STANDARD;
        } else if (event instanceof TrackAssigned e) {
            d.track = e.track();
        } else if (event instanceof ProcessingSuspended e) {
            d.suspendedFrom = d.state;
            d.suspension = e.policy();
            d.state = ProcedureState.SUSPENDED;
        } else if (event instanceof ProcessingResumed) {
            d.state = d.suspendedFrom;
            d.suspendedFrom = null;
            d.suspension = null;
        } else if (event instanceof InterviewHeld) {
            d.state = ProcedureState.INTERVIEWED;
            d.interviewed = true;
        } else if (event instanceof InterimDecisionTaken e) {
            d.decide(e.decisionType(), day);
            d.state = ProcedureState.CGVS_PENDING;
            d.admissibilityDecided |= e.decisionType() == DecisionType.ADMISSIBLE_SUBSEQUENT;
        } else if (event instanceof FinalDecisionTaken e) {
            d.decide(e.decisionType(), day);
            d.state = ProcedureState.DECIDED;
        } else if (event instanceof StatusEnded e) {
            d.decide(e.decisionType(), day);
            d.state = ProcedureState.STATUS_ENDED;
            d.heldStatus = null;
        } else if (event instanceof DecisionNotified) {
            d.notifiedOn = day;
            if (d.lastDecision.isPositive()) {
                d.protect(d.lastDecision, day);
            } else {
                d.state = ProcedureState.NOTIFIED_NEGATIVE;
            }
        } else if (event instanceof DecisionBecameFinal) {
            d.rejectFinally(day);
        } else if (event instanceof OrderToLeaveIssued e) {
            d.orderToLeaveExpiresOn = day.plusDays(e.daysToLeave());
        } else if (event instanceof ApplicationWithdrawn) {
            d.state = ProcedureState.WITHDRAWN;
        } else if (event instanceof AgeAssessed e) {
            Map<PersonId, AgeAssessment> m = new HashMap<>(d.ageAssessments);
            m.put(e.person(), e.outcome());
            d.ageAssessments = m;
        } else if (event instanceof AppealLodged) {
            d.state = ProcedureState.APPEAL_PENDING;
        } else if (event instanceof AppealJudged e) {
            d.judgedOn = day;
            switch (e.outcome()) {
                case REJECT -> {
                    if (d.heldStatus != null) {
                        d.state = ProcedureState.PROTECTED;
                    } else {
                        d.rejectFinally(day);
                    }
                }
                case ANNUL -> {
                    d.state = ProcedureState.CGVS_PENDING;
                    d.interviewed = false;
                }
                case GRANT_REFUGEE_STATUS -> d.protect(DecisionType.REFUGEE_STATUS, day);
                case GRANT_SUBSIDIARY_PROTECTION -> d.protect(DecisionType.SUBSIDIARY_PROTECTION, day);
            }
        } else if (event instanceof CassationLodged) {
            d.state = ProcedureState.CASSATION_PENDING;
        } else if (event instanceof CassationDecided e) {
            if (e.outcome() == CassationOutcome.QUASHED) {
                d.state = ProcedureState.APPEAL_PENDING;
                d.finalNegativeOn = null;
            } else {
                d.state = ProcedureState.REJECTED_FINAL;
            }
        } else if (event instanceof EntitlementDecided e) {
            d.entitled = e.entitled();
        } else if (event instanceof PutOnWaitingList e) {
            d.stay(e.persons(), Stay.waiting(day));
        } else if (event instanceof PlacedInFacility e) {
            // Entering the network is the placement day, also for someone who waited on the list.
            d.stay(e.persons(), Stay.placed(e.facility(), e.placeType(), day));
        } else if (event instanceof TransferredBetweenFacilities e) {
            for (int i = 0; i < e.persons().size(); i++) {
                PersonId p = e.persons().get(i);
                d.reception = d.reception.with(p, Stay.placed(e.facility(), e.placeType(), d.reception.get(p).enteredOn()));
            }
        } else if (event instanceof VulnerabilityAssessed e) {
            Set<PersonId> v = new HashSet<>(d.vulnerable);
            if (e.vulnerable()) {
                v.addAll(e.persons());
            } else {
                v.removeAll(e.persons());
            }
            d.vulnerable = v;
        } else if (event instanceof SponsorshipStarted e) {
            // Received outside the network from the start day; a network place or waiting-list entry ends with it.
            d.stay(e.persons(), Stay.sponsored(e.partner(), day, e.until()));
        } else if (event instanceof LeftReception e) {
            for (int i = 0; i < e.persons().size(); i++) {
                d.reception = d.reception.without(e.persons().get(i));
            }
        } else if (event instanceof VoluntaryReturn) {
            d.state = ProcedureState.RETURNED;
        } else if (event instanceof ForcedReturn) {
            d.state = ProcedureState.RETURNED;
        } else {
            throw new IllegalStateException("unhandled event type " + event.type());
        }

        return d.build();
    }

    /** Mutable copy of a state, for the duration of one event. */
    private static final class Draft {
        final DossierId dossier;
        int version;
        LocalDate lastDate;
        ProcedureState state;
        List<Person> persons;
        LanguageRole languageRole;
        boolean protectedInOtherEuState;
        Map<PersonId, AgeAssessment> ageAssessments;
        PathwayChannel arrivedThrough;
        int applications;
        ApplicationId application;
        ApplicationType applicationType;
        LocalDate registeredOn;
        DublinOutcome dublinOutcome;
        LocalDate transferredOn;
        Track track;
        boolean interviewed;
        boolean admissibilityDecided;
        ProcedureState suspendedFrom;
        String suspension;
        DecisionType lastDecision;
        LocalDate decidedOn;
        LocalDate notifiedOn;
        LocalDate judgedOn;
        DecisionType heldStatus;
        LocalDate protectedOn;
        LocalDate finalNegativeOn;
        LocalDate orderToLeaveExpiresOn;
        Boolean entitled;
        // Changed only by the events that change it: most events leave reception alone, and then
        // the state keeps the very same map, which tells its readers that reception did not change.
        Stays reception;
        Set<PersonId> vulnerable;

        Draft(DossierState s) {
            dossier = s.dossier();
            version = s.version();
            lastDate = s.lastDate();
            state = s.state();
            persons = s.persons();
            languageRole = s.languageRole();
            protectedInOtherEuState = s.protectedInOtherEuState();
            ageAssessments = s.ageAssessments();
            arrivedThrough = s.arrivedThrough();
            applications = s.applications();
            application = s.application();
            applicationType = s.applicationType();
            registeredOn = s.registeredOn();
            dublinOutcome = s.dublinOutcome();
            transferredOn = s.transferredOn();
            track = s.track();
            interviewed = s.interviewed();
            admissibilityDecided = s.admissibilityDecided();
            suspendedFrom = s.suspendedFrom();
            suspension = s.suspension();
            lastDecision = s.lastDecision();
            decidedOn = s.decidedOn();
            notifiedOn = s.notifiedOn();
            judgedOn = s.judgedOn();
            heldStatus = s.heldStatus();
            protectedOn = s.protectedOn();
            finalNegativeOn = s.finalNegativeOn();
            orderToLeaveExpiresOn = s.orderToLeaveExpiresOn();
            entitled = s.entitled();
            reception = (Stays) s.reception();   // a state's stays are always a Stays (its constructor makes them one)
            vulnerable = s.vulnerable();
        }

        /** A new application resets everything about the previous one; the household and reception carry over. */
        void startApplication(ApplicationRegistered e) {
            state = ProcedureState.REGISTERED;
            persons = e.persons();
            languageRole = e.languageRole();
            protectedInOtherEuState = e.protectedInOtherEuState();
            applications++;
            application = e.application();
            applicationType = e.applicationType();
            registeredOn = e.date();
            dublinOutcome = null;
            transferredOn = null;
            track = null;
            interviewed = false;
            admissibilityDecided = false;
            suspendedFrom = null;
            suspension = null;
            lastDecision = null;
            decidedOn = null;
            notifiedOn = null;
            judgedOn = null;
            heldStatus = null;
            protectedOn = null;
            finalNegativeOn = null;
            orderToLeaveExpiresOn = null;
        }

        void decide(DecisionType type, LocalDate day) {
            lastDecision = type;
            decidedOn = day;
            notifiedOn = null;
        }

        void protect(DecisionType status, LocalDate day) {
            state = ProcedureState.PROTECTED;
            if (heldStatus == null) {
                protectedOn = day;
            }
            heldStatus = status;
        }

        void rejectFinally(LocalDate day) {
            state = ProcedureState.REJECTED_FINAL;
            finalNegativeOn = day;
        }

        /** The same stay for each person (stays are immutable, so one serves all). Loops: per reception event. */
        void stay(List<PersonId> ids, Stay stay) {
            for (int i = 0; i < ids.size(); i++) {
                reception = reception.with(ids.get(i), stay);
            }
        }

        DossierState build() {
            return new DossierState(dossier, version, lastDate, state, persons, languageRole, protectedInOtherEuState, ageAssessments,
                    arrivedThrough, applications, application, applicationType, registeredOn, dublinOutcome, transferredOn, track,
                    interviewed, admissibilityDecided, suspendedFrom, suspension, lastDecision, decidedOn, notifiedOn, judgedOn,
                    heldStatus, protectedOn, finalNegativeOn, orderToLeaveExpiresOn, entitled, reception, vulnerable);
        }
    }
}
