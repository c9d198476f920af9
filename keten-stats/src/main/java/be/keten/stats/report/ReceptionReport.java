package be.keten.stats.report;

import be.keten.core.person.Sex;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.Network;
import be.keten.core.reception.Operator;
import be.keten.stats.ChainStatistics;
import be.keten.core.calendar.Period;
import be.keten.stats.ResidentCategory;
import be.keten.stats.publication.Ranking;
import be.keten.stats.publication.ReceptionPublication;
import be.keten.stats.publication.ReceptionPublication.Profile;
import be.keten.stats.publication.ReceptionPublication.Use;
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
import java.util.function.ToLongFunction;

/**
 * Fedasil's yearly balance of the reception network (GUIDE §5.4, §6) for one calendar year: IN, OUT
 * and balance by month, capacity, occupancy and waiting list at each month end, occupancy by place
 * type and by operator, the residents' profile, departures and the average length of stay. Figures
 * come from {@link ReceptionPublication} only. Months the data do not cover are blank, never zero;
 * the year-end tables are taken at the end of the last month covered and say which day that is.
 */
public final class ReceptionReport implements Report {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ReceptionPublication pub;
    private final Optional<Period> coverage;
    private final int dossiers;
    private final LocalDate generatedOn;

    private ReceptionReport(ReceptionPublication pub, Optional<Period> coverage, int dossiers, LocalDate generatedOn) {
        this.pub = pub;
        this.coverage = coverage;
        this.dossiers = dossiers;
        this.generatedOn = generatedOn;
    }

    /** The balance of {@code year}, with the capacity of {@code network} on each date. */
    public static ReceptionReport of(ChainStatistics s, Network network, int year, LocalDate generatedOn) {
        return new ReceptionReport(ReceptionPublication.of(s, network, year), s.coverage(), s.dossiers(), generatedOn);
    }

    public ReceptionPublication publication() {
        return pub;
    }

    @Override
    public boolean hasData() {
        return pub.hasData();
    }

    private String yearLabel() {
        return Integer.toString(pub.year());
    }

    private String column(Messages m) {
        return Cells.periodLabel(m, pub.year(), pub.covered().get());
    }

    private YearMonth month(Month mo) {
        return YearMonth.of(pub.year(), mo);
    }

    // ---- document ----------------------------------------------------------------------------

    @Override
    public Document document(Language language) {
        Messages m = new Messages(language);
        String title = m.get("reception.title", yearLabel());
        String footer = m.get("reception.footer", m.get("brand"), yearLabel());
        List<String> meta = new ArrayList<>();
        meta.add(m.get("meta.generated", m.date(generatedOn)));
        meta.add(Cells.source(m, dossiers, coverage));
        if (!pub.hasData()) {
            String noData = Cells.noData(m, "nodata.year", yearLabel(), coverage);
            return new Document(language, title, m.get("reception.subtitle"), meta, noData, footer, false, List.of());
        }
        meta.add(m.get("reception.meta.network"));
        if (!pub.complete()) {
            meta.add(m.get("reception.meta.partial", yearLabel(), Cells.range(m, pub.covered().get())));
        }
        meta.add(m.get("reception.meta.stock", m.date(pub.stockDate())));
        List<Section> sections = List.of(overview(m), flows(m), occupancy(m), places(m), profile(m), departures(m));
        return new Document(language, title, m.get("reception.subtitle"), meta, null, footer, false, sections);
    }

    private Section overview(Messages m) {
        String date = m.date(pub.stockDate());
        ReceptionPublication.Month end = pub.atStockDate();
        Table.Builder t = Table.builder("").label("").numbers(column(m)).style(TableStyle.NARROW)
                .row(RowKind.BODY, Cell.text(m.get("reception.in.label")), Cell.count(pub.totalIn(), m))
                .row(RowKind.BODY, Cell.text(m.get("reception.out.label")), Cell.count(pub.totalOut(), m))
                .row(RowKind.BODY, Cell.text(m.get("reception.balance.label")), Cell.count(pub.balance(), m))
                .row(RowKind.BODY, Cell.text(m.get("reception.capacity.on", date)), Cell.count(end.capacity(), m))
                .row(RowKind.BODY, Cell.text(m.get("reception.occupancy.on", date)), Cell.count(end.occupancy(), m))
                .row(RowKind.BODY, Cell.text(m.get("reception.rate.on", date)), Cell.percent(end.occupancyRate(), m))
                .row(RowKind.BODY, Cell.text(m.get("reception.waiting.on", date)), Cell.count(end.waitingList(), m))
                .row(RowKind.BODY, Cell.text(m.get("reception.sponsored.on", date)), Cell.count(end.sponsored(), m))
                .row(RowKind.BODY, Cell.text(m.get("reception.stay.label", yearLabel())),
                        Cell.decimal(pub.averageStayMonths().orElse(Double.NaN), m))
                .note(m.get("reception.note.in"))
                .note(m.get("reception.note.rate"));
        if (Double.isNaN(end.occupancyRate())) {
            t.note(m.get("reception.rate.undefined"));
        }
        List<Block> blocks = new ArrayList<>(List.of(t.build()));
        if (pub.averageStayMonths().isEmpty()) {
            blocks.add(Paragraph.note(m.get("reception.stay.none", yearLabel())));
        }
        return new Section("overview", m.get("annual.keyfigures"), m.get("sheet.overview"), blocks);
    }

