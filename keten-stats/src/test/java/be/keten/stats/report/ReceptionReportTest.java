package be.keten.stats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import be.keten.core.person.Sex;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.Network;
import be.keten.core.reception.Operator;
import be.keten.io.events.EventCodec;
import be.keten.io.events.EventReader;
import be.keten.io.reception.NetworkFile;
import be.keten.stats.ChainStatistics;
import be.keten.stats.ResidentCategory;
import be.keten.stats.StatisticsParameters;
import be.keten.stats.publication.Ranking;
import be.keten.stats.publication.ReceptionPublication;
import be.keten.stats.publication.ReceptionPublication.Use;
import be.keten.stats.report.Document.CellType;
import be.keten.stats.report.Document.Table;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dhatim.fastexcel.reader.Cell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reception report (Fedasil's yearly balance) on the sample dossiers and the example network.
 * The sample's events run from January 2022 to January 2025: 2023 is a whole year, 2025 one month,
 * 2021 has no data. Every figure checked here is read from {@link ReceptionPublication}, never
 * typed in, so the test says "the report shows the publication" whatever the sample holds.
 */
class ReceptionReportTest {
    private static final LocalDate GENERATED = LocalDate.of(2025, 3, 1);
    private static ChainStatistics stats;
    private static Network network;
    private static ReceptionReport report;
    private static ReceptionPublication pub;

    @BeforeAll
    static void load() throws Exception {
        stats = new ChainStatistics(StatisticsParameters.defaults());
        try (EventReader r = EventReader.open(Path.of("..", "examples", "events", "sample-dossiers.ndjson"), new EventCodec())) {
            r.stream().forEach(n -> stats.accept(n.event()));
        }
        network = NetworkFile.read(Path.of("..", "examples", "reception", "network-2024.csv"));
        report = ReceptionReport.of(stats, network, 2023, GENERATED);
        pub = report.publication();
    }

    @Test
    void theSampleYearIsCompleteWithPeopleInAndOut() {
        // The checks below compare with the publication; they only mean something if there is something to compare.
        assertThat(pub.complete()).isTrue();
        assertThat(pub.totalIn()).isPositive();
        assertThat(pub.totalOut()).isPositive();
        assertThat(pub.profile().total()).isPositive();
        assertThat(pub.averageStayMonths()).isPresent();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void jsonFiguresAreThePublications(Language l) {
        Messages m = new Messages(l);
        JsonNode j = Render.json(report, l);
        assertThat(j.get("report").asText()).isEqualTo("reception");
        assertThat(j.get("hasData").asBoolean()).isTrue();
        assertThat(j.get("title").asText()).isEqualTo(m.get("reception.title", "2023"));
        assertThat(j.get("covered").asText()).isEqualTo("2023");
        assertThat(j.get("complete").asBoolean()).isTrue();
        assertThat(j.get("stockDate").asText()).isEqualTo("2023-12-31");

        ReceptionPublication.Month end = pub.atStockDate();
        JsonNode totals = j.get("totals");
        assertThat(totals.get("in").asLong()).isEqualTo(pub.totalIn());
        assertThat(totals.get("out").asLong()).isEqualTo(pub.totalOut());
        assertThat(totals.get("balance").asLong()).isEqualTo(pub.balance());
        assertThat(totals.get("capacity").asLong()).isEqualTo(end.capacity());
        assertThat(totals.get("occupancy").asLong()).isEqualTo(end.occupancy());
        assertThat(totals.get("occupancyRate").asDouble()).isEqualTo(end.occupancyRate());
        assertThat(totals.get("waitingList").asLong()).isEqualTo(end.waitingList());
        assertThat(totals.get("sponsored").asLong()).isEqualTo(end.sponsored());
        assertThat(totals.get("averageStayMonths").asDouble()).isEqualTo(pub.averageStayMonths().getAsDouble());

        for (Month mo : Month.values()) {
            YearMonth ym = YearMonth.of(2023, mo);
            ReceptionPublication.Month v = pub.months().get(ym);
            JsonNode o = j.at("/months/" + ym);
            assertThat(o.get("in").asLong()).as("%s in", ym).isEqualTo(v.in());
            assertThat(o.get("out").asLong()).as("%s out", ym).isEqualTo(v.out());
            assertThat(o.get("balance").asLong()).as("%s balance", ym).isEqualTo(v.balance());
            assertThat(o.get("capacity").asLong()).as("%s capacity", ym).isEqualTo(v.capacity());
            assertThat(o.get("occupancy").asLong()).as("%s occupancy", ym).isEqualTo(v.occupancy());
            assertThat(o.get("occupancyRate").asDouble()).as("%s rate", ym).isEqualTo(v.occupancyRate());
            assertThat(o.get("waitingList").asLong()).as("%s waiting", ym).isEqualTo(v.waitingList());
            assertThat(o.get("sponsored").asLong()).as("%s sponsored", ym).isEqualTo(v.sponsored());
        }

        JsonNode categories = j.at("/places/byCategory");
        assertThat(codes(categories)).containsExactlyElementsOf(pub.byCategory().keySet());
        pub.byCategory().forEach((code, u) -> assertUse(find(categories, code), u, m.get("place.category." + code)));
        JsonNode minors = j.at("/places/unaccompaniedMinorsByPhase");
        pub.minorsByPhase().forEach((code, u) -> assertUse(find(minors, code), u, m.get("place.minors." + code)));
        assertUse(j.at("/places/unaccompaniedMinorsTotal"), pub.minorsTotal(), null);
        JsonNode operators = j.at("/places/byOperator");
        assertThat(operators).hasSize(pub.byOperator().size());
        for (Map.Entry<Operator, Use> e : pub.byOperator().entrySet()) {
            JsonNode o = find(operators, e.getKey().name());
            assertUse(o, e.getValue(), m.get("operator." + e.getKey().name()));
            assertThat(o.get("published").asText()).isEqualTo(e.getKey().published());
        }
        assertUse(j.at("/places/network"), pub.networkTotal(), null);
        assertThat(j.at("/places/residentsOutsideNetwork").asLong()).isEqualTo(pub.unknownFacility());

        JsonNode profile = j.get("profile");
        assertThat(profile.get("total").asLong()).isEqualTo(pub.profile().total());
        assertThat(profile.get("inFamilies").asLong()).isEqualTo(pub.profile().inFamilies());
        assertThat(profile.get("single").asLong()).isEqualTo(pub.profile().single());
        for (Sex s : Sex.values()) {
            assertThat(profile.at("/bySex/" + s.name()).asLong()).isEqualTo(pub.profile().bySex().get(s));
        }
        pub.profile().byAgeGroup().forEach((g, n) -> assertThat(profile.at("/byAgeGroup/" + g).asLong()).as(g).isEqualTo(n));
        for (ResidentCategory c : ResidentCategory.values()) {
            assertThat(profile.at("/byProcedureStage/" + c.name()).asLong()).isEqualTo(pub.profile().byCategory().get(c));
        }
        Ranking<Long> top = pub.profile().topNationalities();
        JsonNode topJson = profile.get("topNationalities");
        assertThat(topJson.get("top")).hasSize(top.top().size());
        for (int i = 0; i < top.top().size(); i++) {
            assertThat(topJson.at("/top/" + i + "/nationality").asText()).isEqualTo(top.top().get(i).nationality().code());
            assertThat(topJson.at("/top/" + i + "/residents").asLong()).isEqualTo(top.top().get(i).value());
            assertThat(topJson.at("/top/" + i + "/label").asText()).isEqualTo(m.country(top.top().get(i).nationality()));
        }
        assertThat(topJson.at("/others/residents").asLong()).isEqualTo(top.others());
        assertThat(topJson.at("/total/residents").asLong()).isEqualTo(top.total());

        JsonNode departures = j.get("departures");
        assertThat(departures.get("total").asLong()).isEqualTo(pub.totalOut());
        for (LeaveReason r : LeaveReason.values()) {
            JsonNode o = find(departures.get("byReason"), r.name());
            assertThat(o.get("count").asLong()).isEqualTo(pub.outByReason().get(r));
            assertThat(o.get("label").asText()).isEqualTo(m.get("leave.reason." + r.name()));
        }
        assertThat(departures.get("averageStayMonths").asDouble()).isEqualTo(pub.averageStayMonths().getAsDouble());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void htmlHasTheChartsAndTheLanguagesLabels(Language l) throws Exception {
        Messages m = new Messages(l);
        String html = Render.html(report, l);
        assertThat(count(html, "<svg")).isEqualTo(3);
        assertThat(html).contains("<html lang=\"" + l.code() + "\"").doesNotContainIgnoringCase("<script")
                .contains(MonthlyReportTest.escape(m.get("reception.title", "2023")))
                .contains(MonthlyReportTest.escape(m.get("reception.flows.chart", "2023")))
                .contains(MonthlyReportTest.escape(m.get("reception.occupancy.chart", "2023")))
                .contains(MonthlyReportTest.escape(m.get("reception.waiting.chart", "2023")))
                .contains("aria-label=\"" + MonthlyReportTest.escape(m.get("reception.occupancy.chart.description", "2023")) + "\"")
                .contains(MonthlyReportTest.escape(m.get("reception.col.rate")))
                .contains(MonthlyReportTest.escape(m.get("reception.col.waiting")))
                .contains(MonthlyReportTest.escape(m.get("reception.stay.sentence", "2023", m.integer(pub.totalOut()),
                        m.decimal(pub.averageStayMonths().getAsDouble()))))
                .contains(m.integer(pub.atStockDate().capacity()))
                .contains(m.percent(pub.atStockDate().occupancyRate()))
                .contains(m.country(pub.profile().topNationalities().top().get(0).nationality()));
        // Fedasil's terms in the language (GUIDE §1.3, §5.4).
        String terms = switch (l) {
            case NL -> "Bezettingsgraad|Wachtlijst|verblijfsduur|opvangplaatsen|IN|OUT|Saldo";
            case FR -> "Taux d’occupation|Liste d’attente|Durée moyenne de séjour|places d’accueil|IN|OUT|Solde";
            case EN -> "Occupancy rate|Waiting list|Average length of stay|reception places|IN|OUT|Balance";
        };
        for (String t : terms.split("\\|")) {
            assertThat(html).as(t).contains(t);
        }
        // Well-formed: the PDF renderer reads it as XHTML.
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theDocumentsTablesShowThePublicationsFigures() {
        Messages m = new Messages(Language.NL);
        Document d = report.document(Language.NL);
        assertThat(d.sections()).extracting(Document.Section::id).containsExactly("overview", "flows", "occupancy", "places", "profile", "departures");
        Table flows = tables(d, "flows").get(0);
        for (Month mo : Month.values()) {
            ReceptionPublication.Month v = pub.months().get(YearMonth.of(2023, mo));
            assertThat(flows.rows().get(mo.ordinal()).cells()).extracting(Document.Cell::value)
                    .containsExactly(null, v.in(), v.out(), v.balance());
        }
        assertThat(flows.rows().get(12).cells()).extracting(Document.Cell::value).containsExactly(null, pub.totalIn(), pub.totalOut(), pub.balance());
        Table occupancy = tables(d, "occupancy").get(0);
        ReceptionPublication.Month dec = pub.atStockDate();
        assertThat(occupancy.rows().get(11).cells()).extracting(Document.Cell::value)
                .containsExactly(null, dec.capacity(), dec.occupancy(), dec.occupancyRate(), dec.waitingList());
        Table byType = tables(d, "places").get(0);
        assertThat(byType.rows()).hasSize(pub.byCategory().size() + 1);
        assertThat(byType.rows().get(byType.rows().size() - 1).cells().get(1).value()).isEqualTo(pub.networkTotal().capacity());
        Table stay = tables(d, "overview").get(0);
        assertThat(stay.rows().get(stay.rows().size() - 1).cells().get(1).type()).isEqualTo(CellType.DECIMAL);
        assertThat(stay.rows().get(stay.rows().size() - 1).cells().get(1).text()).isEqualTo(m.decimal(pub.averageStayMonths().getAsDouble()));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void xlsxHasOneSheetPerSectionWithNumbers(Language l) {
        Messages m = new Messages(l);
        Map<String, List<List<Cell>>> wb = Render.xlsx(Render.bytes(report, ReportFormat.XLSX, l));
        assertThat(wb.keySet()).containsExactly(m.get("sheet.overview"), m.get("sheet.reception.flows"), m.get("sheet.reception.occupancy"),
                m.get("sheet.reception.places"), m.get("sheet.reception.profile"), m.get("sheet.reception.departures"));
        List<Cell> march = Render.row(wb.get(m.get("sheet.reception.flows")), m.monthName(Month.MARCH));
        ReceptionPublication.Month v = pub.months().get(YearMonth.of(2023, 3));
        assertThat(march.subList(1, 4)).allMatch(Render::numeric);
        assertThat(march.get(1).asNumber().longValue()).isEqualTo(v.in());
        assertThat(march.get(2).asNumber().longValue()).isEqualTo(v.out());
        assertThat(march.get(3).asNumber().longValue()).isEqualTo(v.balance());
        List<Cell> december = Render.row(wb.get(m.get("sheet.reception.occupancy")), m.monthName(Month.DECEMBER));
        assertThat(december.get(1).asNumber().longValue()).isEqualTo(pub.atStockDate().capacity());
        assertThat(december.get(3).asNumber().doubleValue()).isCloseTo(pub.atStockDate().occupancyRate(), within(1e-12));
        List<Cell> fedasil = Render.row(wb.get(m.get("sheet.reception.places")), m.get("operator.FEDASIL"));
        assertThat(fedasil.get(2).asNumber().longValue()).isEqualTo(pub.byOperator().get(Operator.FEDASIL).occupancy());
        List<Cell> stay = Render.row(wb.get(m.get("sheet.overview")), m.get("reception.stay.label", "2023"));
        assertThat(stay.get(1).asNumber().doubleValue()).isCloseTo(pub.averageStayMonths().getAsDouble(), within(1e-12));
        List<Cell> first = Render.rankedRow(wb.get(m.get("sheet.reception.profile")),
                m.country(pub.profile().topNationalities().top().get(0).nationality()));
        assertThat(first.get(2).asNumber().longValue()).isEqualTo(pub.profile().topNationalities().top().get(0).value());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void pdfTextHasTheTitleLabelsAndFigures(Language l) {
        Messages m = new Messages(l);
        byte[] bytes = Render.bytes(report, ReportFormat.PDF, l);
        String pdf = String.join("\n", Render.pdfPages(bytes));
        assertThat(pdf).contains(m.get("reception.title", "2023").toUpperCase(m.locale()))
                .contains(m.get("reception.col.rate"))
                .contains(m.percent(pub.atStockDate().occupancyRate()))
                .contains(m.integer(pub.atStockDate().capacity()))
                .contains(m.get("leave.reason.FINAL_NEGATIVE_EXIT"))
                .contains(m.get("reception.total.residents"));
        assertThat(pdf.replaceAll("\\s+", " ")).contains(m.get("reception.stay.sentence", "2023", m.integer(pub.totalOut()),
                m.decimal(pub.averageStayMonths().getAsDouble())));
        assertThat(Render.pdfFonts(bytes)).isNotEmpty().allMatch(f -> f.contains("DejaVuSansCondensed"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aYearCoveredInPartLeavesTheOtherMonthsBlank(Language l) {
        Messages m = new Messages(l);
        ReceptionReport partial = ReceptionReport.of(stats, network, 2025, GENERATED);
        ReceptionPublication p = partial.publication();
        assertThat(p.covered()).hasValueSatisfying(c -> assertThat(c.label()).isEqualTo("2025-01"));
        assertThat(p.stockDate()).isEqualTo(LocalDate.of(2025, 1, 31));

        JsonNode j = Render.json(partial, l);
        assertThat(j.get("complete").asBoolean()).isFalse();
        assertThat(j.at("/months/2025-01/occupancy").asLong()).isEqualTo(p.atStockDate().occupancy());
        for (int mo = 2; mo <= 12; mo++) {
            JsonNode month = j.at("/months/" + YearMonth.of(2025, mo));
            month.fields().forEachRemaining(f -> assertThat(f.getValue().isNull()).as(f.getKey()).isTrue());
        }

        Document d = partial.document(l);
        assertThat(d.meta()).contains(m.get("reception.meta.partial", "2025", m.month(YearMonth.of(2025, 1))));
        Table flows = tables(d, "flows").get(0);
        assertThat(flows.rows().subList(1, 12)).allSatisfy(r -> assertThat(r.cells().subList(1, 4)).allMatch(c -> c.type() == CellType.BLANK));
        assertThat(flows.notes()).anyMatch(n -> n.equals(m.get("reception.note.partial", "2025", m.month(YearMonth.of(2025, 1)))));

        List<Cell> june = Render.row(Render.xlsx(Render.bytes(partial, ReportFormat.XLSX, l)).get(m.get("sheet.reception.occupancy")),
                m.monthName(Month.JUNE));
        assertThat(june.subList(1, june.size())).allMatch(c -> c == null);
    }

    static Stream<Arguments> noData() {
        ChainStatistics empty = new ChainStatistics(StatisticsParameters.defaults());
        return Stream.of(Language.values()).flatMap(l -> Stream.of(
                Arguments.of(l, "year before the data", ReceptionReport.of(stats, network, 2021, GENERATED)),
                Arguments.of(l, "empty store", ReceptionReport.of(empty, network, 2023, GENERATED))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("noData")
    void aYearWithoutDataSaysSoInEveryFormatAndShowsNoFigure(Language l, String what, ReceptionReport r) {
        Messages m = new Messages(l);
        assertThat(r.hasData()).isFalse();
        Document d = r.document(l);
        assertThat(d.sections()).isEmpty();
        String message = d.noData();
        assertThat(message).isIn(m.get("nodata.empty", Integer.toString(r.publication().year())),
                m.get("nodata.year", "2021", m.month(YearMonth.of(2022, 1)), m.month(YearMonth.of(2025, 1))));

        String html = Render.html(r, l);
        assertThat(html).contains(MonthlyReportTest.escape(message)).doesNotContain("<table").doesNotContain("<svg");
        JsonNode j = Render.json(r, l);
        assertThat(j.get("hasData").asBoolean()).isFalse();
        assertThat(j.get("message").asText()).isEqualTo(message);
        assertThat(j.has("totals")).isFalse();
        assertThat(j.has("months")).isFalse();
        assertThat(j.has("profile")).isFalse();

        String pdf = String.join("\n", Render.pdfPages(Render.bytes(r, ReportFormat.PDF, l)));
        assertThat(pdf.replaceAll("\\s+", " ")).contains(message.substring(0, 40));
        assertThat(pdf).doesNotContain(m.get("reception.col.rate")).doesNotContain(m.get("reception.total.residents"));
        assertThat(pdf).doesNotContainPattern("\\d+[,.]\\d[\\s\\u00a0\\u202f]?%");

        Map<String, List<List<Cell>>> wb = Render.xlsx(Render.bytes(r, ReportFormat.XLSX, l));
        assertThat(wb).hasSize(1);
        List<List<Cell>> sheet = wb.values().iterator().next();
        assertThat(sheet).flatMap(x -> x).filteredOn(Render::numeric).isEmpty();
        assertThat(sheet).anyMatch(row -> !row.isEmpty() && row.get(0) != null && row.get(0).getText().equals(message));
    }

    @Test
    void everyReceptionLabelExistsInTheThreeLanguagesAndDiffers() {
        Messages nl = new Messages(Language.NL);
        Messages fr = new Messages(Language.FR);
        Messages en = new Messages(Language.EN);
        assertThat(nl.get("reception.col.rate")).isEqualTo("Bezettingsgraad");
        assertThat(fr.get("reception.col.rate")).isEqualTo("Taux d’occupation");
        assertThat(en.get("reception.col.rate")).isEqualTo("Occupancy rate");
        assertThat(nl.get("reception.col.waiting")).isEqualTo("Wachtlijst");
        assertThat(fr.get("reception.col.waiting")).isEqualTo("Liste d’attente");
        assertThat(en.get("reception.col.waiting")).isEqualTo("Waiting list");
        for (ResidentCategory c : ResidentCategory.values()) {
            assertThat(nl.get("resident.category." + c.name())).isNotEqualTo(en.get("resident.category." + c.name()));
        }
        for (LeaveReason r : LeaveReason.values()) {
            assertThat(fr.get("leave.reason." + r.name())).isNotEqualTo(en.get("leave.reason." + r.name()));
        }
        for (Operator o : Operator.values()) {
            assertThat(nl.has("operator." + o.name())).as(o.name()).isTrue();
        }
    }

    private static List<Table> tables(Document d, String section) {
        return d.sections().stream().filter(s -> s.id().equals(section)).flatMap(s -> s.blocks().stream())
                .flatMap(b -> b instanceof Document.Columns c ? c.blocks().stream() : Stream.of(b))
                .filter(b -> b instanceof Table).map(b -> (Table) b).toList();
    }

    private static JsonNode find(JsonNode array, String code) {
        return StreamSupport.stream(array.spliterator(), false).filter(n -> n.get("code").asText().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + array));
    }

    private static List<String> codes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get("code").asText()).toList();
    }

    private static void assertUse(JsonNode o, Use u, String label) {
        assertThat(o.get("capacity").asLong()).isEqualTo(u.capacity());
        assertThat(o.get("occupancy").asLong()).isEqualTo(u.occupancy());
        if (Double.isNaN(u.rate())) {
            assertThat(o.get("occupancyRate").isNull()).isTrue();
        } else {
            assertThat(o.get("occupancyRate").asDouble()).isEqualTo(u.rate());
        }
        if (label != null) {
            assertThat(o.get("label").asText()).isEqualTo(label);
        }
    }

    private static int count(String s, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
