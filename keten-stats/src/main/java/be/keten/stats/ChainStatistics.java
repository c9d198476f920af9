package be.keten.stats;

import be.keten.core.calendar.Period;

import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.event.AppealEvent.AppealJudged;
import be.keten.core.event.AppealEvent.AppealLodged;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ReceptionEvent.LeftReception;
import be.keten.core.event.ReceptionEvent.SponsorshipStarted;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.PlaceType;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.core.state.Stay;
import be.keten.core.state.StayChanges;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The chain's official figures, accumulated from events. Each dossier is folded with the core's
 * own {@link Evolution}, so a state such as "in the CGVS workload" or "placed" means here exactly
 * what it means to the rulebook. Events of different dossiers may come in any order; each
 * dossier's own events must come in their order (as the store and the simulator give them).
 * Flows are counted in the month of the event date; stocks at the end of a day.
 */
public final class ChainStatistics implements Consumer<ChainEvent> {
    private final StatisticsParameters parameters;
    private final boolean profiles;
    private final Map<DossierId, DossierState> states = new HashMap<>();
    // The month of the latest event: nearly every event falls in it, and YearMonth.from is not cheap.
    private YearMonth month;
    private final StayChanges stayChanges = new StayChanges();   // one cursor: the statistics are built by one thread
    // Fields below are the aggregates a checkpoint carries (package-private for StatisticsCheckpoint).
    YearMonth first;
    YearMonth last;
    long dossierCount;

    // month -> DVZ column -> nationality -> persons
    final Map<YearMonth, Map<String, Map<Nationality, Long>>> applications = new HashMap<>();
    // month -> unit -> nationality -> tally
    final Map<YearMonth, Map<Unit, Map<Nationality, DecisionTally>>> decisions = new HashMap<>();
    final StockSeries<Unit> workload = new StockSeries<>();
    final Map<YearMonth, Map<LanguageRole, long[]>> appeals = new HashMap<>();
    final Map<YearMonth, Map<LanguageRole, Map<JudgmentOutcome, Long>>> judgments = new HashMap<>();
    final StockSeries<Unit> rvvPending = new StockSeries<>();
    final Map<YearMonth, Long> receptionIn = new HashMap<>();
    final Map<YearMonth, Map<LeaveReason, Long>> receptionOut = new HashMap<>();
    final StockSeries<PlaceType> occupancyByType = new StockSeries<>();
    final StockSeries<String> occupancyByFacility = new StockSeries<>();
    final StockSeries<Unit> waitingList = new StockSeries<>();
    final StockSeries<Unit> sponsored = new StockSeries<>();
    final StockSeries<Resident> residents = new StockSeries<>();
    // year of departure -> {departures, days in the network}
    final Map<Integer, long[]> stays = new TreeMap<>();

    public ChainStatistics(StatisticsParameters parameters) {
        this(parameters, true);
    }

    private ChainStatistics(StatisticsParameters parameters, boolean profiles) {
        this.parameters = parameters;
        this.profiles = profiles;
    }

    /**
     * Statistics that count everything but the residents' profiles ({@link #residents}), which only
     * Fedasil's publication reads: a simulation reads none, and counting them took a tenth of a
     * replication's time. They cannot be written to a checkpoint, which would lack the profiles.
     */
    public static ChainStatistics withoutResidentProfiles(StatisticsParameters parameters) {
        return new ChainStatistics(parameters, false);
    }

    /** Whether the residents' profiles are counted (all statistics but a simulation's). */
    public boolean countsResidentProfiles() {
        return profiles;
    }

    public static ChainStatistics of(Iterable<? extends ChainEvent> events) {
        ChainStatistics s = new ChainStatistics(StatisticsParameters.defaults());
        events.forEach(s);
        return s;
    }

    public StatisticsParameters parameters() {
        return parameters;
    }

    @Override
    public void accept(ChainEvent e) {
        DossierState before = states.computeIfAbsent(e.dossier(), DossierState::empty);
        DossierState after = Evolution.apply(before, e);
        states.put(e.dossier(), after);
        accept(e, before, after);
    }

