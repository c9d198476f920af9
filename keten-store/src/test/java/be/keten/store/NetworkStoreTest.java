package be.keten.store;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.reception.CapacityPeriod;
import be.keten.core.reception.CapacityPeriod.Kind;
import be.keten.core.reception.Facility;
import be.keten.core.reception.LanguageRegion;
import be.keten.core.reception.Network;
import be.keten.core.reception.Operator;
import be.keten.core.reception.PlaceType;
import java.time.LocalDate;
import java.util.List;

class NetworkStoreTest {
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);

    private static Network network() {
        return new Network(List.of(
                new Facility("F-ONE", "Centre one", Operator.RODE_KRUIS, PlaceType.COLLECTIVE, LanguageRegion.FLANDERS, List.of(
                        new CapacityPeriod(FROM, LocalDate.of(2024, 6, 30), 100, Kind.REGULAR, null),
                        new CapacityPeriod(LocalDate.of(2024, 7, 1), null, 80, Kind.REGULAR, null),
                        new CapacityPeriod(FROM, null, 50, Kind.BUFFER, null))),
                new Facility("F-TWO", "Winter site", Operator.FEDASIL, PlaceType.COLLECTIVE, LanguageRegion.WALLONIA,
                        java.util.Set.of(be.keten.core.reception.TargetGroup.FAMILIES, be.keten.core.reception.TargetGroup.SINGLE_WOMEN), List.of(
                        new CapacityPeriod(LocalDate.of(2024, 11, 15), LocalDate.of(2025, 3, 31), 300, Kind.TEMPORARY, null)))));
    }

    @EngineTest
    void aLoadedNetworkReadsBackEqualAndAChangeIsStoredAndAudited(Engine engine) {
        try (Database d = engine.open()) {
            AuditLog audit = new AuditLog(d, Histories.CLOCK);
            NetworkStore store = new NetworkStore(d, audit);
            assertThat(store.load().facilities()).isEmpty();
            store.replace(network(), "planner");
            assertThat(store.load()).isEqualTo(network());
            Facility activated = network().facility("F-ONE").orElseThrow().buffersActivatedFrom(LocalDate.of(2024, 9, 1));
            store.update(activated, "planner", "buffer-activate");
            assertThat(store.load().facility("F-ONE")).contains(activated);
            assertThat(store.load().capacityOn(LocalDate.of(2024, 9, 1))).isEqualTo(130);
            store.replace(new Network(List.of(network().facilities().get(1))), "planner");
            assertThat(store.load().facilities()).extracting(Facility::id).containsExactly("F-TWO");
            assertThat(audit.entries("F-ONE")).extracting(AuditEntry::action).contains("buffer-activate");
        }
    }
}
