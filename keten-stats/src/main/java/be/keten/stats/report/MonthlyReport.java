package be.keten.stats.report;

import be.keten.stats.ChainStatistics;
import be.keten.core.calendar.Period;
import be.keten.stats.Unit;
import be.keten.stats.publication.Applicants;
import be.keten.stats.publication.DecisionRow;
import be.keten.stats.publication.DecisionRows;
import be.keten.stats.publication.MonthlyPublication;
import be.keten.stats.publication.Ranking;
import be.keten.stats.report.Document.Block;
import be.keten.stats.report.Document.Cell;
import be.keten.stats.report.Document.Chart;
import be.keten.stats.report.Document.Columns;
import be.keten.stats.report.Document.Paragraph;
import be.keten.stats.report.Document.RowKind;
import be.keten.stats.report.Document.Section;
import be.keten.stats.report.Document.Table;
import be.keten.stats.report.Document.TableStyle;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The monthly asylum statistics (GUIDE §5.5, the layout of seed 002) for one month: every section
 * of {@link MonthlyPublication}, in the order of the CGVS publication. Figures come from the
 * publication only; this class lays them out. Months after the reported one, and months the data do
 * not cover, are blank, never zero; a month without data gives a report that says so and nothing else.
 */
public final class MonthlyReport implements Report {
    private static final DecisionRow[] FINAL_ROWS = {DecisionRow.REFUGEE_STATUS, DecisionRow.SUBSIDIARY_PROTECTION, DecisionRow.INADMISSIBLE,
        DecisionRow.MANIFESTLY_UNFOUNDED, DecisionRow.REFUSAL, DecisionRow.WITHDRAWAL_OR_REVOCATION};

    private final MonthlyPublication pub;
    private final DecisionRow.RowMapping mapping;
    private final Optional<Period> coverage;
    private final int dossiers;
    private final LocalDate generatedOn;

    private MonthlyReport(MonthlyPublication pub, DecisionRow.RowMapping mapping, Optional<Period> coverage, int dossiers, LocalDate generatedOn) {
        this.pub = pub;
        this.mapping = mapping;
        this.coverage = coverage;
        this.dossiers = dossiers;
        this.generatedOn = generatedOn;
    }

    /** The report of {@code month}, with the publication's default row mapping, generated on {@code generatedOn}. */
    public static MonthlyReport of(ChainStatistics s, YearMonth month, LocalDate generatedOn) {
        DecisionRow.RowMapping mapping = DecisionRow.RowMapping.defaults();
        return new MonthlyReport(MonthlyPublication.of(s, month, mapping), mapping, s.coverage(), s.dossiers(), generatedOn);
    }

    public MonthlyPublication publication() {
        return pub;
    }

    @Override
    public boolean hasData() {
        return pub.hasData();
    }

    private YearMonth month() {
        return pub.month();
    }

    private int year() {
        return pub.month().getYear();
    }

    /** True when the data reach month {@code m}: outside, a figure would be an unknown shown as zero. */
    private boolean covered(YearMonth m) {
        return coverage.map(c -> !m.isBefore(c.from()) && !m.isAfter(c.to())).orElse(false);
    }

    // ---- document ----------------------------------------------------------------------------

    @Override
    public Document document(Language language) {
        Messages m = new Messages(language);
        String title = m.get("monthly.title", m.month(month()));
        String footer = m.get("monthly.footer", m.get("brand"), m.month(month()));
        List<String> meta = new ArrayList<>();
        meta.add(m.get("meta.generated", m.date(generatedOn)));
        meta.add(source(m));
        if (!pub.hasData()) {
            String noData = Cells.noData(m, "nodata.month", m.month(month()), coverage);
            return new Document(language, title, m.get("monthly.subtitle"), meta, noData, footer, true, List.of());
        }
        meta.add(m.get("meta.ytd", Integer.toString(year()), m.month(YearMonth.of(year(), 1)), m.month(month())));
        YearMonth firstShown = YearMonth.of(year() - 1, 1);
        if (coverage.get().from().isAfter(firstShown)) {
            meta.add(m.get("meta.partial", m.month(coverage.get().from())));
        }
        List<Section> sections = List.of(overview(m), applications(m), origins(m), decisions(m), refugee(m), workload(m));
        return new Document(language, title, m.get("monthly.subtitle"), meta, null, footer, true, sections);
    }