    /** A row per month of the year: the covered months' figures, the others blank. */
    private List<Cell> monthCells(YearMonth ym, int width, Function<ReceptionPublication.Month, List<Cell>> cells) {
        ReceptionPublication.Month mo = pub.months().get(ym);
        return mo == null ? Cells.blanks(width) : cells.apply(mo);
    }

    private List<Long> series(ToLongFunction<ReceptionPublication.Month> figure) {
        List<Long> out = new ArrayList<>();
        for (Month mo : Month.values()) {
            ReceptionPublication.Month v = pub.months().get(month(mo));
            out.add(v == null ? null : figure.applyAsLong(v));
        }
        return out;
    }

    /** Under a month-by-month table of a year covered in part: which months have data, and what the total counts. */
    private Optional<String> partialNote(Messages m, boolean withTotal) {
        if (pub.complete()) {
            return Optional.empty();
        }
        return Optional.of(m.get(withTotal ? "reception.note.partial" : "reception.note.partial.months", yearLabel(),
                Cells.range(m, pub.covered().get())));
    }

    private Section flows(Messages m) {
        Table.Builder t = Table.builder(m.get("reception.flows.caption", yearLabel())).label(m.get("col.month"))
                .numbers(m.get("reception.col.in"), m.get("reception.col.out"), m.get("reception.col.balance")).style(TableStyle.NARROW);
        for (Month mo : Month.values()) {
            t.row(RowKind.BODY, Cells.of(Cell.text(m.monthName(mo)), monthCells(month(mo), 3,
                    v -> List.of(Cell.count(v.in(), m), Cell.count(v.out(), m), Cell.count(v.balance(), m)))));
        }
        t.row(RowKind.TOTAL, Cell.text(m.get("total.year", column(m))), Cell.count(pub.totalIn(), m), Cell.count(pub.totalOut(), m),
                Cell.count(pub.balance(), m));
        t.note(m.get("reception.note.balance"));
        partialNote(m, true).ifPresent(t::note);

        Map<String, List<Long>> bars = new LinkedHashMap<>();
        bars.put(m.get("reception.col.in"), series(ReceptionPublication.Month::in));
        bars.put(m.get("reception.col.out"), series(ReceptionPublication.Month::out));
        Charts.Svg svg = Charts.bars(Cells.monthsShort(m), bars, false, m.get("unit.persons"), m, 700, 260);
        Chart chart = new Chart(m.get("reception.flows.chart", yearLabel()), m.get("reception.flows.chart.description", yearLabel()),
                svg.screen(), svg.print());
        return new Section("flows", m.get("reception.flows.title"), m.get("sheet.reception.flows"), List.of(chart, t.build()));
    }

