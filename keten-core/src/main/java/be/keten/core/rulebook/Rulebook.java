package be.keten.core.rulebook;

import be.keten.core.calendar.BelgianCalendar;
import be.keten.core.event.AppealEvent.AppealLodged;
import be.keten.core.event.AppealEvent.CassationLodged;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.event.DecisionEvent.InterimDecisionTaken;
import be.keten.core.event.PathwayEvent.ArrivedThroughPathway;
import be.keten.core.event.ProcedureEvent.AgeAssessed;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ProcedureEvent.DecisionBecameFinal;
import be.keten.core.event.ProcedureEvent.DecisionNotified;
import be.keten.core.event.ProcedureEvent.DublinCheckStarted;
import be.keten.core.event.ProcedureEvent.DublinDecided;
import be.keten.core.event.ProcedureEvent.InterviewHeld;
import be.keten.core.event.ProcedureEvent.ProcessingResumed;
import be.keten.core.event.ProcedureEvent.ProcessingSuspended;
import be.keten.core.event.ProcedureEvent.TrackAssigned;
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.event.ReceptionEvent;
import be.keten.core.event.ReceptionEvent.EntitlementDecided;
import be.keten.core.event.ReceptionEvent.LeftReception;
import be.keten.core.event.ReceptionEvent.PlacedInFacility;
import be.keten.core.event.ReceptionEvent.PutOnWaitingList;
import be.keten.core.event.ReceptionEvent.SponsorshipStarted;
import be.keten.core.event.ReceptionEvent.TransferredBetweenFacilities;
import be.keten.core.event.ReturnEvent;
import be.keten.core.event.ReturnEvent.ForcedReturn;
import be.keten.core.id.PersonId;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.Person;
import be.keten.core.policy.Policy;
import be.keten.core.policy.PolicyBook;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.procedure.Track;
import be.keten.core.reception.LeaveReason;
import be.keten.core.returns.ForcedReturnKind;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.core.state.Stay;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The chain's rules: given a dossier's state and a proposed event, accept it (and return the new
 * state) or reject it naming the rule. Operations and simulation use this same class; the clock
 * is the wall clock in one and the simulated clock in the other.
 */
public final class Rulebook {
    private final PolicyBook policies;
    private final BelgianCalendar calendar;
    private final Clock clock;

    public Rulebook(PolicyBook policies, Clock clock) {
        this.policies = Objects.requireNonNull(policies);
        this.calendar = BelgianCalendar.get();
        this.clock = Objects.requireNonNull(clock);
    }

    public PolicyBook policies() {
        return policies;
    }

    public BelgianCalendar calendar() {
        return calendar;
    }

    public Verdict decide(DossierState state, ChainEvent event) {
        Optional<Rejection> r = check(state, event);
        return r.<Verdict>map(Verdict.Rejected::new).orElseGet(() -> new Verdict.Accepted(Evolution.apply(state, event)));
    }

    /** The first rule the event breaks in this state, if any. */
    public Optional<Rejection> check(DossierState s, ChainEvent e) {
        Checker c = new Checker(s, e);
        if (!e.dossier().equals(s.dossier())) {
            return c.fail(Rule.SAME_DOSSIER, "dossier", "the event names dossier " + e.dossier() + " but was applied to " + s.dossier());
        }
        if (!Transitions.allowedFrom(e.getClass()).contains(s.state())) {
            return c.fail(Transitions.ruleFor(e.getClass()), null, "allowed only in " + Transitions.allowedFrom(e.getClass()));
        }
        if (s.lastDate() != null && e.date().isBefore(s.lastDate())) {
            return c.fail(Rule.CHRONOLOGY, "date", "dated " + e.date() + ", before the dossier's last event of " + s.lastDate());
        }
        LocalDate today = LocalDate.now(clock);
        if (e.date().isAfter(today)) {
            return c.fail(Rule.NOT_IN_FUTURE, "date", "dated " + e.date() + ", after today (" + today + ")");
        }
        return specific(c, s, e);
    }

