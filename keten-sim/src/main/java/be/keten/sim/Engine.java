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
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.policy.Policy;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.procedure.Track;
import be.keten.core.reception.Allocation;
import be.keten.core.reception.Allocator;
import be.keten.core.reception.Candidate;
import be.keten.core.reception.Facility;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.PlaceType;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
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
    private static final List<PlaceType> ADULT_PLACES = List.of(PlaceType.FIRST_PHASE, PlaceType.COLLECTIVE, PlaceType.INDIVIDUAL,
            PlaceType.OPEN_RETURN);

    private final Scenario sc;
    private final InitialCases carried;
    private final SplittableRandom rng;
    private final SimClock clock;
    private LocalDate today;
    private final Rulebook rulebook;
    private final Allocator allocator;
    private final ChainStatistics stats;
    private final ReceptionNeeds needs = new ReceptionNeeds();
    private final Consumer<ChainEvent> sink;
    private final Agenda agenda;
    private final ArrayDeque<Case> fastQueue = new ArrayDeque<>();
    private final ArrayDeque<Case> cgvsQueue = new ArrayDeque<>();
    private final Map<String, List<Case>> suspended = new TreeMap<>();
    private final ArrayDeque<Case> rvvQueue = new ArrayDeque<>();
    /**
     * What an allocation round acts on, kept up to date on every accepted event so that a round
     * neither re-reads the network's residents nor re-derives and sorts the waiting list: the
     * residents per facility, the dossiers with someone due to move on from a first-phase or
     * observation place (and, by day, those who will be), the dossiers with someone waiting, and the
     * queue of their households in the round's order, classified under {@link #queuePolicy} in the
     * year of {@link #queueDay} (rebuilt when a round falls under another policy or in another year).
     */
    private final Map<String, Integer> occupied = new HashMap<>();
    private final TreeMap<DossierId, Case> due = new TreeMap<>();   // in dossier order, the order the round takes them in
    private final TreeMap<LocalDate, List<Case>> becomesDue = new TreeMap<>();   // may hold stale entries: checked when taken
    private final Map<DossierId, Case> waiting = new HashMap<>();
    private final TreeSet<Candidate> queue = new TreeSet<>(Allocator.QUEUE_ORDER);
    private Policy.ReceptionPriority queuePolicy;
    private LocalDate queueDay;
    private boolean checkRounds;
    private final Map<DossierId, Case> cases = new HashMap<>();
    private final int[] officers;
    private final double meanHousehold;
    private int dossierNo;
    private int personNo;
    private int cgvsBusy;
    private int rvvBusy;
    private long events;

    /** A dossier being simulated: its state as the rulebook last accepted it, and its households in the allocation queue. */
    private static final class Case {
        DossierState state;
        boolean waiting;
        List<Candidate> queued = List.of();
        LocalDate movesOn;   // when someone in a first-phase or observation place is due to move on; null: nobody is in one

        Case(DossierState state) {
            this.state = state;
        }
    }

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
        this.agenda = new Agenda(scenario.start(), scenario.end());
        this.rulebook = new Rulebook(scenario.policies(), clock);
        this.allocator = new Allocator(scenario.policies(), scenario.reception().firstPhaseDays(), 28);
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
            initialState();
        } else {
            carryOver();
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
            track(before, c);
        } else if (c.waiting && !Allocator.sameQueued(before, c.state)) {
            requeue(c);   // entitlement, vulnerability or age may have changed its place in the queue
        }
        stats.accept(e, before, c.state);
        needs.accept(e, before, c.state);
        if (sink != null) {
            sink.accept(e);
        }
        events++;
    }

    /** Updates the occupancy and what the allocation round looks at after {@code c} changed from {@code before}. */
    private void track(DossierState before, Case c) {
        for (Stay st : before.reception().values()) {
            if (st.placed()) {
                occupied.merge(st.facility(), -1, (x, y) -> x + y == 0 ? null : x + y);
            }
        }
        boolean waits = false;
        for (Stay st : c.state.reception().values()) {
            if (st.placed()) {
                occupied.merge(st.facility(), 1, Integer::sum);
            } else {
                waits |= st.waiting();
            }
        }
        DossierId id = c.state.dossier();
        LocalDate was = c.movesOn;
        c.movesOn = allocator.movesOn(c.state);   // the core's definition of who moves on, and when; null: nobody
        boolean moving = c.movesOn != null;
        if (moving && !today.isBefore(c.movesOn)) {
            due.put(id, c);
        } else if (was != null && !today.isBefore(was)) {
            due.remove(id);
        }
        if (moving && today.isBefore(c.movesOn) && !c.movesOn.equals(was)) {
            becomesDue.computeIfAbsent(c.movesOn, k -> new ArrayList<>()).add(c);
        }
        if (waits && !c.waiting) {
            waiting.put(id, c);
        } else if (!waits && c.waiting) {
            waiting.remove(id);
        }
        c.waiting = waits;
        requeue(c);
    }

    /** Puts {@code c}'s households in the allocation queue as they are now (none once nobody waits). */
    private void requeue(Case c) {
        if (queuePolicy == null) {
            return;   // no round yet: the first one builds the queue
        }
        List<Candidate> now = c.waiting ? Allocator.queued(c.state, queueDay, queuePolicy) : List.of();
        if (!same(now, c.queued)) {
            for (int i = 0; i < c.queued.size(); i++) {   // indexed loops: List.of iterators are not free, and this runs per reception event
                queue.remove(c.queued.get(i));
            }
            for (int i = 0; i < now.size(); i++) {
                queue.add(now.get(i));
            }
            c.queued = now;
        }
    }

    /** {@code a.equals(b)}, without the iterators {@code List.equals} builds. */
    private static boolean same(List<Candidate> a, List<Candidate> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** For tests: check every allocation round against one that reads every dossier afresh. */
    void checkRounds() {
        checkRounds = true;
    }

    /** For tests: put an arbitrary event through the engine's own path. */
    void emitForTest(DossierId dossier, ChainEvent e) {
        emit(cases.computeIfAbsent(dossier, k -> new Case(DossierState.empty(k))), e);
    }

    private void at(LocalDate day, Runnable r) {
        agenda.at(day, r);
    }

    // ---- people ---------------------------------------------------------------------------

    private Case newCase() {
        DossierId id;
        do {
            id = DossierId.of(padded("D-S", ++dossierNo, 7));
        } while (cases.containsKey(id));   // a carried-over dossier may bear the name
        Case c = new Case(DossierState.empty(id));
        cases.put(id, c);
        return c;
    }

    /** {@code prefix} and {@code n} zero-padded to {@code width} digits, as {@code String.format(prefix + "%0<width>d", n)}. */
    static String padded(String prefix, int n, int width) {
        String digits = Integer.toString(n);
        StringBuilder b = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    /** A nationality of the mix whose files no processing suspension covers on any of {@code processableOn} (none: any). */
    private Nationality nationality(LocalDate... processableOn) {
        for (int i = 0; i < 50; i++) {
            Nationality n = draw(sc.inflow().nationalityMix());
            if (processable(n, processableOn)) {
                return n;
            }
        }
        for (Nationality n : sc.inflow().nationalityMix().keySet()) {
            if (processable(n, processableOn)) {
                return n;
            }
        }
        throw new IllegalStateException("every nationality of the mix is suspended on " + java.util.Arrays.toString(processableOn));
    }

    private boolean processable(Nationality n, LocalDate[] days) {
        if (days == null) {
            return true;
        }
        for (LocalDate d : days) {
            if (d != null && rulebook.policies().processingSuspension(n, false, d).isPresent()) {
                return false;
            }
        }
        return true;
    }

    private <K> K draw(Map<K, Double> shares) {
        double u = rng.nextDouble();
        K last = null;
        for (Map.Entry<K, Double> e : shares.entrySet()) {
            last = e.getKey();
            u -= e.getValue();
            if (u < 0) {
                return last;
            }
        }
        return last;
    }

    private int householdSize() {
        double[] p = sc.inflow().householdSize();
        double u = rng.nextDouble();
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u < 0) {
                return i + 1;
            }
        }
        return p.length;
    }

    /** A household: {@code minor} forces a single declared unaccompanied minor. */
    private List<Person> household(Nationality nat, int year, Boolean minor) {
        Scenario.Inflow in = sc.inflow();
        int size = Boolean.TRUE.equals(minor) ? 1 : householdSize();
        List<Person> out = new ArrayList<>();
        if (size == 1) {
            boolean uam = minor != null ? minor : rng.nextDouble() < in.unaccompaniedMinorShare();
            Sex sex = rng.nextDouble() < (uam ? 0.85 : in.maleShareSingle()) ? Sex.MALE : Sex.FEMALE;
            int age = uam ? 14 + rng.nextInt(4) : 18 + rng.nextInt(35);
            out.add(new Person(PersonId.of(padded("P-S", ++personNo, 8)), nat, sex, year - age, uam));
            return out;
        }
        Sex first = rng.nextDouble() < 0.6 ? Sex.MALE : Sex.FEMALE;
        out.add(new Person(PersonId.of(padded("P-S", ++personNo, 8)), nat, first, year - 20 - rng.nextInt(30), false));
        int children = size - 1;
        if (size > 2 && rng.nextDouble() < 0.7) {
            Sex second = first == Sex.MALE ? Sex.FEMALE : Sex.MALE;
            out.add(new Person(PersonId.of(padded("P-S", ++personNo, 8)), nat, second, year - 20 - rng.nextInt(30), false));
            children--;
        }
        for (int i = 0; i < children; i++) {
            out.add(new Person(PersonId.of(padded("P-S", ++personNo, 8)), nat, rng.nextBoolean() ? Sex.MALE : Sex.FEMALE,
                    year - rng.nextInt(18), false));
        }
        return out;
    }

    private LanguageRole role() {
        return rng.nextDouble() < sc.inflow().languageRoleFrShare() ? LanguageRole.FR : LanguageRole.NL;
    }

    private ApplicationId applicationId(Case c) {
        return ApplicationId.of("A" + c.state.dossier().value().substring(1) + "-" + (c.state.applications() + 1));
    }

    private static List<PersonId> ids(List<Person> persons) {
        PersonId[] out = new PersonId[persons.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = persons.get(i).id();
        }
        return List.of(out);
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

    // ---- initial state --------------------------------------------------------------------

    /** Dossiers behind the stocks at the start date, their histories dated before it and put through the rulebook. */
    private void initialState() {
        Scenario.Initial in = sc.initial();
        LocalDate eve = sc.start().minusDays(1);
        List<Case> pending = new ArrayList<>();
        List<Case> workload = new ArrayList<>();
        for (int i = 0; i < in.cgvsWorkloadDossiers(); i++) {
            Case c = newCase();
            LocalDate reg = eve.minusDays(40 + rng.nextInt(680));
            registerPast(c, nationality(), reg, null);
            transferPast(c, reg.plusDays(30));
            workload.add(c);
        }
        workload.sort(Comparator.comparing((Case c) -> c.state.transferredOn()).thenComparing(c -> c.state.dossier()));
        workload.forEach(this::enqueue);
        pending.addAll(workload);
        List<Case> appeals = new ArrayList<>();
        for (int i = 0; i < in.rvvPendingDossiers(); i++) {
            Case c = newCase();
            LocalDate reg = eve.minusDays(200 + rng.nextInt(500));
            LocalDate decided = reg.plusDays(120);
            // The past interview and decision both need a nationality no suspension covered then.
            registerPast(c, nationality(decided.minusDays(10), decided), reg, null);
            transferPast(c, reg.plusDays(30));
            DecisionType t = negative(sc.cgvs().mix(c.state.nationality(), null));
            emit(c, new InterviewHeld(c.state.dossier(), decided.minusDays(10)));
            emit(c, new FinalDecisionTaken(c.state.dossier(), decided, t));
            emit(c, new DecisionNotified(c.state.dossier(), decided.plusDays(3)));
            emit(c, new AppealLodged(c.state.dossier(), decided.plusDays(5), c.state.languageRole()));
            appeals.add(c);
        }
        appeals.sort(Comparator.comparing((Case c) -> c.state.lastDate()).thenComparing(c -> c.state.dossier()));
        rvvQueue.addAll(appeals);
        pending.addAll(appeals);
        // Residents: dossiers in procedure first, in random order, then status holders in transition.
        for (int i = pending.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Case t = pending.get(i);
            pending.set(i, pending.get(j));
            pending.set(j, t);
        }
        Map<PlaceType, Integer> left = new java.util.EnumMap<>(in.occupancy());
        Map<String, Integer> free = new HashMap<>();
        for (Facility f : sc.reception().network().facilities()) {
            free.put(f.id(), f.capacityOn(eve));
        }
        List<Case> unplaced = new ArrayList<>();
        for (Case c : pending) {
            if (!placeInitially(c, left, free, eve)) {
                unplaced.add(c);
            }
        }
        int guard = 0;
        while (left.values().stream().anyMatch(v -> v > 0) && guard++ < 1_000_000) {
            boolean minors = left.entrySet().stream().anyMatch(e -> e.getValue() > 0 && e.getKey().forUnaccompaniedMinors());
            boolean adults = left.entrySet().stream().anyMatch(e -> e.getValue() > 0 && !e.getKey().forUnaccompaniedMinors());
            Case c = statusHolderInTransition(eve, minors && !adults);
            if (!placeInitially(c, left, free, eve)) {
                break;
            }
            schedulePositiveExit(c);
        }
        int waiting = 0;
        for (Case c : unplaced) {
            if (waiting >= in.waitingList()) {
                break;
            }
            Person p = c.state.persons().get(0);
            if (c.state.persons().size() == 1 && p.sex() == Sex.MALE && !p.declaredUnaccompaniedMinor() && p.ageIn(eve.getYear()) >= 20) {
                LocalDate since = eve.minusDays(rng.nextInt(120));
                since = since.isBefore(c.state.lastDate()) ? c.state.lastDate() : since;
                emit(c, new EntitlementDecided(c.state.dossier(), c.state.lastDate(), true, entitlementBasis(c)));
                emit(c, new PutOnWaitingList(c.state.dossier(), since, WaitingListChannel.ARRIVAL_CENTRE, ids(c.state.persons())));
                scheduleDropout(c, since);
                waiting++;
            }
        }
    }

    private String entitlementBasis(Case c) {
        return rulebook.policies().entitlement(c.state.applicationType(), c.state.lastDate()).id();
    }

    private boolean placeInitially(Case c, Map<PlaceType, Integer> left, Map<String, Integer> free, LocalDate eve) {
        int size = c.state.persons().size();
        boolean minor = c.state.isUnaccompaniedMinor(c.state.persons().get(0).id()) && size == 1;
        for (Map.Entry<PlaceType, Integer> e : left.entrySet()) {
            PlaceType t = e.getKey();
            if (e.getValue() < size || t.forUnaccompaniedMinors() != minor || (!minor && !ADULT_PLACES.contains(t))) {
                continue;
            }
            for (Facility f : sc.reception().network().facilities()) {
                if (f.placeType() == t && free.get(f.id()) >= size) {
                    emit(c, new EntitlementDecided(c.state.dossier(), eve, true, entitlementBasis(c)));
                    emit(c, new PlacedInFacility(c.state.dossier(), eve, f.id(), t, ids(c.state.persons()), "initial occupancy of the scenario"));
                    free.merge(f.id(), -size, Integer::sum);
                    e.setValue(e.getValue() - size);
                    scheduleDeparture(c, eve);
                    return true;
                }
            }
        }
        return false;
    }

    private Case statusHolderInTransition(LocalDate eve, boolean minor) {
        Case c = newCase();
        int months = rulebook.policies().transition(eve).months();
        LocalDate notified = eve.minusDays(1 + rng.nextInt(Math.max(1, months * 30 - 1)));
        LocalDate reg = notified.minusDays(200);
        registerPast(c, nationality(notified.minusDays(3)), reg, minor);
        transferPast(c, reg.plusDays(30));
        emit(c, new InterviewHeld(c.state.dossier(), notified.minusDays(13)));
        emit(c, new FinalDecisionTaken(c.state.dossier(), notified.minusDays(3), DecisionType.REFUGEE_STATUS));
        emit(c, new DecisionNotified(c.state.dossier(), notified));
        return c;
    }

    private void registerPast(Case c, Nationality nat, LocalDate day, Boolean minor) {
        emit(c, new ApplicationRegistered(c.state.dossier(), day, applicationId(c), ApplicationType.FIRST, household(nat, day.getYear(), minor),
                role(), rng.nextDouble() < sc.inflow().protectedInOtherEuShare()));
        emit(c, new ApplicationLodged(c.state.dossier(), day.plusDays(1)));
    }

    private void transferPast(Case c, LocalDate day) {
        if (!c.state.protectedInOtherEuState()) {
            emit(c, new DublinCheckStarted(c.state.dossier(), day.minusDays(25)));
            emit(c, new DublinDecided(c.state.dossier(), day, DublinOutcome.BELGIUM_RESPONSIBLE));
        }
        emit(c, new TransferredToCgvs(c.state.dossier(), day));
        assignTrack(c, day);
    }

    private DecisionType negative(Mix<DecisionType> mix) {
        for (int i = 0; i < 100; i++) {
            DecisionType t = mix.sample(rng);
            if (t.isNegativeFinal() && t != DecisionType.CLOSURE) {
                return t;
            }
        }
        return DecisionType.REFUSAL;
    }

    // ---- carried-over dossiers ------------------------------------------------------------

    /**
     * Real dossiers continue from their state on the eve of the start: their stocks count from the
     * eve, and their next steps are scheduled on or after the start by the same paths as the
     * engine's own dossiers (no history is invented, so nothing is dated before the start).
     */
    private void carryOver() {
        LocalDate eve = sc.start().minusDays(1);
        List<Case> cgvs = new ArrayList<>();
        List<Case> appeals = new ArrayList<>();
        for (DossierState s : carried.states()) {
            Case c = new Case(s);
            cases.put(s.dossier(), c);
            stats.carryOver(s, eve);
            needs.carryOver(s, eve);
            track(DossierState.empty(s.dossier()), c);
            switch (s.state()) {
                case CGVS_PENDING, INTERVIEWED -> cgvs.add(c);
                case APPEAL_PENDING -> appeals.add(c);
                default -> continueCase(c, eve);
            }
            continueStay(c, eve);
        }
        // Queues first come, first served, as for the stock-built start.
        cgvs.sort(Comparator.comparing((Case c) -> c.state.transferredOn()).thenComparing(c -> c.state.dossier()));
        cgvs.forEach(this::enqueue);
        appeals.sort(Comparator.comparing((Case c) -> c.state.notifiedOn() != null ? c.state.notifiedOn() : c.state.lastDate())
                .thenComparing(c -> c.state.dossier()));
        rvvQueue.addAll(appeals);
    }

    /** The next step of a carried-over dossier outside the CGVS and RvV queues. */
    private void continueCase(Case c, LocalDate eve) {
        LocalDate start = sc.start();
        DossierState s = c.state;
        switch (s.state()) {
            case ARRIVED -> at(start, () -> registerAfterArrival(c));
            case REGISTERED, LODGED, DUBLIN_CHECK -> continueAtDvz(c, start);
            case DUBLIN_TRANSFER -> at(start, () -> leaveAfterDublin(c));
            case SUSPENDED -> suspended.computeIfAbsent(suspensionKey(s), k -> new ArrayList<>()).add(c);
            case DECIDED -> at(later(s.decidedOn().plusDays(sc.cgvs().notificationDays()), start), () -> notify(c));
            case NOTIFIED_NEGATIVE -> afterNegativeNotice(c, eve);
            case PROTECTED -> schedulePositiveExit(c);
            case REJECTED_FINAL, CASSATION_PENDING -> at(start, () -> {   // the RvS is not simulated: a cassation stays pending
                if (c.state.orderToLeaveExpiresOn() == null) {
                    finalNegative(c);
                } else {
                    scheduleNegativeExit(c, today());
                }
            });
            // Still in reception after the application ended otherwise: the aid ends on the first day.
            default -> at(start, () -> leave(c, LeaveReason.VOLUNTARY_DEPARTURE));
        }
    }

    /** Lodging, Dublin check and the transfer (or Dublin transfer) of a dossier carried over at the DVZ. */
    private void continueAtDvz(Case c, LocalDate start) {
        DossierState s = c.state;
        boolean outsideDublin = s.protectedInOtherEuState() || s.arrivedThrough() != null;
        if (s.entitled() == null) {
            at(start, () -> entitlement(c, today()));
        }
        if (s.state() == ProcedureState.REGISTERED) {
            at(start, () -> emit(c, new ApplicationLodged(c.state.dossier(), today())));
        }
        if (!outsideDublin && s.state() != ProcedureState.DUBLIN_CHECK) {
            at(start, () -> emit(c, new DublinCheckStarted(c.state.dossier(), today())));
        }
        LocalDate due = s.arrivedThrough() != null ? s.registeredOn().plusDays(14) : remaining(sc.dvz().registrationToTransfer(), s.registeredOn(), start);
        boolean dublin = !outsideDublin && s.dublinOutcome() == null && rng.nextDouble() < sc.dvz().dublinShare();
        at(later(due, start), () -> {
            if (dublin) {
                dublinTransfer(c);
            } else {
                transfer(c);
            }
        });
    }

    /** The end of a delay begun on {@code since}, drawn given that it had not ended before {@code start} (else {@code start}). */
    private LocalDate remaining(Distribution delay, LocalDate since, LocalDate start) {
        for (int i = 0; i < 20; i++) {
            LocalDate end = since.plusDays(delay.days(rng, 1));
            if (!end.isBefore(start)) {
                return end;
            }
        }
        return start;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Voluntary departures of the placed and drop-outs of the waiting, from the eve (monthly hazards, memoryless). */
    private void continueStay(Case c, LocalDate eve) {
        java.util.TreeSet<LocalDate> placed = new java.util.TreeSet<>();
        java.util.TreeSet<LocalDate> waiting = new java.util.TreeSet<>();
        for (Stay st : c.state.reception().values()) {
            if (st.placed()) {
                placed.add(st.enteredOn());
            } else if (st.waiting()) {
                waiting.add(st.enteredOn());
            }
        }
        placed.forEach(on -> scheduleDeparture(c, on, eve));
        waiting.forEach(since -> scheduleDropout(c, since, eve));
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

    private long poisson(double lambda) {
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
    private LocalDate today() {
        return today;
    }

    private void arrive() {
        LocalDate d = today();
        Case c = newCase();
        ApplicationType type = sc.inflow().applicationTypes().sample(rng);
        Nationality nat = nationality();
        List<Person> persons = household(nat, d.getYear(), null);
        if (type == ApplicationType.SUBSEQUENT) {
            pastRejection(c, persons, d);
        }
        boolean elsewhere = rng.nextDouble() < sc.inflow().protectedInOtherEuShare();
        emit(c, new ApplicationRegistered(c.state.dossier(), d, applicationId(c), type, persons, type == ApplicationType.SUBSEQUENT
                ? c.state.languageRole() : role(), elsewhere));
        entitlement(c, d);
        int delay = sc.dvz().registrationToTransfer().days(rng, 1);
        at(d.plusDays(Math.min(2, delay)), () -> emit(c, new ApplicationLodged(c.state.dossier(), today())));
        if (!elsewhere) {
            at(d.plusDays(Math.min(2, delay)), () -> emit(c, new DublinCheckStarted(c.state.dossier(), today())));
        }
        boolean dublin = !elsewhere && rng.nextDouble() < sc.dvz().dublinShare();
        at(d.plusDays(delay), () -> {
            if (dublin) {
                dublinTransfer(c);
            } else {
                transfer(c);
            }
        });
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
        emit(c, new ApplicationRegistered(id, reg, applicationId(c), ApplicationType.FIRST, persons, role(), false));
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
        List<Person> persons = household(p.nationality(), d.getYear(), false);
        emit(c, new ArrivedThroughPathway(c.state.dossier(), d, p.channel(), persons, p.firstCountryOfAsylum(), d.getYear()));
        registerAfterArrival(c);
    }

    /** The application of the type the arrival channel requires, lodged at once; transfer to the CGVS 14 days later, outside Dublin. */
    private void registerAfterArrival(Case c) {
        LocalDate d = today();
        ApplicationType type = Scenario.Pathway.applicationTypeOf(c.state.arrivedThrough());
        emit(c, new ApplicationRegistered(c.state.dossier(), d, applicationId(c), type, c.state.persons(), role(), false));
        if (c.state.entitled() == null) {
            entitlement(c, d);
        }
        emit(c, new ApplicationLodged(c.state.dossier(), d));
        at(d.plusDays(14), () -> transfer(c));
    }

    private void entitlement(Case c, LocalDate d) {
        Policy.ReceptionEntitlement p = rulebook.policies().entitlement(c.state.applicationType(), d);
        boolean entitled = p.entitlement() == Policy.Entitlement.AUTOMATIC
                || (c.state.applicationType() == ApplicationType.SUBSEQUENT && rng.nextDouble() < sc.reception().subsequentEntitledShare());
        emit(c, new EntitlementDecided(c.state.dossier(), d, entitled, p.id()));
        if (entitled && rng.nextDouble() < sc.reception().requestShare()) {
            emit(c, new PutOnWaitingList(c.state.dossier(), d, WaitingListChannel.ARRIVAL_CENTRE, ids(c.state.persons())));
            scheduleDropout(c, d);
        }
    }

    // ---- DVZ ------------------------------------------------------------------------------

    private void dublinTransfer(Case c) {
        emit(c, new DublinDecided(c.state.dossier(), today(), DublinOutcome.TRANSFER_TO_OTHER_STATE));
        leaveAfterDublin(c);
    }

    /** After a Dublin transfer decision: out of reception, an order to leave (unless one runs), the transfer after it expires. */
    private void leaveAfterDublin(Case c) {
        LocalDate d = today();
        if (!c.state.reception().isEmpty()) {
            emit(c, new LeftReception(c.state.dossier(), d, LeaveReason.RETURN, inReceptionIds(c.state)));
        }
        if (c.state.orderToLeaveExpiresOn() == null) {
            emit(c, new OrderToLeaveIssued(c.state.dossier(), d, 30));
        }
        LocalDate due = d.plusDays(31 + rng.nextInt(60));
        LocalDate expired = c.state.orderToLeaveExpiresOn().plusDays(1);
        at(due.isBefore(expired) ? expired : due, () -> emit(c, new ForcedReturn(c.state.dossier(), today(), ForcedReturnKind.DUBLIN_TRANSFER)));
    }

    private void transfer(Case c) {
        LocalDate d = today();
        if (c.state.state() == ProcedureState.DUBLIN_CHECK && c.state.dublinOutcome() == null) {
            emit(c, new DublinDecided(c.state.dossier(), d, DublinOutcome.BELGIUM_RESPONSIBLE));
        }
        emit(c, new TransferredToCgvs(c.state.dossier(), d));
        assignTrack(c, d);
        enqueue(c);
    }

    private void assignTrack(Case c, LocalDate d) {
        for (Track t : new Track[] {Track.FAST_TRACK_15, Track.FAST_TRACK_50}) {
            if (rulebook.policies().fastTrack(t, c.state.nationality(), c.state.protectedInOtherEuState(), d).isPresent()) {
                emit(c, new TrackAssigned(c.state.dossier(), d, t));
                return;
            }
        }
    }

    // ---- CGVS -----------------------------------------------------------------------------

    private void enqueue(Case c) {
        boolean fast = sc.cgvs().fastTrackPriority() && c.state.track() != null && c.state.track().isFastTrack();
        (fast ? fastQueue : cgvsQueue).add(c);
    }

    private static String suspensionKey(DossierState s) {
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
            Case c = fastQueue.isEmpty() ? cgvsQueue.poll() : fastQueue.poll();
            if (c == null) {
                return;
            }
            if (suspendIfCovered(c, d)) {
                continue;
            }
            cgvsBusy++;
            at(d.plusDays(sc.cgvs().serviceTime().days(rng, 1)), () -> decide(c));
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
            type = (s.applicationType() == ApplicationType.SUBSEQUENT ? mix.without(DecisionType.INADMISSIBLE) : mix).sample(rng);
        }
        boolean interview = type != DecisionType.CLOSURE && (type != DecisionType.INADMISSIBLE || s.protectedInOtherEuState());
        if (interview && !s.interviewed()) {
            emit(c, new InterviewHeld(id, d));
        }
        emit(c, new FinalDecisionTaken(id, d, type));
        at(d.plusDays(sc.cgvs().notificationDays()), () -> notify(c));
    }

    private void notify(Case c) {
        LocalDate d = today();
        DossierState s = c.state;
        if (rulebook.policies().notificationSuspension(s.nationality(), s.protectedInOtherEuState(), s.lastDecision(), d).isPresent()) {
            at(d.plusDays(30), () -> notify(c));
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
    private void afterNegativeNotice(Case c, LocalDate d) {
        LocalDate deadline = rulebook.appealDeadline(c.state);
        if (!deadline.isAfter(d)) {   // a carried-over dossier whose appeal period ran out before the start
            at(d.plusDays(1), () -> {
                emit(c, new DecisionBecameFinal(c.state.dossier(), today()));
                finalNegative(c);
            });
            return;
        }
        if (rng.nextDouble() < sc.rvv().appeal(c.state.lastDecision())) {
            LocalDate lodged = d.plusDays(1 + rng.nextInt(sc.rvv().lodgingDays()));
            at(lodged.isAfter(deadline) ? deadline : lodged, () -> {
                emit(c, new AppealLodged(c.state.dossier(), today(), c.state.languageRole()));
                rvvQueue.add(c);
            });
        } else {
            at(deadline.plusDays(1), () -> {
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
            at(d.plusDays(sc.rvv().serviceTime().days(rng, 1)), () -> judge(c));
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

    private void finalNegative(Case c) {
        LocalDate d = today();
        emit(c, new OrderToLeaveIssued(c.state.dossier(), d, 30));
        scheduleNegativeExit(c, d);
    }

    private void scheduleNegativeExit(Case c, LocalDate d) {
        if (c.state.reception().isEmpty()) {
            return;
        }
        LocalDate end = rulebook.negativeExitDate(c.state).orElse(d);
        LocalDate when = (end.isBefore(d) ? d : end).plusDays(delay(sc.reception().exitDelayNegativeDays()));
        at(when, () -> leave(c, LeaveReason.FINAL_NEGATIVE_EXIT));
    }

    private void schedulePositiveExit(Case c) {
        if (c.state.reception().isEmpty()) {
            return;
        }
        LocalDate end = rulebook.transitionEnd(c.state).orElseThrow();
        LocalDate d = today();
        at((end.isBefore(d) ? d : end).plusDays(delay(sc.reception().exitDelayPositiveDays())), () -> leave(c, LeaveReason.POSITIVE_TRANSITION_END));
    }

    private int delay(double mean) {
        return mean <= 0 ? 0 : new Distribution(Distribution.Kind.EXPONENTIAL, mean, 1).days(rng, 0);
    }

    private void leave(Case c, LeaveReason reason) {
        if (!c.state.reception().isEmpty()) {
            emit(c, new LeftReception(c.state.dossier(), today(), reason, inReceptionIds(c.state)));
        }
    }

    private void scheduleDeparture(Case c, LocalDate placedOn) {
        scheduleDeparture(c, placedOn, placedOn);
    }

    /** The voluntary departure of those placed on {@code placedOn}, drawn from {@code from} (memoryless hazard). */
    private void scheduleDeparture(Case c, LocalDate placedOn, LocalDate from) {
        double h = sc.reception().voluntaryDeparturePerMonth();
        if (h <= 0) {
            return;
        }
        int days = (int) Math.ceil(-Math.log(1 - rng.nextDouble()) / h * 30.4375);
        at(from.plusDays(Math.max(1, days)), () -> {
            List<PersonId> ps = staying(c.state, st -> st.placed() && st.enteredOn().equals(placedOn));
            if (!ps.isEmpty()) {
                emit(c, new LeftReception(c.state.dossier(), today(), LeaveReason.VOLUNTARY_DEPARTURE, ps));
            }
        });
    }

    private void scheduleDropout(Case c, LocalDate since) {
        scheduleDropout(c, since, since);
    }

    private void scheduleDropout(Case c, LocalDate since, LocalDate from) {
        double h = sc.reception().waitingDropoutPerMonth();
        if (h <= 0) {
            return;
        }
        int days = (int) Math.ceil(-Math.log(1 - rng.nextDouble()) / h * 30.4375);
        at(from.plusDays(Math.max(1, days)), () -> {
            List<PersonId> ps = staying(c.state, st -> st.waiting() && st.enteredOn().equals(since));
            if (!ps.isEmpty()) {
                emit(c, new LeftReception(c.state.dossier(), today(), LeaveReason.NO_SHOW, ps));
            }
        });
    }

    // ---- reception ------------------------------------------------------------------------

    private void allocate(LocalDate d) {
        Policy.ReceptionPriority policy = allocator.priority(d);
        if (!policy.equals(queuePolicy) || d.getYear() != queueDay.getYear()) {   // the priority groups may change: classify again
            queuePolicy = policy;
            queueDay = d;
            queue.clear();
            for (Case c : waiting.values()) {
                c.queued = List.of();
                requeue(c);
            }
        }
        for (var first = becomesDue.firstEntry(); first != null && !first.getKey().isAfter(d); first = becomesDue.firstEntry()) {
            for (Case c : becomesDue.pollFirstEntry().getValue()) {
                if (first.getKey().equals(c.movesOn)) {
                    due.put(c.state.dossier(), c);
                }
            }
        }
        List<DossierState> moving = new ArrayList<>(due.size());
        for (Case c : due.values()) {
            moving.add(c.state);
        }
        Allocation a = allocator.allocate(d, sc.reception().network(), moving, queue, occupied);
        if (checkRounds) {
            List<DossierState> all = new ArrayList<>();
            cases.values().forEach(c -> all.add(c.state));
            Allocation afresh = allocator.allocate(d, sc.reception().network(), all);
            if (!new Allocation(d, afresh.transfers(), afresh.placements(), List.of(), afresh.capacity(), afresh.occupiedBefore(),
                    afresh.occupiedAfter()).equals(a)) {   // the engine's round does not list who waits: its queue has them
                throw new IllegalStateException("the allocation round on " + d + " differs from one over every dossier:\n" + a + "\n" + afresh);
            }
        }
        for (Allocation.Transfer t : a.transfers()) {
            emit(cases.get(t.dossier()), new TransferredBetweenFacilities(t.dossier(), d, t.facility(), t.placeType(), t.persons()));
        }
        for (Allocation.Placement p : a.placements()) {
            Case c = cases.get(p.dossier());
            emit(c, new PlacedInFacility(p.dossier(), d, p.facility(), p.placeType(), p.persons(), p.reason()));
            scheduleDeparture(c, d);
        }
    }
}
