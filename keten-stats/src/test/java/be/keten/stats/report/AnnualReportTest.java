package be.keten.stats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.keten.stats.ChainStatistics;
import be.keten.core.calendar.Period;
import be.keten.stats.Unit;
import be.keten.stats.publication.AnnualDecisionRow;
import be.keten.stats.publication.AnnualPublication;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.dhatim.fastexcel.reader.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The annual tables of 2023 on {@link History}, whose data end in March 2023. */
class AnnualReportTest {
    private static final ChainStatistics STATS = History.statistics();
    private static final AnnualReport REPORT = AnnualReport.of(STATS, 2023, History.GENERATED);

    @Test
    void thePublicationCountsOnlyTheMonthsCovered() {
        AnnualPublication p = REPORT.publication();
        assertThat(p.covered()).hasValue(new Period(YearMonth.of(2023, 1), YearMonth.of(2023, 3)));
        assertThat(p.complete()).isFalse();
        assertThat(AnnualPublication.coveredMonths(STATS, 2022)).hasValue(new Period(YearMonth.of(2022, 3), YearMonth.of(2022, 12)));
        assertThat(AnnualPublication.coveredMonths(STATS, 2021)).isEmpty();
        assertThat(AnnualPublication.coveredMonths(STATS, 2024)).isEmpty();
        assertThat(p.applicantsPreviousYear()).isEmpty();   // 2022 is covered from March only
        assertThat(p.workloadDossiers()).containsOnlyKeys(YearMonth.of(2023, 1), YearMonth.of(2023, 2), YearMonth.of(2023, 3));
        double shares = 0;
        for (AnnualDecisionRow r : AnnualDecisionRow.values()) {
            shares += p.decisions().get(Unit.PERSONS).share(r);
        }
        assertThat(shares).isCloseTo(1.0, within(1e-9));
        assertThat(p.decisions().get(Unit.DOSSIERS).share(AnnualDecisionRow.INADMISSIBLE)).isEqualTo(p.inadmissibilityShare());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void jsonHasTheAnnualTables(Language l) {
        JsonNode j = Render.json(REPORT, l);
        assertThat(j.get("report").asText()).isEqualTo("annual");
        assertThat(j.get("covered").asText()).isEqualTo("2023-01/2023-03");
        assertThat(j.get("complete").asBoolean()).isFalse();
        assertThat(j.at("/applicants/year/total").asLong()).isEqualTo(7);
        assertThat(j.at("/applicants/previousYear").isNull()).isTrue();
        assertThat(codes(j.at("/applicants/topOrigins"))).containsExactly("ER", "SY", "AF", "GN", "MD");

        // Decisions by type: every type its own row (closure separate from refusal), with shares of all decisions.
        JsonNode persons = j.at("/decisions/persons");
        assertThat(row(persons, "refugee_status").get("count").asLong()).isEqualTo(3);
        assertThat(row(persons, "refugee_status").get("share").asDouble()).isCloseTo(3.0 / 8, within(1e-9));
        assertThat(row(persons, "refusal").get("count").asLong()).isEqualTo(1);
        assertThat(row(persons, "closure").get("count").asLong()).isEqualTo(1);
        assertThat(row(persons, "closure").get("label").asText()).isEqualTo(new Messages(l).get("annual.decision.closure"));
        assertThat(row(persons, "interim").get("count").asLong()).isZero();
        assertThat(persons.get("total").asLong()).isEqualTo(8);
        JsonNode dossiers = j.at("/decisions/dossiers");
        assertThat(dossiers.get("total").asLong()).isEqualTo(5);
        assertThat(row(dossiers, "inadmissible").get("share").asDouble()).isCloseTo(0.2, within(1e-9));

        // Protection rate, its evolution by year and by month.
        assertThat(j.at("/protectionRate/year").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(j.at("/protectionRate/byYear/0/year").asInt()).isEqualTo(2022);
        assertThat(j.at("/protectionRate/byYear/0/covered").asText()).isEqualTo("2022-03/2022-12");
        assertThat(j.at("/protectionRate/byYear/0/complete").asBoolean()).isFalse();
        assertThat(j.at("/protectionRate/byYear/0/rate").asDouble()).isZero();        // one refusal in 2022: a real 0%
        assertThat(j.at("/protectionRate/byYear/1/positive").asLong()).isEqualTo(2);
        assertThat(j.at("/protectionRate/byYear/1/denominator").asLong()).isEqualTo(5);
        assertThat(j.at("/protectionRate/byMonth/2023-01").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(j.at("/protectionRate/byMonth/2023-02").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(j.at("/protectionRate/byMonth/2023-03").isNull()).isTrue();       // no final decision: undefined, not 0%
        assertThat(j.at("/protectionRate/byMonth/2023-04").isNull()).isTrue();       // not covered

        // Main nationalities by final decisions (dossiers), each with its own rate.
        JsonNode main = j.at("/mainNationalities");
        assertThat(codes(main)).containsExactly("CM", "ER", "MD", "SY", "TR");
        assertThat(main.at("/top/1/protectionRate").asDouble()).isEqualTo(1.0);
        assertThat(main.at("/top/0/protectionRate").asDouble()).isZero();
        assertThat(main.at("/total/finals").asLong()).isEqualTo(5);
        assertThat(main.at("/total/protectionRate").asDouble()).isCloseTo(0.4, within(1e-9));

        // Workload at each month end, at the end of the period covered and a year earlier.
        assertThat(j.at("/workload/date").asText()).isEqualTo("2023-03-31");
        assertThat(j.at("/workload/dossiers").asLong()).isEqualTo(1);
        assertThat(j.at("/workload/previousYearEndDossiers").asLong()).isEqualTo(1);
        assertThat(j.at("/workload/monthEnds/2023-01/dossiers").asLong()).isEqualTo(1);
        assertThat(j.at("/workload/monthEnds/2023-04/dossiers").isNull()).isTrue();
        assertThat(j.at("/workload/realBacklog").asLong()).isEqualTo(-6499);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void htmlPdfAndXlsxShowTheSameTables(Language l) {
        Messages m = new Messages(l);
        String html = Render.html(REPORT, l);
        assertThat(html).contains("<svg").contains(m.get("annual.title", "2023")).contains(m.percent(0.4))
                .contains(MonthlyReportTest.escape(m.get("annual.decision.closure")))
                .contains(MonthlyReportTest.escape(m.get("meta.partial.year", "2023", m.month(YearMonth.of(2023, 1)), m.month(YearMonth.of(2023, 3)))))
                .doesNotContainIgnoringCase("<script");

        String pdf = String.join("\n", Render.pdfPages(Render.bytes(REPORT, ReportFormat.PDF, l)));
        assertThat(pdf).contains(m.get("annual.title", "2023").toUpperCase(m.locale())).contains(m.percent(0.4))
                .contains(m.get("annual.decision.closure"));

        Map<String, List<List<Cell>>> wb = Render.xlsx(Render.bytes(REPORT, ReportFormat.XLSX, l));
        assertThat(wb.keySet()).containsExactly(m.get("sheet.overview"), m.get("sheet.applications"), m.get("sheet.decisions"),
                m.get("sheet.rate"), m.get("sheet.nationalities"), m.get("sheet.workload"));
        List<Cell> refugee = Render.row(wb.get(m.get("sheet.decisions")), m.get("annual.decision.refugee_status"));
        assertThat(refugee.get(1).asNumber().intValue()).isEqualTo(3);
        assertThat(refugee.get(2).asNumber().doubleValue()).isCloseTo(3.0 / 8, within(1e-9));
        assertThat(refugee.get(3).asNumber().intValue()).isEqualTo(1);
        List<Cell> april = Render.row(wb.get(m.get("sheet.workload")), m.monthName(java.time.Month.APRIL));
        assertThat(april.subList(1, april.size())).allMatch(c -> c == null);
    }

    private static List<String> codes(JsonNode ranking) {
        return StreamSupport.stream(ranking.get("top").spliterator(), false).map(n -> n.get("nationality").asText()).toList();
    }

    private static JsonNode row(JsonNode unit, String code) {
        return StreamSupport.stream(unit.get("rows").spliterator(), false).filter(r -> r.get("code").asText().equals(code)).findFirst()
                .orElseThrow();
    }
}
