package be.keten.core.rulebook;

import be.keten.core.calendar.BelgianCalendar;
import be.keten.core.calendar.Today;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The chain's rules: given a dossier's state and a proposed event, accept it (and return the new
 * state) or reject it naming the rule. Operations and simulation use this same class; the clock
 * is the wall clock in one and the simulated clock in the other.
 */
public final class Rulebook {
    private final PolicyBook policies;
    private final BelgianCalendar calendar;
    private final Today today;

    public Rulebook(PolicyBook policies, Clock clock) {
        this.policies = Objects.requireNonNull(policies);
        this.calendar = BelgianCalendar.get();
        this.today = Today.of(Objects.requireNonNull(clock));
    }

    public PolicyBook policies() {
        return policies;
    }

    public BelgianCalendar calendar() {
        return calendar;
    }

    public Verdict decide(DossierState state, ChainEvent event) {
        Optional<Rejection> r = check(state, event);
        return r.isPresent() ? new Verdict.Rejected(r.get()) : new Verdict.Accepted(Evolution.apply(state, event));
    }

    /** The first rule the event breaks in this state, if any. */
    public Optional<Rejection> check(DossierState s, ChainEvent e) {
        Optional<Broken> b = broken(s, e);
        return b.isPresent() ? Optional.of(b.get().rejection(s, e)) : Optional.empty();
    }

    private Optional<Broken> broken(DossierState s, ChainEvent e) {
        if (!e.dossier().equals(s.dossier())) {
            return fail(Rule.SAME_DOSSIER, "dossier", "the event names dossier " + e.dossier() + " but was applied to " + s.dossier());
        }
        Set<ProcedureState> from = Transitions.allowedFrom(e.getClass());
        if (!from.contains(s.state())) {
            return fail(Transitions.ruleFor(e.getClass()), null, "allowed only in " + from);
        }
        if (s.lastDate() != null && e.date().isBefore(s.lastDate())) {
            return fail(Rule.CHRONOLOGY, "date", "dated " + e.date() + ", before the dossier's last event of " + s.lastDate());
        }
        LocalDate today = this.today.date();
        if (e.date().isAfter(today)) {
            return fail(Rule.NOT_IN_FUTURE, "date", "dated " + e.date() + ", after today (" + today + ")");
        }
        return specific(s, e);
    }

    private Optional<Broken> specific(DossierState s, ChainEvent event) {
        if (event instanceof ArrivedThroughPathway) {
            return Optional.empty();
        } else if (event instanceof ApplicationRegistered e) {
            return registration(s, e);
        } else if (event instanceof DublinCheckStarted) {
            return failIf(s.protectedInOtherEuState(), Rule.OUTSIDE_DUBLIN, null, () -> "the applicant is protected in another EU state");
        } else if (event instanceof DublinDecided) {
            return failIf(s.dublinOutcome() != null, Rule.DUBLIN_DECIDED_ONCE, "outcome", () -> "already decided: " + s.dublinOutcome());
        } else if (event instanceof TransferredToCgvs) {
            return transfer(s);
        } else if (event instanceof TrackAssigned e) {
            return track(s, e.track());
        } else if (event instanceof ProcessingSuspended e) {
            return suspension(s, e);
        } else if (event instanceof ProcessingResumed e) {
            return processingFree(s, e.date());
        } else if (event instanceof InterviewHeld e) {
            return processingFree(s, e.date());
        } else if (event instanceof InterimDecisionTaken e) {
            return processingFree(s, e.date()).or(() -> interim(s, e.decisionType()));
        } else if (event instanceof FinalDecisionTaken e) {
            return processingFree(s, e.date()).or(() -> finalDecision(s, e));
        } else if (event instanceof DecisionNotified e) {
            return policies.notificationSuspension(s.nationality(), s.protectedInOtherEuState(), s.lastDecision(), e.date())
                    .flatMap(p -> fail(Rule.NOTIFICATION_SUSPENDED, null, s.lastDecision() + " for " + s.nationality() + " under " + p.id()));
        } else if (event instanceof DecisionBecameFinal e) {
            LocalDate last = appealDeadline(s);
            return failIf(!e.date().isAfter(last), Rule.APPEAL_PERIOD_RUNNING, "date", () -> "the appeal period runs until " + last);
        } else if (event instanceof AppealLodged e) {
            return appeal(s, e);
        } else if (event instanceof CassationLodged e) {
            return cassation(s, e.date());
        } else if (event instanceof AgeAssessed e) {
            return failIf(!s.person(e.person()).map(Person::declaredUnaccompaniedMinor).orElse(false), Rule.AGE_ASSESSMENT_DECLARED_MINOR,
                    "person", () -> e.person() + " is not a declared unaccompanied minor of this dossier")
                    .or(() -> failIf(s.ageAssessments().containsKey(e.person()), Rule.AGE_ASSESSMENT_DECLARED_MINOR, "person",
                            () -> e.person() + " was already assessed: " + s.ageAssessments().get(e.person())));
        } else if (event instanceof ReceptionEvent e) {
            return reception(s, e);
        } else if (event instanceof ReturnEvent e) {
            return returns(s, e);
        }
        return Optional.empty();
    }