    private String source(Messages m) {
        return Cells.source(m, dossiers, coverage);
    }

    private Section overview(Messages m) {
        String monthCol = m.month(month());
        String yearCol = Integer.toString(year());
        Table applicants = Table.builder(m.get("overview.applicants"))
                .label("").numbers(monthCol, yearCol)
                .row(RowKind.BODY, Cell.text(m.get("applicants.first_excl_resettlement")),
                        Cell.count(pub.applicantsMonth().firstExclResettlement(), m), Cell.count(pub.applicantsYearToDate().firstExclResettlement(), m))
                .row(RowKind.BODY, Cell.text(m.get("applicants.first_resettlement")),
                        Cell.count(pub.applicantsMonth().firstResettlement(), m), Cell.count(pub.applicantsYearToDate().firstResettlement(), m))
                .row(RowKind.BODY, Cell.text(m.get("applicants.subsequent")),
                        Cell.count(pub.applicantsMonth().subsequent(), m), Cell.count(pub.applicantsYearToDate().subsequent(), m))
                .row(RowKind.TOTAL, Cell.text(m.get("applicants.total")),
                        Cell.count(pub.applicantsMonth().total(), m), Cell.count(pub.applicantsYearToDate().total(), m))
                .build();

        DecisionRows month = pub.decisionsMonth().get(Unit.PERSONS);
        DecisionRows ytd = pub.decisionsYearToDate().get(Unit.PERSONS);
        Table.Builder decisions = Table.builder(m.get("overview.decisions")).label("").numbers(monthCol, yearCol)
                .group(m.get("decisions.group.interim"))
                .row(RowKind.BODY, Cell.text(m.get("decision.admissible_subsequent_or_border.persons")), Cell.count(month.get(DecisionRow.INTERIM), m),
                        Cell.count(ytd.get(DecisionRow.INTERIM), m))
                .group(m.get("decisions.group.final"));
        for (DecisionRow r : FINAL_ROWS) {
            decisions.row(RowKind.BODY, Cell.text(m.get("decision." + r.code() + ".persons")), Cell.count(month.get(r), m), Cell.count(ytd.get(r), m));
        }
        decisions.row(RowKind.TOTAL, Cell.text(m.get("decisions.total.persons")), Cell.count(month.total(), m), Cell.count(ytd.total(), m));

        Table workload = Table.builder(m.get("overview.workload", m.month(month()))).label("").numbers(m.get("col.value")).style(TableStyle.NARROW)
                .row(RowKind.BODY, Cell.text(m.get("unit.dossiers")), Cell.count(pub.workloadDossiers(), m))
                .row(RowKind.BODY, Cell.text(m.get("unit.persons")), Cell.count(pub.workloadPersons(), m))
                .build();
        Table rate = Table.builder(m.get("overview.rate")).label("").numbers(monthCol, yearCol).style(TableStyle.NARROW)
                .row(RowKind.BODY, Cell.text(m.get("rate.label")), Cell.percent(pub.protectionRateMonth(), m),
                        Cell.percent(pub.protectionRateYearToDate(), m))
                .build();
        return new Section("overview", m.get("monthly.overview"), m.get("sheet.overview"),
                List.of(applicants, decisions.build(), new Columns(List.of(workload, rate))));
    }