    private Section occupancy(Messages m) {
        Table.Builder t = Table.builder(m.get("reception.occupancy.caption", yearLabel())).label(m.get("col.month_end"))
                .numbers(m.get("reception.col.capacity"), m.get("reception.col.occupancy"), m.get("reception.col.rate"),
                        m.get("reception.col.waiting"));
        boolean undefined = false;
        for (Month mo : Month.values()) {
            ReceptionPublication.Month v = pub.months().get(month(mo));
            undefined |= v != null && Double.isNaN(v.occupancyRate());
            t.row(RowKind.BODY, Cells.of(Cell.text(m.monthName(mo)), monthCells(month(mo), 4,
                    x -> List.of(Cell.count(x.capacity(), m), Cell.count(x.occupancy(), m), Cell.percent(x.occupancyRate(), m),
                            Cell.count(x.waitingList(), m)))));
        }
        t.note(m.get("reception.note.rate"));
        t.note(m.get("reception.note.waiting"));
        if (undefined) {
            t.note(m.get("reception.rate.undefined"));
        }
        partialNote(m, false).ifPresent(t::note);

        Map<String, List<? extends Number>> lines = new LinkedHashMap<>();
        lines.put(m.get("reception.col.capacity"), series(ReceptionPublication.Month::capacity));
        lines.put(m.get("reception.col.occupancy"), series(ReceptionPublication.Month::occupancy));
        // No axis title: capacity is in places, occupancy in persons; the legend names each line.
        Charts.Svg svg = Charts.lines(Cells.monthsShort(m), lines, false, null, m, 700, 260);
        Chart chart = new Chart(m.get("reception.occupancy.chart", yearLabel()), m.get("reception.occupancy.chart.description", yearLabel()),
                svg.screen(), svg.print());

        Map<String, List<? extends Number>> waiting = new LinkedHashMap<>();
        waiting.put(m.get("reception.col.waiting"), series(ReceptionPublication.Month::waitingList));
        Charts.Svg wsvg = Charts.lines(Cells.monthsShort(m), waiting, false, m.get("unit.persons"), m, 700, 220);
        Chart waitingChart = new Chart(m.get("reception.waiting.chart", yearLabel()), m.get("reception.waiting.chart.description", yearLabel()),
                wsvg.screen(), wsvg.print());
        return new Section("occupancy", m.get("reception.occupancy.title"), m.get("sheet.reception.occupancy"),
                List.of(chart, t.build(), waitingChart));
    }

    private static List<Cell> useCells(Use u, Messages m) {
        return List.of(Cell.count(u.capacity(), m), Cell.count(u.occupancy(), m), Cell.percent(u.rate(), m));
    }

    private Table useTable(Messages m, String caption, String labelHeader, Map<String, Use> rows, Use total, String totalLabel) {
        Table.Builder t = Table.builder(caption).label(labelHeader)
                .numbers(m.get("reception.col.capacity"), m.get("reception.col.occupancy"), m.get("reception.col.rate"));
        rows.forEach((label, u) -> t.row(RowKind.BODY, Cells.of(Cell.text(label), useCells(u, m))));
        t.row(RowKind.TOTAL, Cells.of(Cell.text(totalLabel), useCells(total, m)));
        return t.build();
    }

    private Section places(Messages m) {
        String date = m.date(pub.stockDate());
        Map<String, Use> categories = new LinkedHashMap<>();
        pub.byCategory().forEach((code, u) -> categories.put(m.get("place.category." + code), u));
        Table byType = useTable(m, m.get("reception.bytype.caption", date), m.get("reception.col.type"), categories, pub.networkTotal(),
                m.get("reception.total.network"));

        Map<String, Use> phases = new LinkedHashMap<>();
        pub.minorsByPhase().forEach((code, u) -> phases.put(m.get("place.minors." + code), u));
        Table minors = useTable(m, m.get("reception.minors.caption", date), m.get("reception.col.phase"), phases, pub.minorsTotal(),
                m.get("reception.total.minors"));

        Map<String, Use> operators = new LinkedHashMap<>();
        for (Operator o : Operator.values()) {
            Use u = pub.byOperator().get(o);
            if (u != null) {
                operators.put(m.get("operator." + o.name()), u);
            }
        }
        Table byOperator = useTable(m, m.get("reception.byoperator.caption", date), m.get("reception.col.operator"), operators,
                pub.networkTotal(), m.get("reception.total.network"));

        List<Block> blocks = new ArrayList<>();
        blocks.add(byType);
        blocks.add(Paragraph.note(m.get("reception.note.categories")));
        blocks.add(minors);
        blocks.add(byOperator);
        if (pub.unknownFacility() > 0) {
            blocks.add(Paragraph.note(m.get("reception.note.unknown", m.integer(pub.unknownFacility()), date)));
        }
        return new Section("places", m.get("reception.places.title", date), m.get("sheet.reception.places"), blocks);
    }

    private static Table shareTable(Messages m, String caption, String header, Map<String, Long> rows, Profile p) {
        Table.Builder t = Table.builder(caption).label(header).numbers(m.get("unit.persons"), m.get("col.share"));
        rows.forEach((label, n) -> t.row(RowKind.BODY, Cell.text(label), Cell.count(n, m), Cell.percent(p.share(n), m)));
        t.row(RowKind.TOTAL, Cell.text(m.get("reception.total.residents")), Cell.count(p.total(), m), Cell.percent(p.share(p.total()), m));
        return t.build();
    }

