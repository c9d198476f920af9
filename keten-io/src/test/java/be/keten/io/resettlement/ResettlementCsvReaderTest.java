package be.keten.io.resettlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.resettlement.Arrival;
import be.keten.core.resettlement.Pledge;
import be.keten.core.resettlement.Programme;
import be.keten.core.resettlement.ProgrammeData;
import be.keten.core.resettlement.ProgrammeSummary;
import be.keten.core.resettlement.Qualifier;
import be.keten.core.resettlement.ResettlementInputException;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ResettlementCsvReaderTest {

    private static final String HEADER = "period,actor,measure,breakdown,category,nationality,iso2,first_asylum_country,"
            + "value,qualifier,source,locator,note\n";

    private static ProgrammeData read(String rows) throws IOException {
        return ResettlementCsvReader.read(new StringReader(HEADER + rows), "r.csv");
    }

    @Test
    void readsTheBundledReferenceData() {
        ProgrammeData d = ResettlementCsvReader.readBundled();
        // 17 data rows: 9 pledges (2024 quota and its 4 parts, 3 planned quotas, the corridor) and 8 arrivals.
        assertThat(d.pledges()).hasSize(9);
        assertThat(d.arrivals()).hasSize(8);

        Pledge quota2024 = d.pledges().get(0);
        assertThat(quota2024.period().label()).isEqualTo("2024");
        assertThat(quota2024.isTotal()).isTrue();
        assertThat(quota2024.places()).isEqualTo(500);
        assertThat(d.pledges().subList(1, 5)).extracting(Pledge::category).containsExactly(
                "syrians_in_region_around_syria", "central_mediterranean_region", "congolese_in_great_lakes_region",
                "emergency_resettlement");
        assertThat(d.pledges().get(1).nationality()).isEqualTo("SY");
        assertThat(d.arrivals()).filteredOn(a -> a.programme() == Programme.RELOCATION).singleElement()
                .satisfies(a -> assertThat(a.fromCountry()).isEqualTo("Cyprus"));
        assertThat(d.arrivals()).filteredOn(a -> a.period().label().equals("2017")).singleElement()
                .extracting(Arrival::qualifier).isEqualTo(Qualifier.MORE_THAN);

        ProgrammeSummary s = d.summary();
        ProgrammeSummary.Line y2024 = s.dated().stream()
                .filter(l -> l.period().label().equals("2024") && l.programme() == Programme.RESETTLEMENT)
                .findFirst().orElseThrow();
        // The parts of the 2024 pledge add up to its total: 150 + 150 + 150 + 50 = 500.
        assertThat(y2024.pledgeSplitSum()).hasValue(y2024.pledged().orElseThrow().value());
        ProgrammeSummary.Line y2020 = s.dated().stream()
                .filter(l -> l.period().label().equals("2020") && l.programme() == Programme.RESETTLEMENT)
                .findFirst().orElseThrow();
        assertThat(y2020.pledged().orElseThrow().value()).isEqualTo(1150);
        assertThat(y2020.realised().orElseThrow().value()).isEqualTo(176);
        assertThat(s.undated()).hasSize(1);
    }

    @Test
    void badRowsNameLineAndField() {
        assertThatThrownBy(() -> read("2020,Belgium,promised,,total,,,,10,exact,,,\n"))
                .isInstanceOf(ResettlementInputException.class)
                .hasMessage("r.csv line 2, field measure: unknown measure 'promised'; expected one of arrived,"
                        + " community_sponsorship_arrivals, humanitarian_corridor_commitment, planned, pledge,"
                        + " relocation_arrivals, selection_accepted, selection_interviewed");
        assertThatThrownBy(() -> read("2020,Belgium,pledge,,total,,,,10,exact,,,\n2020,Belgium,arrived,,total,,,,-3,exact,,,\n"))
                .hasMessage("r.csv line 3, field value: must not be negative (was -3)");
        assertThatThrownBy(() -> read("2020,Belgium,arrived,,total,,,,many,exact,,,\n"))
                .hasMessage("r.csv line 2, field value: 'many' is not a whole number of persons or places");
        assertThatThrownBy(() -> read("2020,Belgium,arrived,,total,,,,,exact,,,\n"))
                .hasMessage("r.csv line 2, field value: is empty");
        assertThatThrownBy(() -> read("20-20,Belgium,arrived,,total,,,,5,exact,,,\n"))
                .hasMessage("r.csv line 2, field period: '20-20' is not a period; expected YYYY, YYYY-MM, YYYY/YYYY,"
                        + " YYYY-MM/YYYY-MM or empty");
        assertThatThrownBy(() -> read("2020,Belgium,arrived,,total,,,,5,roughly,,,\n"))
                .hasMessage("r.csv line 2, field qualifier: unknown qualifier 'roughly'; expected one of exact,"
                        + " approx, almost, more_than, less_than, up_to");
        assertThatThrownBy(() -> read("2020,Belgium,pledge,,syrians,,,,5,exact,,,\n"))
                .hasMessage("r.csv line 2, field category: a row without breakdown is a total and must have"
                        + " category 'total' (was 'syrians')");
        assertThatThrownBy(() -> ResettlementCsvReader.read(new StringReader("period,actor,measure\n"), "r.csv"))
                .hasMessage("r.csv line 1, field breakdown: column missing; expected period,actor,measure,breakdown,"
                        + "category,nationality,iso2,first_asylum_country,value,qualifier");
    }

    @Test
    void selectionMissionsPairInterviewedAndAcceptedPerPeriodAndHostCountry() throws IOException {
        ProgrammeData d = read("2023,Belgium,selection_interviewed,,total,,,LB,120,exact,s,l,\n"
                + "2023,Belgium,selection_accepted,,total,,,LB,114,exact,s,l,\n"
                + "2023,Belgium,selection_interviewed,,total,,,TR,80,approx,s,l,\n"
                + "2024,Belgium,selection_accepted,,total,,,JO,40,exact,s,l,\n");
        assertThat(d.selectionMissions()).extracting(m -> m.period().label(), be.keten.core.resettlement.SelectionMission::hostCountry,
                        m -> m.interviewed().map(ProgrammeSummary.Figure::display).orElse("-"),
                        m -> m.accepted().map(ProgrammeSummary.Figure::display).orElse("-"),
                        m -> m.acceptedPercent().map(java.math.BigDecimal::toPlainString).orElse("-"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2023", "LB", "120", "114", "95.0"),
                        org.assertj.core.groups.Tuple.tuple("2023", "TR", "≈ 80", "-", "-"),
                        org.assertj.core.groups.Tuple.tuple("2024", "JO", "-", "40", "-"));
        // Selection figures are neither pledges nor arrivals.
        assertThat(d.pledges()).isEmpty();
        assertThat(d.arrivals()).isEmpty();
    }

    @Test
    void aSelectionFigureNeedsItsHostCountryIsATotalAndIsGivenOnce() {
        assertThatThrownBy(() -> read("2023,Belgium,selection_accepted,,total,,,,114,exact,s,l,\n"))
                .isInstanceOf(ResettlementInputException.class)
                .hasMessage("r.csv line 2, field first_asylum_country: a selection-mission figure names the country where the mission took place");
        assertThatThrownBy(() -> read("2023,Belgium,selection_accepted,target_group,syrians,,,LB,114,exact,s,l,\n"))
                .hasMessage("r.csv line 2, field breakdown: a selection-mission figure is a total per period and country (was 'target_group')");
        assertThatThrownBy(() -> read("2023,Belgium,selection_accepted,,total,,,LB,114,exact,s,l,\n"
                + "2023,Belgium,selection_accepted,,total,,,LB,110,exact,s,l,\n"))
                .hasMessage("r.csv line 3, field measure: a second 'selection_accepted' figure for 2023 in LB");
    }
}
