package be.keten.app.resettlement;

import be.keten.app.cli.DatabaseOption;
import be.keten.app.cli.DbCommand;
import be.keten.core.event.PathwayEvent.ArrivedThroughPathway;
import be.keten.core.pathway.PathwayChannel;
import be.keten.store.Database;
import be.keten.store.EventStore;
import be.keten.store.StoreException;
import be.keten.store.StoredEvent;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import be.keten.app.cli.ExitCode;
import be.keten.core.resettlement.Pledge;
import be.keten.core.resettlement.ProgrammeData;
import be.keten.core.resettlement.ProgrammeSummary;
import be.keten.core.resettlement.ProgrammePeriod;
import be.keten.core.resettlement.SelectionMission;
import be.keten.core.resettlement.ResettlementInputException;
import be.keten.io.reference.ReferenceFiles;
import be.keten.io.resettlement.ResettlementCsvReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keten report resettlement}: pledged versus realised per year and programme. */
@Command(name = "resettlement", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Resettlement and other legal pathways: places pledged versus persons arrived, per period and programme,"
                    + " from the published programme data (reference resettlement.csv, shipped with keten).",
            "Periods are shown as published (e.g. 2018/2019 is one two-year quota); programmes are not added up,"
                    + " because community-sponsored persons may also count as resettled."},
        footer = {"",
            "Realised counts are the published figures. With --registry, the persons of the resettlement arrivals"
                    + " recorded in the event store (ArrivedThroughPathway, channel RESETTLEMENT, by programme year) are"
                    + " shown beside them in a 'registered' column, never added to them.",
            "Exit codes: 0 ok, 1 usage (unknown option, malformed number), 2 invalid input."})
