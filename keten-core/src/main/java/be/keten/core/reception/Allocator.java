package be.keten.core.reception;

import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.person.LanguageRole;
import be.keten.core.policy.Policy;
import be.keten.core.policy.PolicyBook;
import be.keten.core.state.DossierState;
import be.keten.core.state.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One allocation round on a day (GUIDE §6.1–6.2), the same in operations and in simulation:
 * <ol>
 * <li>residents whose first-phase stay is over move to a stay place, freeing arrival places;</li>
 * <li>waiting households are served in priority order (unaccompanied minors, families, women,
 * vulnerable persons, exempted young men, single men), first come first served within a group
 * whatever the waiting-list channel; a household is placed together, in the first place type that
 * fits (first phase first), preferring its language region;</li>
 * <li>at or above the saturation threshold, non-vulnerable single men wait where the policy puts
 * them on a waiting list; and no single man is placed while a priority household still waits for
 * an adult or family place (a minor waiting for a minors' place does not compete for his).</li>
 * </ol>
 * Occupancy never exceeds capacity: a household is placed only where its size fits the free places.
 */
public final class Allocator {
    private static final List<PlaceType> ADULT_TYPES = List.of(PlaceType.FIRST_PHASE, PlaceType.COLLECTIVE, PlaceType.INDIVIDUAL);
    private static final List<PlaceType> MINOR_TYPES = List.of(PlaceType.UAM_OBSERVATION_ORIENTATION, PlaceType.UAM_COLLECTIVE,
            PlaceType.UAM_INDIVIDUAL, PlaceType.UAM_SPECIFIC);
    /** Where residents go after a first-phase place, and minors after observation and orientation. */
    private static final List<PlaceType> ADULT_NEXT = List.of(PlaceType.COLLECTIVE, PlaceType.INDIVIDUAL);
    private static final List<PlaceType> MINOR_NEXT = List.of(PlaceType.UAM_COLLECTIVE, PlaceType.UAM_INDIVIDUAL, PlaceType.UAM_SPECIFIC);
    /** The order a round serves households in: priority group, then first come first served, then dossier, then adults before minors. */
    public static final Comparator<Candidate> QUEUE_ORDER = Allocator::inQueueOrder;
    /** The order residents of a closing facility move in: by dossier. */
    private static final Comparator<DossierState> DOSSIER_ORDER = Comparator.comparing(DossierState::dossier);

    private final PolicyBook policies;
    private final int firstPhaseDays;
    private final int observationDays;
    /** The fixed part of the last round's occupancy text: capacity and policy change seldom, and formatting it is slow. */
    private volatile Saturation saturation;

    /**
     * @param firstPhaseDays  days in a first-phase place before moving to a stay place (not in the sources; a parameter)
     * @param observationDays days of observation and orientation of an unaccompanied minor (≈4 weeks, seed 004 §4)
     */
    public Allocator(PolicyBook policies, int firstPhaseDays, int observationDays) {
        this.policies = policies;
        this.firstPhaseDays = firstPhaseDays;
        this.observationDays = observationDays;
    }

    public static Allocator withDefaults(PolicyBook policies) {
        return new Allocator(policies, 14, 28);
    }

    /** Residents per facility now, read from the dossiers' stays. */
    public static Map<String, Integer> occupancy(List<DossierState> dossiers) {
        Map<String, Integer> m = new HashMap<>();
        for (DossierState s : dossiers) {
            for (Stay st : s.reception().values()) {
                if (st.placed()) {
                    m.merge(st.facility(), 1, Integer::sum);
                }
            }
        }
        return m;
    }

    public Allocation allocate(LocalDate day, Network network, List<DossierState> dossiers) {
        return allocate(day, network, dossiers, occupancy(dossiers));
    }

    private static int inQueueOrder(Candidate a, Candidate b) {
        int c = a.group().compareTo(b.group());
        if (c == 0) {
            c = a.waitingSince().compareTo(b.waitingSince());
        }
        if (c == 0) {
            c = a.dossier().value().compareTo(b.dossier().value());
        }
        return c != 0 ? c : Boolean.compare(a.unaccompaniedMinors(), b.unaccompaniedMinors());
    }

    /** The households of a dossier in a round's queue on {@code day}: its waiting households if it is entitled to reception, else none. */
    public static List<Candidate> queued(DossierState s, LocalDate day, Policy.ReceptionPriority policy) {
        return Boolean.TRUE.equals(s.entitled()) ? Candidate.of(s, day, policy) : List.of();
    }

    /** Whether {@link #queued} gives the same households for both states on any day under any policy (see {@link Candidate#sameHouseholds}). */
    public static boolean sameQueued(DossierState a, DossierState b) {
        return Objects.equals(a.entitled(), b.entitled()) && Candidate.sameHouseholds(a, b);
    }

    /** The reception priority policy a round on {@code day} applies (its queue is classified under it). */
    public Policy.ReceptionPriority priority(LocalDate day) {
        return policies.receptionPriority(day);
    }

    /**
     * The first day someone of this dossier in a place of type {@code from} &mdash;
     * {@link PlaceType#FIRST_PHASE} or {@link PlaceType#UAM_OBSERVATION_ORIENTATION} &mdash; is due to
     * move on; null if nobody is in one.
     */
    public LocalDate movesOn(DossierState s, PlaceType from) {
        LocalDate first = null;
        for (Stay st : s.reception().values()) {
            LocalDate on = st.placeType() == from ? movesOn(st) : null;
            first = on != null && (first == null || on.isBefore(first)) ? on : first;
        }
        return first;
    }

    /** The day a resident of a first-phase (or observation) place is due to move on to a stay place; null for other stays. */
    private LocalDate movesOn(Stay st) {
        int days = passingDays(st);
        return days < 0 ? null : st.enteredOn().plusDays(days);
    }

    /** {@code !day.isBefore(movesOn(st))}, without building the date: asked for every resident due to move on, every day. */
    private boolean over(Stay st, LocalDate day) {
        int days = passingDays(st);
        return days >= 0 && day.toEpochDay() - st.enteredOn().toEpochDay() >= days;
    }

    /** How long a resident stays in a first-phase (or observation) place before moving on; -1 for other stays. */
    private int passingDays(Stay st) {
        if (!st.placed()) {
            return -1;
        }
        return st.placeType() == PlaceType.FIRST_PHASE ? firstPhaseDays : st.placeType() == PlaceType.UAM_OBSERVATION_ORIENTATION ? observationDays : -1;
    }

    /**
     * The same round for a caller that keeps the occupancy itself: {@code occupied} is the residents
     * per facility of all dossiers in reception, as {@link #occupancy} would read it, and
     * {@code dossiers} need only hold those the round can act on &mdash; every dossier with a person
     * waiting, or placed in a first-phase or observation place &mdash; in any order. The result is then
     * that of {@link #allocate(LocalDate, Network, List)} over all dossiers in reception.
     */
    public Allocation allocate(LocalDate day, Network network, List<DossierState> dossiers, Map<String, Integer> occupied) {
        Policy.ReceptionPriority policy = priority(day);
        List<Candidate> queue = new ArrayList<>();
        TreeMap<DossierId, DossierState> byDossier = new TreeMap<>();
        for (DossierState s : dossiers) {
            queue.addAll(queued(s, day, policy));
            byDossier.put(s.dossier(), s);
        }
        queue.sort(QUEUE_ORDER);
        return round(day, network, new Due<>(byDossier, byDossier, s -> s), queue, occupied, true);   // every dossier: a superset of those due
    }

    /**
     * The residents a round may move on, in the order it takes them in (by dossier, as the sorted
     * maps keep them, so the order is not left to the caller): the dossiers with someone due to move
     * on from a first-phase place, and those with someone due to move on from an observation place
     * ({@link #movesOn}). A map may hold more dossiers than are due; a dossier in both is taken once.
     * Two maps, as a saturated network often has room in only one kind of stay place: a round then
     * passes over the others unread.
     *
     * @param state the dossier's state now, of a map's value
     */
    public record Due<T>(SortedMap<DossierId, T> fromFirstPhase, SortedMap<DossierId, T> fromObservation, Function<? super T, DossierState> state) {
        public Due {
            if (fromFirstPhase.comparator() != null || fromObservation.comparator() != null) {
                throw new IllegalArgumentException("residents due to move on must be kept in dossier order: maps in the natural order of dossier ids");
            }
            Objects.requireNonNull(state);
        }
    }

    /**
     * The same round for a caller that also keeps the waiting queue itself (a simulation, where
     * thousands of waiting households are not re-derived and sorted every day): {@code due} need
     * only hold the dossiers with someone due to move on by {@code day}; {@code queue} is every
     * dossier's {@link #queued} households, classified under {@link #priority}{@code (day)} in a year
     * of {@code day}, in {@link #QUEUE_ORDER}. The households left waiting are not listed (the caller
     * has them in its queue): the round stops at the first single man who must wait, as every
     * household after him is a single man who must wait too.
     */
    public <T> Allocation allocate(LocalDate day, Network network, Due<T> due, Iterable<Candidate> queue, Map<String, Integer> occupied) {
        return round(day, network, due, queue, occupied, false);
    }

    private <T> Allocation round(LocalDate day, Network network, Due<T> residents, Iterable<Candidate> queue,
                                 Map<String, Integer> occupied, boolean listWaiting) {
        Policy.ReceptionPriority policy = priority(day);
        Map<String, Integer> free = new HashMap<>();
        int capacity = 0;
        List<Facility> facilities = network.facilities();
        for (int i = 0; i < facilities.size(); i++) {   // indexed loops over the facilities: List.of iterators are not free
            Facility f = facilities.get(i);
            int places = f.capacityOn(day);
            capacity += places;
            free.put(f.id(), Math.max(0, places - occupied.getOrDefault(f.id(), 0)));
        }
        int before = 0;
        for (int n : occupied.values()) {
            before += n;
        }
        int[] occ = {before};

        List<Allocation.Transfer> transfers = transfers(day, network, residents, free);
        List<Allocation.Placement> placed = new ArrayList<>();
        List<Allocation.Waiting> waiting = new ArrayList<>();
        boolean priorityWaits = false;
        Misses misses = new Misses();   // placements only take free places from here on
        // The occupancy text changes only when someone is placed: written once per occupancy, when needed.
        OccupancyText text = new OccupancyText(capacity, policy, this);
        int stateOcc = -1;
        String state = null;
        String saturated = null;
        for (Candidate c : queue) {
            double rate = capacity == 0 ? 1 : occ[0] / (double) capacity;
            if (stateOcc != occ[0]) {
                stateOcc = occ[0];
                state = null;
                saturated = null;
            }
            if (c.group() == PriorityGroup.SINGLE_MAN) {
                boolean full = policy.singleMenWaitingList() && rate >= policy.saturationThreshold();
                if ((full || priorityWaits) && !listWaiting) {
                    break;   // nobody is placed after him: every household left is a single man who waits too
                }
                if (full) {
                    if (saturated == null) {
                        state = state != null ? state : text.of(occ[0]);
                        saturated = "saturated: " + state + "; non-vulnerable single men wait for a place";
                    }
                    waiting.add(new Allocation.Waiting(c.dossier(), c.persons(), c.group(), saturated));
                    continue;
                }
                if (priorityWaits) {
                    waiting.add(new Allocation.Waiting(c.dossier(), c.persons(), c.group(),
                            "a priority household is still waiting for a place; single men are not placed before it"));
                    continue;
                }
            }
            Optional<Facility> f = choose(network, free, c.unaccompaniedMinors() ? MINOR_TYPES : ADULT_TYPES, c.size(), c.languageRole(), day,
                    c.group(), c.resettled(), misses);
            if (f.isEmpty()) {
                // Only a household that needs the places a single man would take holds him back: an
                // unaccompanied minor waits for minors' places, which no single man can be given.
                priorityWaits |= c.group().priority() && !c.unaccompaniedMinors();
                if (listWaiting) {
                    state = state != null ? state : text.of(occ[0]);
                    waiting.add(new Allocation.Waiting(c.dossier(), c.persons(), c.group(), "no suitable place free for " + c.size()
                            + " person(s) in " + (c.unaccompaniedMinors() ? "minors' places" : "adult and family places") + "; " + state));
                }
                continue;
            }
            Facility g = f.get();
            state = state != null ? state : text.of(occ[0]);
            free.merge(g.id(), -c.size(), Integer::sum);
            occ[0] += c.size();
            placed.add(new Allocation.Placement(c.dossier(), c.persons(), g.id(), g.placeType(), c.group(), "priority " + (c.group().ordinal() + 1)
                    + " of 6 (" + c.group().label() + "), waiting since " + c.waitingSince() + "; " + state + "; " + g.placeType()
                    + " place at " + g.id() + " (" + g.operator().published() + ")"));
        }
        return new Allocation(day, transfers, placed, waiting, capacity, before, occ[0]);
    }

    /** "occupancy 94.0% of 36205 places, saturation at 94% (policy)", its fixed part fetched once a round first needs it. */
    private static final class OccupancyText {
        private final int capacity;
        private final Policy.ReceptionPriority policy;
        private final Allocator allocator;
        private String rest;   // all after the percentage

        OccupancyText(int capacity, Policy.ReceptionPriority policy, Allocator allocator) {
            this.capacity = capacity;
            this.policy = policy;
            this.allocator = allocator;
        }

        String of(int occupied) {
            if (rest == null) {
                rest = allocator.saturation(capacity, policy);
            }
            return "occupancy " + (capacity == 0 ? "100.0" : percent(occupied, capacity)) + rest;
        }
    }

    /** "% of 36205 places, saturation at 94% (policy)": kept from the last round when its capacity and policy are the same. */
    private String saturation(int capacity, Policy.ReceptionPriority policy) {
        Saturation last = saturation;
        if (last == null || last.capacity() != capacity || !last.policy().equals(policy)) {
            last = new Saturation(capacity, policy, String.format(Locale.ROOT, "%% of %d places, saturation at %.0f%% (%s)", capacity,
                    100 * policy.saturationThreshold(), policy.id()));
            saturation = last;
        }
        return last.text();
    }

    private record Saturation(int capacity, Policy.ReceptionPriority policy, String text) {
    }

    /**
     * {@code 100 * part / whole} with one decimal as {@code %.1f} prints the double, in integers (a
     * round writes it once per placement): away from a tie the exact quotient is at least 10^-7
     * from one, far beyond the double's error, so both round alike; an exact tie goes to the format,
     * as the double's last bit decides it.
     */
    static String percent(long part, long whole) {
        long twice = 2000 * part + whole;
        if (twice % (2 * whole) == 0) {
            return String.format(Locale.ROOT, "%.1f", 100 * (part / (double) whole));
        }
        long tenths = twice / (2 * whole);
        return tenths / 10 + "." + tenths % 10;
    }

    /**
     * Moving the residents of a facility that closes on {@code day}: each household goes, together,
     * to a place of the same kind (or, for first-phase residents, a stay place), language region
     * preferred. The closure can go ahead only if {@code unplaced} is empty.
     */
    public record Relocation(List<Allocation.Transfer> transfers, List<Allocation.Waiting> unplaced) {
        public boolean possible() {
            return unplaced.isEmpty();
        }
    }

    public Relocation relocate(LocalDate day, Network network, String closing, List<DossierState> dossiers) {
        Network after = network.with(network.facility(closing).orElseThrow(() -> new IllegalArgumentException("no facility " + closing))
                .closedFrom(day));
        Map<String, Integer> free = new HashMap<>();
        Map<String, Integer> occupied = occupancy(dossiers);
        for (Facility f : after.facilities()) {
            free.put(f.id(), Math.max(0, f.capacityOn(day) - occupied.getOrDefault(f.id(), 0)));
        }
        List<Allocation.Transfer> moves = new ArrayList<>();
        List<Allocation.Waiting> stuck = new ArrayList<>();
        List<DossierState> sorted = new ArrayList<>(dossiers);
        sorted.sort(DOSSIER_ORDER);
        for (DossierState s : sorted) {
            List<PersonId> here = s.reception().entrySet().stream().filter(e -> e.getValue().placed() && closing.equals(e.getValue().facility()))
                    .map(Map.Entry::getKey).sorted().toList();
            if (here.isEmpty()) {
                continue;
            }
            PlaceType type = s.reception().get(here.get(0)).placeType();
            List<PlaceType> options = new ArrayList<>(List.of(type));
            if (type == PlaceType.FIRST_PHASE) {
                options.addAll(List.of(PlaceType.COLLECTIVE, PlaceType.INDIVIDUAL));
            } else if (type == PlaceType.UAM_OBSERVATION_ORIENTATION) {
                options.add(PlaceType.UAM_COLLECTIVE);
            }
            Optional<Facility> to = choose(after, free, options, here.size(), s.languageRole(), day, groupOf(s, here, day), Candidate.resettled(s));
            if (to.isPresent()) {
                free.merge(to.get().id(), -here.size(), Integer::sum);
                moves.add(new Allocation.Transfer(s.dossier(), here, closing, to.get().id(), to.get().placeType(),
                        "facility " + closing + " closes on " + day + "; " + to.get().placeType() + " place at " + to.get().id()));
            } else {
                stuck.add(new Allocation.Waiting(s.dossier(), here, null, "no suitable place free for " + here.size() + " resident(s) of "
                        + closing + " (" + type + ")"));
            }
        }
        return new Relocation(moves, stuck);
    }

    /** Residents whose first-phase (or observation) stay is over move on, where a stay place is free; in dossier order. */
    private <T> List<Allocation.Transfer> transfers(LocalDate day, Network network, Due<T> due, Map<String, Integer> free) {
        List<Allocation.Transfer> out = new ArrayList<>();
        Misses misses = new Misses();   // moves free first-phase places, never places of the types that follow
        // The most free places in one open facility, per place type, kept exact as residents move in:
        // a household larger than this finds no place without looking (in a saturated network, most
        // of those due to move on).
        int[] room = new int[PlaceType.values().length];
        for (PlaceType t : PlaceType.values()) {
            room[t.ordinal()] = room(network, free, t, day);
        }
        // The two maps merged in dossier order; a map is passed over once no place is left where its residents go
        // (the places of the types that follow only fill up during a round).
        Iterator<? extends Map.Entry<DossierId, T>> adults = due.fromFirstPhase().entrySet().iterator();
        Iterator<? extends Map.Entry<DossierId, T>> minors = due.fromObservation().entrySet().iterator();
        Map.Entry<DossierId, T> adult = next(adults);
        Map.Entry<DossierId, T> minor = next(minors);
        while (true) {
            Map.Entry<DossierId, T> a = room(room, ADULT_NEXT) > 0 ? adult : null;
            Map.Entry<DossierId, T> m = room(room, MINOR_NEXT) > 0 ? minor : null;
            if (a == null && m == null) {
                break;   // nobody left who could move today
            }
            int order = a == null ? 1 : m == null ? -1 : a.getKey().compareTo(m.getKey());
            Map.Entry<DossierId, T> e = order <= 0 ? a : m;
            if (order <= 0) {
                adult = next(adults);
            }
            if (order >= 0) {
                minor = next(minors);
            }
            DossierState s = due.state().apply(e.getValue());
            if (!s.dossier().equals(e.getKey())) {
                throw new IllegalArgumentException("the resident due to move on under " + e.getKey() + " is dossier " + s.dossier());
            }
            if (mayMove(s, day, room)) {   // someone due, with room left where they would go
                transfers(day, network, s, free, room, misses, out);
            }
        }
        return out;
    }

    private static <E> E next(Iterator<? extends E> it) {
        return it.hasNext() ? it.next() : null;
    }

    /** The moves of one dossier's residents whose stay is over, by facility. */
    private void transfers(LocalDate day, Network network, DossierState s, Map<String, Integer> free, int[] room, Misses misses,
                           List<Allocation.Transfer> out) {
        Map<String, List<PersonId>> byFacility = overByFacility(s, day);
        for (var e : byFacility.entrySet()) {
            Stay stay = s.reception().get(e.getValue().get(0));
            boolean minor = stay.placeType() == PlaceType.UAM_OBSERVATION_ORIENTATION;
            List<PlaceType> next = minor ? MINOR_NEXT : ADULT_NEXT;
            if (room(room, next) < e.getValue().size()) {
                continue;
            }
            List<PersonId> persons = List.copyOf(e.getValue());   // sorted: the stays come in person order
            Optional<Facility> to = choose(network, free, next, persons.size(), s.languageRole(), day, groupOf(s, persons, day),
                    Candidate.resettled(s), misses);
            if (to.isPresent()) {
                free.merge(to.get().id(), -persons.size(), Integer::sum);
                free.merge(e.getKey(), persons.size(), Integer::sum);
                room[to.get().placeType().ordinal()] = room(network, free, to.get().placeType(), day);
                out.add(new Allocation.Transfer(s.dossier(), persons, e.getKey(), to.get().id(), to.get().placeType(),
                        (minor ? "observation" : "first-phase") + " stay over (" + (minor ? observationDays : firstPhaseDays)
                                + " days); " + to.get().placeType() + " place at " + to.get().id()));
            }
        }
    }

    /**
     * The persons whose first-phase or observation stay is over, by facility, in person order (the
     * order of the stays). Nearly always one facility: then no hash map is built, as a saturated
     * network asks this of every resident due to move on in every round.
     */
    private Map<String, List<PersonId>> overByFacility(DossierState s, LocalDate day) {
        String only = null;
        List<PersonId> persons = new ArrayList<>(s.reception().size());
        Map<String, List<PersonId>> byFacility = null;
        for (var e : s.reception().entrySet()) {
            Stay st = e.getValue();
            if (!over(st, day)) {
                continue;
            }
            if (byFacility == null && (only == null || only.equals(st.facility()))) {
                only = st.facility();
                persons.add(e.getKey());
                continue;
            }
            if (byFacility == null) {   // a second facility: the general case, in the order a hash map gives
                byFacility = new HashMap<>();
                byFacility.put(only, persons);
            }
            byFacility.computeIfAbsent(st.facility(), k -> new ArrayList<>()).add(e.getKey());
        }
        return byFacility != null ? byFacility : only == null ? Map.of() : Map.of(only, persons);
    }

    /** The most free places in one open facility of this place type. */
    private static int room(Network network, Map<String, Integer> free, PlaceType type, LocalDate day) {
        int most = 0;
        List<Facility> facilities = network.facilities();
        for (int i = 0; i < facilities.size(); i++) {
            Facility f = facilities.get(i);
            if (f.placeType() == type && f.capacityOn(day) > 0) {
                most = Math.max(most, free.getOrDefault(f.id(), 0));
            }
        }
        return most;
    }

    /** Someone of this dossier is due to move on, and some facility of the places that follow has a place free. */
    private boolean mayMove(DossierState s, LocalDate day, int[] room) {
        for (Stay st : s.reception().values()) {
            if (over(st, day) && room(room, st.placeType() == PlaceType.FIRST_PHASE ? ADULT_NEXT : MINOR_NEXT) > 0) {
                return true;
            }
        }
        return false;
    }

    private static int room(int[] room, List<PlaceType> types) {
        int most = 0;
        for (int i = 0; i < types.size(); i++) {   // indexed: List.of iterators are not free, and this runs per resident due
            most = Math.max(most, room[types.get(i).ordinal()]);
        }
        return most;
    }

    private PriorityGroup groupOf(DossierState s, List<PersonId> ids, LocalDate day) {
        List<be.keten.core.person.Person> persons = new ArrayList<>(ids.size());
        for (be.keten.core.person.Person p : s.persons()) {
            if (ids.contains(p.id())) {
                persons.add(p);
            }
        }
        return Candidate.classify(s, persons, day, policies.receptionPriority(day));
    }

    /**
     * The households of a round that found no place. Within a round the free places of the types a
     * search looks in only fall, so once no place fits a household, none fits a household as large
     * or larger of the same group and resettlement looking in the same types: it is skipped unsearched.
     * Keyed by the identity of the list of types (a round asks with this class's few constant lists)
     * and an index of group and resettlement: a record key hashed its list on every household.
     */
    private static final class Misses {
        private final Map<List<PlaceType>, int[]> smallest = new IdentityHashMap<>(4);

        boolean known(List<PlaceType> types, PriorityGroup group, boolean resettled, int size) {
            int[] s = smallest.get(types);
            return s != null && size >= s[index(group, resettled)];
        }

        void add(List<PlaceType> types, PriorityGroup group, boolean resettled, int size) {
            int[] s = smallest.computeIfAbsent(types, k -> {
                int[] none = new int[2 * PriorityGroup.values().length];
                Arrays.fill(none, Integer.MAX_VALUE);
                return none;
            });
            int i = index(group, resettled);
            s[i] = Math.min(s[i], size);
        }

        private static int index(PriorityGroup group, boolean resettled) {
            return 2 * group.ordinal() + (resettled ? 1 : 0);
        }
    }

    /** {@link #choose}, unless {@code misses} shows that nothing can fit; a miss is remembered. */
    private static Optional<Facility> choose(Network network, Map<String, Integer> free, List<PlaceType> types, int size, LanguageRole role,
                                             LocalDate day, PriorityGroup group, boolean resettled, Misses misses) {
        if (misses.known(types, group, resettled, size)) {
            return Optional.empty();
        }
        Optional<Facility> f = choose(network, free, types, size, role, day, group, resettled);
        if (f.isEmpty()) {
            misses.add(types, group, resettled, size);
        }
        return f;
    }

    /**
     * The first place type that fits the household, in a facility that admits it (target groups),
     * then its language region, then the most free places.
     */
    private static Optional<Facility> choose(Network network, Map<String, Integer> free, List<PlaceType> types, int size, LanguageRole role,
                                             LocalDate day, PriorityGroup group, boolean resettled) {
        for (int ti = 0; ti < types.size(); ti++) {
            PlaceType t = types.get(ti);
            // The minimum by (region rank, most free places, id), as a plain loop.
            Facility best = null;
            int bestRank = 0;
            int bestFree = 0;
            List<Facility> facilities = network.facilities();
            for (int i = 0; i < facilities.size(); i++) {
                Facility f = facilities.get(i);
                if (f.placeType() != t) {
                    continue;
                }
                int n = free.getOrDefault(f.id(), 0);
                if (n < size || !f.admits(group, resettled) || f.capacityOn(day) <= 0) {
                    continue;
                }
                int rank = regionRank(f.region(), role);
                if (best == null || rank < bestRank || rank == bestRank && (n > bestFree || n == bestFree && f.id().compareTo(best.id()) < 0)) {
                    best = f;
                    bestRank = rank;
                    bestFree = n;
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    private static int regionRank(LanguageRegion r, LanguageRole role) {
        if (role == null) {
            return 0;
        }
        boolean home = role == LanguageRole.NL ? r == LanguageRegion.FLANDERS : r == LanguageRegion.WALLONIA || r == LanguageRegion.GERMAN_SPEAKING;
        return home ? 0 : r == LanguageRegion.BRUSSELS ? 1 : 2;
    }
}