    private Optional<Rejection> specific(Checker c, DossierState s, ChainEvent event) {
        if (event instanceof ArrivedThroughPathway) {
            return Optional.empty();
        } else if (event instanceof ApplicationRegistered e) {
            return registration(c, s, e);
        } else if (event instanceof DublinCheckStarted) {
            return c.failIf(s.protectedInOtherEuState(), Rule.OUTSIDE_DUBLIN, null, "the applicant is protected in another EU state");
        } else if (event instanceof DublinDecided) {
            return c.failIf(s.dublinOutcome() != null, Rule.DUBLIN_DECIDED_ONCE, "outcome", "already decided: " + s.dublinOutcome());
        } else if (event instanceof TransferredToCgvs) {
            return transfer(c, s);
        } else if (event instanceof TrackAssigned e) {
            return track(c, s, e.track());
        } else if (event instanceof ProcessingSuspended e) {
            return suspension(c, s, e);
        } else if (event instanceof ProcessingResumed e) {
            return processingFree(c, s, e.date());
        } else if (event instanceof InterviewHeld e) {
            return processingFree(c, s, e.date());
        } else if (event instanceof InterimDecisionTaken e) {
            return processingFree(c, s, e.date()).or(() -> interim(c, s, e.decisionType()));
        } else if (event instanceof FinalDecisionTaken e) {
            return processingFree(c, s, e.date()).or(() -> finalDecision(c, s, e));
        } else if (event instanceof DecisionNotified e) {
            return policies.notificationSuspension(s.nationality(), s.protectedInOtherEuState(), s.lastDecision(), e.date())
                    .flatMap(p -> c.fail(Rule.NOTIFICATION_SUSPENDED, null, s.lastDecision() + " for " + s.nationality() + " under " + p.id()));
        } else if (event instanceof DecisionBecameFinal e) {
            LocalDate last = appealDeadline(s);
            return c.failIf(!e.date().isAfter(last), Rule.APPEAL_PERIOD_RUNNING, "date", "the appeal period runs until " + last);
        } else if (event instanceof AppealLodged e) {
            return appeal(c, s, e);
        } else if (event instanceof CassationLodged e) {
            return cassation(c, s, e.date());
        } else if (event instanceof AgeAssessed e) {
            return c.failIf(!s.person(e.person()).map(Person::declaredUnaccompaniedMinor).orElse(false), Rule.AGE_ASSESSMENT_DECLARED_MINOR,
                    "person", e.person() + " is not a declared unaccompanied minor of this dossier")
                    .or(() -> c.failIf(s.ageAssessments().containsKey(e.person()), Rule.AGE_ASSESSMENT_DECLARED_MINOR, "person",
                            e.person() + " was already assessed: " + s.ageAssessments().get(e.person())));
        } else if (event instanceof ReceptionEvent e) {
            return reception(c, s, e);
        } else if (event instanceof ReturnEvent e) {
            return returns(c, s, e);
        }
        return Optional.empty();
    }

    private Optional<Rejection> registration(Checker c, DossierState s, ApplicationRegistered e) {
        ApplicationType type = e.applicationType();
        if (s.state().applicationEnded()) {
            return c.failIf(type != ApplicationType.SUBSEQUENT, Rule.FIRST_APPLICATION_ONCE, "applicationType",
                    type + " after an application that ended in " + s.state());
        }
        if (type == ApplicationType.SUBSEQUENT) {
            return c.fail(Rule.SUBSEQUENT_NEEDS_ENDED_APPLICATION, "applicationType", "the dossier has no ended application");
        }
        var required = type.requiredPathway();
        if (s.state() == ProcedureState.ARRIVED) {
            if (required.isEmpty() || required.get() != s.arrivedThrough()) {
                return c.fail(Rule.PATHWAY_ARRIVAL_FIRST, "applicationType", type + " after an arrival through " + s.arrivedThrough());
            }
            Set<PersonId> arrived = s.persons().stream().map(Person::id).collect(Collectors.toSet());
            Set<PersonId> applying = e.persons().stream().map(Person::id).collect(Collectors.toSet());
            return c.failIf(!arrived.equals(applying), Rule.PATHWAY_PERSONS_MATCH, "persons", "arrived " + arrived + ", applying " + applying);
        }
        return required.flatMap(ch -> c.fail(Rule.PATHWAY_ARRIVAL_FIRST, "applicationType", "no arrival through " + ch + " recorded"));
    }