    private Optional<Broken> registration(DossierState s, ApplicationRegistered e) {
        ApplicationType type = e.applicationType();
        if (s.state().applicationEnded()) {
            return failIf(type != ApplicationType.SUBSEQUENT, Rule.FIRST_APPLICATION_ONCE, "applicationType",
                    () -> type + " after an application that ended in " + s.state());
        }
        if (type == ApplicationType.SUBSEQUENT) {
            return fail(Rule.SUBSEQUENT_NEEDS_ENDED_APPLICATION, "applicationType", "the dossier has no ended application");
        }
        var required = type.requiredPathway();
        if (s.state() == ProcedureState.ARRIVED) {
            if (required.isEmpty() || required.get() != s.arrivedThrough()) {
                return fail(Rule.PATHWAY_ARRIVAL_FIRST, "applicationType", type + " after an arrival through " + s.arrivedThrough());
            }
            Set<PersonId> arrived = s.persons().stream().map(Person::id).collect(Collectors.toSet());
            Set<PersonId> applying = e.persons().stream().map(Person::id).collect(Collectors.toSet());
            return failIf(!arrived.equals(applying), Rule.PATHWAY_PERSONS_MATCH, "persons", () -> "arrived " + arrived + ", applying " + applying);
        }
        return required.flatMap(ch -> fail(Rule.PATHWAY_ARRIVAL_FIRST, "applicationType", "no arrival through " + ch + " recorded"));
    }

    private Optional<Broken> transfer(DossierState s) {
        if (s.state() == ProcedureState.LODGED) {
            boolean outsideDublin = s.protectedInOtherEuState() || s.arrivedThrough() != null;
            return failIf(!outsideDublin, Rule.DUBLIN_RESPONSIBILITY, null, () -> "the Dublin check has not been made");
        }
        return failIf(s.dublinOutcome() != DublinOutcome.BELGIUM_RESPONSIBLE, Rule.DUBLIN_RESPONSIBILITY, null,
                () -> "Belgium's responsibility is not established (Dublin outcome: " + s.dublinOutcome() + ")");
    }

    private Optional<Broken> track(DossierState s, Track track) {
        if (!track.isFastTrack()) {
            return Optional.empty();
        }
        return failIf(policies.fastTrack(track, s.nationality(), s.protectedInOtherEuState(), s.transferredOn()).isEmpty(),
                Rule.FAST_TRACK_ELIGIBILITY, "track", () -> "no fast-track policy admits " + s.nationality() + " to " + track
                        + " for a file transferred on " + s.transferredOn());
    }

    private Optional<Broken> suspension(DossierState s, ProcessingSuspended e) {
        Optional<Policy.Suspension> p = policies.processingSuspension(s.nationality(), s.protectedInOtherEuState(), e.date());
        if (p.isEmpty()) {
            return fail(Rule.SUSPENSION_POLICY, "policy", "no processing suspension covers " + s.nationality() + " on " + e.date());
        }
        return failIf(!p.get().id().equals(e.policy()), Rule.SUSPENSION_POLICY, "policy",
                () -> "the suspension in force is " + p.get().id() + ", not " + e.policy());
    }

