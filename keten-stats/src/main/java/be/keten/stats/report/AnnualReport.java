package be.keten.stats.report;

import be.keten.core.procedure.DecisionStage;
import be.keten.stats.ChainStatistics;
import be.keten.core.calendar.Period;
import be.keten.stats.Unit;
import be.keten.stats.publication.AnnualDecisionRow;
import be.keten.stats.publication.AnnualDecisions;
import be.keten.stats.publication.AnnualPublication;
import be.keten.stats.publication.AnnualPublication.NationalityDecisions;
import be.keten.stats.publication.AnnualPublication.YearRate;
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

/**
 * The annual tables (GUIDE §3.2 annual column, §5.1, §5.2) for one calendar year: decisions by type
 * in persons and dossiers with their shares, the protection rate and its evolution, the main
 * nationalities, and the workload. Figures come from {@link AnnualPublication}; a year the data cover
 * only in part is reported for the months covered and says which.
 */
public final class AnnualReport implements Report {
    private static final Map<DecisionStage, String> GROUPS = Map.of(DecisionStage.INTERIM, "decisions.group.interim",
            DecisionStage.FINAL, "decisions.group.final", DecisionStage.STATUS_ENDING, "decisions.group.status_ending");

    private final AnnualPublication pub;
    private final Optional<Period> coverage;
    private final int dossiers;
    private final LocalDate generatedOn;

    private AnnualReport(AnnualPublication pub, Optional<Period> coverage, int dossiers, LocalDate generatedOn) {
        this.pub = pub;
        this.coverage = coverage;
        this.dossiers = dossiers;
        this.generatedOn = generatedOn;
    }

    public static AnnualReport of(ChainStatistics s, int year, LocalDate generatedOn) {
        return new AnnualReport(AnnualPublication.of(s, year), s.coverage(), s.dossiers(), generatedOn);
    }

    public AnnualPublication publication() {
        return pub;
    }

    @Override
    public boolean hasData() {
        return pub.hasData();
    }

    private String yearLabel() {
        return Integer.toString(pub.year());
    }

    /** "2024", or "2024 (januari–juni)" for a year the data cover in part. */
    private String periodLabel(Messages m, int year, Period covered) {
        return Cells.periodLabel(m, year, covered);
    }

    // ---- document ----------------------------------------------------------------------------

    @Override
    public Document document(Language language) {
        Messages m = new Messages(language);
        String title = m.get("annual.title", yearLabel());
        String footer = m.get("annual.footer", m.get("brand"), yearLabel());
        List<String> meta = new ArrayList<>();
        meta.add(m.get("meta.generated", m.date(generatedOn)));
        meta.add(Cells.source(m, dossiers, coverage));
        if (!pub.hasData()) {
            String noData = Cells.noData(m, "nodata.year", yearLabel(), coverage);
            return new Document(language, title, m.get("annual.subtitle"), meta, noData, footer, false, List.of());
        }
        Period covered = pub.covered().get();
        if (!pub.complete()) {
            meta.add(m.get("meta.partial.year", yearLabel(), m.month(covered.from()), m.month(covered.to())));
        }
        List<Section> sections = List.of(overview(m), applicants(m), decisions(m), protectionRate(m), nationalities(m), workload(m));
        return new Document(language, title, m.get("annual.subtitle"), meta, null, footer, false, sections);
    }

    private Section overview(Messages m) {
        String col = periodLabel(m, pub.year(), pub.covered().get());
        Table t = Table.builder("").label("").numbers(col).style(TableStyle.NARROW)
                .row(RowKind.BODY, Cell.text(m.get("applicants.total")), Cell.count(pub.applicants().total(), m))
                .row(RowKind.BODY, Cell.text(m.get("annual.decisions.persons")), Cell.count(pub.decisions().get(Unit.PERSONS).total(), m))
                .row(RowKind.BODY, Cell.text(m.get("annual.decisions.dossiers")), Cell.count(pub.decisions().get(Unit.DOSSIERS).total(), m))
                .row(RowKind.BODY, Cell.text(m.get("rate.label")), Cell.percent(pub.protectionRate(), m))
                .row(RowKind.BODY, Cell.text(m.get("annual.workload.end", m.date(pub.workloadDate()))), Cell.count(pub.workloadEndDossiers(), m))
                .build();
        return new Section("overview", m.get("annual.keyfigures"), m.get("sheet.overview"), List.of(t));
    }

