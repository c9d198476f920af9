package be.keten.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.stats.ChainStatistics;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A period without data gives a report that says so, in every language and format, and shows no figure. */
class NoDataTest {
    private static final ChainStatistics STATS = History.statistics();
    private static final ChainStatistics EMPTY = ChainStatistics.of(List.of());

    static Stream<Arguments> cases() {
        return Stream.of(Language.values()).flatMap(l -> Stream.of(
                Arguments.of(l, "before the data", MonthlyReport.of(STATS, YearMonth.of(2021, 6), History.GENERATED)),
                Arguments.of(l, "after the data", MonthlyReport.of(STATS, YearMonth.of(2023, 5), History.GENERATED)),
                Arguments.of(l, "empty store", MonthlyReport.of(EMPTY, YearMonth.of(2023, 2), History.GENERATED)),
                Arguments.of(l, "year without data", AnnualReport.of(STATS, 2021, History.GENERATED)),
                Arguments.of(l, "year, empty store", AnnualReport.of(EMPTY, 2023, History.GENERATED))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void saysSoAndPrintsNoFigures(Language l, String what, Report r) {
        assertThat(r.hasData()).isFalse();
        Document d = r.document(l);
        String message = d.noData();
        Messages m = new Messages(l);
        assertThat(message).startsWith(m.get("nodata.empty", "").substring(0, 8));
        assertThat(d.sections()).isEmpty();

        String html = new String(Render.bytes(r, ReportFormat.HTML, l), StandardCharsets.UTF_8);
        assertThat(html).contains(MonthlyReportTest.escape(message)).doesNotContain("<table").doesNotContain("<svg");

        JsonNode json = Render.json(r, l);
        assertThat(json.get("hasData").asBoolean()).isFalse();
        assertThat(json.get("message").asText()).isEqualTo(message);
        assertThat(json.has("overview")).isFalse();
        assertThat(json.has("decisions")).isFalse();
        assertThat(json.has("workload")).isFalse();

        String pdf = String.join("\n", Render.pdfPages(Render.bytes(r, ReportFormat.PDF, l)));
        assertThat(pdf.replaceAll("\\s+", " ")).contains(message.substring(0, 40));
        assertThat(pdf).doesNotContain(m.get("applicants.total")).doesNotContain(m.get("others")).doesNotContain(m.get("rate.label"));

        Map<String, List<List<Cell>>> wb = Render.xlsx(Render.bytes(r, ReportFormat.XLSX, l));
        assertThat(wb).hasSize(1);
        List<List<Cell>> sheet = wb.values().iterator().next();
        assertThat(sheet).flatMap(x -> x).filteredOn(Render::numeric).isEmpty();
        assertThat(sheet).anyMatch(row -> !row.isEmpty() && row.get(0) != null && row.get(0).getText().equals(message));
    }

    @Test
    void theMessageNamesThePeriodAndTheDataRange() {
        Report before = MonthlyReport.of(STATS, YearMonth.of(2021, 6), History.GENERATED);
        assertThat(before.document(Language.NL).noData())
                .isEqualTo("Geen gegevens voor juni 2021: het register bevat gebeurtenissen van maart 2022 tot en met maart 2023, niet in deze maand."
                        + " Dit rapport bevat daarom geen cijfers.");
        assertThat(before.document(Language.FR).noData()).startsWith("Pas de données pour juin 2021\u00a0: le registre contient des événements de mars 2022");
        assertThat(before.document(Language.EN).noData()).startsWith("No data for June 2021: the register holds events from March 2022 to March 2023");
        assertThat(AnnualReport.of(EMPTY, 2023, History.GENERATED).document(Language.EN).noData())
                .isEqualTo("No data for 2023: the register holds no events at all. This report therefore contains no figures.");
    }
}