public final class ResettlementReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "YYYY",
            description = "First year shown; periods overlapping --from..--to are kept (default: first year of the data).")
    Integer from;

    @Option(names = "--to", paramLabel = "YYYY", description = "Last year shown (default: last year of the data).")
    Integer to;

    @Option(names = "--data", paramLabel = "FILE",
            description = "Programme data in the layout of the reference resettlement.csv (default: the shipped copy).")
    Path data;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write an HTML page with the table and an SVG bar chart (no JavaScript, nothing fetched).")
    Path html;

    @Option(names = "--registry", description = "Also count the resettlement arrivals recorded in the event store (--db), by programme year.")
    boolean registry;

    @Mixin
    DatabaseOption db;

    private Map<Integer, Long> registeredArrivals = Map.of();

    /** Persons arrived through resettlement per programme year, from the store's arrival events. */
    static Map<Integer, Long> registeredResettlement(EventStore store) {
        Map<Integer, Long> out = new TreeMap<>();
        try (Stream<StoredEvent> events = store.stream(null, null)) {
            events.map(StoredEvent::event)
                    .filter(e -> e instanceof ArrivedThroughPathway a
                            && a.channel() == PathwayChannel.RESETTLEMENT)
                    .map(e -> (ArrivedThroughPathway) e)
                    .forEach(a -> out.merge(a.programmeYear(), (long) a.persons().size(), Long::sum));
        }
        return out;
    }

    /**
     * Adds resettled persons counted from the registry's arrival events, by programme year, to be shown beside
     * the published realised counts (never added to them).
     */
    public ResettlementReportCommand withRegisteredArrivals(Map<Integer, Long> resettledPerYear) {
        this.registeredArrivals = Map.copyOf(Objects.requireNonNull(resettledPerYear, "resettledPerYear"));
        return this;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (registry) {
            try (Database d = Database.open(db.url())) {
                withRegisteredArrivals(registeredResettlement(DbCommand.store(d)));
            } catch (StoreException e) {
                return DbCommand.databaseError(spec, e);
            }
        }
        try {
            ProgrammeData programmes = data == null ? ResettlementCsvReader.readBundled() : ResettlementCsvReader.read(data);
            ProgrammeSummary all = programmes.summary().withRegisteredArrivals(registeredArrivals);
            int first = from != null ? from : all.firstYear().orElseThrow(() -> new IllegalArgumentException("the data hold no dated figures"));
            int last = to != null ? to : all.lastYear().orElseThrow();
            if (first > last) {
                err.println("keten: --from " + first + " is after --to " + last);
                err.flush();
                return ExitCode.INVALID_INPUT;
            }
            ProgrammeSummary shown = all.between(first, last);
            String source = data == null ? "reference " + ReferenceFiles.RESETTLEMENT + " (shipped copy)" : data.getFileName().toString();
            PrintWriter out = spec.commandLine().getOut();
            List<SelectionMission> missions = programmes.selectionMissions().stream()
                    .filter(m -> m.period() instanceof ProgrammePeriod.Span span && span.overlaps(first, last)).toList();
            out.print(text(shown, all.undated(), first, last, source, !registeredArrivals.isEmpty()));
            out.print(missionsText(missions));
            out.flush();
            if (html != null) {
                try {
                    Files.writeString(html, ResettlementHtml.page(shown, all.undated(), first, last, source,
                            !registeredArrivals.isEmpty(), missions), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("keten: cannot write " + html + ": " + e.getMessage());
                    err.flush();
                    return ExitCode.INVALID_INPUT;
                }
                out.println("Wrote " + html);
                out.flush();
            }
            return ExitCode.OK;
        } catch (ResettlementInputException e) {
            err.println("keten: " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("keten: file not found: " + e.getFile());
        } catch (IOException e) {
            err.println("keten: cannot read " + data + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("keten: " + e.getMessage());
        }
        err.flush();
        return ExitCode.INVALID_INPUT;
    }

    static String text(ProgrammeSummary s, List<ProgrammeSummary.Line> undated, int from, int to, String source,
                       boolean registered) {
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder();
        b.append("Resettlement and other legal pathways: pledged vs realised, ").append(from == to ? from : from + "-" + to).append(nl);
        b.append("Source: ").append(source).append("; periods as published; programmes not added up.").append(nl).append(nl);
        if (s.lines().isEmpty()) {
            b.append("No published figures for these years.").append(nl);
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(registered ? new String[] {"period", "programme", "pledged", "realised", "realised %", "registered"}
                    : new String[] {"period", "programme", "pledged", "realised", "realised %"});
            for (ProgrammeSummary.Line l : s.lines()) {
                rows.add(cells(l, registered));
            }
            columns(b, rows, nl);
            for (ProgrammeSummary.Line l : s.lines()) {
                if (!l.pledgeSplit().isEmpty()) {
                    b.append(nl).append(splitNote(l)).append(nl);
                }
            }
        }
        if (!undated.isEmpty()) {
            b.append(nl).append("Not placed in any year (the source gives no period):").append(nl);
            for (ProgrammeSummary.Line l : undated) {
                b.append("  ").append(l.programme().label())
                        .append(l.pledged().map(f -> ", pledged " + f.display()).orElse(""))
                        .append(l.realised().map(f -> ", realised " + f.display()).orElse("")).append(nl);
            }
        }
        return b.toString();
    }

    /** The selection missions of the years shown, or a line saying the data hold none. */
    static String missionsText(List<SelectionMission> missions) {
        String nl = System.lineSeparator();
        StringBuilder b = new StringBuilder(nl);
        if (missions.isEmpty()) {
            return b.append("Selection missions: none in the data for these years.").append(nl).toString();
        }
        b.append("Selection missions (CGVS interviews in the first country of asylum):").append(nl);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"period", "host country", "interviewed", "accepted", "accepted %"});
        for (SelectionMission m : missions) {
            rows.add(missionCells(m));
        }
        columns(b, rows, nl);
        return b.toString();
    }

    static String[] missionCells(SelectionMission m) {
        return new String[] {m.period().label(), m.hostCountry(), m.interviewed().map(ProgrammeSummary.Figure::display).orElse("-"),
                m.accepted().map(ProgrammeSummary.Figure::display).orElse("-"),
                m.acceptedPercent().map(p -> p.toPlainString() + "%").orElse("-")};
    }

    static String[] cells(ProgrammeSummary.Line l, boolean registered) {
        String pct = l.realisedPercent().map(p -> (l.percentApproximate() ? "≈ " : "") + p.toPlainString() + " %").orElse("-");
        String pledged = l.pledged().map(ProgrammeSummary.Figure::display).orElse("-");
        String realised = l.realised().map(ProgrammeSummary.Figure::display).orElse("-");
        String period = l.period().label();
        if (registered) {
            String reg = l.registered().isPresent() ? Numbers.persons(l.registered().getAsLong()) : "-";
            return new String[] {period, l.programme().label(), pledged, realised, pct, reg};
        }
        return new String[] {period, l.programme().label(), pledged, realised, pct};
    }

    static String splitNote(ProgrammeSummary.Line l) {
        StringBuilder b = new StringBuilder();
        b.append("Split of the ").append(l.period().label()).append(' ').append(l.programme().label()).append(" pledge: ");
        List<String> parts = new ArrayList<>();
        for (Pledge p : l.pledgeSplit()) {
            parts.add(p.category().replace('_', ' ') + (p.nationality().isEmpty() ? "" : " (" + p.nationality() + ")")
                    + " " + p.qualifier().prefix() + Numbers.persons(p.places()));
        }
        b.append(String.join("; ", parts));
        long sum = l.pledgeSplitSum().orElse(0);
        b.append(String.format(Locale.ROOT, " (parts sum to %,d", sum));
        l.pledged().ifPresent(t -> b.append(sum == t.value() ? ", the total" : ", total " + t.display()));
        return b.append(')').toString();
    }

    /** Rows as aligned columns: the first two (period and name) to the left, the figures to the right. */
    private static void columns(StringBuilder b, List<String[]> rows, String nl) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == 0 ? "" : "  ").append(pad(r[i], w[i], i >= 2));
            }
            b.append(line.toString().stripTrailing()).append(nl);
        }
    }

    private static String pad(String s, int w, boolean right) {
        int n = s.codePointCount(0, s.length());
        String fill = " ".repeat(Math.max(0, w - n));
        return right ? fill + s : s + fill;
    }
}