    private Section profile(Messages m) {
        Profile p = pub.profile();
        String date = m.date(pub.stockDate());
        Map<String, Long> household = new LinkedHashMap<>();
        household.put(m.get("reception.profile.families"), p.inFamilies());
        household.put(m.get("reception.profile.single"), p.single());
        Map<String, Long> sex = new LinkedHashMap<>();
        for (Sex s : Sex.values()) {
            sex.put(m.get("sex." + s.name()), p.bySex().get(s));
        }
        Map<String, Long> age = new LinkedHashMap<>();
        p.byAgeGroup().forEach((g, n) -> age.put(m.get("age.group", g.replace('-', '–')), n));
        Map<String, Long> stage = new LinkedHashMap<>();
        for (ResidentCategory c : ResidentCategory.values()) {
            stage.put(m.get("resident.category." + c.name()), p.byCategory().get(c));
        }
        Table householdTable = shareTable(m, m.get("reception.profile.household"), "", household, p);
        Table sexTable = shareTable(m, m.get("reception.profile.sex"), "", sex, p);
        Table ageTable = shareTable(m, m.get("reception.profile.age"), "", age, p);
        Table stageTable = shareTable(m, m.get("reception.profile.stage"), "", stage, p);

        Ranking<Long> r = p.topNationalities();
        Table.Builder top = Table.builder(m.get("reception.profile.nationalities", date)).label("").label(m.get("col.nationality"))
                .numbers(m.get("unit.persons"), m.get("col.share")).style(TableStyle.RANKED_NARROW);
        for (Ranking.Entry<Long> e : r.top()) {
            top.row(RowKind.BODY, Cell.text(Integer.toString(e.rank())), Cell.text(m.country(e.nationality())), Cell.count(e.value(), m),
                    Cell.percent(p.share(e.value()), m));
        }
        top.row(RowKind.OTHERS, Cell.text(""), Cell.text(m.get("others")), Cell.count(r.others(), m), Cell.percent(p.share(r.others()), m));
        top.row(RowKind.TOTAL, Cell.text(""), Cell.text(m.get("reception.total.residents")), Cell.count(r.total(), m),
                Cell.percent(p.share(r.total()), m));

        List<Block> blocks = new ArrayList<>();
        blocks.add(new Columns(List.of(householdTable, sexTable)));
        blocks.add(new Columns(List.of(ageTable, stageTable)));
        blocks.add(Paragraph.note(m.get("reception.profile.note")));
        blocks.add(top.build());
        return new Section("profile", m.get("reception.profile.title", date), m.get("sheet.reception.profile"), blocks);
    }

    private Section departures(Messages m) {
        Table.Builder t = Table.builder(m.get("reception.departures.caption", column(m))).label(m.get("reception.col.reason"))
                .numbers(m.get("unit.persons")).style(TableStyle.NARROW);
        for (LeaveReason r : LeaveReason.values()) {
            t.row(RowKind.BODY, Cell.text(m.get("leave.reason." + r.name())), Cell.count(pub.outByReason().get(r), m));
        }
        t.row(RowKind.TOTAL, Cell.text(m.get("reception.out.label")), Cell.count(pub.totalOut(), m));
        List<Block> blocks = new ArrayList<>();
        blocks.add(t.build());
        if (pub.averageStayMonths().isPresent()) {
            blocks.add(Paragraph.text(m.get("reception.stay.sentence", column(m), m.integer(pub.totalOut()),
                    m.decimal(pub.averageStayMonths().getAsDouble()))));
        } else {
            blocks.add(Paragraph.text(m.get("reception.stay.none", yearLabel())));
        }
        blocks.add(Paragraph.note(m.get("reception.stay.definition")));
        return new Section("departures", m.get("reception.departures.title"), m.get("sheet.reception.departures"), blocks);
    }

    // ---- JSON -------------------------------------------------------------------------------