    private Optional<Rejection> transfer(Checker c, DossierState s) {
        if (s.state() == ProcedureState.LODGED) {
            boolean outsideDublin = s.protectedInOtherEuState() || s.arrivedThrough() != null;
            return c.failIf(!outsideDublin, Rule.DUBLIN_RESPONSIBILITY, null, "the Dublin check has not been made");
        }
        return c.failIf(s.dublinOutcome() != DublinOutcome.BELGIUM_RESPONSIBLE, Rule.DUBLIN_RESPONSIBILITY, null,
                "Belgium's responsibility is not established (Dublin outcome: " + s.dublinOutcome() + ")");
    }

    private Optional<Rejection> track(Checker c, DossierState s, Track track) {
        if (!track.isFastTrack()) {
            return Optional.empty();
        }
        return c.failIf(policies.fastTrack(track, s.nationality(), s.protectedInOtherEuState(), s.transferredOn()).isEmpty(),
                Rule.FAST_TRACK_ELIGIBILITY, "track", "no fast-track policy admits " + s.nationality() + " to " + track
                        + " for a file transferred on " + s.transferredOn());
    }

    private Optional<Rejection> suspension(Checker c, DossierState s, ProcessingSuspended e) {
        Optional<Policy.Suspension> p = policies.processingSuspension(s.nationality(), s.protectedInOtherEuState(), e.date());
        if (p.isEmpty()) {
            return c.fail(Rule.SUSPENSION_POLICY, "policy", "no processing suspension covers " + s.nationality() + " on " + e.date());
        }
        return c.failIf(!p.get().id().equals(e.policy()), Rule.SUSPENSION_POLICY, "policy",
                "the suspension in force is " + p.get().id() + ", not " + e.policy());
    }

    private Optional<Rejection> processingFree(Checker c, DossierState s, LocalDate date) {
        return policies.processingSuspension(s.nationality(), s.protectedInOtherEuState(), date)
                .flatMap(p -> c.fail(Rule.SUSPENSION_IN_FORCE, "date", "suspension " + p.id() + " covers " + s.nationality() + " on " + date));
    }

    private Optional<Rejection> interim(Checker c, DossierState s, DecisionType type) {
        if (type == DecisionType.FURTHER_EXAMINATION_BORDER) {
            return c.failIf(s.track() != Track.BORDER, Rule.BORDER_TRACK_ONLY, "decisionType", "the file is on track " + s.track());
        }
        return c.failIf(s.applicationType() != ApplicationType.SUBSEQUENT || s.admissibilityDecided(), Rule.ADMISSIBILITY_SUBSEQUENT_ONLY,
                "decisionType", s.applicationType() + " application" + (s.admissibilityDecided() ? " already found admissible" : ""));
    }

    private Optional<Rejection> finalDecision(Checker c, DossierState s, FinalDecisionTaken e) {
        DecisionType type = e.decisionType();
        if (s.applicationType() == ApplicationType.SUBSEQUENT && type != DecisionType.CLOSURE) {
            boolean merits = type != DecisionType.INADMISSIBLE;
            if (merits != s.admissibilityDecided()) {
                return c.fail(Rule.SUBSEQUENT_ADMISSIBILITY_FIRST, "decisionType", type + (merits
                        ? " before the subsequent application was found admissible" : " after it was found admissible"));
            }
        }
        Policy.InterviewRequirement req = policies.interviewRequirement(e.date());
        boolean needs = !req.exemptApplicationTypes().contains(s.applicationType()) && (req.decisionTypes().contains(type)
                || (type == DecisionType.INADMISSIBLE && req.inadmissibleProtectedElsewhere() && s.protectedInOtherEuState()));
        return c.failIf(needs && !s.interviewed(), Rule.INTERVIEW_REQUIRED, "decisionType", type + " without a personal interview (" + req.id() + ")");
    }

    private Optional<Rejection> appeal(Checker c, DossierState s, AppealLodged e) {
        if (e.languageRole() != s.languageRole()) {
            return c.fail(Rule.APPEAL_LANGUAGE_ROLE, "languageRole", e.languageRole() + " but the application's role is " + s.languageRole());
        }
        if (s.state() == ProcedureState.PROTECTED) {
            boolean firstInstanceSp = s.heldStatus() == DecisionType.SUBSIDIARY_PROTECTION && s.lastDecision() == DecisionType.SUBSIDIARY_PROTECTION
                    && s.notifiedOn() != null && s.judgedOn() == null;
            if (!firstInstanceSp || !policies.appealPeriods(s.notifiedOn() == null ? e.date() : s.notifiedOn()).subsidiaryHolderMayAppeal()) {
                return c.fail(Rule.SUBSIDIARY_HOLDER_APPEAL, null, "holder of " + s.heldStatus());
            }
        }
        LocalDate last = appealDeadline(s);
        return c.failIf(e.date().isAfter(last), Rule.APPEAL_PERIOD, "date", "the appeal period ended on " + last);
    }

