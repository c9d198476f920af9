package be.keten.stats.synth;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.io.events.EventCodec;
import be.keten.io.events.EventWriter;
import be.keten.io.reference.ReferenceConsistency;
import be.keten.io.reference.ReferenceData;
import be.keten.stats.ChainStatistics;
import be.keten.stats.export.Comparison;
import be.keten.stats.export.PublicationExport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Synthetic microdata: case-level event histories whose aggregates equal every figure of a reference
 * folder (whatever its granularity) for a window of months. Built in this order, so that the published
 * figures are fixed by construction and everything else is fitted around them:
 *
 * <ol>
 *   <li>monthly targets per decision row and unit, and per DVZ column, from the figures over any periods
 *       ({@link Targets}, {@link MonthlyTargets});</li>
 *   <li>applicants by month, column and nationality for the months the nationality tables cover
 *       ({@link ApplicationNationalities});</li>
 *   <li>the decided households of every month (dossiers and persons exactly), their nationalities
 *       ({@link DecisionNationalities}), and their registration, in a month whose applications leave room
 *       and carry no nationality table, else before the window ({@link Registrations});</li>
 *   <li>the other applicants of each month, so the DVZ figures hold exactly ({@link Registrations});</li>
 *   <li>for each published workload date, exactly the dossiers and persons at the CGVS: interim-decided
 *       files, files decided later, pending files, and a generated starting stock for the rest; files
 *       that must not count reach the CGVS after the date or leave at DVZ (Dublin transfer,
 *       withdrawal) ({@link Transfers});</li>
 *   <li>every event of every dossier, each put to the rulebook as it is written (a refusal stops the
 *       generator), then cut at the end of the window ({@link History}).</li>
 * </ol>
 *
 * <p>The steps share their state through a {@link Draft}. The result is checked against the folder through the statistics and the export themselves; every
 * figure that is not reproduced is listed in the header with the reason. Same seed, same bytes.
 */
public final class Synthesizer {
    /** {@code scale}: every published count is multiplied by it before synthesis (rates and shares stay). */
    public record Options(YearMonth from, YearMonth to, long seed, int scale) {
        public Options {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("--to " + to + " is before --from " + from);
            }
            if (scale < 1) {
                throw new IllegalArgumentException("--scale " + scale + " is below 1");
            }
        }