    private Optional<Broken> processingFree(DossierState s, LocalDate date) {
        return policies.processingSuspension(s.nationality(), s.protectedInOtherEuState(), date)
                .flatMap(p -> fail(Rule.SUSPENSION_IN_FORCE, "date", "suspension " + p.id() + " covers " + s.nationality() + " on " + date));
    }

    private Optional<Broken> interim(DossierState s, DecisionType type) {
        if (type == DecisionType.FURTHER_EXAMINATION_BORDER) {
            return failIf(s.track() != Track.BORDER, Rule.BORDER_TRACK_ONLY, "decisionType", () -> "the file is on track " + s.track());
        }
        return failIf(s.applicationType() != ApplicationType.SUBSEQUENT || s.admissibilityDecided(), Rule.ADMISSIBILITY_SUBSEQUENT_ONLY,
                "decisionType", () -> s.applicationType() + " application" + (s.admissibilityDecided() ? " already found admissible" : ""));
    }

    private Optional<Broken> finalDecision(DossierState s, FinalDecisionTaken e) {
        DecisionType type = e.decisionType();
        if (s.applicationType() == ApplicationType.SUBSEQUENT && type != DecisionType.CLOSURE) {
            boolean merits = type != DecisionType.INADMISSIBLE;
            if (merits != s.admissibilityDecided()) {
                return fail(Rule.SUBSEQUENT_ADMISSIBILITY_FIRST, "decisionType", type + (merits
                        ? " before the subsequent application was found admissible" : " after it was found admissible"));
            }
        }
        Policy.InterviewRequirement req = policies.interviewRequirement(e.date());
        boolean needs = !req.exemptApplicationTypes().contains(s.applicationType()) && (req.decisionTypes().contains(type)
                || (type == DecisionType.INADMISSIBLE && req.inadmissibleProtectedElsewhere() && s.protectedInOtherEuState()));
        return failIf(needs && !s.interviewed(), Rule.INTERVIEW_REQUIRED, "decisionType", () -> type + " without a personal interview (" + req.id() + ")");
    }

    private Optional<Broken> appeal(DossierState s, AppealLodged e) {
        if (e.languageRole() != s.languageRole()) {
            return fail(Rule.APPEAL_LANGUAGE_ROLE, "languageRole", e.languageRole() + " but the application's role is " + s.languageRole());
        }
        if (s.state() == ProcedureState.PROTECTED) {
            boolean firstInstanceSp = s.heldStatus() == DecisionType.SUBSIDIARY_PROTECTION && s.lastDecision() == DecisionType.SUBSIDIARY_PROTECTION
                    && s.notifiedOn() != null && s.judgedOn() == null;
            if (!firstInstanceSp || !policies.appealPeriods(s.notifiedOn() == null ? e.date() : s.notifiedOn()).subsidiaryHolderMayAppeal()) {
                return fail(Rule.SUBSIDIARY_HOLDER_APPEAL, null, "holder of " + s.heldStatus());
            }
        }
        LocalDate last = appealDeadline(s);
        return failIf(e.date().isAfter(last), Rule.APPEAL_PERIOD, "date", () -> "the appeal period ended on " + last);
    }

    private Optional<Broken> cassation(DossierState s, LocalDate date) {
        if (s.judgedOn() == null || !s.judgedOn().equals(s.finalNegativeOn())) {
            return fail(Rule.CASSATION_AGAINST_JUDGMENT, null, "the rejection did not come from an RvV judgment");
        }
        LocalDate last = s.judgedOn().plusDays(policies.appealPeriods(s.judgedOn()).cassationDays());
        return failIf(date.isAfter(last), Rule.CASSATION_AGAINST_JUDGMENT, "date", () -> "the cassation period ended on " + last);
    }

