package be.keten.sim;

import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.event.AppealEvent.AppealJudged;
import be.keten.core.event.AppealEvent.AppealLodged;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.event.DecisionEvent.InterimDecisionTaken;
import be.keten.core.event.PathwayEvent.ArrivedThroughPathway;
import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
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
import be.keten.core.event.ReceptionEvent.TransferredBetweenFacilities;
import be.keten.core.event.ReturnEvent.ForcedReturn;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.policy.Policy;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.procedure.Track;
import be.keten.core.reception.Allocation;
import be.keten.core.reception.Allocator;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.WaitingListChannel;
import be.keten.core.returns.ForcedReturnKind;
import be.keten.core.rulebook.Rulebook;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import be.keten.core.state.Stay;
import be.keten.stats.ChainStatistics;
import be.keten.stats.ReceptionNeeds;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One replication of the discrete-event simulation. Time advances a day at a time on a simulated
 * clock that is the rulebook's clock; on each day the scheduled steps run in the order they were
 * scheduled, then the CGVS and RvV hand work to free officers and judges, then (on allocation days)
 * the core {@link Allocator} runs one round. Every step is a {@link ChainEvent} put through
 * {@link Rulebook#decide}; a refusal is a bug of the engine and stops the run. Accepted events feed
 * a {@link ChainStatistics} and a {@link ReceptionNeeds}, from which all figures are read.
 */
public final class Engine {
    final Scenario sc;
    private final InitialCases carried;
    final SplittableRandom rng;
    private final SimClock clock;
    private LocalDate today;
    final Rulebook rulebook;
    private final Allocator allocator;
    final ChainStatistics stats;
    final ReceptionNeeds needs = new ReceptionNeeds();
    private final Consumer<ChainEvent> sink;
    private final Agenda<Case> agenda;
    private int warmed;   // what warm(List) returned, kept so that its reads are not optimised away
    // Served before cgvsQueue: fast-track files, and subsequent applications awaiting admissibility if the scenario says so.
    private final ArrayDeque<Case> priorityFiles = new ArrayDeque<>();
    private final ArrayDeque<Case> cgvsQueue = new ArrayDeque<>();
    final Map<String, List<Case>> suspended = new TreeMap<>();
    final ArrayDeque<Case> rvvQueue = new ArrayDeque<>();
    final ReceptionRound round;
    private boolean checkRounds;
    private final Set<DossierId> carriedIds = new HashSet<>();
    private Map<DossierId, Case> all;   // every dossier, for checkRounds only: otherwise a dossier nothing waits on is let go
    final Households households;
    private final int[] officers;
    /** A decision mix without inadmissibility, for a subsequent application found admissible: made once per mix, not per decision. */
    private final Map<Mix<DecisionType>, Mix<DecisionType>> admissible = new IdentityHashMap<>();
    final double meanHousehold;
    private int dossierNo;
    private int cgvsBusy;
    private int rvvBusy;
    private long events;

    public Engine(Scenario scenario, SplittableRandom rng, Consumer<ChainEvent> sink) {
        this(scenario, null, rng, sink);
    }

    /** An engine that continues {@code carried} (real dossiers) instead of building its start from the scenario's stocks; null: the stocks. */
    public Engine(Scenario scenario, InitialCases carried, SplittableRandom rng, Consumer<ChainEvent> sink) {
        if (carried != null && !carried.start().equals(scenario.start())) {
            throw new IllegalArgumentException("the carried-over dossiers are as of " + carried.start() + ", the scenario starts on " + scenario.start());
        }
        this.sc = scenario;
        this.carried = carried;
        this.rng = rng;
        this.sink = sink;
        this.today = scenario.start().minusDays(1);
        this.clock = new SimClock(today);
        this.agenda = new Agenda<>(scenario.start(), scenario.end(), Engine::warm);
        this.rulebook = new Rulebook(scenario.policies(), clock);
        this.households = new Households(scenario, rng, rulebook.policies());
        this.allocator = new Allocator(scenario.policies(), scenario.reception().firstPhaseDays(), 28);
        this.round = new ReceptionRound(allocator);
        this.stats = ChainStatistics.withoutResidentProfiles(scenario.statistics());   // no figure of a simulation reads them
        this.officers = Staffing.officers(scenario);
        this.meanHousehold = scenario.inflow().meanHouseholdSize();
    }

    /**
     * Runs the replication and returns its statistics.
     *
     * @throws java.util.concurrent.CancellationException when the thread is interrupted (a cancelled job)
     */
    public Result run() {
        if (carried == null) {
            new InitialStocks(this).build();
        } else {
            new CarriedOver(this, carried).continueAll();
        }
        LocalDate end = sc.end();
        for (LocalDate d = sc.start(); !d.isAfter(end); d = d.plusDays(1)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("simulation cancelled on simulated day " + d);
            }
            clock.set(d);
            today = d;
            if (d.getDayOfMonth() == 1) {
                scheduleArrivals(YearMonth.from(d));
            }
            agenda.run(d);
            resume(d);
            dispatchCgvs(d);
            dispatchRvv(d);
            if (ChronoUnit.DAYS.between(sc.start(), d) % sc.reception().allocationIntervalDays() == 0) {
                allocate(d);
            }
        }
        return new Result(stats, needs, events);
    }

    /** What a replication leaves: the statistics the figures are read from. */
    public record Result(ChainStatistics statistics, ReceptionNeeds needs, long events) {
    }

    // ---- the one way a step happens -------------------------------------------------------

    void emit(Case c, ChainEvent e) {
        Verdict v = rulebook.decide(c.state, e);
        if (!(v instanceof Verdict.Accepted a)) {
            throw new IllegalStateException("the engine produced an event the rulebook refuses: " + ((Verdict.Rejected) v).rejection().message()
                    + " (event " + e + ")");
        }
        DossierState before = c.state;
        c.state = a.state();
        if (before.reception() != c.state.reception()) {
            round.track(before, c, today);
        } else if (c.waiting && !Allocator.sameQueued(before, c.state)) {
            round.requeue(c);   // entitlement, vulnerability or age may have changed its place in the queue
        }
        stats.accept(e, before, c.state);
        needs.accept(e, before, c.state);
        if (sink != null) {
            sink.accept(e);
        }
        events++;
    }

    /** For tests: check every allocation round against one that reads every dossier afresh. */
    void checkRounds() {
        checkRounds = true;
        all = new HashMap<>();
    }

    /** For tests: put an arbitrary event through the engine's own path. */
    void emitForTest(DossierId dossier, ChainEvent e) {
        if (all == null) {
            all = new HashMap<>();
        }
        emit(all.computeIfAbsent(dossier, k -> new Case(DossierState.empty(k))), e);
    }

    /** A dossier enters the replication (its own, or carried over from the store). */
    void register(Case c, boolean carriedOver) {
        if (carriedOver) {
            carriedIds.add(c.state.dossier());
        }
        if (all != null) {
            all.put(c.state.dossier(), c);
        }
    }

    void at(LocalDate day, Runnable r) {
        agenda.at(day, null, r);
    }

    /** Schedules {@code r}, a step on {@code c}, on {@code day}. */
    void at(LocalDate day, Case c, Runnable r) {
        agenda.at(day, c, r);
    }

    /** Reads {@code cases} together before steps on each of them, as the agenda does a day's dossiers. */
    private void warm(List<Case> cases) {
        int h = 0;
        for (int i = 0; i < cases.size(); i++) {
            h += warm(cases.get(i));
        }
        warmed += h;
    }

    /** Reads what nearly every step on {@code c} reads first: its state, persons, stays and identifier (see Agenda). */
    private static int warm(Case c) {
        DossierState s = c.state;
        return s.version() + s.persons().size() + s.reception().size() + s.dossier().value().length();
    }

    // ---- people ---------------------------------------------------------------------------

    Case newCase() {
        DossierId id;
        do {
            id = DossierId.of(Households.padded("D-S", ++dossierNo, 7));
        } while (carriedIds.contains(id));   // a carried-over dossier may bear the name
        Case c = new Case(DossierState.empty(id));
        register(c, false);
        return c;
    }

    ApplicationId applicationId(Case c) {
        return ApplicationId.of("A" + c.state.dossier().value().substring(1) + "-" + (c.state.applications() + 1));
    }

    private static List<PersonId> inReceptionIds(DossierState s) {
        return staying(s, st -> true);
    }

    /** The persons whose stay passes {@code which}, sorted; loops, as every departure and leaving asks it. */
    private static List<PersonId> staying(DossierState s, java.util.function.Predicate<Stay> which) {
        List<PersonId> out = new ArrayList<>(s.reception().size());
        for (Map.Entry<PersonId, Stay> e : s.reception().entrySet()) {
            if (which.test(e.getValue())) {
                out.add(e.getKey());
            }
        }
        out.sort(null);
        return out;
    }

    // ---- inflow ---------------------------------------------------------------------------

    private void scheduleArrivals(YearMonth m) {
        int days = m.lengthOfMonth();
        long n = poisson(sc.inflow().persons(m) / meanHousehold);
        for (long i = 0; i < n; i++) {
            at(m.atDay(1 + rng.nextInt(days)), this::arrive);
        }
        for (Scenario.Pathway p : sc.pathways()) {
            long r = poisson(p.personsPerMonth() / meanHousehold);
            for (long i = 0; i < r; i++) {
                at(m.atDay(1 + rng.nextInt(days)), () -> arriveThrough(p));
            }
        }
    }

    long poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 40) {
            return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * Distribution.gaussian(rng)));
        }
        double l = Math.exp(-lambda);
        long k = 0;
        double p = 1;
        do {
            k++;
            p *= rng.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** The simulated day: the rulebook's clock's date, kept apart so reading it costs nothing. */
    LocalDate today() {
        return today;
    }

    private void arrive() {
        LocalDate d = today();
        Case c = register(d);
        entitlement(c, d);
        atDvz(c, d, sc.dvz().registrationToTransfer().days(rng, 1));
    }

    /**
     * An applicant of the DVZ's pipeline at the start ({@link InitialStocks}): registered on {@code d}, before the
     * start, and at the CGVS (or found a Dublin case) {@code delay} days later, on or after it. Reception is left to
     * the initial stocks.
     */
    Case arrivedBefore(LocalDate d, int delay) {
        Case c = register(d);
        atDvz(c, d, delay);
        return c;
    }

    /** A new applicant's dossier, registered on {@code d}; a subsequent applicant's with the earlier application, rejected years before. */
    private Case register(LocalDate d) {
        Case c = newCase();
        ApplicationType type = sc.inflow().applicationTypes().sample(rng);
        Nationality nat = households.nationality();
        List<Person> persons = households.household(nat, d.getYear(), null);
        if (type == ApplicationType.SUBSEQUENT) {
            pastRejection(c, persons, d);
        }
        boolean elsewhere = rng.nextDouble() < sc.inflow().protectedInOtherEuShare();
        emit(c, new ApplicationRegistered(c.state.dossier(), d, applicationId(c), type, persons, type == ApplicationType.SUBSEQUENT
                ? c.state.languageRole() : households.role(), elsewhere));
        return c;
    }

    /**
     * The DVZ's steps after a registration on {@code d}: lodging and the Dublin check (none for someone protected in
     * another EU state) within two days, then after {@code delay} days the transfer to the CGVS or the Dublin transfer
     * decision. A step dated before the start (an applicant of the pipeline) happens at once, with its own date.
     */
    private void atDvz(Case c, LocalDate d, int delay) {
        boolean elsewhere = c.state.protectedInOtherEuState();
        LocalDate lodged = d.plusDays(Math.min(2, delay));
        onOrBeforeStart(lodged, c, day -> emit(c, new ApplicationLodged(c.state.dossier(), day)));
        if (!elsewhere) {
            onOrBeforeStart(lodged, c, day -> emit(c, new DublinCheckStarted(c.state.dossier(), day)));
        }
        boolean dublin = !elsewhere && rng.nextDouble() < sc.dvz().dublinShare();
        at(d.plusDays(delay), c, () -> {
            if (dublin) {
                dublinTransfer(c);
            } else {
                transfer(c);
            }
        });
    }

    /** {@code step} on {@code day}: scheduled, or at once when the day is before the start (the initial stocks are being built). */
    private void onOrBeforeStart(LocalDate day, Case c, Consumer<LocalDate> step) {
        if (day.isBefore(sc.start())) {
            step.accept(day);
        } else {
            at(day, c, () -> step.accept(today()));
        }
    }

    /** A subsequent applicant's earlier application, rejected years before. */
    private void pastRejection(Case c, List<Person> persons, LocalDate d) {
        LocalDate reg = d.minusYears(4).minusDays(rng.nextInt(300));
        Nationality nat = persons.get(0).nationality();
        for (int i = 0; i < 20 && rulebook.policies().processingSuspension(nat, false, reg.plusDays(150)).isPresent()
                || rulebook.policies().processingSuspension(nat, false, reg.plusDays(160)).isPresent(); i++) {
            reg = reg.minusYears(1);
        }
        DossierId id = c.state.dossier();
        emit(c, new ApplicationRegistered(id, reg, applicationId(c), ApplicationType.FIRST, persons, households.role(), false));
        emit(c, new ApplicationLodged(id, reg.plusDays(1)));
        emit(c, new DublinCheckStarted(id, reg.plusDays(2)));
        emit(c, new DublinDecided(id, reg.plusDays(30), DublinOutcome.BELGIUM_RESPONSIBLE));
        emit(c, new TransferredToCgvs(id, reg.plusDays(30)));
        emit(c, new InterviewHeld(id, reg.plusDays(150)));
        emit(c, new FinalDecisionTaken(id, reg.plusDays(160), DecisionType.REFUSAL));
        emit(c, new DecisionNotified(id, reg.plusDays(163)));
        emit(c, new DecisionBecameFinal(id, rulebook.appealDeadline(c.state).plusDays(1)));
    }

    /** An arrival through a legal pathway, then the application of the type that channel requires. */
    private void arriveThrough(Scenario.Pathway p) {
        LocalDate d = today();
        Case c = newCase();
        List<Person> persons = households.household(p.nationality(), d.getYear(), false);
        emit(c, new ArrivedThroughPathway(c.state.dossier(), d, p.channel(), persons, p.firstCountryOfAsylum(), d.getYear()));
        registerAfterArrival(c);
    }

    /** The application of the type the arrival channel requires, lodged at once; transfer to the CGVS 14 days later, outside Dublin. */
    void registerAfterArrival(Case c) {
        LocalDate d = today();
        ApplicationType type = Scenario.Pathway.applicationTypeOf(c.state.arrivedThrough());
        emit(c, new ApplicationRegistered(c.state.dossier(), d, applicationId(c), type, c.state.persons(), households.role(), false));
        if (c.state.entitled() == null) {
            entitlement(c, d);
        }
        emit(c, new ApplicationLodged(c.state.dossier(), d));
        at(d.plusDays(14), c, () -> transfer(c));
    }

    void entitlement(Case c, LocalDate d) {
        Policy.ReceptionEntitlement p = rulebook.policies().entitlement(c.state.applicationType(), d);
        boolean entitled = p.entitlement() == Policy.Entitlement.AUTOMATIC
                || (c.state.applicationType() == ApplicationType.SUBSEQUENT && rng.nextDouble() < sc.reception().subsequentEntitledShare());
        emit(c, new EntitlementDecided(c.state.dossier(), d, entitled, p.id()));
        if (entitled && rng.nextDouble() < sc.reception().requestShare()) {
            emit(c, new PutOnWaitingList(c.state.dossier(), d, WaitingListChannel.ARRIVAL_CENTRE, Households.ids(c.state.persons())));
            scheduleDropout(c, d);
        }
    }

    // ---- DVZ ------------------------------------------------------------------------------

    void dublinTransfer(Case c) {
        emit(c, new DublinDecided(c.state.dossier(), today(), DublinOutcome.TRANSFER_TO_OTHER_STATE));
        leaveAfterDublin(c);
    }

    /** After a Dublin transfer decision: out of reception, an order to leave (unless one runs), the transfer after it expires. */
    void leaveAfterDublin(Case c) {
        LocalDate d = today();
        if (!c.state.reception().isEmpty()) {
            emit(c, new LeftReception(c.state.dossier(), d, LeaveReason.RETURN, inReceptionIds(c.state)));
        }
        if (c.state.orderToLeaveExpiresOn() == null) {
            emit(c, new OrderToLeaveIssued(c.state.dossier(), d, 30));
        }
        LocalDate due = d.plusDays(31 + rng.nextInt(60));
        LocalDate expired = c.state.orderToLeaveExpiresOn().plusDays(1);
        at(due.isBefore(expired) ? expired : due, c, () -> emit(c, new ForcedReturn(c.state.dossier(), today(), ForcedReturnKind.DUBLIN_TRANSFER)));
    }

    void transfer(Case c) {
        LocalDate d = today();
        if (c.state.state() == ProcedureState.DUBLIN_CHECK && c.state.dublinOutcome() == null) {
            emit(c, new DublinDecided(c.state.dossier(), d, DublinOutcome.BELGIUM_RESPONSIBLE));
        }
        emit(c, new TransferredToCgvs(c.state.dossier(), d));
        assignTrack(c, d);
        enqueue(c);
    }

    void assignTrack(Case c, LocalDate d) {
        for (Track t : new Track[] {Track.FAST_TRACK_15, Track.FAST_TRACK_50}) {
            if (rulebook.policies().fastTrack(t, c.state.nationality(), c.state.protectedInOtherEuState(), d).isPresent()) {
                emit(c, new TrackAssigned(c.state.dossier(), d, t));
                return;
            }
        }
    }

    // ---- CGVS -----------------------------------------------------------------------------

    void enqueue(Case c) {
        DossierState s = c.state;
        boolean fast = sc.cgvs().fastTrackPriority() && s.track() != null && s.track().isFastTrack()
                || sc.cgvs().subsequentAdmissibilityPriority() && s.applicationType() == ApplicationType.SUBSEQUENT && !s.admissibilityDecided();
        (fast ? priorityFiles : cgvsQueue).add(c);
    }

    static String suspensionKey(DossierState s) {
        return s.nationality().code() + "|" + s.protectedInOtherEuState();
    }

    private boolean suspendIfCovered(Case c, LocalDate d) {
        if (!rulebook.policies().anyProcessingSuspension(d)) {
            return false;   // spares reading the file, which has waited in the queue for months (its memory is cold)
        }
        Optional<Policy.Suspension> s = rulebook.policies().processingSuspension(c.state.nationality(), c.state.protectedInOtherEuState(), d);
        if (s.isEmpty()) {
            return false;
        }
        emit(c, new ProcessingSuspended(c.state.dossier(), d, s.get().id()));
        suspended.computeIfAbsent(suspensionKey(c.state), k -> new ArrayList<>()).add(c);
        return true;
    }

    private void resume(LocalDate d) {
        if (suspended.isEmpty()) {
            return;
        }
        for (var it = suspended.entrySet().iterator(); it.hasNext(); ) {
            List<Case> group = it.next().getValue();
            DossierState s = group.get(0).state;
            if (rulebook.policies().processingSuspension(s.nationality(), s.protectedInOtherEuState(), d).isEmpty()) {
                for (Case c : group) {
                    emit(c, new ProcessingResumed(c.state.dossier(), d));
                    enqueue(c);
                }
                it.remove();
            }
        }
    }

    private int monthIndex(LocalDate d) {
        return (int) ChronoUnit.MONTHS.between(sc.firstMonth(), YearMonth.from(d));
    }

    private void dispatchCgvs(LocalDate d) {
        int servers = officers[monthIndex(d)];
        while (cgvsBusy < servers) {
            Case c = priorityFiles.isEmpty() ? cgvsQueue.poll() : priorityFiles.poll();
            if (c == null) {
                return;
            }
            if (suspendIfCovered(c, d)) {
                continue;
            }
            cgvsBusy++;
            at(d.plusDays(sc.cgvs().serviceTime().days(rng, 1)), c, () -> decide(c));
        }
    }

    private void decide(Case c) {
        cgvsBusy--;
        LocalDate d = today();
        if (suspendIfCovered(c, d)) {
            return;
        }
        DossierState s = c.state;
        DossierId id = s.dossier();
        DecisionType type;
        if (s.applicationType() == ApplicationType.SUBSEQUENT && !s.admissibilityDecided()) {
            if (rng.nextDouble() < sc.cgvs().subsequentAdmissibleShare()) {
                emit(c, new InterimDecisionTaken(id, d, DecisionType.ADMISSIBLE_SUBSEQUENT));
                enqueue(c);
                return;
            }
            type = DecisionType.INADMISSIBLE;
        } else if (sc.pathway(s.applicationType()).isPresent()) {
            type = sc.pathway(s.applicationType()).get().decisionMix().sample(rng);
        } else {
            Mix<DecisionType> mix = sc.cgvs().mix(s.nationality(), s.track());
            type = (s.applicationType() == ApplicationType.SUBSEQUENT ? admissible.computeIfAbsent(mix, m -> m.without(DecisionType.INADMISSIBLE))
                    : mix).sample(rng);
        }
        boolean interview = type != DecisionType.CLOSURE && (type != DecisionType.INADMISSIBLE || s.protectedInOtherEuState());
        if (interview && !s.interviewed()) {
            emit(c, new InterviewHeld(id, d));
        }
        emit(c, new FinalDecisionTaken(id, d, type));
        at(d.plusDays(sc.cgvs().notificationDays()), c, () -> notify(c));
    }

    void notify(Case c) {
        LocalDate d = today();
        DossierState s = c.state;
        if (rulebook.policies().notificationSuspension(s.nationality(), s.protectedInOtherEuState(), s.lastDecision(), d).isPresent()) {
            at(d.plusDays(30), c, () -> notify(c));
            return;
        }
        emit(c, new DecisionNotified(s.dossier(), d));
        if (c.state.state() == ProcedureState.PROTECTED) {
            schedulePositiveExit(c);
            return;
        }
        afterNegativeNotice(c, d);
    }

    /** Notified of a negative decision by {@code d}: an appeal with its probability before the deadline, else final after it. */
    void afterNegativeNotice(Case c, LocalDate d) {
        LocalDate deadline = rulebook.appealDeadline(c.state);
        if (!deadline.isAfter(d)) {   // a carried-over dossier whose appeal period ran out before the start
            at(d.plusDays(1), c, () -> {
                emit(c, new DecisionBecameFinal(c.state.dossier(), today()));
                finalNegative(c);
            });
            return;
        }
        if (rng.nextDouble() < sc.rvv().appeal(c.state.lastDecision())) {
            LocalDate lodged = d.plusDays(1 + rng.nextInt(sc.rvv().lodgingDays()));
            at(lodged.isAfter(deadline) ? deadline : lodged, c, () -> {
                emit(c, new AppealLodged(c.state.dossier(), today(), c.state.languageRole()));
                rvvQueue.add(c);
            });
        } else {
            at(deadline.plusDays(1), c, () -> {
                emit(c, new DecisionBecameFinal(c.state.dossier(), today()));
                finalNegative(c);
            });
        }
    }

    // ---- RvV ------------------------------------------------------------------------------

    private void dispatchRvv(LocalDate d) {
        int judges = (int) Math.round(sc.rvv().judges().on(d));
        while (rvvBusy < judges && !rvvQueue.isEmpty()) {
            Case c = rvvQueue.poll();
            rvvBusy++;
            at(d.plusDays(sc.rvv().serviceTime().days(rng, 1)), c, () -> judge(c));
        }
    }

    private void judge(Case c) {
        rvvBusy--;
        JudgmentOutcome o = sc.rvv().outcomes().get(c.state.languageRole()).sample(rng);
        emit(c, new AppealJudged(c.state.dossier(), today(), o));
        switch (o) {
            case REJECT -> {
                if (c.state.state() == ProcedureState.PROTECTED) {   // a status holder's appeal (carried over): the status stays
                    schedulePositiveExit(c);
                } else {
                    finalNegative(c);
                }
            }
            case ANNUL -> enqueue(c);
            default -> schedulePositiveExit(c);
        }
    }

    // ---- exits ----------------------------------------------------------------------------

    void finalNegative(Case c) {
        LocalDate d = today();
        emit(c, new OrderToLeaveIssued(c.state.dossier(), d, 30));
        scheduleNegativeExit(c, d);
    }

    void scheduleNegativeExit(Case c, LocalDate d) {
        if (c.state.reception().isEmpty()) {
            return;
        }
        LocalDate end = rulebook.negativeExitDate(c.state).orElse(d);
        LocalDate when = (end.isBefore(d) ? d : end).plusDays(delay(sc.reception().exitDelayNegativeDays()));
        at(when, c, () -> leave(c, LeaveReason.FINAL_NEGATIVE_EXIT));
    }

    void schedulePositiveExit(Case c) {
        if (c.state.reception().isEmpty()) {
            return;
        }
        LocalDate end = rulebook.transitionEnd(c.state).orElseThrow();
        LocalDate d = today();
        at((end.isBefore(d) ? d : end).plusDays(delay(sc.reception().exitDelayPositiveDays())), c, () -> leave(c, LeaveReason.POSITIVE_TRANSITION_END));
    }

    private int delay(double mean) {
        return mean <= 0 ? 0 : new Distribution(Distribution.Kind.EXPONENTIAL, mean, 1).days(rng, 0);
    }

    void leave(Case c, LeaveReason reason) {
        if (!c.state.reception().isEmpty()) {
            emit(c, new LeftReception(c.state.dossier(), today(), reason, inReceptionIds(c.state)));
        }
    }

    void scheduleDeparture(Case c, LocalDate placedOn) {
        scheduleDeparture(c, placedOn, placedOn);
    }

    /** The voluntary departure of those placed on {@code placedOn}, drawn from {@code from} (memoryless hazard). */
    void scheduleDeparture(Case c, LocalDate placedOn, LocalDate from) {
        double h = sc.reception().voluntaryDeparturePerMonth();
        if (h <= 0) {
            return;
        }
        int days = (int) Math.ceil(-Math.log(1 - rng.nextDouble()) / h * 30.4375);
        at(from.plusDays(Math.max(1, days)), c, () -> {
            List<PersonId> ps = staying(c.state, st -> st.placed() && st.enteredOn().equals(placedOn));
            if (!ps.isEmpty()) {
                emit(c, new LeftReception(c.state.dossier(), today(), LeaveReason.VOLUNTARY_DEPARTURE, ps));
            }
        });
    }

    void scheduleDropout(Case c, LocalDate since) {
        scheduleDropout(c, since, since);
    }

    void scheduleDropout(Case c, LocalDate since, LocalDate from) {
        double h = sc.reception().waitingDropoutPerMonth();
        if (h <= 0) {
            return;
        }
        int days = (int) Math.ceil(-Math.log(1 - rng.nextDouble()) / h * 30.4375);
        at(from.plusDays(Math.max(1, days)), c, () -> {
            List<PersonId> ps = staying(c.state, st -> st.waiting() && st.enteredOn().equals(since));
            if (!ps.isEmpty()) {
                emit(c, new LeftReception(c.state.dossier(), today(), LeaveReason.NO_SHOW, ps));
            }
        });
    }

    // ---- reception ------------------------------------------------------------------------

    private void allocate(LocalDate d) {
        round.classify(d);
        Allocation a = allocator.allocate(d, sc.reception().network(), round.dueToMoveOn(d), round.queue(), round.occupied());
        if (checkRounds) {
            List<DossierState> states = new ArrayList<>();
            all.values().forEach(c -> states.add(c.state));
            Allocation afresh = allocator.allocate(d, sc.reception().network(), states);
            if (!new Allocation(d, afresh.transfers(), afresh.placements(), List.of(), afresh.capacity(), afresh.occupiedBefore(),
                    afresh.occupiedAfter()).equals(a)) {   // the engine's round does not list who waits: its queue has them
                throw new IllegalStateException("the allocation round on " + d + " differs from one over every dossier:\n" + a + "\n" + afresh);
            }
        }
        // The dossiers are looked up before any step: the round's sets change as they are taken.
        List<Case> moving = new ArrayList<>(a.transfers().size());
        a.transfers().forEach(t -> moving.add(round.dueCase(t.dossier())));
        List<Case> placed = new ArrayList<>(a.placements().size());
        a.placements().forEach(p -> placed.add(round.waitingCase(p.dossier())));
        warm(moving);
        warm(placed);
        for (int i = 0; i < moving.size(); i++) {
            Allocation.Transfer t = a.transfers().get(i);
            emit(moving.get(i), new TransferredBetweenFacilities(t.dossier(), d, t.facility(), t.placeType(), t.persons()));
        }
        for (int i = 0; i < placed.size(); i++) {
            Allocation.Placement p = a.placements().get(i);
            emit(placed.get(i), new PlacedInFacility(p.dossier(), d, p.facility(), p.placeType(), p.persons(), p.reason()));
            scheduleDeparture(placed.get(i), d);
        }
    }
}
