package be.keten.stats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.keten.stats.ChainStatistics;
import be.keten.stats.report.Document.Block;
import be.keten.stats.report.Document.CellType;
import be.keten.stats.report.Document.Columns;
import be.keten.stats.report.Document.Row;
import be.keten.stats.report.Document.RowKind;
import be.keten.stats.report.Document.Section;
import be.keten.stats.report.Document.Table;
import be.keten.stats.report.Document.TableStyle;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dhatim.fastexcel.reader.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The monthly report of February 2023 on {@link History}: figures worked out by hand there. */
class MonthlyReportTest {
    private static final ChainStatistics STATS = History.statistics();
    private static final YearMonth FEB = YearMonth.of(2023, 2);
    private static final MonthlyReport REPORT = MonthlyReport.of(STATS, FEB, History.GENERATED);

    private static String country(Language l, String code) {
        return new Messages(l).country(be.keten.core.person.Nationality.of(code));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void jsonCarriesEverySectionWithItsFigures(Language l) {
        JsonNode j = Render.json(REPORT, l);
        assertThat(j.get("report").asText()).isEqualTo("monthly");
        assertThat(j.get("month").asText()).isEqualTo("2023-02");
        assertThat(j.get("language").asText()).isEqualTo(l.code());
        assertThat(j.get("hasData").asBoolean()).isTrue();
        assertThat(j.at("/coverage/from").asText()).isEqualTo("2022-03");
        assertThat(j.at("/coverage/to").asText()).isEqualTo("2023-03");

        // Overview: applicants and decisions (persons), month and year to date.
        assertThat(j.at("/overview/applicants/month/total").asLong()).isEqualTo(5);
        assertThat(j.at("/overview/applicants/month/firstExclResettlement").asLong()).isEqualTo(2);
        assertThat(j.at("/overview/applicants/month/firstResettlement").asLong()).isEqualTo(2);
        assertThat(j.at("/overview/applicants/month/subsequent").asLong()).isEqualTo(1);
        assertThat(j.at("/overview/applicants/yearToDate/total").asLong()).isEqualTo(7);
        assertThat(j.at("/overview/decisionsPersons/month/subsidiary_protection").asLong()).isEqualTo(2);
        assertThat(j.at("/overview/decisionsPersons/month/inadmissible").asLong()).isEqualTo(1);
        assertThat(j.at("/overview/decisionsPersons/month/refusal").asLong()).isEqualTo(1);
        assertThat(j.at("/overview/decisionsPersons/month/total").asLong()).isEqualTo(4);
        assertThat(j.at("/overview/decisionsPersons/yearToDate/refugee_status").asLong()).isEqualTo(3);
        assertThat(j.at("/overview/decisionsPersons/yearToDate/refusal").asLong()).isEqualTo(2);   // the closure sits in the refusal row
        assertThat(j.at("/overview/decisionsPersons/yearToDate/total").asLong()).isEqualTo(8);

        // Applications per month: months the data do not cover and months not reached are null, never 0.
        JsonNode prev = j.at("/applicationsByMonth/previousYear");
        assertThat(prev.get("year").asInt()).isEqualTo(2022);
        assertThat(prev.at("/months/0/total").isNull()).isTrue();
        assertThat(prev.at("/months/1/total").isNull()).isTrue();
        assertThat(prev.at("/months/2/total").asLong()).isEqualTo(3);
        assertThat(prev.at("/months/3/total").asLong()).isZero();       // covered, nobody applied: a real zero
        assertThat(prev.at("/months/10/total").asLong()).isEqualTo(1);
        assertThat(prev.at("/months/11/total").asLong()).isEqualTo(2);
        assertThat(prev.at("/total/total").asLong()).isEqualTo(6);
        JsonNode curr = j.at("/applicationsByMonth/currentYear");
        assertThat(curr.at("/months/0/total").asLong()).isEqualTo(2);
        assertThat(curr.at("/months/1/month").asText()).isEqualTo("2023-02");
        assertThat(curr.at("/months/1/firstResettlement").asLong()).isEqualTo(2);
        assertThat(curr.at("/months/2/total").isNull()).isTrue();
        assertThat(curr.at("/months/11/subsequent").isNull()).isTrue();
        assertThat(curr.at("/total/total").asLong()).isEqualTo(7);

        // Top 10 origins: ties broken by code; labels in the language.
        JsonNode topMonth = j.at("/topOrigins/month");
        assertThat(codes(topMonth)).containsExactly("ER", "SY", "GN");
        assertThat(topMonth.at("/top/1/label").asText()).isEqualTo(country(l, "SY"));
        assertThat(topMonth.at("/top/1/firstResettlement").asLong()).isEqualTo(2);
        assertThat(topMonth.at("/others/total").asLong()).isZero();
        assertThat(topMonth.at("/total/total").asLong()).isEqualTo(5);
        assertThat(codes(j.at("/topOrigins/yearToDate"))).containsExactly("ER", "SY", "AF", "GN", "MD");

        // Decisions per month, persons and dossiers.
        JsonNode persons = row(j.at("/decisionsByMonth/persons/rows"), "refugee_status");
        assertThat(persons.at("/months/2023-01").asLong()).isEqualTo(3);
        assertThat(persons.at("/months/2023-02").asLong()).isZero();
        assertThat(persons.at("/months/2023-03").isNull()).isTrue();
        assertThat(persons.get("yearToDate").asLong()).isEqualTo(3);
        JsonNode dossiers = row(j.at("/decisionsByMonth/dossiers/rows"), "total");
        assertThat(dossiers.at("/months/2023-01").asLong()).isEqualTo(2);
        assertThat(dossiers.at("/months/2023-02").asLong()).isEqualTo(3);
        assertThat(dossiers.get("yearToDate").asLong()).isEqualTo(5);
        assertThat(j.at("/decisionsByMonth/rowMapping/closure").asText()).isEqualTo("refusal");

        // Top 10 by refugee recognitions: only countries with a recognition are ranked.
        JsonNode refugee = j.at("/topRefugeeRecognitions");
        assertThat(codes(refugee)).containsExactly("SY");
        assertThat(refugee.at("/top/0/refugee_status").asLong()).isEqualTo(3);
        assertThat(refugee.at("/others/subsidiary_protection").asLong()).isEqualTo(2);
        assertThat(refugee.at("/others/refusals").asLong()).isEqualTo(3);
        assertThat(refugee.at("/total/finals").asLong()).isEqualTo(8);

        // Protection rate (dossiers) and workload.
        assertThat(j.at("/protectionRate/unit").asText()).isEqualTo("dossiers");
        assertThat(j.at("/protectionRate/month").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(j.at("/protectionRate/yearToDate").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(j.at("/protectionRate/excludingInadmissibleYearToDate").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(j.at("/protectionRate/inadmissibilityShareYearToDate").asDouble()).isCloseTo(0.2, within(1e-9));
        assertThat(j.at("/protectionRate/definition").asText()).isEqualTo(new Messages(l).get("rate.definition"));
        assertThat(j.at("/workload/date").asText()).isEqualTo("2023-02-28");
        assertThat(j.at("/workload/dossiers").asLong()).isEqualTo(1);
        assertThat(j.at("/workload/persons").asLong()).isEqualTo(1);
        assertThat(j.at("/workload/normalWorkload").asLong()).isEqualTo(6500);
        assertThat(j.at("/workload/realBacklog").asLong()).isEqualTo(-6499);
    }

    @Test
    void jsonLabelsFollowTheLanguage() {
        assertThat(Render.json(REPORT, Language.NL).at("/topOrigins/month/top/1/label").asText()).isEqualTo("Syrië");
        assertThat(Render.json(REPORT, Language.FR).at("/topOrigins/month/top/1/label").asText()).isEqualTo("Syrie");
        assertThat(Render.json(REPORT, Language.EN).at("/topOrigins/month/top/1/label").asText()).isEqualTo("Syria");
        assertThat(Render.json(REPORT, Language.NL).get("title").asText()).isEqualTo("Asielstatistieken februari 2023");
        assertThat(Render.json(REPORT, Language.FR).get("title").asText()).isEqualTo("Statistiques d’asile février 2023");
        assertThat(Render.json(REPORT, Language.EN).get("title").asText()).isEqualTo("Asylum statistics February 2023");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void htmlIsASelfContainedPageWithChartsAndTheProtectionRate(Language l) throws Exception {
        String html = Render.html(REPORT, l);
        Messages m = new Messages(l);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + l.code() + "\"")
                .contains("<svg").contains("</svg>").contains("aria-label=")
                .doesNotContainIgnoringCase("<script").doesNotContain("src=").doesNotContain("href=");
        assertThat(html).contains(m.percent(0.4)).contains(m.get("rate.ytd", "2023")).contains(escape(m.get("rate.definition")));
        assertThat(html).contains(m.get("others")).contains(escape(m.get("workload.title"))).contains(escape(m.get("decisions.title")))
                .contains(m.get("workload.below_normal", m.integer(6499)))
                .contains(escape(m.get("applications.chart", "2022", "2023")));
        // Well-formed: the PDF renderer reads it as XHTML.
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void domainTermsInEachLanguage() {
        assertThat(Render.html(REPORT, Language.NL)).contains("Beschermingsgraad", "Werklast", "eerste verzoek om internationale bescherming",
                "Bron: DVZ", "Bron: CGVS", "Tussenbeslissingen", "Eindbeslissingen", "normale werklast", "40,0%");
        assertThat(Render.html(REPORT, Language.FR)).contains("Taux de protection", "Charge de travail",
                "première demande de protection internationale", "OE)", "CGRA)", "Décisions intermédiaires", "40,0\u00a0%");
        assertThat(Render.html(REPORT, Language.EN)).contains("Protection rate", "Workload", "first application for international protection",
                "Immigration Office", "CGRS", "Interim decisions", "40.0%");
    }

    @Test
    void monthsNotReachedAndMonthsWithoutDataAreBlankNeverZero() {
        Document d = REPORT.document(Language.EN);
        Table persons = tables(d, "decisions").get(0);
        Row refugee = persons.rows().stream().filter(r -> r.cells().get(0).text().equals(new Messages(Language.EN).get("decision.refugee_status")))
                .findFirst().orElseThrow();
        assertThat(refugee.cells().get(1).text()).isEqualTo("3");
        assertThat(refugee.cells().get(2).type()).isEqualTo(CellType.COUNT);
        for (int month = 3; month <= 12; month++) {
            assertThat(refugee.cells().get(month).type()).as("month %d", month).isEqualTo(CellType.BLANK);
            assertThat(refugee.cells().get(month).text()).isEmpty();
        }
        Table previousYear = tables(d, "applications").get(0);
        assertThat(previousYear.rows().get(0).cells().subList(1, 5)).allMatch(c -> c.type() == CellType.BLANK);   // January 2022
        assertThat(previousYear.rows().get(2).cells().get(1).text()).isEqualTo("3");                           // March 2022
        assertThat(previousYear.notes()).hasSize(1);                                                              // the partial total says so
        Table currentYear = tables(d, "applications").get(1);
        assertThat(currentYear.rows().get(2).cells().subList(1, 5)).allMatch(c -> c.type() == CellType.BLANK);  // March 2023 not reached
        assertThat(d.meta()).anyMatch(s -> s.contains("March 2022"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyTableKeepsThePublicationsSums(Language l) {
        Document d = REPORT.document(l);
        int checked = 0;
        for (Section s : d.sections()) {
            for (Table t : tables(d, s.id())) {
                if (t.style() == TableStyle.RANKED) {
                    // Top ten + other countries = total, column by column.
                    List<Row> body = t.rows().stream().filter(r -> r.kind() != RowKind.TOTAL).toList();
                    Row total = t.rows().get(t.rows().size() - 1);
                    assertThat(total.kind()).isEqualTo(RowKind.TOTAL);
                    assertThat(t.rows().get(t.rows().size() - 2).kind()).isEqualTo(RowKind.OTHERS);
                    for (int c = 2; c < t.width(); c++) {
                        assertThat(sum(body, c)).as("%s column %d", t.title(), c).isEqualTo(total.cells().get(c).value().longValue());
                    }
                    checked++;
                }
                if (t.style() == TableStyle.WIDE) {
                    // Months sum to the year to date, row by row; the rows sum to the total row.
                    for (Row r : t.rows()) {
                        if (!r.group()) {
                            long months = 0;
                            for (int c = 1; c <= 12; c++) {
                                Number v = r.cells().get(c).value();
                                months += v == null ? 0 : v.longValue();
                            }
                            assertThat(months).as("%s %s", t.title(), r.cells().get(0).text()).isEqualTo(r.cells().get(13).value().longValue());
                        }
                    }
                    List<Row> body = t.rows().stream().filter(r -> r.kind() == RowKind.BODY).toList();
                    assertThat(sum(body, 13)).isEqualTo(t.rows().get(t.rows().size() - 1).cells().get(13).value().longValue());
                    checked++;
                }
            }
        }
        Table current = tables(d, "applications").get(1);
        List<Row> months = current.rows().stream().filter(r -> r.kind() == RowKind.BODY).toList();
        for (int c = 1; c <= 4; c++) {
            assertThat(sum(months, c)).isEqualTo(current.rows().get(12).cells().get(c).value().longValue());
        }
        assertThat(checked).isEqualTo(5);   // two top-10 tables of origins, one of recognitions, decisions in persons and in dossiers
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void pdfHasEverySectionInTheEmbeddedFont(Language l) {
        byte[] pdf = Render.bytes(REPORT, ReportFormat.PDF, l);
        Messages m = new Messages(l);
        List<String> pages = Render.pdfPages(pdf);
        String text = String.join("\n", pages);
        assertThat(pages).hasSizeGreaterThanOrEqualTo(6);
        assertThat(pages.get(0)).contains(m.get("monthly.title", m.month(FEB)).toUpperCase(m.locale()));
        assertThat(text).contains(m.percent(0.4)).contains(m.get("others")).contains(m.get("rate.ytd", "2023"))
                .contains(m.get("decisions.group.interim")).contains(country(l, "SY"));
        assertThat(pages.get(pages.size() - 1)).contains(m.integer(6500));
        assertThat(Render.pdfFonts(pdf)).isNotEmpty().allMatch(n -> n.contains("DejaVuSansCondensed"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void xlsxHasOneSheetPerSectionWithNumbersAsNumbers(Language l) {
        Messages m = new Messages(l);
        Map<String, List<List<Cell>>> wb = Render.xlsx(Render.bytes(REPORT, ReportFormat.XLSX, l));
        assertThat(wb.keySet()).containsExactly(m.get("sheet.overview"), m.get("sheet.applications"), m.get("sheet.origins"),
                m.get("sheet.decisions"), m.get("sheet.refugee"), m.get("sheet.workload"));

        List<Cell> total = Render.row(wb.get(m.get("sheet.overview")), m.get("applicants.total"));
        assertThat(total.get(1).asNumber().intValue()).isEqualTo(5);
        assertThat(total.get(2).asNumber().intValue()).isEqualTo(7);

        List<Cell> refugee = Render.row(wb.get(m.get("sheet.decisions")), m.get("decision.refugee_status"));
        assertThat(refugee.get(1).asNumber().intValue()).isEqualTo(3);
        assertThat(refugee.get(2).asNumber().intValue()).isZero();
        assertThat(refugee.subList(3, 13)).allMatch(c -> c == null);   // March to December: empty cells, not 0
        assertThat(refugee.get(13).asNumber().intValue()).isEqualTo(3);

        List<Cell> rate = Render.row(wb.get(m.get("sheet.refugee")), m.get("rate.ytd", "2023"));
        assertThat(rate.get(1).asNumber().doubleValue()).isCloseTo(0.4, within(1e-9));
        assertThat(rate.get(1).getDataFormatString()).isEqualTo("0.0%");
        List<Cell> syria = Render.rankedRow(wb.get(m.get("sheet.refugee")), country(l, "SY"));
        assertThat(syria.get(0).getText()).isEqualTo("1");
        assertThat(syria.get(2).asNumber().intValue()).isEqualTo(3);
    }

    private static List<Table> tables(Document d, String section) {
        Section s = d.sections().stream().filter(x -> x.id().equals(section)).findFirst().orElseThrow();
        List<Table> out = new ArrayList<>();
        collect(s.blocks(), out);
        return out;
    }

    private static void collect(List<Block> blocks, List<Table> out) {
        for (Block b : blocks) {
            if (b instanceof Table t) {
                out.add(t);
            } else if (b instanceof Columns c) {
                collect(c.blocks(), out);
            }
        }
    }

    private static long sum(List<Row> rows, int column) {
        return rows.stream().mapToLong(r -> r.cells().get(column).value() == null ? 0 : r.cells().get(column).value().longValue()).sum();
    }

    private static List<String> codes(JsonNode ranking) {
        return StreamSupport.stream(ranking.get("top").spliterator(), false).map(n -> n.get("nationality").asText()).toList();
    }

    private static JsonNode row(JsonNode rows, String code) {
        return StreamSupport.stream(rows.spliterator(), false).filter(r -> r.get("code").asText().equals(code)).findFirst().orElseThrow();
    }

    /** Thymeleaf escapes the apostrophe; the texts are otherwise as in the catalogue. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
