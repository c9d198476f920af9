package be.keten.core.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.id.DossierId;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Sex;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.reception.CapacityPeriod.Kind;
import be.keten.core.state.DossierState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AllocatorTest {
    private static final Allocator ALLOCATOR = Allocator.withDefaults(BelgianPolicies.book());
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    /** A network of {@code adultPlaces} first-phase and 2 minors' places, {@code occupied} adult places taken. */
    private static List<DossierState> filled(int occupied) {
        return new ArrayList<>(Households.residents("F-ADULT", PlaceType.FIRST_PHASE, occupied, DAY.minusDays(3)));
    }

    private static Network network(int adultPlaces) {
        return new Network(List.of(Households.facility("F-ADULT", PlaceType.FIRST_PHASE, adultPlaces, LanguageRegion.WALLONIA),
                Households.facility("F-MINOR", PlaceType.UAM_OBSERVATION_ORIENTATION, 2, LanguageRegion.WALLONIA)));
    }

    @Test
    void underSaturationPriorityGoesToMinorsFamiliesWomenThenVulnerableAndSingleMenWait() {
        // 100 adult places + 2 minors' places, 96 taken: 94% reached.
        List<DossierState> all = filled(96);
        DossierState man = Households.singleMan(DAY.minusDays(60), 1990);
        DossierState family = Households.family(DAY.minusDays(10), 3);
        DossierState woman = Households.waiting(DAY.minusDays(5), LanguageRole.FR, List.of(Households.person(Sex.FEMALE, 1995, false)));
        DossierState minor = Households.waiting(DAY.minusDays(1), LanguageRole.FR, List.of(Households.person(Sex.MALE, 2009, true)));
        DossierState weak = Households.vulnerable(Households.singleMan(DAY.minusDays(2), 1980), DAY.minusDays(1));
        all.addAll(List.of(man, family, woman, minor, weak));
        Allocation a = ALLOCATOR.allocate(DAY, network(100), all);
        assertThat(a.placements()).extracting(Allocation.Placement::group)
                .containsExactly(PriorityGroup.UNACCOMPANIED_MINOR, PriorityGroup.FAMILY, PriorityGroup.WOMAN);
        assertThat(a.placements().get(0).placeType()).isEqualTo(PlaceType.UAM_OBSERVATION_ORIENTATION);
        // The family of 3 fills three of the four free adult places and the woman the last one;
        // the vulnerable man, next in line, finds none; the single man, who waited longest, waits on.
        assertThat(a.waiting()).extracting(Allocation.Waiting::group).containsExactly(PriorityGroup.VULNERABLE, PriorityGroup.SINGLE_MAN);
        assertThat(a.waiting().get(0).reason()).startsWith("no suitable place free for 1 person(s)");
        assertThat(a.waiting().get(1).reason()).startsWith("saturated: occupancy").contains("RECEPTION_WAITING_LIST_YOUNG_ADULTS_EXEMPT");
        assertThat(a.occupiedAfter()).isLessThanOrEqualTo(a.capacity());
        assertThat(a.placements().get(1).reason()).contains("priority 2 of 6 (family)").contains("FIRST_PHASE place at F-ADULT");
    }

    @Test
    void noFamilyWaitsWhileASingleManIsPlaced() {
        // Below saturation, 2 places free: a family of 3 does not fit; the single man, waiting longer, would.
        List<DossierState> all = filled(48);
        DossierState man = Households.singleMan(DAY.minusDays(90), 1990);
        DossierState family = Households.family(DAY.minusDays(3), 3);
        all.add(man);
        all.add(family);
        Allocation a = ALLOCATOR.allocate(DAY, network(50), all);
        assertThat(a.placements()).isEmpty();
        assertThat(a.waiting()).extracting(Allocation.Waiting::dossier).containsExactly(family.dossier(), man.dossier());
        assertThat(a.waiting().get(1).reason()).contains("a priority household is still waiting");
    }

    @Test
    void aMinorWithoutAMinorsPlaceDoesNotKeepASingleManOutOfAnAdultPlace() {
        // Below saturation, adult places free, both minors' places taken: the minor waits for a
        // minors' place, which no single man could take from him, so the single man is placed.
        List<DossierState> all = filled(40);
        for (int i = 0; i < 2; i++) {
            DossierState m = Households.waiting(DAY.minusDays(5), LanguageRole.FR, List.of(Households.person(Sex.MALE, 2010, true)));
            all.add(Households.apply(m, new be.keten.core.event.ReceptionEvent.PlacedInFacility(m.dossier(), DAY.minusDays(3), "F-MINOR",
                    PlaceType.UAM_OBSERVATION_ORIENTATION, List.of(m.persons().get(0).id()), "test")));
        }
        DossierState minor = Households.waiting(DAY.minusDays(20), LanguageRole.FR, List.of(Households.person(Sex.MALE, 2009, true)));
        DossierState man = Households.singleMan(DAY.minusDays(10), 1990);
        all.add(minor);
        all.add(man);
        Allocation a = ALLOCATOR.allocate(DAY, network(50), all);
        assertThat(a.placements()).singleElement().satisfies(p -> {
            assertThat(p.dossier()).isEqualTo(man.dossier());
            assertThat(p.placeType()).isEqualTo(PlaceType.FIRST_PHASE);
        });
        assertThat(a.waiting()).singleElement().satisfies(w -> {
            assertThat(w.dossier()).isEqualTo(minor.dossier());
            assertThat(w.reason()).startsWith("no suitable place free for 1 person(s) in minors' places");
        });
    }

    @Test
    void theWaitingListIsServedInOrderOfArrivalWhateverTheChannel() {
        List<DossierState> all = filled(40);
        // Five single men, each through another channel; the oldest entry goes first whatever its channel.
        WaitingListChannel[] channels = {WaitingListChannel.COURT_ORDER, WaitingListChannel.QR_CODE, WaitingListChannel.HUMANITARIAN_REFERRAL,
                WaitingListChannel.ARRIVAL_CENTRE, WaitingListChannel.COURT_ORDER};
        List<DossierState> men = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            men.add(Households.waiting(DAY.minusDays(50 - 7L * i), LanguageRole.FR, List.of(Households.person(Sex.MALE, 1985, false)),
                    channels[(i + 1) % channels.length]));
        }
        List<DossierState> shuffled = new ArrayList<>(men);
        java.util.Collections.reverse(shuffled);   // the order of the input does not matter, the waiting date does
        all.addAll(shuffled);
        Allocation a = ALLOCATOR.allocate(DAY, network(43), all);   // below saturation; 3 places
        assertThat(a.placements()).extracting(Allocation.Placement::dossier)
                .containsExactly(men.get(0).dossier(), men.get(1).dossier(), men.get(2).dossier());
        assertThat(a.waiting()).extracting(Allocation.Waiting::dossier).containsExactly(men.get(3).dossier(), men.get(4).dossier());
    }

    @Test
    void youngMenOf18And19AreExemptFromTheWaitingListFrom2024Only() {
        List<DossierState> full = filled(97);
        DossierState young2024 = Households.singleMan(DAY.minusDays(3), 2005);   // 19 in 2024
        full.add(young2024);
        assertThat(ALLOCATOR.allocate(DAY, network(100), full).placements()).extracting(Allocation.Placement::group)
                .containsExactly(PriorityGroup.YOUNG_ADULT);
        LocalDate d2023 = LocalDate.of(2023, 6, 1);
        List<DossierState> full2023 = new ArrayList<>(Households.residents("F-ADULT", PlaceType.FIRST_PHASE, 97, d2023.minusDays(3)));
        full2023.add(Households.singleMan(d2023.minusDays(3), 2004));   // 19 in 2023
        Allocation a = ALLOCATOR.allocate(d2023, network(100), full2023);
        assertThat(a.placements()).isEmpty();
        assertThat(a.waiting()).extracting(Allocation.Waiting::group).containsExactly(PriorityGroup.SINGLE_MAN);
    }

    @Test
    void aMinorFoundAdultIsNoLongerInTheMinorsQueue() {
        DossierState m = Households.adultFound(Households.waiting(DAY.minusDays(5), LanguageRole.FR,
                List.of(Households.person(Sex.MALE, 2007, true))), DAY.minusDays(1));
        Allocation a = ALLOCATOR.allocate(DAY, network(10), List.of(m));
        assertThat(a.placements()).singleElement().satisfies(p -> assertThat(p.placeType()).isEqualTo(PlaceType.FIRST_PHASE));
    }

    @Test
    void afterTheFirstPhaseResidentsMoveToAStayPlaceInTheirLanguageRegion() {
        Network n = new Network(List.of(Households.facility("F-ARR", PlaceType.FIRST_PHASE, 10, LanguageRegion.BRUSSELS),
                Households.facility("F-COL-NL", PlaceType.COLLECTIVE, 10, LanguageRegion.FLANDERS),
                Households.facility("F-COL-FR", PlaceType.COLLECTIVE, 50, LanguageRegion.WALLONIA)));
        List<DossierState> recent = Households.residents("F-ARR", PlaceType.FIRST_PHASE, 2, DAY.minusDays(13));
        List<DossierState> due = Households.residents("F-ARR", PlaceType.FIRST_PHASE, 3, DAY.minusDays(14));
        List<DossierState> all = new ArrayList<>(recent);
        all.addAll(due);
        Allocation a = ALLOCATOR.allocate(DAY, n, all);
        assertThat(a.transfers()).hasSize(3).allSatisfy(t -> {
            assertThat(t.from()).isEqualTo("F-ARR");
            assertThat(t.facility()).isEqualTo("F-COL-FR");   // French language role: Wallonia, though Flanders has places too
            assertThat(t.reason()).startsWith("first-phase stay over (14 days)");
        });
    }

    /** A family placed over two arrival centres moves on from each, each part together and in person order. */
    @Test
    void aHouseholdInTwoFirstPhaseCentresMovesOnFromEach() {
        Network n = new Network(List.of(Households.facility("F-ARR-1", PlaceType.FIRST_PHASE, 10, LanguageRegion.BRUSSELS),
                Households.facility("F-ARR-2", PlaceType.FIRST_PHASE, 10, LanguageRegion.BRUSSELS),
                Households.facility("F-COL", PlaceType.COLLECTIVE, 10, LanguageRegion.WALLONIA)));
        DossierState s = Households.family(DAY.minusDays(40), 4);
        var ids = s.persons().stream().map(be.keten.core.person.Person::id).toList();
        LocalDate placed = DAY.minusDays(20);
        s = Households.apply(s, new be.keten.core.event.ReceptionEvent.PlacedInFacility(s.dossier(), placed, "F-ARR-2", PlaceType.FIRST_PHASE,
                List.of(ids.get(3), ids.get(0)), "test"));
        s = Households.apply(s, new be.keten.core.event.ReceptionEvent.PlacedInFacility(s.dossier(), placed, "F-ARR-1", PlaceType.FIRST_PHASE,
                List.of(ids.get(2), ids.get(1)), "test"));
        Allocation a = ALLOCATOR.allocate(DAY, n, List.of(s));
        assertThat(a.transfers()).hasSize(2).allSatisfy(t -> assertThat(t.facility()).isEqualTo("F-COL"));
        assertThat(a.transfers()).extracting(Allocation.Transfer::from).containsExactlyInAnyOrder("F-ARR-1", "F-ARR-2");
        assertThat(a.transfers()).filteredOn(t -> t.from().equals("F-ARR-2")).singleElement()
                .extracting(Allocation.Transfer::persons).isEqualTo(List.of(ids.get(0), ids.get(3)));
        assertThat(a.transfers()).filteredOn(t -> t.from().equals("F-ARR-1")).singleElement()
                .extracting(Allocation.Transfer::persons).isEqualTo(List.of(ids.get(1), ids.get(2)));
    }

    /** Who gets a scarce stay place depends on the order residents move on in: a caller keeping them must keep dossier order. */
    @Test
    void residentsDueToMoveOnOutOfDossierOrderAreRefused() {
        Network n = new Network(List.of(Households.facility("F-ARR", PlaceType.FIRST_PHASE, 10, LanguageRegion.BRUSSELS),
                Households.facility("F-COL", PlaceType.COLLECTIVE, 1, LanguageRegion.BRUSSELS)));
        List<DossierState> due = new ArrayList<>(Households.residents("F-ARR", PlaceType.FIRST_PHASE, 2, DAY.minusDays(30)));
        TreeMap<DossierId, DossierState> inOrder = new TreeMap<>();
        due.forEach(s -> inOrder.put(s.dossier(), s));
        Allocation a = ALLOCATOR.allocate(DAY, n, new Allocator.Due<>(inOrder, new TreeMap<>(), s -> s), List.of(), Allocator.occupancy(due));
        assertThat(a.transfers()).singleElement().extracting(Allocation.Transfer::dossier).isEqualTo(due.get(0).dossier());

        TreeMap<DossierId, DossierState> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.putAll(inOrder);
        assertThatThrownBy(() -> new Allocator.Due<>(reversed, new TreeMap<>(), s -> s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dossier order");
        TreeMap<DossierId, DossierState> misnamed = new TreeMap<>(Map.of(due.get(1).dossier(), due.get(0)));
        assertThatThrownBy(() -> ALLOCATOR.allocate(DAY, n, new Allocator.Due<>(misnamed, new TreeMap<>(), s -> s), List.of(),
                Allocator.occupancy(due))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is dossier " + due.get(0).dossier());
    }

    /** A round with room only in minors' stay places passes over adults due to move on, and moves the minor among them. */
    @Test
    void aRoundWithRoomForMinorsOnlyMovesTheMinorAmongAdultsDue() {
        Network n = new Network(List.of(Households.facility("F-ARR", PlaceType.FIRST_PHASE, 10, LanguageRegion.BRUSSELS),
                Households.facility("F-OBS", PlaceType.UAM_OBSERVATION_ORIENTATION, 5, LanguageRegion.BRUSSELS),
                Households.facility("F-UAM", PlaceType.UAM_COLLECTIVE, 2, LanguageRegion.BRUSSELS),
                Households.facility("F-COL", PlaceType.COLLECTIVE, 0, LanguageRegion.BRUSSELS)));
        List<DossierState> all = new ArrayList<>(Households.residents("F-ARR", PlaceType.FIRST_PHASE, 3, DAY.minusDays(30)));
        DossierState minor = Households.waiting(DAY.minusDays(40), LanguageRole.NL, List.of(Households.person(Sex.MALE, DAY.getYear() - 16, true)));
        all.add(Households.apply(minor, new be.keten.core.event.ReceptionEvent.PlacedInFacility(minor.dossier(), DAY.minusDays(40), "F-OBS",
                PlaceType.UAM_OBSERVATION_ORIENTATION, List.of(minor.persons().get(0).id()), "test")));
        Allocation afresh = ALLOCATOR.allocate(DAY, n, all);
        assertThat(afresh.transfers()).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo("F-OBS");
            assertThat(t.facility()).isEqualTo("F-UAM");
        });
        TreeMap<DossierId, DossierState> adults = new TreeMap<>();
        TreeMap<DossierId, DossierState> minors = new TreeMap<>();
        for (DossierState s : all) {
            (ALLOCATOR.movesOn(s, PlaceType.FIRST_PHASE) != null ? adults : minors).put(s.dossier(), s);
        }
        assertThat(adults).hasSize(3);
        assertThat(ALLOCATOR.allocate(DAY, n, new Allocator.Due<>(adults, minors, s -> s), List.of(), Allocator.occupancy(all)).transfers())
                .isEqualTo(afresh.transfers());
    }

    /** A placement's reason gives the occupancy of its own round, also when the same allocator served another network before. */
    @Test
    void aPlacementNamesTheCapacityAndPolicyOfItsOwnRound() {
        DossierState family = Households.family(DAY.minusDays(5), 3);
        String policy = ALLOCATOR.priority(DAY).id();
        for (int places : new int[] {50, 100, 50}) {
            Allocation a = ALLOCATOR.allocate(DAY, network(places), List.of(family));
            assertThat(a.placements()).singleElement().extracting(Allocation.Placement::reason).asString()
                    .contains("occupancy 0.0% of " + (places + 2) + " places, saturation at ").contains("(" + policy + ")");
        }
    }

    @Test
    void facilitiesReservedForTargetGroupsAdmitOnlyThose() {
        Facility familiesOnly = new Facility("F-FAM", "families", Operator.FEDASIL, PlaceType.FIRST_PHASE, LanguageRegion.WALLONIA,
                java.util.Set.of(TargetGroup.FAMILIES), List.of(new CapacityPeriod(LocalDate.of(2020, 1, 1), null, 10, Kind.REGULAR, null)));
        Facility resettledOnly = new Facility("F-RES", "dedicated centre", Operator.FEDASIL, PlaceType.FIRST_PHASE, LanguageRegion.FLANDERS,
                java.util.Set.of(TargetGroup.RESETTLED), List.of(new CapacityPeriod(LocalDate.of(2020, 1, 1), null, 10, Kind.REGULAR, null)));
        Network n = new Network(List.of(familiesOnly, resettledOnly));
        DossierState man = Households.singleMan(DAY.minusDays(30), 1990);
        DossierState family = Households.family(DAY.minusDays(5), 3);
        Allocation a = ALLOCATOR.allocate(DAY, n, List.of(man, family));
        assertThat(a.placements()).singleElement().satisfies(p -> {
            assertThat(p.dossier()).isEqualTo(family.dossier());
            assertThat(p.facility()).isEqualTo("F-FAM");
        });
        assertThat(a.waiting()).singleElement().satisfies(w -> {
            assertThat(w.dossier()).isEqualTo(man.dossier());
            assertThat(w.reason()).startsWith("no suitable place free");
        });
        assertThat(familiesOnly.admits(PriorityGroup.SINGLE_MAN, false)).isFalse();
        assertThat(resettledOnly.admits(PriorityGroup.SINGLE_MAN, true)).isTrue();
        assertThat(resettledOnly.admits(PriorityGroup.FAMILY, false)).isFalse();
        assertThatThrownBy(() -> new Facility("F-UAM", "minors", Operator.FEDASIL, PlaceType.UAM_COLLECTIVE, LanguageRegion.FLANDERS,
                java.util.Set.of(TargetGroup.FAMILIES), List.of())).hasMessageContaining("minors' places (UAM_COLLECTIVE) cannot be reserved");
    }

    @Test
    void temporaryPlacesEndAndBufferPlacesCountOnlyOnceActivated() {
        Facility winter = new Facility("F-WINTER", "Bredene", Operator.FEDASIL, PlaceType.COLLECTIVE, LanguageRegion.FLANDERS, List.of(
                new CapacityPeriod(LocalDate.of(2024, 11, 15), LocalDate.of(2025, 3, 31), 500, Kind.TEMPORARY, null),
                new CapacityPeriod(LocalDate.of(2024, 1, 1), null, 200, Kind.BUFFER, LocalDate.of(2025, 1, 10)),
                new CapacityPeriod(LocalDate.of(2020, 1, 1), null, 100, Kind.REGULAR, null)));
        assertThat(winter.capacityOn(LocalDate.of(2024, 11, 14))).isEqualTo(100);
        assertThat(winter.capacityOn(LocalDate.of(2024, 11, 15))).isEqualTo(600);
        assertThat(winter.capacityOn(LocalDate.of(2025, 1, 10))).isEqualTo(800);
        assertThat(winter.capacityOn(LocalDate.of(2025, 4, 1))).isEqualTo(300);
    }

    @Test
    void overlappingPeriodsOfOneKindAndNegativeCapacityAreRefused() {
        assertThatThrownBy(() -> new Facility("F-X", "x", Operator.FEDASIL, PlaceType.COLLECTIVE, LanguageRegion.FLANDERS, List.of(
                new CapacityPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), 10, Kind.REGULAR, null),
                new CapacityPeriod(LocalDate.of(2024, 6, 30), null, 20, Kind.REGULAR, null))))
                .hasMessageContaining("facility F-X: REGULAR periods overlap (2024-01-01–2024-06-30 and 2024-06-30–…)");
        assertThatThrownBy(() -> new CapacityPeriod(LocalDate.of(2024, 1, 1), null, -5, Kind.REGULAR, null)).hasMessageContaining("places must be 0 or more");
    }
}