    /**
     * The same as {@link #accept(ChainEvent)} for a caller that has already folded the dossier with
     * the core's {@link Evolution} (a simulation holds the state the rulebook accepted): {@code before}
     * is the dossier after its previous event given here (empty for its first), {@code after} is
     * {@code Evolution.apply(before, e)}. It spares folding every event a second time, and keeping a
     * second copy of every state: the caller holds them, so a dossier given here is not known to a
     * later {@link #accept(ChainEvent)} unless {@link #resume resumed}.
     */
    public void accept(ChainEvent e, DossierState before, DossierState after) {
        if (before.version() == 0) {
            dossierCount++;
        }
        LocalDate day = e.date();
        YearMonth m = monthOf(day);
        first = first == null || m.isBefore(first) ? m : first;
        last = last == null || m.isAfter(last) ? m : last;

        // Indexed loops over the persons: an iterator over the core's immutable lists is garbage for each event.
        if (e instanceof ApplicationRegistered r && !r.persons().isEmpty()) {
            Map<Nationality, Long> byNat = applications.computeIfAbsent(m, k -> new HashMap<>())
                    .computeIfAbsent(r.applicationType().dvzColumn(), k -> new HashMap<>());
            for (int i = 0; i < r.persons().size(); i++) {
                byNat.merge(r.persons().get(i).nationality(), 1L, Long::sum);
            }
        }
        if (e instanceof DecisionEvent d) {
            Map<Unit, Map<Nationality, DecisionTally>> byUnit = decisions.computeIfAbsent(m, k -> new EnumMap<>(Unit.class));
            List<Person> persons = after.persons();
            if (!persons.isEmpty()) {
                Map<Nationality, DecisionTally> byNat = byUnit.computeIfAbsent(Unit.PERSONS, k -> new HashMap<>());
                for (int i = 0; i < persons.size(); i++) {
                    byNat.computeIfAbsent(persons.get(i).nationality(), k -> new DecisionTally()).add(d.decisionType(), 1);
                }
            }
            byUnit.computeIfAbsent(Unit.DOSSIERS, k -> new HashMap<>()).computeIfAbsent(after.nationality(), k -> new DecisionTally())
                    .add(d.decisionType(), 1);
        }
        stockChange(workload, inWorkload(before), inWorkload(after), before, after, day);
        stockChange(rvvPending, before.state() == ProcedureState.APPEAL_PENDING, after.state() == ProcedureState.APPEAL_PENDING, before, after, day);
        if (e instanceof AppealLodged a) {
            long[] c = appeals.computeIfAbsent(m, k -> new EnumMap<>(LanguageRole.class)).computeIfAbsent(a.languageRole(), k -> new long[2]);
            c[0] += after.persons().size();
            c[1]++;
        }
        if (e instanceof AppealJudged j) {
            judgments.computeIfAbsent(m, k -> new EnumMap<>(LanguageRole.class)).computeIfAbsent(before.languageRole(), k -> new EnumMap<>(JudgmentOutcome.class))
                    .merge(j.outcome(), 1L, Long::sum);
        }
        reception(before, after, e, day, m, true);
        residentsChange(before, after, day);
    }

    /**
     * A dossier already in state {@code s} at the end of {@code day}, whose past events are not
     * given (a simulation continuing the register's open cases): its stocks count from that day, no
     * flow is counted. Its later events are then given as usual, with {@code s} as their first
     * {@code before}.
     */
    public void carryOver(DossierState s, LocalDate day) {
        if (states.putIfAbsent(s.dossier(), s) != null) {
            throw new IllegalStateException("dossier " + s.dossier() + " is already known to the statistics");
        }
        dossierCount++;
        DossierState empty = DossierState.empty(s.dossier());
        stockChange(workload, false, inWorkload(s), empty, s, day);
        stockChange(rvvPending, false, s.state() == ProcedureState.APPEAL_PENDING, empty, s, day);
        reception(empty, s, null, day, monthOf(day), false);
        residentsChange(empty, s, day);
    }