    private Section applications(Messages m) {
        int previous = year() - 1;
        Table prev = applicationsYear(m, previous, YearMonth.of(previous, 12), pub.previousYear()::get, pub.previousYearTotal());
        Table curr = applicationsYear(m, year(), month(), pub.currentYear()::get, pub.applicantsYearToDate());

        List<String> months = Cells.monthsShort(m);
        Map<String, List<Long>> series = new LinkedHashMap<>();
        series.put(Integer.toString(previous), monthlyTotals(previous, YearMonth.of(previous, 12), pub.previousYear()::get));
        series.put(Integer.toString(year()), monthlyTotals(year(), month(), pub.currentYear()::get));
        String chartTitle = m.get("applications.chart", Integer.toString(previous), Integer.toString(year()));
        Charts.Svg svg = Charts.bars(months, series, false, m.get("unit.persons"), m, 700, 280);
        Chart chart = new Chart(chartTitle, m.get("applications.chart.description", Integer.toString(previous), Integer.toString(year())),
                svg.screen(), svg.print());
        return new Section("applications", m.get("applications.title"), m.get("sheet.applications"),
                List.of(new Columns(List.of(prev, curr)), chart));
    }

    private Table applicationsYear(Messages m, int y, YearMonth last, Function<YearMonth, Applicants> byMonth, Applicants total) {
        Table.Builder t = Table.builder(m.get("applications.year", Integer.toString(y)))
                .label(m.get("col.month")).numbers(Cells.applicantColumns(m)).style(TableStyle.NARROW);
        boolean any = false;
        boolean all = true;
        for (Month mo : Month.values()) {
            YearMonth ym = YearMonth.of(y, mo);
            Cell label = Cell.text(m.monthName(mo));
            if (!ym.isAfter(last) && covered(ym)) {
                t.row(RowKind.BODY, Cells.of(label, Cells.applicants(byMonth.apply(ym), m)));
                any = true;
            } else {
                t.row(RowKind.BODY, Cells.of(label, Cells.blanks(4)));
                all &= ym.isAfter(last);
            }
        }
        t.row(RowKind.TOTAL, Cells.of(Cell.text(m.get("col.total")), any ? Cells.applicants(total, m) : Cells.blanks(4)));
        if (any && !all) {
            t.note(m.get("note.partial.total", m.month(coverage.get().from())));
        }
        return t.build();
    }

    private List<Long> monthlyTotals(int y, YearMonth last, Function<YearMonth, Applicants> byMonth) {
        List<Long> out = new ArrayList<>();
        for (Month mo : Month.values()) {
            YearMonth ym = YearMonth.of(y, mo);
            out.add(!ym.isAfter(last) && covered(ym) ? byMonth.apply(ym).total() : null);
        }
        return out;
    }

    private Section origins(Messages m) {
        Table month = topApplicants(m, pub.topApplicantsMonth(), m.get("origins.caption", m.month(month())),
                m.get("total.month", m.month(month())));
        Table ytd = topApplicants(m, pub.topApplicantsYearToDate(), m.get("origins.caption", Integer.toString(year())),
                m.get("total.year", Integer.toString(year())));
        return new Section("origins", m.get("origins.title"), m.get("sheet.origins"), List.of(month, ytd));
    }

    static Table topApplicants(Messages m, Ranking<Applicants> r, String caption, String totalLabel) {
        Table.Builder t = Table.builder(caption).label("").label(m.get("col.country")).numbers(Cells.applicantColumns(m))
                .style(TableStyle.RANKED);
        for (Ranking.Entry<Applicants> e : r.top()) {
            t.row(RowKind.BODY, Cells.of(Cell.text(Integer.toString(e.rank())), Cell.text(m.country(e.nationality())), Cells.applicants(e.value(), m)));
        }
        t.row(RowKind.OTHERS, Cells.of(Cell.text(""), Cell.text(m.get("others")), Cells.applicants(r.others(), m)));
        t.row(RowKind.TOTAL, Cells.of(Cell.text(""), Cell.text(totalLabel), Cells.applicants(r.total(), m)));
        return t.build();
    }