    @Override
    public ObjectNode json(Language language) {
        Messages m = new Messages(language);
        ObjectNode root = Json.header("reception", "year", Integer.toString(pub.year()), language, m.get("reception.title", yearLabel()), generatedOn,
                pub.hasData(), dossiers, coverage);
        root.put("year", pub.year());   // a number, as it always was
        if (!pub.hasData()) {
            root.put("message", document(language).noData());
            return root;
        }
        root.put("covered", pub.covered().get().label());
        root.put("complete", pub.complete());
        root.put("stockDate", pub.stockDate().toString());

        ReceptionPublication.Month end = pub.atStockDate();
        ObjectNode totals = root.putObject("totals");
        totals.put("in", pub.totalIn());
        totals.put("out", pub.totalOut());
        totals.put("balance", pub.balance());
        totals.put("capacity", end.capacity());
        totals.put("occupancy", end.occupancy());
        Json.fraction(totals, "occupancyRate", end.occupancyRate());
        totals.put("waitingList", end.waitingList());
        totals.put("sponsored", end.sponsored());
        Json.fraction(totals, "averageStayMonths", pub.averageStayMonths().orElse(Double.NaN));

        ObjectNode months = root.putObject("months");
        for (Month mo : Month.values()) {
            YearMonth ym = month(mo);
            ObjectNode o = months.putObject(ym.toString());
            ReceptionPublication.Month v = pub.months().get(ym);
            if (v == null) {
                for (String f : List.of("in", "out", "balance", "capacity", "occupancy", "occupancyRate", "waitingList", "sponsored")) {
                    o.putNull(f);
                }
                continue;
            }
            o.put("in", v.in());
            o.put("out", v.out());
            o.put("balance", v.balance());
            o.put("capacity", v.capacity());
            o.put("occupancy", v.occupancy());
            Json.fraction(o, "occupancyRate", v.occupancyRate());
            o.put("waitingList", v.waitingList());
            o.put("sponsored", v.sponsored());
        }

        ObjectNode places = root.putObject("places");
        places.put("date", pub.stockDate().toString());
        ArrayNode categories = places.putArray("byCategory");
        pub.byCategory().forEach((code, u) -> categories.add(use(labelled(code, m.get("place.category." + code)), u)));
        ArrayNode minors = places.putArray("unaccompaniedMinorsByPhase");
        pub.minorsByPhase().forEach((code, u) -> minors.add(use(labelled(code, m.get("place.minors." + code)), u)));
        places.set("unaccompaniedMinorsTotal", use(F.objectNode(), pub.minorsTotal()));
        ArrayNode operators = places.putArray("byOperator");
        for (Operator o : Operator.values()) {
            Use u = pub.byOperator().get(o);
            if (u != null) {
                operators.add(use(labelled(o.name(), m.get("operator." + o.name())).put("published", o.published()), u));
            }
        }
        places.set("network", use(F.objectNode(), pub.networkTotal()));
        places.put("residentsOutsideNetwork", pub.unknownFacility());

        Profile p = pub.profile();
        ObjectNode profile = root.putObject("profile");
        profile.put("date", pub.stockDate().toString());
        profile.put("total", p.total());
        profile.put("inFamilies", p.inFamilies());
        profile.put("single", p.single());
        ObjectNode sex = profile.putObject("bySex");
        p.bySex().forEach((s, n) -> sex.put(s.name(), n));
        ObjectNode age = profile.putObject("byAgeGroup");
        p.byAgeGroup().forEach(age::put);
        ObjectNode stage = profile.putObject("byProcedureStage");
        p.byCategory().forEach((c, n) -> stage.put(c.name(), n));
        ObjectNode labels = profile.putObject("labels");
        p.bySex().keySet().forEach(s -> labels.put(s.name(), m.get("sex." + s.name())));
        p.byCategory().keySet().forEach(c -> labels.put(c.name(), m.get("resident.category." + c.name())));
        profile.set("topNationalities", Json.ranking(p.topNationalities(), n -> F.objectNode().put("residents", n), m, "residents"));

        ObjectNode departures = root.putObject("departures");
        departures.put("total", pub.totalOut());
        ArrayNode reasons = departures.putArray("byReason");
        pub.outByReason().forEach((r, n) -> reasons.addObject().put("code", r.name()).put("label", m.get("leave.reason." + r.name())).put("count", n));
        Json.fraction(departures, "averageStayMonths", pub.averageStayMonths().orElse(Double.NaN));
        departures.put("definition", m.get("reception.stay.definition"));
        return root;
    }

    private static ObjectNode labelled(String code, String label) {
        return F.objectNode().put("code", code).put("label", label);
    }

    private static ObjectNode use(ObjectNode o, Use u) {
        o.put("capacity", u.capacity());
        o.put("occupancy", u.occupancy());
        Json.fraction(o, "occupancyRate", u.rate());
        return o;
    }
}