    private Optional<Rejection> cassation(Checker c, DossierState s, LocalDate date) {
        if (s.judgedOn() == null || !s.judgedOn().equals(s.finalNegativeOn())) {
            return c.fail(Rule.CASSATION_AGAINST_JUDGMENT, null, "the rejection did not come from an RvV judgment");
        }
        LocalDate last = s.judgedOn().plusDays(policies.appealPeriods(s.judgedOn()).cassationDays());
        return c.failIf(date.isAfter(last), Rule.CASSATION_AGAINST_JUDGMENT, "date", "the cassation period ended on " + last);
    }

    private Optional<Rejection> reception(Checker c, DossierState s, ReceptionEvent event) {
        for (PersonId p : event.persons()) {
            if (s.person(p).isEmpty()) {
                return c.fail(Rule.PERSON_IN_DOSSIER, "persons", p + " is not a person of this dossier");
            }
        }
        if (event instanceof EntitlementDecided e) {
            Policy.ReceptionEntitlement p = policies.entitlement(receptionType(s), e.date());
            if (!e.entitled() && !s.reception().isEmpty()) {
                return c.fail(Rule.RECEPTION_NEEDS_ENTITLEMENT, "entitled", s.reception().size()
                        + " person(s) still placed, waiting or sponsored: they leave reception first");
            }
            return c.failIf(p.entitlement() == Policy.Entitlement.AUTOMATIC && !e.entitled(), Rule.ENTITLEMENT_POLICY, "entitled",
                    receptionType(s) + " applicants are entitled under " + p.id());
        }
        if (event instanceof SponsorshipStarted && s.arrivedThrough() != PathwayChannel.RESETTLEMENT) {
            return c.fail(Rule.COMMUNITY_SPONSORSHIP, null, "the dossier did not arrive through resettlement"
                    + (s.arrivedThrough() == null ? "" : " but through " + s.arrivedThrough()));
        }
        if (event instanceof PutOnWaitingList || event instanceof PlacedInFacility || event instanceof SponsorshipStarted) {
            if (!Boolean.TRUE.equals(s.entitled())) {
                return c.fail(Rule.RECEPTION_NEEDS_ENTITLEMENT, null, "entitlement is " + (s.entitled() == null ? "not decided" : "refused"));
            }
        }
        if (event instanceof PutOnWaitingList e) {
            return persons(c, s, e.persons(), st -> st == null, "already waiting, placed or sponsored");
        } else if (event instanceof PlacedInFacility e) {
            // From the waiting list, or back into the network when a community sponsorship breaks down.
            return persons(c, s, e.persons(), st -> st == null || !st.placed(), "already placed")
                    .or(() -> minorsPlaces(c, s, e.persons(), e.placeType().forUnaccompaniedMinors()));
        } else if (event instanceof TransferredBetweenFacilities e) {
            return persons(c, s, e.persons(), st -> st != null && st.placed(), "not placed")
                    .or(() -> minorsPlaces(c, s, e.persons(), e.placeType().forUnaccompaniedMinors()));
        } else if (event instanceof SponsorshipStarted e) {
            // Residents of the network (the dedicated centre) move out with this event; the network is not part of the
            // dossier's state, so which facility they leave is not checked.
            return persons(c, s, e.persons(), st -> st == null || !st.sponsored(), "already sponsored")
                    .or(() -> c.failIf(!e.until().isAfter(e.date()), Rule.COMMUNITY_SPONSORSHIP, "until",
                            "the planned end " + e.until() + " is not after the start " + e.date()));
        } else if (event instanceof LeftReception e) {
            return persons(c, s, e.persons(), st -> st != null, "neither placed, waiting nor sponsored")
                    .or(() -> sponsorshipEnd(c, s, e))
                    .or(() -> leaving(c, s, e));
        }
        return Optional.empty();
    }