    private Section decisions(Messages m) {
        Table persons = decisionTable(m, Unit.PERSONS, m.get("decisions.persons"));
        Table dossiers = decisionTable(m, Unit.DOSSIERS, m.get("decisions.dossiers"));

        List<String> months = Cells.monthsShort(m);
        Map<String, List<Long>> series = new LinkedHashMap<>();
        Map<YearMonth, DecisionRows> byMonth = pub.decisionsByMonth().get(Unit.PERSONS);
        for (DecisionRow r : DecisionRow.values()) {
            List<Long> values = new ArrayList<>();
            for (Month mo : Month.values()) {
                YearMonth ym = YearMonth.of(year(), mo);
                values.add(byMonth.containsKey(ym) && covered(ym) ? byMonth.get(ym).get(r) : null);
            }
            series.put(m.get("decision." + r.code() + ".chart"), values);
        }
        Charts.Svg svg = Charts.bars(months, series, true, m.get("unit.persons"), m, 700, 320);
        Chart chart = new Chart(m.get("decisions.chart", Integer.toString(year())), m.get("decisions.chart.description", Integer.toString(year())),
                svg.screen(), svg.print());
        return new Section("decisions", m.get("decisions.title"), m.get("sheet.decisions"),
                List.of(persons, dossiers, Paragraph.note(m.get("note.interim")), Paragraph.note(mappingNote(m)), chart));
    }

    private Table decisionTable(Messages m, Unit unit, String caption) {
        List<String> headers = new ArrayList<>(Cells.monthsShort(m));
        headers.add(m.get("col.total.short"));
        Table.Builder t = Table.builder(caption).label(m.get("col.decisions")).numbers(headers).style(TableStyle.WIDE);
        Map<YearMonth, DecisionRows> byMonth = pub.decisionsByMonth().get(unit);
        DecisionRows ytd = pub.decisionsYearToDate().get(unit);
        t.group(m.get("decisions.group.interim"));
        t.row(RowKind.BODY, monthRow(m, m.get("decision.admissible_subsequent_or_border"), byMonth, r -> r.get(DecisionRow.INTERIM), ytd.get(DecisionRow.INTERIM)));
        t.group(m.get("decisions.group.final"));
        for (DecisionRow row : FINAL_ROWS) {
            t.row(RowKind.BODY, monthRow(m, m.get("decision." + row.code()), byMonth, r -> r.get(row), ytd.get(row)));
        }
        t.row(RowKind.TOTAL, monthRow(m, m.get("decisions.total"), byMonth, DecisionRows::total, ytd.total()));
        return t.build();
    }

    /** Where the types without a monthly row were counted: the mapping used, not a fixed text. */
    private String mappingNote(Messages m) {
        String exclusion = m.get("decision." + mapping.exclusion().code());
        String closure = m.get("decision." + mapping.closure().code());
        return exclusion.equals(closure) ? m.get("note.mapping.same", exclusion) : m.get("note.mapping", exclusion, closure);
    }