    private YearMonth monthOf(LocalDate day) {
        if (month == null || month.getMonthValue() != day.getMonthValue() || month.getYear() != day.getYear()) {
            month = YearMonth.of(day.getYear(), day.getMonthValue());
        }
        return month;
    }

    /** Residents by profile: the dossier's placed persons before and after the event, the difference applied. */
    private void residentsChange(DossierState before, DossierState after, LocalDate day) {
        if (!profiles) {
            return;
        }
        // Most events leave the residents' profiles alone: same persons, same category, and the same
        // stays or at least the same persons placed (a transfer, a waiting-list change).
        if (before.persons() == after.persons() && ResidentCategory.of(before.state()) == ResidentCategory.of(after.state())
                && (before.reception() == after.reception() || samePlaced(before, after))) {
            return;
        }
        Resident[] was = residents(before);
        Resident[] is = residents(after);
        if (sameProfiles(was, is)) {
            return;
        }
        // Every profile of either side gets its change, netting to zero where it is on both (as a
        // checkpoint has always recorded it).
        for (Resident r : was) {
            residents.change(r, day, -1);
        }
        for (Resident r : is) {
            residents.change(r, day, 1);
        }
    }

    /** Whether the persons placed are the same in both states, which share their list of persons. */
    private static boolean samePlaced(DossierState before, DossierState after) {
        List<Person> persons = after.persons();
        for (int i = 0; i < persons.size(); i++) {
            PersonId id = persons.get(i).id();
            if (placed(before, id) != placed(after, id)) {
                return false;
            }
        }
        return true;
    }

    private static boolean placed(DossierState s, PersonId id) {
        Stay st = s.reception().get(id);
        return st != null && st.placed();
    }

    private static final Resident[] NO_RESIDENTS = {};