    /** Only sponsored persons leave for the reason of community sponsorship; residents move to it with {@code SponsorshipStarted}. */
    private Optional<Rejection> sponsorshipEnd(Checker c, DossierState s, LeftReception e) {
        if (e.reason() != LeaveReason.COMMUNITY_SPONSORSHIP) {
            return Optional.empty();
        }
        for (PersonId p : e.persons()) {
            if (!s.reception().get(p).sponsored()) {
                return c.fail(Rule.COMMUNITY_SPONSORSHIP, "reason", p + " is " + s.reception().get(p).status()
                        + ", not sponsored: a resident moves to community sponsorship with SponsorshipStarted");
            }
        }
        return Optional.empty();
    }

    /** Before registration, a pathway arrival is entitled as the application type of its channel. */
    private static ApplicationType receptionType(DossierState s) {
        if (s.applicationType() != null) {
            return s.applicationType();
        }
        for (ApplicationType t : ApplicationType.values()) {
            if (t.requiredPathway().equals(Optional.ofNullable(s.arrivedThrough()))) {
                return t;
            }
        }
        return ApplicationType.FIRST;
    }

    private Optional<Rejection> persons(Checker c, DossierState s, List<PersonId> ids, java.util.function.Predicate<Stay> ok, String problem) {
        for (PersonId p : ids) {
            if (!ok.test(s.reception().get(p))) {
                return c.fail(Rule.RECEPTION_PERSON_STATUS, "persons", p + " is " + problem);
            }
        }
        return Optional.empty();
    }

    private Optional<Rejection> minorsPlaces(Checker c, DossierState s, List<PersonId> ids, boolean minorsPlace) {
        for (PersonId p : ids) {
            if (s.isUnaccompaniedMinor(p) != minorsPlace) {
                return c.fail(Rule.UNACCOMPANIED_MINOR_PLACES, "placeType", p + (minorsPlace
                        ? " is not an unaccompanied minor" : " is an unaccompanied minor"));
            }
        }
        return Optional.empty();
    }