        public Options(YearMonth from, YearMonth to, long seed) {
            this(from, to, seed, 1);
        }
    }

    /** What {@link #write} wrote: as {@link Result}, with the number of events instead of the events. */
    public record Summary(List<String> header, long events, int dossiers, long persons, Comparison check,
                          List<ReferenceConsistency.Inconsistency> inconsistencies, List<String> notes) {
    }

    /** Receives each event as its dossier is completed. */
    interface Sink {
        void accept(ChainEvent e) throws IOException;
    }

    /**
     * The generated histories and what was done with the folder's figures.
     *
     * @param header      the comment lines of the file (without {@code #}): method, assumptions, inconsistencies, figures not reproduced
     * @param events      every event, dossier by dossier in id order, each dossier's events in order
     * @param check       every published figure against the statistics of {@code events}
     * @param notes       figures not targeted or not honoured, with the reason
     */
    public record Result(List<String> header, List<ChainEvent> events, int dossiers, long persons, Comparison check,
                         List<ReferenceConsistency.Inconsistency> inconsistencies, List<String> notes) {

        /** Writes the header as comment lines, then the events as NDJSON. */
        public void write(Writer out) throws IOException {
            EventWriter w = new EventWriter(out, new EventCodec());
            for (String h : header) {
                w.writeComment(h);
            }
            for (ChainEvent e : events) {
                w.write(e);
            }
            w.flush();
        }
    }

    private final ReferenceData published;
    private final Draft draft;
    private int dossiers;
    private long persons;
    private long events;

    private Synthesizer(ReferenceData published, Options options) {
        this.published = published;
        this.draft = new Draft(published, options);
    }

    /** Everything in memory: for small windows and tests. */
    public static Result run(ReferenceData ref, Options options) {
        List<ChainEvent> events = new ArrayList<>();
        try {
            Summary s = new Synthesizer(ref, options).generate(events::add);
            return new Result(s.header(), events, s.dossiers(), s.persons(), s.check(), s.inconsistencies(), s.notes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Writes the file dossier by dossier, the same bytes as {@link #run}'s {@link Result#write}: the events go
     * to a scratch file next to {@code out} as each dossier is completed, then the header (which needs all of
     * them) and the events are joined into {@code out}. Memory holds the plans, not the events.
     */
    public static Summary write(ReferenceData ref, Options options, Path out) throws IOException {
        Path body = out.resolveSibling(out.getFileName() + ".events");
        try {
            Summary s;
            try (EventWriter w = new EventWriter(new BufferedWriter(Files.newBufferedWriter(body, StandardCharsets.UTF_8), 1 << 16),
                    new EventCodec())) {
                s = new Synthesizer(ref, options).generate(w::write);
            }
            StringWriter header = new StringWriter();
            EventWriter h = new EventWriter(header, new EventCodec());
            for (String line : s.header()) {
                h.writeComment(line);
            }
            try (FileChannel o = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                 FileChannel in = FileChannel.open(body, StandardOpenOption.READ)) {
                ByteBuffer b = ByteBuffer.wrap(header.toString().getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    o.write(b);
                }
                for (long pos = 0, n = in.size(); pos < n; ) {
                    pos += in.transferTo(pos, n - pos, o);
                }
            }
            return s;
        } finally {
            Files.deleteIfExists(body);
        }
    }

    private Summary generate(Sink sink) throws IOException {
        List<ReferenceConsistency.Inconsistency> inconsistencies = ReferenceConsistency.check(draft.ref);
        Targets targets = new Targets(draft);
        long[][][] dec = targets.decisionTargets();
        long[][] app = targets.applicationTargets();
        ApplicationNationalities an = new ApplicationNationalities(draft.window, app, draft.nationalities, draft.rNat);
        an.solve(draft.ref.applicationsByNationality());
        draft.notes.addAll(an.notes);
        Registrations registrations = new Registrations(draft, app, targets.unlimited, an.cells.keySet());
        registrations.decidedHouseholds(dec);
        DecisionNationalities dn = new DecisionNationalities(draft.nationalities, draft.rNat);
        dn.solve(draft.ref.decisionsByNationality(), draft.decided, draft.window);
        draft.notes.addAll(dn.notes);
        registrations.registerDecided();
        registrations.applicants(an);
        Transfers transfers = new Transfers(draft);
        transfers.workload();
        transfers.transfers();
        ChainStatistics stats = new ChainStatistics(draft.parameters);
        events(sink, stats);
        Comparison check = Comparison.of(draft.ref,
                ReferenceData.read(new PublicationExport(stats, draft.options.from(), draft.options.to()).texts()));
        return new Summary(header(events, persons, check, inconsistencies), events, dossiers, persons, check, inconsistencies,
                List.copyOf(draft.notes));
    }

    /** Writes dossier after dossier in id order, dropping each plan and state once written, so only plans stay in memory. */
    private void events(Sink sink, ChainStatistics stats) throws IOException {
        List<Plan> order = new ArrayList<>(draft.plans);
        draft.plans.clear();
        draft.decided.clear();
        order.sort(Comparator.comparing((Plan p) -> p.registered).thenComparingInt(p -> p.seq));
        // Zero-padded so that ids sort as numbers; 7 digits up to 10 million dossiers, as before the scale existed.
        String format = "D-SYN-%0" + Math.max(7, Integer.toString(order.size()).length()) + "d";
        for (int n = 0; n < order.size(); n++) {
            Plan p = order.set(n, null);
            DossierId id = DossierId.of(String.format(format, n + 1));
            events += new History(draft, p, id).write(sink, stats);   // the history holds the states, not the statistics
            dossiers++;
            persons += p.size;
        }
    }

    private List<String> header(long events, long persons, Comparison check, List<ReferenceConsistency.Inconsistency> inconsistencies) {
        List<String> h = new ArrayList<>();
        h.add("keten synth: synthetic case-level event histories (no real person); lines starting with # are comments");
        // Scale 1 is left unsaid: the header, and so the file, stay as they were before --scale existed.
        Options options = draft.options;
        h.add("window " + options.from() + ".." + options.to() + ", seed " + options.seed() + (options.scale() == 1 ? "" : ", scale "
                + options.scale() + " (every published count of the folder multiplied by " + options.scale() + " before synthesis; rates and"
                + " shares as published; figures quoted below are scaled)") + ", reference files " + draft.ref.files() + ", reference fingerprint "
                + fingerprint());
        h.add("dossiers " + dossiers + ", persons " + persons + ", events " + events);
        long inside = check.checks().stream().filter(c -> draft.inWindow(c.period())).count();
        long equal = check.checks().stream().filter(c -> draft.inWindow(c.period()) && c.status() == Comparison.Status.EQUAL).count();
        h.add("published figures in the window: " + inside + ", reproduced exactly: " + equal + "; outside the window (not targeted): "
                + (check.checks().size() - inside));
        for (ReferenceConsistency.Inconsistency i : inconsistencies) {
            h.add("inconsistent: " + i.message() + "; honoured: the more detailed figures (months, columns, countries), as the export"
                    + " recomputes every total from them");
        }
        for (String n : draft.notes) {
            h.add("note: " + n);
        }
        for (Comparison.Check c : check.differences()) {
            if (draft.inWindow(c.period())) {
                h.add("not reproduced: " + c.message());
            }
        }
        for (String a : draft.assumptions) {
            h.add("assumption: " + a);
        }
        h.add("assumption: a subsequent applicant's earlier application was withdrawn at DVZ (about 1 in 3) or refused and final, before"
                + " the window; a status holder whose status ends was recognised before the window");
        h.add("assumption: language role FR 58%, NL 42%; 7% of single first applicants declare to be unaccompanied minors (aged 15-17),"
                + " 6 in 10 of them get an age assessment (1 in 4 found adult); single applicants 74% men");
        h.add("assumption: after a negative decision 55% appeal (judged 60-300 days after the appeal period: 6% refugee status, 4% subsidiary"
                + " protection, 10% annulment only after the last published decision and workload figures, else rejected); without appeal the"
                + " decision becomes final after the appeal period; rejected files get an order to leave; no reception events are generated");
        h.add("assumption: nationalities left free are drawn from the folder's countries by their monthly level and a list of usual"
                + " countries of origin; no decision is given to a nationality whose processing is suspended (policy book)");
        return h;
    }

    private String fingerprint() {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (ReferenceData.Applications r : published.applications()) {
                md.update((r.line() + r.period().label() + r.rowType() + r.counts()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (ReferenceData.ApplicationsByNationality r : published.applicationsByNationality()) {
                md.update((r.line() + r.period().label() + r.iso2() + r.rowType() + r.rank() + r.counts()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (ReferenceData.Decisions r : published.decisions()) {
                md.update((r.line() + r.period().label() + r.rowType() + r.unit() + r.decisionType() + r.count()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (ReferenceData.DecisionsByNationality r : published.decisionsByNationality()) {
                md.update((r.line() + r.period().label() + r.iso2() + r.rowType() + r.unit() + r.decisionType() + r.count())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            for (ReferenceData.Workload r : published.workload()) {
                md.update((r.line() + r.date().toString() + r.measure() + r.unit() + r.value()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
