package be.keten.stats.publication;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.reception.Network;
import be.keten.io.events.EventCodec;
import be.keten.io.events.EventReader;
import be.keten.io.reception.NetworkFile;
import be.keten.stats.ChainStatistics;
import be.keten.stats.StatisticsParameters;
import java.nio.file.Path;
import java.time.YearMonth;
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
        assertThat(p.months()).isEmpty();
    }
}