    private Section applicants(Messages m) {
        Table.Builder t = Table.builder(m.get("annual.applicants.caption")).label("");
        boolean previous = pub.applicantsPreviousYear().isPresent();
        if (previous) {
            t.numbers(Integer.toString(pub.year() - 1));
        }
        t.numbers(periodLabel(m, pub.year(), pub.covered().get()));
        String[] keys = {"applicants.first_excl_resettlement", "applicants.first_resettlement", "applicants.subsequent", "applicants.total"};
        // Cells.applicants is in the DVZ table's column order (total first); these rows put the total last.
        int[] column = {1, 2, 3, 0};
        List<Cell> current = Cells.applicants(pub.applicants(), m);
        List<Cell> before = previous ? Cells.applicants(pub.applicantsPreviousYear().get(), m) : List.of();
        for (int i = 0; i < keys.length; i++) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(m.get(keys[i])));
            if (previous) {
                cells.add(before.get(column[i]));
            }
            cells.add(current.get(column[i]));
            t.row(i == keys.length - 1 ? RowKind.TOTAL : RowKind.BODY, cells);
        }
        if (!previous) {
            t.note(m.get("annual.previous.missing", Integer.toString(pub.year() - 1)));
        }
        Table top = MonthlyReport.topApplicants(m, pub.topApplicants(), m.get("origins.caption", yearLabel()), m.get("total.year", yearLabel()));
        return new Section("applicants", m.get("annual.applicants.title"), m.get("sheet.applications"), List.of(t.build(), top));
    }

    private Section decisions(Messages m) {
        AnnualDecisions persons = pub.decisions().get(Unit.PERSONS);
        AnnualDecisions dossiersTable = pub.decisions().get(Unit.DOSSIERS);
        Table.Builder t = Table.builder(m.get("annual.decisions.caption", periodLabel(m, pub.year(), pub.covered().get())))
                .label(m.get("col.decisions"))
                .numbers(m.get("unit.persons"), m.get("col.share"), m.get("unit.dossiers"), m.get("col.share"));
        DecisionStage stage = null;
        for (AnnualDecisionRow r : AnnualDecisionRow.values()) {
            if (r.stage() != stage) {
                stage = r.stage();
                t.group(m.get(GROUPS.get(stage)));
            }
            t.row(RowKind.BODY, Cell.text(m.get("annual.decision." + r.code())), Cell.count(persons.get(r), m), Cell.percent(persons.share(r), m),
                    Cell.count(dossiersTable.get(r), m), Cell.percent(dossiersTable.share(r), m));
        }
        t.row(RowKind.TOTAL, Cell.text(m.get("decisions.total")), Cell.count(persons.total(), m), Cell.percent(persons.total() == 0 ? Double.NaN : 1.0, m),
                Cell.count(dossiersTable.total(), m), Cell.percent(dossiersTable.total() == 0 ? Double.NaN : 1.0, m));
        t.note(m.get("annual.note.shares"));
        t.note(m.get("note.interim"));
        return new Section("decisions", m.get("decisions.title"), m.get("sheet.decisions"), List.of(t.build()));
    }

    private Section protectionRate(Messages m) {
        Table.Builder byYear = Table.builder(m.get("annual.rate.evolution")).label(m.get("col.year"))
                .numbers(m.get("annual.rate.col.positive"), m.get("annual.rate.col.denominator"), m.get("col.rate"));
        for (YearRate y : pub.protectionRateByYear()) {
            byYear.row(y.year() == pub.year() ? RowKind.TOTAL : RowKind.BODY, Cell.text(periodLabel(m, y.year(), y.covered())),
                    Cell.count(y.positive(), m), Cell.count(y.denominator(), m), Cell.percent(y.rate(), m));
        }
        byYear.note(m.get("rate.undefined"));

        Table variants = Table.builder(m.get("annual.rate.variants", yearLabel())).label("").numbers(m.get("col.share"))
                .row(RowKind.TOTAL, Cell.text(m.get("rate.ytd", yearLabel())), Cell.percent(pub.protectionRate(), m))
                .row(RowKind.BODY, Cell.text(m.get("rate.excl_inadmissible", yearLabel())), Cell.percent(pub.protectionRateExcludingInadmissible(), m))
                .row(RowKind.BODY, Cell.text(m.get("rate.inadmissibility_share", yearLabel())), Cell.percent(pub.inadmissibilityShare(), m))
                .build();

        Table.Builder byMonth = Table.builder(m.get("annual.rate.by_month", yearLabel())).label(m.get("col.month")).numbers(m.get("col.rate"))
                .style(TableStyle.NARROW);
        List<Double> values = new ArrayList<>();
        for (Month mo : Month.values()) {
            Double v = pub.protectionRateByMonth().get(YearMonth.of(pub.year(), mo));
            byMonth.row(RowKind.BODY, Cell.text(m.monthName(mo)), v == null ? Cell.blank() : Cell.percent(v, m));
            values.add(v == null || v.isNaN() ? null : v);
        }
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(m.get("rate.label"), values);
        Charts.Svg svg = Charts.lines(Cells.monthsShort(m), series, true, m.get("col.rate"), m, 700, 240);
        Chart chart = new Chart(m.get("annual.rate.by_month", yearLabel()), m.get("annual.rate.chart.description", yearLabel()),
                svg.screen(), svg.print());
        List<Block> blocks = List.of(Paragraph.note(m.get("rate.definition")), new Columns(List.of(byYear.build(), variants)),
                chart, byMonth.build());
        return new Section("rate", m.get("annual.rate.title"), m.get("sheet.rate"), blocks);
    }

    private Section nationalities(Messages m) {
        Ranking<NationalityDecisions> r = pub.mainNationalities();
        Table.Builder t = Table.builder(m.get("annual.nationalities.caption", yearLabel())).label("").label(m.get("col.country"))
                .numbers(m.get("annual.nationalities.col.finals"), m.get("refugee.col.refugee"), m.get("refugee.col.subsidiary"), m.get("col.rate"))
                .style(TableStyle.RANKED);
        for (Ranking.Entry<NationalityDecisions> e : r.top()) {
            t.row(RowKind.BODY, Cells.of(Cell.text(Integer.toString(e.rank())), Cell.text(m.country(e.nationality())), nationalityCells(e.value(), m)));
        }
        t.row(RowKind.OTHERS, Cells.of(Cell.text(""), Cell.text(m.get("others")), nationalityCells(r.others(), m)));
        t.row(RowKind.TOTAL, Cells.of(Cell.text(""), Cell.text(m.get("total.year", yearLabel())), nationalityCells(r.total(), m)));
        t.note(m.get("annual.nationalities.note"));
        t.note(m.get("rate.undefined"));
        return new Section("nationalities", m.get("annual.nationalities.title"), m.get("sheet.nationalities"), List.of(t.build()));
    }

    private static List<Cell> nationalityCells(NationalityDecisions d, Messages m) {
        return List.of(Cell.count(d.finals(), m), Cell.count(d.refugee(), m), Cell.count(d.subsidiary(), m), Cell.percent(d.protectionRate(), m));
    }

    private Section workload(Messages m) {
        Table.Builder t = Table.builder(m.get("annual.workload.caption", yearLabel())).label(m.get("col.month_end"))
                .numbers(m.get("unit.dossiers"), m.get("unit.persons")).style(TableStyle.NARROW);
        List<Long> dossierSeries = new ArrayList<>();
        List<Long> personSeries = new ArrayList<>();
        for (Month mo : Month.values()) {
            YearMonth ym = YearMonth.of(pub.year(), mo);
            Long d = pub.workloadDossiers().get(ym);
            Long p = pub.workloadPersons().get(ym);
            t.row(RowKind.BODY, Cell.text(m.monthName(mo)), d == null ? Cell.blank() : Cell.count(d, m), p == null ? Cell.blank() : Cell.count(p, m));
            dossierSeries.add(d);
            personSeries.add(p);
        }
        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put(m.get("unit.dossiers"), dossierSeries);
        series.put(m.get("unit.persons"), personSeries);
        Charts.Svg svg = Charts.lines(Cells.monthsShort(m), series, false, null, m, 700, 260);
        Chart chart = new Chart(m.get("annual.workload.chart", yearLabel()), m.get("annual.workload.chart.description", yearLabel()),
                svg.screen(), svg.print());

        List<Block> blocks = new ArrayList<>();
        YearMonth last = YearMonth.from(pub.workloadDate());
        blocks.add(Paragraph.text(m.get("workload.sentence", m.month(last), m.integer(pub.workloadEndDossiers()), m.integer(pub.workloadEndPersons()))));
        blocks.addAll(Workload.backlogSentences(m, pub.normalWorkload(), pub.realBacklog()));
        pub.workloadPreviousYearEnd().ifPresent(prev -> blocks.add(Paragraph.text(
                m.get("annual.workload.previous", m.month(YearMonth.of(pub.year() - 1, 12)), m.integer(prev)))));
        blocks.add(chart);
        blocks.add(t.build());
        blocks.add(Paragraph.note(m.get("workload.definition")));
        return new Section("workload", m.get("workload.title"), m.get("sheet.workload"), blocks);
    }

    // ---- JSON -------------------------------------------------------------------------------

    @Override
    public ObjectNode json(Language language) {
        Messages m = new Messages(language);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = Json.header("annual", "year", Integer.toString(pub.year()), language, m.get("annual.title", yearLabel()), generatedOn,
                pub.hasData(), dossiers, coverage);
        root.put("year", pub.year());   // a number, as it always was
        if (!pub.hasData()) {
            root.put("message", document(language).noData());
            return root;
        }
        Period covered = pub.covered().get();
        root.put("covered", covered.label());
        root.put("complete", pub.complete());

        ObjectNode ap = root.putObject("applicants");
        ap.set("year", Json.applicants(pub.applicants()));
        if (pub.applicantsPreviousYear().isPresent()) {
            ap.set("previousYear", Json.applicants(pub.applicantsPreviousYear().get()));
        } else {
            ap.putNull("previousYear");
        }
        ap.set("topOrigins", Json.ranking(pub.topApplicants(), Json::applicants, m, "total"));

        ObjectNode dec = root.putObject("decisions");
        for (Unit u : Unit.values()) {
            AnnualDecisions d = pub.decisions().get(u);
            ObjectNode unit = dec.putObject(u.code());
            ArrayNode rows = unit.putArray("rows");
            for (AnnualDecisionRow r : AnnualDecisionRow.values()) {
                ObjectNode row = rows.addObject();
                row.put("code", r.code());
                row.put("stage", r.stage().name().toLowerCase());
                row.put("label", m.get("annual.decision." + r.code()));
                row.put("count", d.get(r));
                Json.fraction(row, "share", d.share(r));
            }
            unit.put("finals", d.finals());
            unit.put("total", d.total());
        }

        ObjectNode rate = root.putObject("protectionRate");
        rate.put("unit", Unit.DOSSIERS.code());
        rate.put("definition", m.get("rate.definition"));
        Json.fraction(rate, "year", pub.protectionRate());
        Json.fraction(rate, "excludingInadmissible", pub.protectionRateExcludingInadmissible());
        Json.fraction(rate, "inadmissibilityShare", pub.inadmissibilityShare());
        ArrayNode years = rate.putArray("byYear");
        for (YearRate y : pub.protectionRateByYear()) {
            ObjectNode o = years.addObject();
            o.put("year", y.year());
            o.put("covered", y.covered().label());
            o.put("complete", y.complete());
            o.put("positive", y.positive());
            o.put("denominator", y.denominator());
            Json.fraction(o, "rate", y.rate());
        }
        ObjectNode months = rate.putObject("byMonth");
        for (Month mo : Month.values()) {
            YearMonth ym = YearMonth.of(pub.year(), mo);
            Double v = pub.protectionRateByMonth().get(ym);
            Json.fraction(months, ym.toString(), v == null ? Double.NaN : v);
        }

        root.set("mainNationalities", Json.ranking(pub.mainNationalities(), d -> {
            ObjectNode o = f.objectNode();
            o.put("finals", d.finals());
            o.put("refugee", d.refugee());
            o.put("subsidiary", d.subsidiary());
            Json.fraction(o, "protectionRate", d.protectionRate());
            return o;
        }, m, "finals"));

        ObjectNode workload = Json.workload(pub.workloadDate(), pub.workloadEndDossiers(), pub.workloadEndPersons(), pub.normalWorkload(),
                pub.realBacklog(), m);
        Json.optional(workload, "previousYearEndDossiers", pub.workloadPreviousYearEnd());
        ObjectNode monthEnds = workload.putObject("monthEnds");
        for (Month mo : Month.values()) {
            YearMonth ym = YearMonth.of(pub.year(), mo);
            ObjectNode o = monthEnds.putObject(ym.toString());
            Long d = pub.workloadDossiers().get(ym);
            Long p = pub.workloadPersons().get(ym);
            if (d == null) {
                o.putNull("dossiers");
                o.putNull("persons");
            } else {
                o.put("dossiers", d);
                o.put("persons", p);
            }
        }
        root.set("workload", workload);
        return root;
    }
}
