package be.keten.core.resettlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgrammeSummaryTest {

    private static Pledge pledge(String period, Programme p, String breakdown, String category, long places, Qualifier q) {
        return new Pledge(ProgrammePeriod.parse(period), p, "Belgium", breakdown, category, "", places, q);
    }

    private static Arrival arrival(String period, Programme p, long persons, Qualifier q) {
        return new Arrival(ProgrammePeriod.parse(period), p, "Belgium", "", "total", "", "", persons, q);
    }

    private static final List<Pledge> PLEDGES = List.of(
            pledge("2020", Programme.RESETTLEMENT, "", "total", 1150, Qualifier.EXACT),
            pledge("2018/2019", Programme.RESETTLEMENT, "", "total", 2000, Qualifier.EXACT),
            pledge("2024", Programme.RESETTLEMENT, "", "total", 500, Qualifier.EXACT),
            pledge("2024", Programme.RESETTLEMENT, "target_group", "a", 150, Qualifier.EXACT),
            pledge("2024", Programme.RESETTLEMENT, "target_group", "emergency_resettlement", 50, Qualifier.EXACT),
            pledge("2022/2024", Programme.HUMANITARIAN_CORRIDOR, "", "total", 250, Qualifier.EXACT));

    private static final List<Arrival> ARRIVALS = List.of(
            arrival("2020", Programme.RESETTLEMENT, 176, Qualifier.EXACT),
            arrival("2018/2019", Programme.RESETTLEMENT, 1119, Qualifier.EXACT),
            arrival("2017", Programme.RESETTLEMENT, 1000, Qualifier.MORE_THAN),
            arrival("2021-01/2021-06", Programme.RESETTLEMENT, 635, Qualifier.EXACT),
            arrival("", Programme.RESETTLEMENT, 3000, Qualifier.MORE_THAN));

    @Test
    void pairsPledgedAndRealisedPerPeriodAndProgramme() {
        ProgrammeSummary s = ProgrammeSummary.of(PLEDGES, ARRIVALS);

        assertThat(s.dated()).extracting(l -> l.period().label() + " " + l.programme().label())
                .containsExactly("2017 resettlement", "2018/2019 resettlement", "2020 resettlement",
                        "2021-01/2021-06 resettlement", "2022/2024 humanitarian corridor", "2024 resettlement");
        ProgrammeSummary.Line y2020 = s.dated().get(2);
        assertThat(y2020.pledged()).hasValue(new ProgrammeSummary.Figure(1150, Qualifier.EXACT));
        assertThat(y2020.realised()).hasValue(new ProgrammeSummary.Figure(176, Qualifier.EXACT));
        // 176 / 1150 = 15.30 %
        assertThat(y2020.realisedPercent()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("15.3"));
        // 1119 / 2000 = 55.95 % → 56.0
        assertThat(s.dated().get(1).realisedPercent()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("56.0"));
        assertThat(s.dated().get(0).realised().orElseThrow().display()).isEqualTo("> 1,000");
        assertThat(s.dated().get(0).pledged()).isEmpty();

        ProgrammeSummary.Line y2024 = s.dated().get(5);
        assertThat(y2024.pledgeSplit()).hasSize(2);
        assertThat(y2024.pledgeSplitSum()).hasValue(200);
        assertThat(s.undated()).singleElement()
                .satisfies(l -> assertThat(l.realised().orElseThrow().display()).isEqualTo("> 3,000"));
        assertThat(s.firstYear()).hasValue(2017);
        assertThat(s.lastYear()).hasValue(2024);
    }

    @Test
    void betweenKeepsPeriodsOverlappingTheYears() {
        ProgrammeSummary s = ProgrammeSummary.of(PLEDGES, ARRIVALS).between(2019, 2020);
        assertThat(s.lines()).extracting(l -> l.period().label()).containsExactly("2018/2019", "2020");
        assertThatThrownBy(() -> ProgrammeSummary.of(PLEDGES, ARRIVALS).between(2021, 2020))
                .hasMessage("from 2021 is after to 2020");
    }

    @Test
    void registeredArrivalsAreShownBesidePublishedFigures() {
        ProgrammeSummary s = ProgrammeSummary.of(PLEDGES, ARRIVALS).withRegisteredArrivals(Map.of(2020, 170L, 2025, 12L));
        ProgrammeSummary.Line y2020 = s.dated().stream().filter(l -> l.period().label().equals("2020")).findFirst().orElseThrow();
        assertThat(y2020.registered()).hasValue(170);
        assertThat(y2020.realised().orElseThrow().value()).isEqualTo(176);
        ProgrammeSummary.Line y2025 = s.dated().get(s.dated().size() - 1);
        assertThat(y2025.period().label()).isEqualTo("2025");
        assertThat(y2025.pledged()).isEmpty();
        assertThat(y2025.registered()).hasValue(12);
    }

    @Test
    void twoTotalsForOnePeriodAreAmbiguous() {
        List<Pledge> twice = List.of(PLEDGES.get(0), pledge("2020", Programme.RESETTLEMENT, "", "total", 1100, Qualifier.EXACT));
        assertThatThrownBy(() -> ProgrammeSummary.of(twice, List.of()))
                .hasMessage("two pledged totals for resettlement in 2020: 1150 and 1100");
    }

    @Test
    void parsesThePublishedPeriodForms() {
        assertThat(ProgrammePeriod.parse("2020")).isEqualTo(new ProgrammePeriod.Span(2020, 2020, "2020", false));
        assertThat(ProgrammePeriod.parse("2018/2019")).isEqualTo(new ProgrammePeriod.Span(2018, 2019, "2018/2019", false));
        assertThat(ProgrammePeriod.parse("2021-01/2021-06"))
                .isEqualTo(new ProgrammePeriod.Span(2021, 2021, "2021-01/2021-06", true));
        assertThat(ProgrammePeriod.parse("2023-01/2023-12"))
                .isEqualTo(new ProgrammePeriod.Span(2023, 2023, "2023-01/2023-12", false));
        assertThat(ProgrammePeriod.parse("")).isInstanceOf(ProgrammePeriod.Undated.class);
        assertThatThrownBy(() -> ProgrammePeriod.parse("20x0")).hasMessageContaining("is not a period");
        assertThatThrownBy(() -> ProgrammePeriod.parse("2020/2018")).hasMessage("period 2020/2018 ends before it starts");
    }
}