    /** The profiles of the dossier's placed persons, one per person. */
    private static Resident[] residents(DossierState s) {
        if (s.reception().isEmpty()) {
            return NO_RESIDENTS;
        }
        List<Person> persons = s.persons();
        boolean family = persons.size() > 1;
        ResidentCategory category = ResidentCategory.of(s.state());
        Resident[] out = new Resident[persons.size()];
        int n = 0;
        for (int i = 0; i < persons.size(); i++) {
            Person p = persons.get(i);
            if (placed(s, p.id())) {
                out[n++] = new Resident(family, p.sex(), p.yearOfBirth(), p.nationality(), category);
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The same profiles as many times each, in any order. */
    static boolean sameProfiles(Resident[] a, Resident[] b) {
        if (a.length != b.length) {
            return false;
        }
        if (Arrays.equals(a, b)) {
            return true;   // the usual case: the same persons in the same order
        }
        boolean[] matched = new boolean[b.length];
        for (Resident r : a) {
            int j = 0;
            while (j < b.length && (matched[j] || !r.equals(b[j]))) {
                j++;
            }
            if (j == b.length) {
                return false;
            }
            matched[j] = true;
        }
        return true;
    }

    private boolean inWorkload(DossierState s) {
        return s.state().atCgvs() && (parameters.suspendedInWorkload() || s.state() != ProcedureState.SUSPENDED);
    }

    private static void stockChange(StockSeries<Unit> series, boolean was, boolean is, DossierState before, DossierState after, LocalDate day) {
        if (was != is) {
            series.change(Unit.DOSSIERS, day, is ? 1 : -1);
            series.change(Unit.PERSONS, day, is ? after.persons().size() : -before.persons().size());
        }
    }

    /** Stocks of waiting, sponsored and placed persons; with {@code flows}, also entries, departures and lengths of stay. */
    private void reception(DossierState before, DossierState after, ChainEvent e, LocalDate day, YearMonth m, boolean flows) {
        for (StayChanges c = stayChanges.of(before, after); c.next(); ) {
            stayChange(c.was(), c.is(), e, day, m, flows);
        }
    }

    /** One person's stay changed from {@code was} to {@code is} (null: none). */
    private void stayChange(Stay was, Stay is, ChainEvent e, LocalDate day, YearMonth m, boolean flows) {
        if (was != null && was.waiting()) {
            waitingList.change(Unit.PERSONS, day, -1);
        }
        if (is != null && is.waiting()) {
            waitingList.change(Unit.PERSONS, day, 1);
        }
        // Community sponsorship is reception outside the network: neither a place nor the waiting list.
        if (was != null && was.sponsored()) {
            sponsored.change(Unit.PERSONS, day, -1);
        }
        if (is != null && is.sponsored()) {
            sponsored.change(Unit.PERSONS, day, 1);
        }
        if (was != null && was.placed()) {
            occupancyByType.change(was.placeType(), day, -1);
            occupancyByFacility.change(was.facility(), day, -1);
        }
        if (is != null && is.placed()) {
            occupancyByType.change(is.placeType(), day, 1);
            occupancyByFacility.change(is.facility(), day, 1);
        }
        if (!flows) {
            return;
        }
        boolean entered = is != null && is.placed() && (was == null || !was.placed());
        boolean left = was != null && was.placed() && (is == null || !is.placed());
        if (entered) {
            receptionIn.merge(m, 1L, Long::sum);
        }
        if (left) {
            LeaveReason reason = e instanceof LeftReception l ? l.reason()
                    : e instanceof SponsorshipStarted ? LeaveReason.COMMUNITY_SPONSORSHIP : LeaveReason.RETURN;
            receptionOut.computeIfAbsent(m, k -> new EnumMap<>(LeaveReason.class)).merge(reason, 1L, Long::sum);
            long[] s = stays.computeIfAbsent(day.getYear(), k -> new long[2]);
            s[0]++;
            s[1] += ChronoUnit.DAYS.between(was.enteredOn(), day);
        }
    }

    /**
     * Takes up a dossier whose earlier events are already counted (in the checkpoint these statistics
     * were restored from): its next event is counted against this state, the earlier ones not again.
     */
    public void resume(DossierState state) {
        states.put(state.dossier(), state);
    }

    /**
     * Drops the state kept for a dossier whose events have all been given: a caller that gives the
     * events dossier by dossier keeps memory flat in the number of dossiers this way.
     */
    public void forget(DossierId dossier) {
        states.remove(dossier);
    }

    // ---- queries ------------------------------------------------------------------------

    /** The first and last month with an event, if any. */
    public java.util.Optional<Period> coverage() {
        return first == null ? java.util.Optional.empty() : java.util.Optional.of(new Period(first, last));
    }

    /** Dossiers with at least one event. */
    public int dossiers() {
        return Math.toIntExact(dossierCount);
    }

    /** Persons applying in the period by DVZ column and nationality. */
    public Map<String, Map<Nationality, Long>> applications(Period p) {
        Map<String, Map<Nationality, Long>> out = new TreeMap<>();
        for (YearMonth m : p.months()) {
            applications.getOrDefault(m, Map.of()).forEach((col, byNat) -> byNat.forEach((n, v) ->
                    out.computeIfAbsent(col, k -> new HashMap<>()).merge(n, v, Long::sum)));
        }
        return out;
    }

    /** Persons applying in the period in one DVZ column ({@code first_excl_resettlement}, {@code first_resettlement}, {@code subsequent}). */
    public long applications(Period p, String column) {
        return applications(p).getOrDefault(column, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    public long applicationsTotal(Period p) {
        return applications(p).values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    /** Decisions taken in the period, in one unit, by nationality (the principal's for dossiers). */
    public Map<Nationality, DecisionTally> decisionsByNationality(Period p, Unit unit) {
        Map<Nationality, DecisionTally> out = new HashMap<>();
        for (YearMonth m : p.months()) {
            decisions.getOrDefault(m, Map.of()).getOrDefault(unit, Map.of())
                    .forEach((n, t) -> out.computeIfAbsent(n, k -> new DecisionTally()).addAll(t));
        }
        return out;
    }

    public DecisionTally decisions(Period p, Unit unit) {
        DecisionTally t = new DecisionTally();
        decisionsByNationality(p, unit).values().forEach(t::addAll);
        return t;
    }

    /** Files pending at the CGVS at the end of a day, excluding files not yet transferred by DVZ (GUIDE §5.2). */
    public long workload(LocalDate day, Unit unit) {
        return workload.at(unit, day);
    }

    /** Workload minus the normal workload in force that day, in dossiers; empty when no normal workload is known. */
    public OptionalLong realBacklog(LocalDate day) {
        OptionalLong normal = parameters.normalWorkloadOn(day);
        return normal.isPresent() ? OptionalLong.of(workload(day, Unit.DOSSIERS) - normal.getAsLong()) : OptionalLong.empty();
    }

    /** Appeals lodged at the RvV in the period, in one unit, for one language role (null: both). */
    public long appealsLodged(Period p, Unit unit, LanguageRole role) {
        long n = 0;
        for (YearMonth m : p.months()) {
            for (var e : appeals.getOrDefault(m, Map.of()).entrySet()) {
                if (role == null || e.getKey() == role) {
                    n += e.getValue()[unit == Unit.PERSONS ? 0 : 1];
                }
            }
        }
        return n;
    }

    /** RvV judgments (dossiers) in the period by outcome, for one language role (null: both). */
    public Map<JudgmentOutcome, Long> judgments(Period p, LanguageRole role) {
        Map<JudgmentOutcome, Long> out = new EnumMap<>(JudgmentOutcome.class);
        for (YearMonth m : p.months()) {
            judgments.getOrDefault(m, Map.of()).forEach((r, byOutcome) -> {
                if (role == null || r == role) {
                    byOutcome.forEach((o, v) -> out.merge(o, v, Long::sum));
                }
            });
        }
        return out;
    }

    public long rvvPending(LocalDate day, Unit unit) {
        return rvvPending.at(unit, day);
    }

    /** Persons entering the network (placements; waiting-list registrations and sponsorships are not IN). */
    public long receptionIn(Period p) {
        return p.months().stream().mapToLong(m -> receptionIn.getOrDefault(m, 0L)).sum();
    }

    /** Persons leaving the network by reason; a move to community sponsorship is {@link LeaveReason#COMMUNITY_SPONSORSHIP}. */
    public Map<LeaveReason, Long> receptionOut(Period p) {
        Map<LeaveReason, Long> out = new EnumMap<>(LeaveReason.class);
        p.months().forEach(m -> receptionOut.getOrDefault(m, Map.of()).forEach((r, v) -> out.merge(r, v, Long::sum)));
        return out;
    }

    public Map<PlaceType, Long> occupancyByPlaceType(LocalDate day) {
        return occupancyByType.all(day);
    }

    public Map<String, Long> occupancyByFacility(LocalDate day) {
        return occupancyByFacility.all(day);
    }

    public long occupancy(LocalDate day) {
        return occupancyByType.total(day);
    }

    /** Residents on a day by profile (family or single, sex, year of birth, nationality, procedure stage). */
    public Map<Resident, Long> residents(LocalDate day) {
        if (!profiles) {
            throw new IllegalStateException("these statistics do not count the residents' profiles (a simulation's statistics)");
        }
        return residents.all(day);
    }

    public long waitingList(LocalDate day) {
        return waitingList.at(Unit.PERSONS, day);
    }

    /**
     * Persons received by community sponsorship at the end of a day (GUIDE §7.1): outside the
     * network, so never in {@link #occupancy} nor on the {@link #waitingList}.
     */
    public long sponsored(LocalDate day) {
        return sponsored.at(Unit.PERSONS, day);
    }

    /** Average months in the network of persons who left in the year; current residents do not count (GUIDE §5.4). */
    public OptionalDouble averageStayMonths(int yearOfDeparture) {
        long[] s = stays.get(yearOfDeparture);
        return s == null || s[0] == 0 ? OptionalDouble.empty() : OptionalDouble.of(s[1] / (double) s[0] / (365.25 / 12));
    }
}