    private Optional<Rejection> leaving(Checker c, DossierState s, LeftReception e) {
        switch (e.reason()) {
            case FINAL_NEGATIVE_EXIT -> {
                Optional<LocalDate> end = negativeExitDate(s);
                if (end.isEmpty()) {
                    return c.fail(Rule.NEGATIVE_EXIT_PERIOD, "reason", "no final negative decision"
                            + (s.state() == ProcedureState.REJECTED_FINAL ? " with an order to leave" : ""));
                }
                return c.failIf(e.date().isBefore(end.get()), Rule.NEGATIVE_EXIT_PERIOD, "date", "aid runs until " + end.get());
            }
            case POSITIVE_TRANSITION_END -> {
                Optional<LocalDate> end = transitionEnd(s);
                if (end.isEmpty()) {
                    return c.fail(Rule.TRANSITION_PERIOD, "reason", "no status held");
                }
                return c.failIf(e.date().isBefore(end.get()), Rule.TRANSITION_PERIOD, "date", "the transition period runs until " + end.get());
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private Optional<Rejection> returns(Checker c, DossierState s, ReturnEvent event) {
        if (!s.reception().isEmpty()) {
            return c.fail(Rule.RETURN_AFTER_RECEPTION, null, s.reception().size() + " person(s) still placed, waiting or sponsored");
        }
        if (event instanceof ForcedReturn e) {
            if (e.kind() == ForcedReturnKind.DUBLIN_TRANSFER) {
                return c.failIf(s.state() != ProcedureState.DUBLIN_TRANSFER, Rule.FORCED_RETURN_GROUNDS, "kind", "no Dublin transfer decision");
            }
            if (s.state() == ProcedureState.NOTIFIED_NEGATIVE || s.state() == ProcedureState.APPEAL_PENDING
                    || s.state() == ProcedureState.PROTECTED || s.state().atCgvs() || s.state() == ProcedureState.DECIDED) {
                return c.fail(Rule.FORCED_RETURN_GROUNDS, null, "the procedure is still open or the household is protected");
            }
            return c.failIf(s.orderToLeaveExpiresOn() == null || !e.date().isAfter(s.orderToLeaveExpiresOn()), Rule.FORCED_RETURN_GROUNDS,
                    "date", s.orderToLeaveExpiresOn() == null ? "no order to leave" : "the order to leave runs until " + s.orderToLeaveExpiresOn());
        }
        return Optional.empty();
    }

    /** The last day on which the notified decision can be appealed. */
    public LocalDate appealDeadline(DossierState s) {
        Policy.AppealPeriods p = policies.appealPeriods(s.notifiedOn());
        boolean accelerated = (s.track() != null && s.track().isAccelerated()) || s.lastDecision() == DecisionType.INADMISSIBLE
                || s.applicationType() == ApplicationType.SUBSEQUENT;
        return s.notifiedOn().plusDays(accelerated ? p.acceleratedDays() : p.normalDays());
    }

    /** The first day without material aid after a final negative decision, when it can be known. */
    public Optional<LocalDate> negativeExitDate(DossierState s) {
        if (s.state() != ProcedureState.REJECTED_FINAL && s.state() != ProcedureState.CASSATION_PENDING || s.finalNegativeOn() == null) {
            return Optional.empty();
        }
        Policy.NegativeExit p = policies.negativeExit(s.finalNegativeOn());
        return switch (p.basis()) {
            case FINAL_NEGATIVE_DECISION -> Optional.of(s.finalNegativeOn().plusDays(p.days()));
            case ORDER_TO_LEAVE_EXPIRY -> Optional.ofNullable(s.orderToLeaveExpiresOn()).map(d -> d.plusDays(p.days()));
        };
    }

    /** The day a status holder's transition period ends. */
    public Optional<LocalDate> transitionEnd(DossierState s) {
        if (s.state() != ProcedureState.PROTECTED || s.protectedOn() == null) {
            return Optional.empty();
        }
        return Optional.of(s.protectedOn().plusMonths(policies.transition(s.protectedOn()).months()));
    }

    /** What is due on the dossier and by when. */
    public List<Deadline> deadlines(DossierState s) {
        List<Deadline> out = new ArrayList<>();
        if (s.state().atCgvs() && s.track() != null && s.track().isFastTrack()) {
            out.add(new Deadline("CGVS decision (" + s.track() + ")", calendar.addWorkingDays(s.transferredOn(), s.track().deadlineWorkingDays()),
                    s.track().deadlineWorkingDays() + " working days from transfer on " + s.transferredOn()));
        }
        if (s.state() == ProcedureState.NOTIFIED_NEGATIVE) {
            out.add(new Deadline("appeal to the RvV", appealDeadline(s), "notified on " + s.notifiedOn()));
        }
        if (s.state() == ProcedureState.REJECTED_FINAL && s.judgedOn() != null && s.judgedOn().equals(s.finalNegativeOn())) {
            out.add(new Deadline("cassation at the Council of State", s.judgedOn().plusDays(policies.appealPeriods(s.judgedOn()).cassationDays()),
                    "RvV judgment of " + s.judgedOn()));
        }
        if (!s.reception().isEmpty()) {
            negativeExitDate(s).ifPresent(d -> out.add(new Deadline("end of material aid", d, "final negative decision of " + s.finalNegativeOn())));
            transitionEnd(s).ifPresent(d -> out.add(new Deadline("end of the transition period", d, "protected on " + s.protectedOn())));
            s.reception().values().stream().filter(Stay::sponsored).map(st -> new Deadline("planned end of the community sponsorship",
                    st.until(), "sponsorship with " + st.partner() + " from " + st.enteredOn())).distinct()
                    .sorted(java.util.Comparator.comparing(Deadline::date).thenComparing(Deadline::basis)).forEach(out::add);
        }
        if (s.orderToLeaveExpiresOn() != null && s.state() != ProcedureState.RETURNED && s.state() != ProcedureState.PROTECTED) {
            out.add(new Deadline("leave the territory", s.orderToLeaveExpiresOn(), "order to leave"));
        }
        return out;
    }

    /** Builds rejections for one event in one state. */
    private record Checker(DossierState state, ChainEvent event) {
        Optional<Rejection> fail(Rule rule, String field, String detail) {
            return Optional.of(new Rejection(event.type(), rule, state.state(), field, detail));
        }

        Optional<Rejection> failIf(boolean broken, Rule rule, String field, String detail) {
            return broken ? fail(rule, field, detail) : Optional.empty();
        }
    }
}