    private List<Cell> monthRow(Messages m, String label, Map<YearMonth, DecisionRows> byMonth, Function<DecisionRows, Long> figure, long total) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.text(label));
        for (Month mo : Month.values()) {
            YearMonth ym = YearMonth.of(year(), mo);
            cells.add(byMonth.containsKey(ym) && covered(ym) ? Cell.count(figure.apply(byMonth.get(ym)), m) : Cell.blank());
        }
        cells.add(Cell.count(total, m));
        return cells;
    }

    private Section refugee(Messages m) {
        Ranking<DecisionRows> r = pub.topRefugee();
        Table.Builder t = Table.builder(m.get("refugee.caption", Integer.toString(year()))).label("").label(m.get("col.country"))
                .numbers(m.get("refugee.col.refugee"), m.get("refugee.col.subsidiary"), m.get("refugee.col.withdrawal"),
                        m.get("refugee.col.refusals"), m.get("refugee.col.finals")).style(TableStyle.RANKED);
        for (Ranking.Entry<DecisionRows> e : r.top()) {
            t.row(RowKind.BODY, Cells.of(Cell.text(Integer.toString(e.rank())), Cell.text(m.country(e.nationality())), refugeeCells(e.value(), m)));
        }
        t.row(RowKind.OTHERS, Cells.of(Cell.text(""), Cell.text(m.get("others")), refugeeCells(r.others(), m)));
        t.row(RowKind.TOTAL, Cells.of(Cell.text(""), Cell.text(m.get("total.year", Integer.toString(year()))), refugeeCells(r.total(), m)));
        t.note(m.get("note.finals.star"));
        t.note(m.get("note.refusals"));

        Table rate = Table.builder(m.get("rate.title")).label("").numbers(m.get("col.share")).style(TableStyle.NARROW)
                .row(RowKind.BODY, Cell.text(m.get("rate.month", m.month(month()))), Cell.percent(pub.protectionRateMonth(), m))
                .row(RowKind.TOTAL, Cell.text(m.get("rate.ytd", Integer.toString(year()))), Cell.percent(pub.protectionRateYearToDate(), m))
                .row(RowKind.BODY, Cell.text(m.get("rate.excl_inadmissible", Integer.toString(year()))),
                        Cell.percent(pub.protectionRateExcludingInadmissibleYearToDate(), m))
                .row(RowKind.BODY, Cell.text(m.get("rate.inadmissibility_share", Integer.toString(year()))),
                        Cell.percent(pub.inadmissibilityShareYearToDate(), m))
                .note(m.get("rate.definition"))
                .note(m.get("rate.undefined"))
                .build();
        List<Block> blocks = List.of(t.build(), rate);
        return new Section("refugee", m.get("refugee.title"), m.get("sheet.refugee"), blocks);
    }

    private static List<Cell> refugeeCells(DecisionRows r, Messages m) {
        return List.of(Cell.count(r.get(DecisionRow.REFUGEE_STATUS), m), Cell.count(r.get(DecisionRow.SUBSIDIARY_PROTECTION), m),
                Cell.count(r.get(DecisionRow.WITHDRAWAL_OR_REVOCATION), m), Cell.count(r.refusals(), m), Cell.count(r.finals(), m));
    }

    private Section workload(Messages m) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.text(m.get("workload.sentence", m.month(month()), m.integer(pub.workloadDossiers()), m.integer(pub.workloadPersons()))));
        blocks.addAll(Workload.backlogSentences(m, pub.normalWorkload(), pub.realBacklog()));
        blocks.add(Paragraph.note(m.get("workload.definition")));
        return new Section("workload", m.get("workload.title"), m.get("sheet.workload"), blocks);
    }

    // ---- JSON -------------------------------------------------------------------------------

    @Override
    public ObjectNode json(Language language) {
        Messages m = new Messages(language);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = Json.header("monthly", "month", month().toString(), language, m.get("monthly.title", m.month(month())), generatedOn,
                pub.hasData(), dossiers, coverage);
        if (!pub.hasData()) {
            root.put("message", document(language).noData());
            return root;
        }
        root.put("yearToDate", Period.yearToDate(month()).label());

        ObjectNode overview = root.putObject("overview");
        ObjectNode ap = overview.putObject("applicants");
        ap.set("month", Json.applicants(pub.applicantsMonth()));
        ap.set("yearToDate", Json.applicants(pub.applicantsYearToDate()));
        ObjectNode dec = overview.putObject("decisionsPersons");
        dec.set("month", decisionRows(pub.decisionsMonth().get(Unit.PERSONS)));
        dec.set("yearToDate", decisionRows(pub.decisionsYearToDate().get(Unit.PERSONS)));

        ObjectNode apps = root.putObject("applicationsByMonth");
        apps.set("previousYear", applicationsYear(year() - 1, YearMonth.of(year() - 1, 12), pub.previousYear()::get, pub.previousYearTotal()));
        apps.set("currentYear", applicationsYear(year(), month(), pub.currentYear()::get, pub.applicantsYearToDate()));
        apps.set("columns", Json.labels(List.of("total", "firstExclResettlement", "firstResettlement", "subsequent"), Cells.applicantColumns(m)));

        ObjectNode top = root.putObject("topOrigins");
        top.set("month", Json.ranking(pub.topApplicantsMonth(), Json::applicants, m, "total"));
        top.set("yearToDate", Json.ranking(pub.topApplicantsYearToDate(), Json::applicants, m, "total"));

        ObjectNode decisions = root.putObject("decisionsByMonth");
        for (Unit u : Unit.values()) {
            decisions.set(u.code(), decisionsByMonth(u, m));
        }
        ObjectNode mapped = decisions.putObject("rowMapping");
        mapped.put("exclusion", mapping.exclusion().code());
        mapped.put("closure", mapping.closure().code());

        root.set("topRefugeeRecognitions", Json.ranking(pub.topRefugee(), MonthlyReport::decisionRows, m, DecisionRow.REFUGEE_STATUS.code()));

        ObjectNode rate = root.putObject("protectionRate");
        rate.put("unit", Unit.DOSSIERS.code());
        rate.put("definition", m.get("rate.definition"));
        Json.fraction(rate, "month", pub.protectionRateMonth());
        Json.fraction(rate, "yearToDate", pub.protectionRateYearToDate());
        Json.fraction(rate, "excludingInadmissibleYearToDate", pub.protectionRateExcludingInadmissibleYearToDate());
        Json.fraction(rate, "inadmissibilityShareYearToDate", pub.inadmissibilityShareYearToDate());

        root.set("workload", Json.workload(month().atEndOfMonth(), pub.workloadDossiers(), pub.workloadPersons(), pub.normalWorkload(),
                pub.realBacklog(), m));
        return root;
    }

    private ObjectNode applicationsYear(int y, YearMonth last, Function<YearMonth, Applicants> byMonth, Applicants total) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("year", y);
        ArrayNode months = o.putArray("months");
        boolean any = false;
        for (Month mo : Month.values()) {
            YearMonth ym = YearMonth.of(y, mo);
            ObjectNode row = months.addObject();
            row.put("month", ym.toString());
            if (!ym.isAfter(last) && covered(ym)) {
                row.setAll(Json.applicants(byMonth.apply(ym)));
                any = true;
            } else {
                row.setAll(Json.blankApplicants());
            }
        }
        o.set("total", any ? Json.applicants(total) : Json.blankApplicants());
        return o;
    }

    private static ObjectNode decisionRows(DecisionRows r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (DecisionRow row : DecisionRow.values()) {
            o.put(row.code(), r.get(row));
        }
        o.put("refusals", r.refusals());
        o.put("finals", r.finals());
        o.put("total", r.total());
        return o;
    }

    private ObjectNode decisionsByMonth(Unit u, Messages m) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("unit", u.code());
        ArrayNode rows = o.putArray("rows");
        Map<YearMonth, DecisionRows> byMonth = pub.decisionsByMonth().get(u);
        DecisionRows ytd = pub.decisionsYearToDate().get(u);
        for (DecisionRow r : DecisionRow.values()) {
            rows.add(decisionRowByMonth(r.code(), r.stage(), m.get("decision." + r.code()), byMonth, x -> x.get(r), ytd.get(r)));
        }
        rows.add(decisionRowByMonth("total", "all", m.get("decisions.total"), byMonth, DecisionRows::total, ytd.total()));
        return o;
    }

    private ObjectNode decisionRowByMonth(String code, String stage, String label, Map<YearMonth, DecisionRows> byMonth,
                                          Function<DecisionRows, Long> figure, long total) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("code", code);
        row.put("stage", stage);
        row.put("label", label);
        ObjectNode months = row.putObject("months");
        for (Month mo : Month.values()) {
            YearMonth ym = YearMonth.of(year(), mo);
            if (byMonth.containsKey(ym) && covered(ym)) {
                months.put(ym.toString(), figure.apply(byMonth.get(ym)));
            } else {
                months.putNull(ym.toString());
            }
        }
        row.put("yearToDate", total);
        return row;
    }
}
