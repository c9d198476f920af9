package be.keten.core.reception;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.id.PersonId;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.state.DossierState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Random networks and queues: the allocator's invariants hold whatever the input. */
class AllocatorPropertiesTest {
    private static final Allocator ALLOCATOR = Allocator.withDefaults(BelgianPolicies.book());

    @Property(tries = 200)
    void invariants(@ForAll long seed) {
        Random rnd = new Random(seed);
        LocalDate day = LocalDate.of(2022 + rnd.nextInt(3), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        List<Facility> fs = new ArrayList<>();
        PlaceType[] types = {PlaceType.FIRST_PHASE, PlaceType.COLLECTIVE, PlaceType.INDIVIDUAL, PlaceType.UAM_OBSERVATION_ORIENTATION,
                PlaceType.UAM_COLLECTIVE};
        for (int i = 0; i < 1 + rnd.nextInt(6); i++) {
            fs.add(Households.facility("F-P" + i, types[rnd.nextInt(types.length)], rnd.nextInt(12), LanguageRegion.values()[rnd.nextInt(3)]));
        }
        Network network = new Network(fs);
        List<DossierState> dossiers = new ArrayList<>();
        for (Facility f : fs) {
            if (!f.placeType().forUnaccompaniedMinors() && f.capacityOn(day) > 0) {
                dossiers.addAll(Households.residents(f.id(), f.placeType(), rnd.nextInt(f.capacityOn(day) + 1), day.minusDays(rnd.nextInt(30))));
            }
        }
        for (int i = 0; i < rnd.nextInt(15); i++) {
            List<Person> ps = new ArrayList<>();
            boolean uam = rnd.nextInt(6) == 0;
            int size = uam ? 1 : 1 + (rnd.nextInt(3) == 0 ? rnd.nextInt(4) : 0);
            for (int j = 0; j < size; j++) {
                ps.add(Households.person(rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE, uam ? day.getYear() - 16 : 1960 + rnd.nextInt(45), uam));
            }
            dossiers.add(Households.waiting(day.minusDays(rnd.nextInt(200)), LanguageRole.values()[rnd.nextInt(2)], ps));
        }
        Allocation a = ALLOCATOR.allocate(day, network, dossiers);

        Map<String, Integer> load = new HashMap<>(Allocator.occupancy(dossiers));
        a.transfers().forEach(t -> {
            load.merge(t.from(), -t.persons().size(), Integer::sum);
            load.merge(t.facility(), t.persons().size(), Integer::sum);
        });
        a.placements().forEach(p -> load.merge(p.facility(), p.persons().size(), Integer::sum));
        for (Facility f : fs) {
            assertThat(load.getOrDefault(f.id(), 0)).as("occupancy of %s", f.id()).isLessThanOrEqualTo(f.capacityOn(day));
        }
        assertThat(a.occupiedAfter()).isLessThanOrEqualTo(Math.max(a.capacity(), a.occupiedBefore()));

        Set<PersonId> seen = new HashSet<>();
        a.placements().forEach(p -> p.persons().forEach(x -> assertThat(seen.add(x)).isTrue()));
        a.waiting().forEach(w -> w.persons().forEach(x -> assertThat(seen.add(x)).isTrue()));
        long waitingPersons = dossiers.stream().flatMap(s -> s.reception().values().stream()).filter(st -> !st.placed()).count();
        assertThat(seen).hasSize((int) waitingPersons);

        for (Allocation.Placement p : a.placements()) {
            assertThat(p.placeType().forUnaccompaniedMinors()).isEqualTo(p.group() == PriorityGroup.UNACCOMPANIED_MINOR);
        }
        // A priority household left without an adult or family place holds every single man back;
        // a minor without a minors' place does not (no single man could take it).
        boolean priorityLeftForLackOfPlace = a.waiting().stream().anyMatch(w -> w.group().priority()
                && w.group() != PriorityGroup.UNACCOMPANIED_MINOR && w.reason().startsWith("no suitable place"));
        if (priorityLeftForLackOfPlace) {
            assertThat(a.placements()).noneMatch(p -> p.group() == PriorityGroup.SINGLE_MAN);
        }

        List<DossierState> shuffled = new ArrayList<>(dossiers);
        Collections.shuffle(shuffled, new Random(seed + 1));
        assertThat(ALLOCATOR.allocate(day, network, shuffled)).isEqualTo(a);

        // A caller that keeps the queue and the residents due to move: the same round, nobody listed as waiting.
        be.keten.core.policy.Policy.ReceptionPriority policy = ALLOCATOR.priority(day);
        List<Candidate> queue = new ArrayList<>();
        java.util.TreeMap<be.keten.core.id.DossierId, DossierState> fromFirstPhase = new java.util.TreeMap<>();
        java.util.TreeMap<be.keten.core.id.DossierId, DossierState> fromObservation = new java.util.TreeMap<>();
        for (DossierState s : shuffled) {
            queue.addAll(Allocator.queued(s, day, policy));
            LocalDate on = ALLOCATOR.movesOn(s, PlaceType.FIRST_PHASE);
            if (on != null && !day.isBefore(on)) {
                fromFirstPhase.put(s.dossier(), s);
            }
            on = ALLOCATOR.movesOn(s, PlaceType.UAM_OBSERVATION_ORIENTATION);
            if (on != null && !day.isBefore(on)) {
                fromObservation.put(s.dossier(), s);
            }
        }
        queue.sort(Allocator.QUEUE_ORDER);
        Allocator.Due<DossierState> due = new Allocator.Due<>(fromFirstPhase, fromObservation, s -> s);
        assertThat(ALLOCATOR.allocate(day, network, due, queue, Allocator.occupancy(dossiers)))
                .isEqualTo(new Allocation(day, a.transfers(), a.placements(), List.of(), a.capacity(), a.occupiedBefore(), a.occupiedAfter()));
    }

    @Property(tries = 20_000)
    void theOccupancyPercentageIsWhatPercentPointOneFPrints(@ForAll("parts") long part, @ForAll("wholes") long whole) {
        assertThat(Allocator.percent(part, whole)).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", 100 * (part / (double) whole)));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> parts() {
        return net.jqwik.api.Arbitraries.longs().between(0, 300_000).edgeCases(c -> c.add(0L, 1L, 5L, 47L, 121L, 969L, 94_005L));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> wholes() {
        return net.jqwik.api.Arbitraries.longs().between(1, 200_000).edgeCases(c -> c.add(1L, 2L, 20L, 40L, 250L, 2000L, 36_205L));
    }
}