    private Optional<Broken> reception(DossierState s, ReceptionEvent event) {
        List<PersonId> persons = event.persons();
        for (int i = 0; i < persons.size(); i++) {   // indexed: asked per event, and List.of iterators are not free
            PersonId p = persons.get(i);
            if (s.person(p).isEmpty()) {
                return fail(Rule.PERSON_IN_DOSSIER, "persons", p + " is not a person of this dossier");
            }
        }
        if (event instanceof EntitlementDecided e) {
            Policy.ReceptionEntitlement p = policies.entitlement(receptionType(s), e.date());
            if (!e.entitled() && !s.reception().isEmpty()) {
                return fail(Rule.RECEPTION_NEEDS_ENTITLEMENT, "entitled", s.reception().size()
                        + " person(s) still placed, waiting or sponsored: they leave reception first");
            }
            return failIf(p.entitlement() == Policy.Entitlement.AUTOMATIC && !e.entitled(), Rule.ENTITLEMENT_POLICY, "entitled",
                    () -> receptionType(s) + " applicants are entitled under " + p.id());
        }
        if (event instanceof SponsorshipStarted && s.arrivedThrough() != PathwayChannel.RESETTLEMENT) {
            return fail(Rule.COMMUNITY_SPONSORSHIP, null, "the dossier did not arrive through resettlement"
                    + (s.arrivedThrough() == null ? "" : " but through " + s.arrivedThrough()));
        }
        if (event instanceof PutOnWaitingList || event instanceof PlacedInFacility || event instanceof SponsorshipStarted) {
            if (!Boolean.TRUE.equals(s.entitled())) {
                return fail(Rule.RECEPTION_NEEDS_ENTITLEMENT, null, "entitlement is " + (s.entitled() == null ? "not decided" : "refused"));
            }
        }
        if (event instanceof PutOnWaitingList e) {
            return persons(s, e.persons(), st -> st == null, "already waiting, placed or sponsored");
        } else if (event instanceof PlacedInFacility e) {
            // From the waiting list, or back into the network when a community sponsorship breaks down.
            return persons(s, e.persons(), st -> st == null || !st.placed(), "already placed")
                    .or(() -> minorsPlaces(s, e.persons(), e.placeType().forUnaccompaniedMinors()));
        } else if (event instanceof TransferredBetweenFacilities e) {
            return persons(s, e.persons(), st -> st != null && st.placed(), "not placed")
                    .or(() -> minorsPlaces(s, e.persons(), e.placeType().forUnaccompaniedMinors()));
        } else if (event instanceof SponsorshipStarted e) {
            // Residents of the network (the dedicated centre) move out with this event; the network is not part of the
            // dossier's state, so which facility they leave is not checked.
            return persons(s, e.persons(), st -> st == null || !st.sponsored(), "already sponsored")
                    .or(() -> failIf(!e.until().isAfter(e.date()), Rule.COMMUNITY_SPONSORSHIP, "until",
                            () -> "the planned end " + e.until() + " is not after the start " + e.date()));
        } else if (event instanceof LeftReception e) {
            return persons(s, e.persons(), st -> st != null, "neither placed, waiting nor sponsored")
                    .or(() -> sponsorshipEnd(s, e))
                    .or(() -> leaving(s, e));
        }
        return Optional.empty();
    }

