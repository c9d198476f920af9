package be.keten.core.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.policy.BelgianPolicies;
import be.keten.core.reception.CapacityPeriod.Kind;
import be.keten.core.state.DossierState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosureTest {
    private static final Allocator ALLOCATOR = Allocator.withDefaults(BelgianPolicies.book());
    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);

    @Test
    void aClosingFacilitysResidentsAreMovedWhenPlacesAreFree() {
        Network n = new Network(List.of(Households.facility("F-OLD", PlaceType.COLLECTIVE, 10, LanguageRegion.WALLONIA),
                Households.facility("F-NEW", PlaceType.COLLECTIVE, 10, LanguageRegion.WALLONIA)));
        List<DossierState> residents = Households.residents("F-OLD", PlaceType.COLLECTIVE, 6, DAY.minusDays(40));
        Allocator.Relocation r = ALLOCATOR.relocate(DAY, n, "F-OLD", residents);
        assertThat(r.possible()).isTrue();
        assertThat(r.transfers()).hasSize(6).allSatisfy(t -> {
            assertThat(t.facility()).isEqualTo("F-NEW");
            assertThat(t.reason()).startsWith("facility F-OLD closes on 2024-05-01");
        });
    }

    @Test
    void aClosureIsRefusedWithAReasonWhenResidentsCannotAllBeMoved() {
        Network n = new Network(List.of(Households.facility("F-OLD", PlaceType.COLLECTIVE, 10, LanguageRegion.WALLONIA),
                Households.facility("F-NEW", PlaceType.COLLECTIVE, 4, LanguageRegion.WALLONIA)));
        List<DossierState> all = new ArrayList<>(Households.residents("F-OLD", PlaceType.COLLECTIVE, 6, DAY.minusDays(40)));
        Allocator.Relocation r = ALLOCATOR.relocate(DAY, n, "F-OLD", all);
        assertThat(r.possible()).isFalse();
        assertThat(r.transfers()).hasSize(4);
        assertThat(r.unplaced()).hasSize(2).allSatisfy(w -> assertThat(w.reason()).isEqualTo("no suitable place free for 1 resident(s) of F-OLD (COLLECTIVE)"));
    }

    @Test
    void closingEndsEveryPeriodTheDayBefore() {
        Facility f = new Facility("F-X", "x", Operator.FEDASIL, PlaceType.COLLECTIVE, LanguageRegion.FLANDERS, List.of(
                new CapacityPeriod(LocalDate.of(2024, 1, 1), null, 100, Kind.REGULAR, null),
                new CapacityPeriod(LocalDate.of(2024, 1, 1), null, 50, Kind.BUFFER, LocalDate.of(2024, 6, 1)),
                new CapacityPeriod(LocalDate.of(2024, 11, 1), LocalDate.of(2025, 3, 31), 30, Kind.TEMPORARY, null)));
        Facility closed = f.closedFrom(DAY);
        assertThat(closed.capacityOn(DAY.minusDays(1))).isEqualTo(100);
        assertThat(closed.capacityOn(DAY)).isZero();
        assertThat(closed.capacityOn(LocalDate.of(2024, 12, 1))).isZero();
        assertThat(closed.capacity()).hasSize(2);
    }

    @Test
    void buffersCountFromTheirActivation() {
        Facility f = new Facility("F-B", "b", Operator.FEDASIL, PlaceType.COLLECTIVE, LanguageRegion.FLANDERS, List.of(
                new CapacityPeriod(LocalDate.of(2024, 1, 1), null, 100, Kind.REGULAR, null),
                new CapacityPeriod(LocalDate.of(2024, 1, 1), null, 40, Kind.BUFFER, null)));
        assertThat(f.capacityOn(DAY)).isEqualTo(100);
        Facility on = f.buffersActivatedFrom(DAY);
        assertThat(on.capacityOn(DAY.minusDays(1))).isEqualTo(100);
        assertThat(on.capacityOn(DAY)).isEqualTo(140);
        assertThatThrownBy(() -> on.buffersActivatedFrom(DAY.plusDays(1))).hasMessageContaining("has no dormant buffer places");
    }
}
