package be.keten.stats.publication;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.person.Sex;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.Network;
import be.keten.io.events.EventCodec;
import be.keten.io.events.EventReader;
import be.keten.io.reception.NetworkFile;
import be.keten.stats.ChainStatistics;
import be.keten.stats.ResidentCategory;
import be.keten.stats.StatisticsParameters;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fedasil's yearly balance on the sample dossiers and the example network: the figures agree with each other. */
class ReceptionPublicationTest {
    private static ChainStatistics stats;
    private static Network network;

    @BeforeAll
    static void load() throws Exception {
        stats = new ChainStatistics(StatisticsParameters.defaults());
        try (EventReader r = EventReader.open(Path.of("..", "examples", "events", "sample-dossiers.ndjson"), new EventCodec())) {
            r.stream().forEach(n -> stats.accept(n.event()));
        }
        network = NetworkFile.read(Path.of("..", "examples", "reception", "network-2024.csv"));
    }

    @Test
    void inMinusOutIsTheChangeInOccupancyAndTheBreakdownsAddUp() {
        ReceptionPublication p2022 = ReceptionPublication.of(stats, network, 2022);
        ReceptionPublication p2023 = ReceptionPublication.of(stats, network, 2023);
        assertThat(p2023.hasData()).isTrue();
        assertThat(p2023.months()).hasSize(12);
        long balance = p2023.months().values().stream().mapToLong(ReceptionPublication.Month::balance).sum();
        long endOf2022 = p2022.months().get(YearMonth.of(2022, 12)).occupancy();
        long endOf2023 = p2023.months().get(YearMonth.of(2023, 12)).occupancy();
        assertThat(endOf2022 + balance).isEqualTo(endOf2023);
        assertThat(p2023.profile().total()).isEqualTo(endOf2023);
        long byType = p2023.byPlaceType().values().stream().mapToLong(ReceptionPublication.Use::occupancy).sum();
        long byOperator = p2023.byOperator().values().stream().mapToLong(ReceptionPublication.Use::occupancy).sum();
        assertThat(byType + p2023.unknownFacility()).isEqualTo(endOf2023);
        assertThat(byOperator).isEqualTo(byType);
        assertThat(p2023.profile().bySex().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(endOf2023);
        assertThat(p2023.profile().byCategory().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(endOf2023);
        long top = p2023.profile().topNationalities().top().stream().mapToLong(e -> e.value()).sum();
        assertThat(top + p2023.profile().topNationalities().others()).isEqualTo(endOf2023);
        long out = p2023.outByReason().values().stream().mapToLong(Long::longValue).sum();
        assertThat(out).isEqualTo(p2023.months().values().stream().mapToLong(ReceptionPublication.Month::out).sum());
        assertThat(p2023.averageStayMonths()).isPresent();
        assertThat(p2023.months().get(YearMonth.of(2023, 6)).capacity()).isEqualTo(36_205);
    }

    @Test
    void aYearWithoutEventsHasNoData() {
        ReceptionPublication p = ReceptionPublication.of(stats, network, 2019);
        assertThat(p.hasData()).isFalse();
        assertThat(p.covered()).isEmpty();
        assertThat(p.months()).isEmpty();
        assertThat(p.averageStayMonths()).isEmpty();
        assertThat(p.outByReason().values()).containsOnly(0L);
    }

    @Test
    void yearTotalsAndBreakdownsAreThoseOfTheMonthsAndTheNetwork() {
        ReceptionPublication p = ReceptionPublication.of(stats, network, 2023);
        assertThat(p.complete()).isTrue();
        assertThat(p.stockDate()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(p.atStockDate()).isEqualTo(p.months().get(YearMonth.of(2023, 12)));
        assertThat(p.totalIn()).isEqualTo(p.months().values().stream().mapToLong(ReceptionPublication.Month::in).sum());
        assertThat(p.totalOut()).isEqualTo(p.months().values().stream().mapToLong(ReceptionPublication.Month::out).sum());
        assertThat(p.balance()).isEqualTo(p.totalIn() - p.totalOut());
        assertThat(p.outByReason()).containsOnlyKeys(LeaveReason.values());
        assertThat(p.outByReason().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(p.totalOut());

        // Fedasil's categories count the minors' places inside first phase, collective and individual (GUIDE §6.3).
        assertThat(p.byCategory()).containsOnlyKeys("first_phase", "collective_reception", "individual_housing", "open_return_places");
        assertThat(p.byCategory().get("first_phase").capacity()).isEqualTo(3_189);
        assertThat(p.byCategory().get("collective_reception").capacity()).isEqualTo(27_890);
        assertThat(p.byCategory().get("individual_housing").capacity()).isEqualTo(4_766);
        assertThat(p.byCategory().get("open_return_places").capacity()).isEqualTo(360);
        assertThat(p.minorsTotal().capacity()).isEqualTo(3_250);
        long categoryOccupancy = p.byCategory().values().stream().mapToLong(ReceptionPublication.Use::occupancy).sum();
        assertThat(categoryOccupancy).isEqualTo(p.networkTotal().occupancy());
        assertThat(p.networkTotal().capacity()).isEqualTo(p.atStockDate().capacity());
        assertThat(p.networkTotal().occupancy() + p.unknownFacility()).isEqualTo(p.atStockDate().occupancy());
        long minors = p.byPlaceType().entrySet().stream().filter(e -> e.getKey().forUnaccompaniedMinors())
                .mapToLong(e -> e.getValue().occupancy()).sum();
        assertThat(p.minorsTotal().occupancy()).isEqualTo(minors);
    }

    @Test
    void theProfileListsEveryGroupWithItsZeroAndAddsUp() {
        ReceptionPublication.Profile p = ReceptionPublication.of(stats, network, 2023).profile();
        assertThat(p.bySex()).containsOnlyKeys(Sex.values());
        assertThat(p.byCategory()).containsOnlyKeys(ResidentCategory.values());
        assertThat(p.byAgeGroup().keySet()).containsExactly("0-17", "18-25", "26-40", "41-60", "61+");
        assertThat(p.byAgeGroup().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(p.total());
        assertThat(p.inFamilies() + p.single()).isEqualTo(p.total());
        assertThat(p.share(p.total())).isEqualTo(1.0);
        assertThat(new ReceptionPublication.Profile(0, 0, Map.of(), Map.of(), null, Map.of()).share(0)).isNaN();
    }

    @Test
    void aYearCoveredInPartHasOnlyItsMonthsAndItsStockAtTheLastOne() {
        ReceptionPublication p = ReceptionPublication.of(stats, network, 2025);
        assertThat(p.hasData()).isTrue();
        assertThat(p.complete()).isFalse();
        assertThat(p.months()).containsOnlyKeys(YearMonth.of(2025, 1));
        assertThat(p.stockDate()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(p.profile().total()).isEqualTo(p.atStockDate().occupancy());
        assertThat(p.outByReason().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(p.totalOut());
    }
}