    /** Only sponsored persons leave for the reason of community sponsorship; residents move to it with {@code SponsorshipStarted}. */
    private Optional<Broken> sponsorshipEnd(DossierState s, LeftReception e) {
        if (e.reason() != LeaveReason.COMMUNITY_SPONSORSHIP) {
            return Optional.empty();
        }
        for (int i = 0; i < e.persons().size(); i++) {
            PersonId p = e.persons().get(i);
            if (!s.reception().get(p).sponsored()) {
                return fail(Rule.COMMUNITY_SPONSORSHIP, "reason", p + " is " + s.reception().get(p).status()
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
        ApplicationType following = ApplicationType.following(s.arrivedThrough());
        return following != null ? following : ApplicationType.FIRST;
    }

    private Optional<Broken> persons(DossierState s, List<PersonId> ids, java.util.function.Predicate<Stay> ok, String problem) {
        for (int i = 0; i < ids.size(); i++) {
            PersonId p = ids.get(i);
            if (!ok.test(s.reception().get(p))) {
                return fail(Rule.RECEPTION_PERSON_STATUS, "persons", p + " is " + problem);
            }
        }
        return Optional.empty();
    }

    private Optional<Broken> minorsPlaces(DossierState s, List<PersonId> ids, boolean minorsPlace) {
        for (int i = 0; i < ids.size(); i++) {
            PersonId p = ids.get(i);
            if (s.isUnaccompaniedMinor(p) != minorsPlace) {
                return fail(Rule.UNACCOMPANIED_MINOR_PLACES, "placeType", p + (minorsPlace
                        ? " is not an unaccompanied minor" : " is an unaccompanied minor"));
            }
        }
        return Optional.empty();
    }

    private Optional<Broken> leaving(DossierState s, LeftReception e) {
        switch (e.reason()) {
            case FINAL_NEGATIVE_EXIT -> {
                Optional<LocalDate> end = negativeExitDate(s);
                if (end.isEmpty()) {
                    return fail(Rule.NEGATIVE_EXIT_PERIOD, "reason", "no final negative decision"
                            + (s.state() == ProcedureState.REJECTED_FINAL ? " with an order to leave" : ""));
                }
                return failIf(e.date().isBefore(end.get()), Rule.NEGATIVE_EXIT_PERIOD, "date", () -> "aid runs until " + end.get());
            }
            case POSITIVE_TRANSITION_END -> {
                Optional<LocalDate> end = transitionEnd(s);
                if (end.isEmpty()) {
                    return fail(Rule.TRANSITION_PERIOD, "reason", "no status held");
                }
                return failIf(e.date().isBefore(end.get()), Rule.TRANSITION_PERIOD, "date", () -> "the transition period runs until " + end.get());
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private Optional<Broken> returns(DossierState s, ReturnEvent event) {
        if (!s.reception().isEmpty()) {
            return fail(Rule.RETURN_AFTER_RECEPTION, null, s.reception().size() + " person(s) still placed, waiting or sponsored");
        }
        if (event instanceof ForcedReturn e) {
            if (e.kind() == ForcedReturnKind.DUBLIN_TRANSFER) {
                return failIf(s.state() != ProcedureState.DUBLIN_TRANSFER, Rule.FORCED_RETURN_GROUNDS, "kind", () -> "no Dublin transfer decision");
            }
            if (s.state() == ProcedureState.NOTIFIED_NEGATIVE || s.state() == ProcedureState.APPEAL_PENDING
                    || s.state() == ProcedureState.PROTECTED || s.state().atCgvs() || s.state() == ProcedureState.DECIDED) {
                return fail(Rule.FORCED_RETURN_GROUNDS, null, "the procedure is still open or the household is protected");
            }
            return failIf(s.orderToLeaveExpiresOn() == null || !e.date().isAfter(s.orderToLeaveExpiresOn()), Rule.FORCED_RETURN_GROUNDS,
                    "date", () -> s.orderToLeaveExpiresOn() == null ? "no order to leave" : "the order to leave runs until " + s.orderToLeaveExpiresOn());
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

    private static Optional<Broken> fail(Rule rule, String field, String detail) {
        return Optional.of(new Broken(rule, field, detail));
    }

    /** The detail is only worked out when the rule is broken: most checks pass, once per event. */
    private static Optional<Broken> failIf(boolean broken, Rule rule, String field, Supplier<String> detail) {
        return broken ? fail(rule, field, detail.get()) : Optional.empty();
    }

    /** A broken rule; {@link #check} adds the event and the state it was broken in. */
    private record Broken(Rule rule, String field, String detail) {
        Rejection rejection(DossierState s, ChainEvent e) {
            return new Rejection(e.type(), rule, s.state(), field, detail);
        }
    }
}
