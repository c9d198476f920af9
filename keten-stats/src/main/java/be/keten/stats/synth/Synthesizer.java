package be.keten.stats.synth;

import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.event.AppealEvent;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent;
import be.keten.core.event.PathwayEvent;
import be.keten.core.event.ProcedureEvent;
import be.keten.core.event.ReturnEvent;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.AgeAssessment;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.returns.ForcedReturnKind;
import be.keten.core.rulebook.Rulebook;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import be.keten.io.events.EventCodec;
import be.keten.io.events.EventWriter;
import be.keten.io.reference.ReferenceConsistency;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceFiles;
import be.keten.core.calendar.Period;
import be.keten.stats.ChainStatistics;
import be.keten.stats.StatisticsParameters;
import be.keten.stats.export.Comparison;
import be.keten.stats.export.PublicationExport;
import be.keten.stats.publication.DecisionRow;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Synthetic microdata: case-level event histories whose aggregates equal every figure of a reference
 * folder (whatever its granularity) for a window of months. Built in this order, so that the published
 * figures are fixed by construction and everything else is fitted around them:
 *
 * <ol>
 *   <li>monthly targets per decision row and unit, and per DVZ column, from the figures over any periods
 *       ({@link MonthlyTargets});</li>
 *   <li>applicants by month, column and nationality for the months the nationality tables cover
 *       ({@link ApplicationNationalities});</li>
 *   <li>the decided households of every month (dossiers and persons exactly), their nationalities
 *       ({@link DecisionNationalities}), and their registration, in a month whose applications leave room
 *       and carry no nationality table, else before the window;</li>
 *   <li>the other applicants of each month, so the DVZ figures hold exactly;</li>
 *   <li>for each published workload date, exactly the dossiers and persons at the CGVS: interim-decided
 *       files, files decided later, pending files, and a generated starting stock for the rest; files
 *       that must not count reach the CGVS after the date or leave at DVZ (Dublin transfer,
 *       withdrawal);</li>
 *   <li>every event of every dossier, each put to the rulebook as it is written (a refusal stops the
 *       generator), then cut at the end of the window.</li>
 * </ol>
 *
 * <p>The result is checked against the folder through the statistics and the export themselves; every
 * figure that is not reproduced is listed in the header with the reason. Same seed, same bytes.
 */
public final class Synthesizer {
    /** Persons per dossier when a folder gives decisions in one unit only (GUIDE §2.1, Jan–Nov 2023). */
    static final double PERSONS_PER_DOSSIER = 1.175;
    private static final int ROWS = DecisionRow.values().length;

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
    private interface Sink {
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
    private final ReferenceData ref;
    private final StatisticsParameters parameters;
    private final Options options;
    private final List<YearMonth> window = new ArrayList<>();
    private final LocalDate start;
    private final LocalDate end;
    private final Rulebook rulebook;
    private final Nationalities nationalities;
    private final SplittableRandom rTargets;
    private final SplittableRandom rNat;
    private final SplittableRandom rHouse;
    private final SplittableRandom rDates;
    private final SplittableRandom rWork;
    private final SplittableRandom rEvents;
    private final List<String> notes = new ArrayList<>();
    private final List<String> assumptions = new ArrayList<>();
    private final List<Plan> plans = new ArrayList<>();
    private final List<Plan> decided = new ArrayList<>();
    private int dossiers;
    private long persons;
    private long events;
    private long[][] budget;
    private boolean[][] unlimited;
    private java.util.Set<YearMonth> regionMonths = java.util.Set.of();
    private LocalDate annulAfter;
    private int seq;

    private Synthesizer(ReferenceData published, Options options) {
        this.published = published;
        this.ref = published.scaled(options.scale());
        // The normal workload is a published stock too: scaled with the rest, so the real backlog is.
        this.parameters = StatisticsParameters.defaults().scaled(options.scale());
        this.options = options;
        for (YearMonth m = options.from(); !m.isAfter(options.to()); m = m.plusMonths(1)) {
            window.add(m);
        }
        this.start = options.from().atDay(1);
        this.end = options.to().atEndOfMonth();
        // A fixed clock at the window's last day: nothing may be dated later, and the output never depends on today.
        this.rulebook = new Rulebook(BelgianPolicies.book(), Clock.fixed(end.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        this.nationalities = new Nationalities(ref, rulebook.policies());
        SplittableRandom root = new SplittableRandom(options.seed());
        rTargets = root.split();
        rNat = root.split();
        rHouse = root.split();
        rDates = root.split();
        rWork = root.split();
        rEvents = root.split();
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
        List<ReferenceConsistency.Inconsistency> inconsistencies = ReferenceConsistency.check(ref);
        long[][][] dec = decisionTargets();
        long[][] app = applicationTargets();
        ApplicationNationalities an = new ApplicationNationalities(window, app, nationalities, rNat);
        an.solve(ref.applicationsByNationality());
        notes.addAll(an.notes);
        regionMonths = an.cells.keySet();
        budget = new long[window.size()][];
        for (int i = 0; i < window.size(); i++) {
            budget[i] = regionMonths.contains(window.get(i)) ? new long[3] : app[i].clone();
        }
        decidedHouseholds(dec);
        DecisionNationalities dn = new DecisionNationalities(nationalities, rNat);
        dn.solve(ref.decisionsByNationality(), decided, window);
        notes.addAll(dn.notes);
        registerDecided();
        applicants(an);
        workload();
        transfers();
        ChainStatistics stats = new ChainStatistics(parameters);
        events(sink, stats);
        Comparison check = Comparison.of(ref, ReferenceData.read(new PublicationExport(stats, options.from(), options.to()).texts()));
        return new Summary(header(events, persons, check, inconsistencies), events, dossiers, persons, check, inconsistencies, List.copyOf(notes));
    }

    private boolean inWindow(Period p) {
        return window.contains(p.from()) && window.contains(p.to());
    }

    // ---- 1. monthly targets --------------------------------------------------------------------

    private double[][] noise(int atoms) {
        double[][] n = new double[window.size()][atoms];
        for (double[] row : n) {
            for (int a = 0; a < atoms; a++) {
                row[a] = 0.9 + 0.2 * rTargets.nextDouble();
            }
        }
        return n;
    }

    /** [month][row] -> {persons, dossiers}. */
    private long[][][] decisionTargets() {
        double[][] noise = noise(ROWS);
        Map<String, MonthlyTargets.Result> byUnit = new LinkedHashMap<>();
        for (String unit : List.of("persons", "dossiers")) {
            MonthlyTargets t = new MonthlyTargets(window, ROWS, noise);
            for (ReferenceData.Decisions r : ref.decisions()) {
                if (r.unit().equals(unit) && r.count() != null) {
                    figure(t, r.period(), r.decisionType(), r.count(), ReferenceFiles.CGVS_DECISIONS + " line " + r.line());
                }
            }
            for (ReferenceData.DecisionsByNationality r : ref.decisionsByNationality()) {
                if (r.unit().equals(unit) && r.count() != null && r.rowType().equals(ReferenceData.TOTAL)) {
                    figure(t, r.period(), r.decisionType(), r.count(), ReferenceFiles.CGVS_DECISIONS_BY_NATIONALITY + " line " + r.line());
                }
            }
            MonthlyTargets.Result res = t.solve();
            notes.addAll(res.notHonoured());
            byUnit.put(unit, res);
        }
        MonthlyTargets.Result p = byUnit.get("persons");
        MonthlyTargets.Result d = byUnit.get("dossiers");
        long[][][] out = new long[window.size()][ROWS][2];
        boolean derived = false;
        for (int i = 0; i < window.size(); i++) {
            for (int r = 0; r < ROWS; r++) {
                long pv = p.values()[i][r];
                long dv = d.values()[i][r];
                if (p.open()[i][r] && d.open()[i][r]) {
                    pv = 0;
                    dv = 0;
                } else if (p.open()[i][r]) {
                    pv = Math.round(dv * PERSONS_PER_DOSSIER);
                    derived = true;
                } else if (d.open()[i][r]) {
                    dv = pv == 0 ? 0 : Math.max(1, Math.round(pv / PERSONS_PER_DOSSIER));
                    derived = true;
                }
                if (dv > pv) {
                    notes.add(window.get(i) + " " + DecisionRow.values()[r].code() + ": " + dv + " dossiers but " + pv
                            + " persons; every dossier has a person, so the dossiers are honoured and the persons raised to " + dv);
                    pv = dv;
                }
                if (dv == 0 && pv > 0) {
                    notes.add(window.get(i) + " " + DecisionRow.values()[r].code() + ": " + pv + " persons in no dossier; one dossier made");
                    dv = 1;
                }
                out[i][r][0] = pv;
                out[i][r][1] = dv;
            }
        }
        if (derived) {
            assumptions.add("where decisions are published in one unit only, the other is derived at " + PERSONS_PER_DOSSIER
                    + " persons per dossier (GUIDE 2.1, January-November 2023)");
        }
        for (int i = 0; i < window.size(); i++) {
            for (int r = 0; r < ROWS; r++) {
                if (d.fixed()[i][r] || p.fixed()[i][r]) {
                    annulAfter = annulAfter == null || window.get(i).atEndOfMonth().isAfter(annulAfter) ? window.get(i).atEndOfMonth() : annulAfter;
                }
            }
        }
        return out;
    }

    private void figure(MonthlyTargets t, Period period, String code, long value, String source) {
        java.util.Set<Integer> rows = DecisionNationalities.rows(code);
        if (rows.isEmpty()) {
            notes.add(source + ": decision type " + code + " is not generated separately (no exclusion or closure decisions are made;"
                    + " withdrawals and revocations only as their combined row); not targeted");
        } else if (!inWindow(period)) {
            notes.add(source + ": period " + period.label() + " is outside the window; not targeted");
        } else {
            t.add(new MonthlyTargets.Figure(period.months(), List.copyOf(new java.util.TreeSet<>(rows)), value, source));
        }
    }

    /** [month][column] persons; open columns stay unlimited for registrations. */
    private long[][] applicationTargets() {
        MonthlyTargets t = new MonthlyTargets(window, 3, noise(3));
        List<Integer> all = List.of(0, 1, 2);
        Map<Integer, List<ReferenceData.Applications>> unknown = new TreeMap<>();
        java.util.Set<YearMonth> monthTotals = new java.util.HashSet<>();
        for (ReferenceData.Applications r : ref.applications()) {
            String source = ReferenceFiles.APPLICATIONS_MONTHLY + " line " + r.line();
            if (r.rowType().equals("month_unknown")) {
                unknown.computeIfAbsent(r.period().from().getYear(), k -> new ArrayList<>()).add(r);
                continue;
            }
            if (!inWindow(r.period())) {
                notes.add(source + ": period " + r.period().label() + " is outside the window; not targeted");
                continue;
            }
            if (r.period().isMonth() && r.counts().containsKey(ReferenceData.TOTAL)) {
                monthTotals.add(r.period().from());
            }
            for (var c : r.counts().entrySet()) {
                int col = ReferenceData.APPLICATION_COLUMNS.indexOf(c.getKey());
                t.add(new MonthlyTargets.Figure(r.period().months(), col < 0 ? all : List.of(col), c.getValue(), source + " " + c.getKey()));
            }
        }
        for (ReferenceData.ApplicationsByNationality r : ref.applicationsByNationality()) {
            if (r.rowType().equals(ReferenceData.TOTAL) && inWindow(r.period())) {
                for (var c : r.counts().entrySet()) {
                    int col = ReferenceData.APPLICATION_COLUMNS.indexOf(c.getKey());
                    t.add(new MonthlyTargets.Figure(r.period().months(), col < 0 ? all : List.of(col), c.getValue(),
                            ReferenceFiles.APPLICATIONS_BY_NATIONALITY + " line " + r.line() + " " + c.getKey()));
                }
            }
        }
        for (var e : unknown.entrySet()) {
            int year = e.getKey();
            Period y = new Period(YearMonth.of(year, 1), YearMonth.of(year, 12));
            if (!inWindow(y)) {
                notes.add(ReferenceFiles.APPLICATIONS_MONTHLY + " lines " + e.getValue().stream().map(r -> Integer.toString(r.line())).toList()
                        + ": monthly values of " + year + " without their month are outside the window; not targeted");
                continue;
            }
            List<YearMonth> free = new ArrayList<>();
            for (YearMonth m : y.months()) {
                if (!monthTotals.contains(m)) {
                    free.add(m);
                }
            }
            Collections.shuffle(free, new java.util.Random(rTargets.nextLong()));
            for (int k = 0; k < e.getValue().size(); k++) {
                ReferenceData.Applications r = e.getValue().get(k);
                if (k >= free.size() || r.counts().get(ReferenceData.TOTAL) == null) {
                    notes.add(ReferenceFiles.APPLICATIONS_MONTHLY + " line " + r.line() + ": no month of " + year + " left for this value; not honoured");
                    continue;
                }
                t.add(new MonthlyTargets.Figure(List.of(free.get(k)), all, r.counts().get(ReferenceData.TOTAL),
                        ReferenceFiles.APPLICATIONS_MONTHLY + " line " + r.line() + " (month not printed; placed in " + free.get(k) + ")"));
            }
            assumptions.add("the " + e.getValue().size() + " monthly values of " + year + " printed without their month are placed at random"
                    + " in the months without a printed value");
        }
        MonthlyTargets.Result res = t.solve();
        notes.addAll(res.notHonoured());
        unlimited = res.open();
        return res.values();
    }

    // ---- 3. decided households -----------------------------------------------------------------

    private Plan plan(int size) {
        Plan p = new Plan(seq++, size);
        plans.add(p);
        return p;
    }

    private LocalDate dayIn(YearMonth m, SplittableRandom r) {
        return m.atDay(1 + r.nextInt(m.lengthOfMonth()));
    }

    private void decidedHouseholds(long[][][] dec) {
        for (int i = 0; i < window.size(); i++) {
            YearMonth m = window.get(i);
            for (int r = 0; r < ROWS; r++) {
                int[] sizes = Households.partition(dec[i][r][0], dec[i][r][1], rHouse);
                for (int size : sizes) {
                    Plan p = plan(size);
                    p.row = r;
                    LocalDate day = dayIn(m, rDates);
                    switch (DecisionRow.values()[r]) {
                        case INTERIM -> {
                            p.interim = day;
                            p.type = ApplicationType.SUBSEQUENT;
                            p.before = Plan.Before.REJECTED;
                        }
                        case WITHDRAWAL_OR_REVOCATION -> {
                            p.fate = Plan.Fate.STATUS_HOLDER;
                            p.statusEnded = day;
                            p.statusEnd = rHouse.nextInt(10) < 7 ? DecisionType.WITHDRAWAL : DecisionType.REVOCATION;
                            p.before = Plan.Before.PROTECTED;
                            p.type = ApplicationType.FIRST;
                        }
                        case INADMISSIBLE -> {
                            p.decided = day;
                            p.decision = DecisionType.INADMISSIBLE;
                            if (rHouse.nextBoolean()) {
                                p.type = ApplicationType.SUBSEQUENT;
                                p.before = Plan.Before.REJECTED;
                            } else {
                                p.type = ApplicationType.FIRST;
                                p.protectedElsewhere = true;
                            }
                        }
                        default -> {
                            p.decided = day;
                            p.decision = typeOf(DecisionRow.values()[r]);
                            p.type = ApplicationType.FIRST;
                        }
                    }
                    decided.add(p);
                }
            }
        }
        assumptions.add("interim decisions are admissible subsequent applications (no border procedure)");
        assumptions.add("inadmissibility decisions: half on subsequent applications, half on applicants protected in another EU state"
                + " (after an interview)");
        assumptions.add("withdrawals and revocations end a status granted before the window (7 in 10 withdrawals)");
        assumptions.add("the refusal row holds refusals only: no exclusion or closure decisions are generated, so the row mapping of"
                + " exclusion and closure does not change any figure");
        assumptions.add("decided households: every dossier starts with one person; each further person joins a family already formed with"
                + " probability 0.55, else a single person (sizes up to " + Households.MAX + ")");
    }

    private static DecisionType typeOf(DecisionRow r) {
        return switch (r) {
            case REFUGEE_STATUS -> DecisionType.REFUGEE_STATUS;
            case SUBSIDIARY_PROTECTION -> DecisionType.SUBSIDIARY_PROTECTION;
            case MANIFESTLY_UNFOUNDED -> DecisionType.MANIFESTLY_UNFOUNDED;
            case REFUSAL -> DecisionType.REFUSAL;
            default -> throw new IllegalArgumentException(r.name());
        };
    }

    private static int column(ApplicationType t) {
        return ReferenceData.APPLICATION_COLUMNS.indexOf(t.dvzColumn());
    }

    /** Days from registration to the first CGVS decision, by kind of application (assumption, triangular). */
    private int delay(Plan p, SplittableRandom r) {
        if (p.type == ApplicationType.SUBSEQUENT) {
            return 20 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 180);
        }
        if (p.protectedElsewhere) {
            return 40 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 260);
        }
        return 100 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 650);
    }

    /** Days from registration to the transfer to the CGVS if nothing else decides (assumption). */
    private int dvzLag(Plan p, SplittableRandom r) {
        if (p.protectedElsewhere || p.type == ApplicationType.RESETTLEMENT) {
            return 3 + r.nextInt(38);
        }
        if (p.type == ApplicationType.SUBSEQUENT) {
            return 3 + r.nextInt(28);
        }
        return 25 + (int) ((r.nextDouble() + r.nextDouble()) / 2 * 125);
    }

    private void registerDecided() {
        List<Plan> order = new ArrayList<>(decided);
        Collections.shuffle(order, new java.util.Random(rDates.nextLong()));
        int inWindow = 0;
        for (Plan p : order) {
            if (p.fate == Plan.Fate.STATUS_HOLDER) {
                p.registered = start.minusDays(400 + rDates.nextInt(1500));
                continue;
            }
            LocalDate first = p.firstDecision();
            LocalDate wanted = first.minusDays(delay(p, rDates));
            int col = column(p.type);
            LocalDate reg = null;
            if (!wanted.isBefore(start)) {
                for (YearMonth m = YearMonth.from(wanted); !m.isBefore(options.from()) && reg == null; m = m.minusMonths(1)) {
                    int i = window.indexOf(m);
                    if (regionMonths.contains(m)) {
                        continue;
                    }
                    if (unlimited[i][col] || budget[i][col] >= p.size) {
                        if (!unlimited[i][col]) {
                            budget[i][col] -= p.size;
                        }
                        LocalDate d = m.equals(YearMonth.from(wanted)) ? wanted : dayIn(m, rDates);
                        reg = d.isAfter(first) ? first : d;
                        inWindow++;
                    }
                }
            }
            // Before the window: on the wanted day if it is there, else as close to the window as the DVZ figures allow.
            p.registered = reg != null ? reg : wanted.isBefore(start) ? wanted : start.minusDays(1 + rDates.nextInt(90));
            p.naturalTransfer = min(p.registered.plusDays(dvzLag(p, rDates)), first);
            p.earliestTransfer = p.registered;
        }
        assumptions.add("registration to first CGVS decision takes 100-750 days for first applications, 40-300 for applicants protected"
                + " elsewhere, 20-200 for subsequent ones (triangular); a decided household registers in that month when its applications"
                + " leave room and carry no nationality table, else an earlier month, else just before the window (" + inWindow + " of "
                + decided.size() + " decided households registered in the window)");
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    // ---- 4. the other applicants ---------------------------------------------------------------

    private void applicants(ApplicationNationalities an) {
        int dublin = 0;
        int withdrawn = 0;
        for (int i = 0; i < window.size(); i++) {
            YearMonth m = window.get(i);
            for (int col = 0; col < 3; col++) {
                ApplicationType type = col == 0 ? ApplicationType.FIRST : col == 1 ? ApplicationType.RESETTLEMENT : ApplicationType.SUBSEQUENT;
                Map<Nationality, Long> byNat = new LinkedHashMap<>();
                if (regionMonths.contains(m)) {
                    byNat.putAll(an.cells.get(m).get(col));
                } else if (!unlimited[i][col] && budget[i][col] > 0) {
                    byNat.put(null, budget[i][col]);
                }
                for (var e : byNat.entrySet()) {
                    for (int size : Households.fill(e.getValue(), rHouse)) {
                        Plan p = plan(size);
                        p.nationality = e.getKey() != null ? e.getKey() : nationalities.draw(rNat, n -> true);
                        p.type = type;
                        p.registered = dayIn(m, rDates);
                        if (type == ApplicationType.SUBSEQUENT) {
                            p.before = Plan.Before.REJECTED;
                        }
                        if (type == ApplicationType.FIRST) {
                            p.protectedElsewhere = rHouse.nextInt(100) < 8;
                            int r = rHouse.nextInt(100);
                            if (!p.protectedElsewhere && r < 8) {
                                p.fate = Plan.Fate.DUBLIN_TRANSFER;
                                dublin++;
                            } else if (r >= 98) {
                                p.fate = Plan.Fate.WITHDRAWN;
                                withdrawn++;
                            }
                        }
                        p.naturalTransfer = p.registered.plusDays(dvzLag(p, rDates));
                        p.earliestTransfer = p.registered;
                    }
                }
            }
        }
        assumptions.add("applicants not decided in a published month: 8% of first applicants protected in another EU state; of the others"
                + " 8% transferred under Dublin and 2% withdraw at DVZ (" + dublin + " and " + withdrawn + " dossiers); the rest reach the CGVS"
                + " 3-40 days (protected elsewhere, resettled, subsequent) or 25-150 days (Dublin check) after registration");
        assumptions.add("household sizes of applicants: " + "1 person 88.5%, 2: 5%, 3: 3.2%, 4: 1.9%, 5: 0.9%, 6-8: 0.5%");
    }

    // ---- 5. workload at the published dates ----------------------------------------------------

    private record Target(LocalDate date, Long dossiers, Long persons, List<String> sources) {
    }

    private List<Target> workloadTargets() {
        Map<LocalDate, Long[]> byDate = new TreeMap<>();
        Map<LocalDate, List<String>> sources = new TreeMap<>();
        Map<LocalDate, Long> normal = new TreeMap<>();
        Map<LocalDate, ReferenceData.Workload> backlog = new TreeMap<>();
        for (ReferenceData.Workload w : ref.workload()) {
            String source = ReferenceFiles.CGVS_WORKLOAD + " line " + w.line();
            if (w.date().isBefore(start) || w.date().isAfter(end)) {
                notes.add(source + ": " + w.date() + " is outside the window; not targeted");
                continue;
            }
            long v = w.value().longValue();
            long target = switch (w.qualifier()) {
                case "more_than" -> v + 1;
                case "less_than" -> v - 1;
                default -> v;
            };
            switch (w.measure()) {
                case "workload_total" -> {
                    byDate.computeIfAbsent(w.date(), k -> new Long[2])[w.unit().equals("dossiers") ? 0 : 1] = target;
                    sources.computeIfAbsent(w.date(), k -> new ArrayList<>()).add(source);
                }
                case "normal_workload" -> {
                    normal.put(w.date(), v);
                    var inForce = parameters.normalWorkloadOn(w.date());
                    notes.add(source + ": the normal workload is a parameter of the statistics (" + (inForce.isPresent() ? inForce.getAsLong()
                            + " dossiers in force" : "none in force") + "), not a count of dossiers; not generated");
                }
                case "real_backlog" -> backlog.put(w.date(), w);
                default -> notes.add(source + ": " + w.measure() + " is derived from the workload and the normal workload; not targeted directly");
            }
        }
        for (var e : backlog.entrySet()) {
            Long[] t = byDate.computeIfAbsent(e.getKey(), k -> new Long[2]);
            Long n = normal.getOrDefault(e.getKey(), parameters.normalWorkloadOn(e.getKey()).isPresent()
                    ? parameters.normalWorkloadOn(e.getKey()).getAsLong() : null);
            if (t[0] == null && n != null) {
                t[0] = e.getValue().value().longValue() + n;
                sources.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(ReferenceFiles.CGVS_WORKLOAD + " line " + e.getValue().line()
                        + " (real backlog + normal workload)");
            }
        }
        List<Target> out = new ArrayList<>();
        for (var e : byDate.entrySet()) {
            out.add(new Target(e.getKey(), e.getValue()[0], e.getValue()[1], sources.get(e.getKey())));
        }
        return out;
    }

    private boolean atCgvs(Plan p, LocalDate w) {
        return p.transferChosen && p.transfer != null && !p.transfer.isAfter(w) && (p.leavesCgvs() == null || p.leavesCgvs().isAfter(w));
    }

    private void commit(Plan p, LocalDate w) {
        LocalDate lo = max(p.earliestTransfer, p.registered);
        LocalDate hi = p.firstDecision() != null ? min(w, p.firstDecision()) : w;
        LocalDate t = p.naturalTransfer;
        if (t.isBefore(lo)) {
            t = lo;
        }
        if (t.isAfter(hi)) {
            t = hi.minusDays(rWork.nextInt((int) Math.min(20, ChronoUnit.DAYS.between(lo, hi)) + 1));
        }
        p.transfer = t;
        p.transferChosen = true;
    }

    private void workload() {
        LocalDate previous = null;
        int stock = 0;
        int converted = 0;
        List<Target> targets = workloadTargets();
        for (Target t : targets) {
            // An annulment sends a file back to the CGVS: only after every published decision and workload figure.
            annulAfter = annulAfter == null || t.date().isAfter(annulAfter) ? t.date() : annulAfter;
        }
        for (Target t : targets) {
            LocalDate w = t.date();
            long d = 0;
            long persons = 0;
            for (Plan p : plans) {
                if (!p.transferChosen && p.interim != null && !p.interim.isAfter(w)) {
                    commit(p, w);
                }
                if (atCgvs(p, w)) {
                    d++;
                    persons += p.size;
                }
            }
            long dd = t.dossiers() == null ? Long.MAX_VALUE / 4 : t.dossiers() - d;
            long dp = t.persons() == null ? Long.MAX_VALUE / 4 : t.persons() - persons;
            if (dd < 0 || dp < 0) {
                notes.add(String.join(", ", t.sources()) + ": workload at " + w + " not honoured: " + d + " dossiers (" + persons
                        + " persons) are already at the CGVS that day (interim-decided files and files counted at an earlier date)");
                continue;
            }
            List<Plan> natural = new ArrayList<>();
            List<Plan> late = new ArrayList<>();
            for (Plan p : plans) {
                if (p.fate == Plan.Fate.CGVS && !p.transferChosen && !p.registered.isAfter(w) && !p.earliestTransfer.isAfter(w)
                        && (p.firstDecision() == null || p.firstDecision().isAfter(w))) {
                    (p.naturalTransfer.isAfter(w) ? late : natural).add(p);
                }
            }
            java.util.Random shuffle = new java.util.Random(rWork.nextLong());
            Collections.shuffle(natural, shuffle);
            Collections.shuffle(late, shuffle);
            List<Plan> candidates = new ArrayList<>(natural);
            candidates.addAll(late);
            for (Plan p : candidates) {
                boolean take = dd > 0 && dp >= p.size && fits(dd - 1, dp - p.size, t);
                if (take) {
                    commit(p, w);
                    dd--;
                    dp -= p.size;
                } else if (p.naturalTransfer.isAfter(w) || p.firstDecision() != null || ChronoUnit.DAYS.between(p.registered, w) <= 120) {
                    p.earliestTransfer = w.plusDays(1);
                } else if (p.type == ApplicationType.FIRST && !p.protectedElsewhere) {
                    p.fate = rWork.nextInt(10) < 6 ? Plan.Fate.DUBLIN_TRANSFER : Plan.Fate.WITHDRAWN;
                    converted++;
                } else {
                    p.fate = Plan.Fate.WITHDRAWN;
                    converted++;
                }
            }
            // The starting stock: files registered before the window (or before the previous date's count), never decided in it.
            long needD = t.dossiers() == null ? -1 : dd;
            long needP = t.persons() == null ? -1 : dp;
            List<Integer> sizes = new ArrayList<>();
            if (needD >= 0 && needP >= 0) {
                for (int s : Households.partition(needP, needD, rHouse)) {
                    sizes.add(s);
                }
            } else if (needD >= 0) {
                for (long k = 0; k < needD; k++) {
                    sizes.add(Households.draw(rHouse));
                }
            } else if (needP >= 0) {
                sizes.addAll(Households.fill(needP, rHouse));
            }
            for (int s : sizes) {
                Plan p = plan(s);
                p.nationality = nationalities.draw(rNat, n -> true);
                p.type = rWork.nextInt(10) == 0 ? ApplicationType.SUBSEQUENT : ApplicationType.FIRST;
                p.before = p.type == ApplicationType.SUBSEQUENT ? Plan.Before.REJECTED : Plan.Before.NONE;
                LocalDate lo = previous == null ? start.minusDays(720) : previous.plusDays(1);
                p.registered = lo.minusDays(30 + rWork.nextInt(400));
                if (p.registered.isAfter(start.minusDays(1))) {
                    p.registered = start.minusDays(1 + rWork.nextInt(60));
                }
                p.naturalTransfer = w.minusDays(rWork.nextInt((int) Math.max(1, Math.min(500, ChronoUnit.DAYS.between(lo, w)))));
                p.earliestTransfer = max(lo, p.registered);
                commit(p, w);
                stock++;
            }
            previous = w;
        }
        if (stock > 0 || converted > 0) {
            assumptions.add("workload: files decided later, interim-decided files and pending files reach the CGVS before the date when they"
                    + " fit the published workload; " + stock + " dossiers of starting stock (registered before the window, never decided in it)"
                    + " fill what is left; " + converted + " pending files registered more than 120 days before the date that did not fit leave"
                    + " at DVZ instead (Dublin transfer or withdrawal); younger ones are transferred after the date");
        }
    }

    /** Whether a remainder can still be met by starting-stock households (1 to 8 persons each). */
    private static boolean fits(long dd, long dp, Target t) {
        if (t.dossiers() == null || t.persons() == null) {
            return dd >= 0 && dp >= 0;
        }
        return dd >= 0 && dp >= dd && dp <= (long) Households.MAX * dd;
    }

    private void transfers() {
        for (Plan p : plans) {
            if (p.fate != Plan.Fate.CGVS || p.transferChosen) {
                continue;
            }
            LocalDate lo = max(p.earliestTransfer, p.registered);
            LocalDate first = p.firstDecision();
            LocalDate t = p.naturalTransfer;
            if (t.isBefore(lo)) {
                t = lo.plusDays(rWork.nextInt(30));
            }
            if (first != null && t.isAfter(first)) {
                t = first.minusDays(rWork.nextInt((int) Math.min(30, ChronoUnit.DAYS.between(lo, first)) + 1));
            }
            if (first != null && t.isBefore(lo)) {
                t = lo;
            }
            p.transfer = first == null && t.isAfter(end) ? null : t;
            p.transferChosen = true;
        }
    }

    // ---- 6. events -----------------------------------------------------------------------------

    /** Writes dossier after dossier in id order, dropping each plan and state once written, so only plans stay in memory. */
    private void events(Sink sink, ChainStatistics stats) throws IOException {
        List<Plan> order = new ArrayList<>(plans);
        plans.clear();
        decided.clear();
        order.sort(Comparator.comparing((Plan p) -> p.registered).thenComparingInt(p -> p.seq));
        // Zero-padded so that ids sort as numbers; 7 digits up to 10 million dossiers, as before the scale existed.
        String format = "D-SYN-%0" + Math.max(7, Integer.toString(order.size()).length()) + "d";
        for (int n = 0; n < order.size(); n++) {
            Plan p = order.set(n, null);
            DossierId id = DossierId.of(String.format(format, n + 1));
            new History(p, id).write(sink, stats);   // the history holds the states, not the statistics
            dossiers++;
            persons += p.size;
        }
    }

    /** One dossier's events, each accepted by the rulebook, cut at the window's end. */
    private final class History {
        private final Plan p;
        private final DossierId id;
        private final List<ChainEvent> pending = new ArrayList<>();
        private final SplittableRandom r;
        private List<Person> persons;
        private LanguageRole role;

        History(Plan p, DossierId id) {
            this.p = p;
            this.id = id;
            this.r = rEvents.split();
        }

        private void add(ChainEvent e) {
            pending.add(e);
        }

        private LocalDate plus(LocalDate d, int min, int max) {
            return d.plusDays(min + r.nextInt(max - min + 1));
        }

        /** A day between a and b (inclusive), a fraction of the way. */
        private LocalDate between(LocalDate a, LocalDate b, double from, double to) {
            long span = Math.max(0, ChronoUnit.DAYS.between(a, b));
            return a.plusDays(Math.round(span * (from + (to - from) * r.nextDouble())));
        }

        void write(Sink sink, ChainStatistics stats) throws IOException {
            persons = persons();
            role = r.nextInt(100) < 58 ? LanguageRole.FR : LanguageRole.NL;
            if (p.before == Plan.Before.REJECTED) {
                earlier(false);
            } else if (p.before == Plan.Before.PROTECTED) {
                earlier(true);
                add(new DecisionEvent.StatusEnded(id, p.statusEnded, p.statusEnd));
                run(sink, stats);
                return;
            }
            application();
            run(sink, stats);
        }

        /**
         * The application that ended before this one, all before the window: granted (a status holder), or for a
         * subsequent application refused and final, or withdrawn at DVZ (about a third; GUIDE 2.2 counts both).
         * The CGVS steps are moved a year back at a time until no processing suspension covers them.
         */
        private void earlier(boolean granted) {
            LocalDate last = granted ? start.minusDays(1 + r.nextInt(900)) : min(p.registered, start).minusDays(20 + r.nextInt(100));
            if (!granted && r.nextInt(100) < 35) {
                LocalDate reg = last.minusDays(30 + r.nextInt(300));
                add(new ProcedureEvent.ApplicationRegistered(id, reg, ApplicationId.of("A" + id.value().substring(1) + "-1"), ApplicationType.FIRST,
                        persons, role, false));
                add(new ProcedureEvent.ApplicationLodged(id, plus(reg, 1, 10)));
                add(new ProcedureEvent.ApplicationWithdrawn(id, last));
                return;
            }
            LocalDate notified = granted ? last : last.minusDays(31 + r.nextInt(20));
            LocalDate decidedOn = notified.minusDays(2 + r.nextInt(9));
            LocalDate interview = decidedOn.minusDays(5 + r.nextInt(56));
            for (int k = 0; k < 20 && (nationalities.suspendedOn(p.nationality, interview) || nationalities.suspendedOn(p.nationality, decidedOn)); k++) {
                last = last.minusDays(365);
                notified = notified.minusDays(365);
                decidedOn = decidedOn.minusDays(365);
                interview = interview.minusDays(365);
            }
            LocalDate transfer = interview.minusDays(30 + r.nextInt(271));
            LocalDate dublin = transfer.minusDays(1 + r.nextInt(20));
            LocalDate check = dublin.minusDays(20 + r.nextInt(71));
            LocalDate lodged = check.minusDays(r.nextInt(4));
            LocalDate reg = lodged.minusDays(1 + r.nextInt(10));
            add(new ProcedureEvent.ApplicationRegistered(id, reg, ApplicationId.of("A" + id.value().substring(1) + "-1"), ApplicationType.FIRST,
                    persons, role, false));
            add(new ProcedureEvent.ApplicationLodged(id, lodged));
            add(new ProcedureEvent.DublinCheckStarted(id, check));
            add(new ProcedureEvent.DublinDecided(id, dublin, DublinOutcome.BELGIUM_RESPONSIBLE));
            add(new ProcedureEvent.TransferredToCgvs(id, transfer));
            add(new ProcedureEvent.InterviewHeld(id, interview));
            DecisionType type = granted ? (r.nextInt(100) < 85 ? DecisionType.REFUGEE_STATUS : DecisionType.SUBSIDIARY_PROTECTION)
                    : DecisionType.REFUSAL;
            add(new DecisionEvent.FinalDecisionTaken(id, decidedOn, type));
            add(new ProcedureEvent.DecisionNotified(id, notified));
            if (!granted) {
                add(new ProcedureEvent.DecisionBecameFinal(id, last));
            }
        }

        private void application() {
            int number = p.before == Plan.Before.REJECTED ? 2 : 1;
            LocalDate reg = p.registered;
            if (p.type == ApplicationType.RESETTLEMENT) {
                add(new PathwayEvent.ArrivedThroughPathway(id, reg.minusDays(r.nextInt(11)), PathwayChannel.RESETTLEMENT, persons,
                        Nationality.of(List.of("LB", "TR", "JO", "EG", "UG", "RW", "KE", "NE").get(r.nextInt(8))), reg.getYear()));
            }
            add(new ProcedureEvent.ApplicationRegistered(id, reg, ApplicationId.of("A" + id.value().substring(1) + "-" + number), p.type, persons, role,
                    p.protectedElsewhere));
            for (Person person : persons) {
                if (person.declaredUnaccompaniedMinor() && r.nextInt(10) < 6) {
                    add(new ProcedureEvent.AgeAssessed(id, plus(reg, 7, 45), person.id(), r.nextInt(4) == 0 ? AgeAssessment.ADULT : AgeAssessment.MINOR));
                }
            }
            boolean dublin = !p.protectedElsewhere && p.type != ApplicationType.RESETTLEMENT;
            switch (p.fate) {
                case DUBLIN_TRANSFER -> {
                    LocalDate lodged = plus(reg, 1, 10);
                    LocalDate check = plus(lodged, 0, 3);
                    LocalDate decidedOn = plus(check, 20, 120);
                    add(new ProcedureEvent.ApplicationLodged(id, lodged));
                    add(new ProcedureEvent.DublinCheckStarted(id, check));
                    add(new ProcedureEvent.DublinDecided(id, decidedOn, DublinOutcome.TRANSFER_TO_OTHER_STATE));
                    LocalDate order = plus(decidedOn, 0, 10);
                    add(new ProcedureEvent.OrderToLeaveIssued(id, order, 30));
                    if (r.nextInt(3) == 0) {
                        add(new ReturnEvent.ForcedReturn(id, plus(order, 31, 120), ForcedReturnKind.DUBLIN_TRANSFER));
                    }
                    return;
                }
                case WITHDRAWN -> {
                    LocalDate lodged = plus(reg, 1, 10);
                    add(new ProcedureEvent.ApplicationLodged(id, lodged));
                    add(new ProcedureEvent.ApplicationWithdrawn(id, plus(lodged, 5, 90)));
                    return;
                }
                default -> {
                }
            }
            LocalDate transfer = p.transfer;
            if (transfer == null) {
                LocalDate lodged = plus(reg, 1, 10);
                add(new ProcedureEvent.ApplicationLodged(id, lodged));
                if (dublin) {
                    add(new ProcedureEvent.DublinCheckStarted(id, plus(lodged, 0, 3)));
                }
                return;
            }
            LocalDate lodged = min(plus(reg, 1, 10), transfer);
            add(new ProcedureEvent.ApplicationLodged(id, lodged));
            if (dublin) {
                LocalDate check = min(plus(lodged, 0, 3), transfer);
                add(new ProcedureEvent.DublinCheckStarted(id, check));
                add(new ProcedureEvent.DublinDecided(id, max(check, transfer.minusDays(1 + r.nextInt(20))), DublinOutcome.BELGIUM_RESPONSIBLE));
            }
            add(new ProcedureEvent.TransferredToCgvs(id, transfer));
            if (p.interim != null) {
                add(new DecisionEvent.InterimDecisionTaken(id, p.interim, DecisionType.ADMISSIBLE_SUBSEQUENT));
                return;
            }
            if (p.decided == null) {
                LocalDate interview = plus(transfer, 30, 300);
                if (r.nextBoolean() && !interview.isAfter(end) && !nationalities.suspendedOn(p.nationality, interview)) {
                    add(new ProcedureEvent.InterviewHeld(id, interview));
                }
                return;
            }
            boolean interview = p.decision != DecisionType.INADMISSIBLE || p.protectedElsewhere || r.nextBoolean();
            if (interview) {
                LocalDate day = between(transfer, p.decided, 0.5, 0.97);
                // The decision day is free of suspensions by construction; an earlier interview day need not be.
                add(new ProcedureEvent.InterviewHeld(id, nationalities.suspendedOn(p.nationality, day) ? p.decided : day));
            }
            add(new DecisionEvent.FinalDecisionTaken(id, p.decided, p.decision));
            LocalDate notified = plus(p.decided, 1, 10);
            add(new ProcedureEvent.DecisionNotified(id, notified));
            if (p.decision.isPositive()) {
                return;
            }
            boolean accelerated = p.decision == DecisionType.INADMISSIBLE || p.type == ApplicationType.SUBSEQUENT;
            int period = accelerated ? rulebook.policies().appealPeriods(notified).acceleratedDays() : rulebook.policies().appealPeriods(notified).normalDays();
            LocalDate last;
            if (r.nextInt(100) < 55) {
                add(new AppealEvent.AppealLodged(id, plus(notified, 1, period), role));
                LocalDate judged = plus(notified, period + 60, period + 300);
                int o = r.nextInt(100);
                JudgmentOutcome outcome = o < 6 ? JudgmentOutcome.GRANT_REFUGEE_STATUS : o < 10 ? JudgmentOutcome.GRANT_SUBSIDIARY_PROTECTION
                        : o < 20 && annulAfter != null && judged.isAfter(annulAfter) ? JudgmentOutcome.ANNUL : JudgmentOutcome.REJECT;
                add(new AppealEvent.AppealJudged(id, judged, outcome));
                if (outcome != JudgmentOutcome.REJECT) {
                    return;
                }
                last = judged;
            } else {
                last = plus(notified, period + 1, period + 15);
                add(new ProcedureEvent.DecisionBecameFinal(id, last));
            }
            add(new ProcedureEvent.OrderToLeaveIssued(id, plus(last, 1, 20), 30));
        }

        private List<Person> persons() {
            int year = (p.registered != null ? p.registered : start).getYear();
            List<Person> out = new ArrayList<>();
            boolean single = p.size == 1;
            boolean uam = single && p.type == ApplicationType.FIRST && !p.protectedElsewhere && r.nextInt(100) < 7;
            Sex principal = single ? (r.nextInt(100) < 74 ? Sex.MALE : Sex.FEMALE) : (r.nextInt(100) < 55 ? Sex.MALE : Sex.FEMALE);
            int age = uam ? 15 + r.nextInt(3) : 19 + (int) (Math.abs(r.nextDouble() - r.nextDouble()) * 40);
            out.add(new Person(PersonId.of("P" + id.value().substring(1) + "-1"), p.nationality, principal, year - age, uam));
            for (int i = 2; i <= p.size; i++) {
                boolean partner = i == 2 && r.nextInt(100) < 65;
                Sex sex = partner ? (principal == Sex.MALE ? Sex.FEMALE : Sex.MALE) : (r.nextBoolean() ? Sex.MALE : Sex.FEMALE);
                int a = partner ? Math.max(18, age - 5 + r.nextInt(11)) : r.nextInt(Math.max(1, Math.min(18, age - 16)));
                out.add(new Person(PersonId.of("P" + id.value().substring(1) + "-" + i), p.nationality, sex, year - a, false));
            }
            return out;
        }

        /** Puts each event to the rulebook and hands the accepted ones on, with the state the rulebook gave (no second fold). */
        private void run(Sink sink, ChainStatistics stats) throws IOException {
            List<ChainEvent> sorted = new ArrayList<>(pending);
            sorted.sort(Comparator.comparing(ChainEvent::date));
            DossierState s = DossierState.empty(id);
            for (ChainEvent e : sorted) {
                if (e.date().isAfter(end)) {
                    break;
                }
                Verdict v = rulebook.decide(s, e);
                if (v instanceof Verdict.Rejected rej) {
                    throw new IllegalStateException("synthetic history refused by the rulebook: dossier " + id + ": " + rej.rejection().message()
                            + " (a bug in the generator)");
                }
                DossierState next = ((Verdict.Accepted) v).state();
                stats.accept(e, s, next);
                sink.accept(e);
                events++;
                s = next;
            }
        }
    }

    // ---- header --------------------------------------------------------------------------------

    private List<String> header(long events, long persons, Comparison check, List<ReferenceConsistency.Inconsistency> inconsistencies) {
        List<String> h = new ArrayList<>();
        h.add("keten synth: synthetic case-level event histories (no real person); lines starting with # are comments");
        // Scale 1 is left unsaid: the header, and so the file, stay as they were before --scale existed.
        h.add("window " + options.from() + ".." + options.to() + ", seed " + options.seed() + (options.scale() == 1 ? "" : ", scale "
                + options.scale() + " (every published count of the folder multiplied by " + options.scale() + " before synthesis; rates and"
                + " shares as published; figures quoted below are scaled)") + ", reference files " + ref.files() + ", reference fingerprint " + fingerprint());
        h.add("dossiers " + dossiers + ", persons " + persons + ", events " + events);
        long inside = check.checks().stream().filter(c -> inWindow(c.period())).count();
        long equal = check.checks().stream().filter(c -> inWindow(c.period()) && c.status() == Comparison.Status.EQUAL).count();
        h.add("published figures in the window: " + inside + ", reproduced exactly: " + equal + "; outside the window (not targeted): "
                + (check.checks().size() - inside));
        for (ReferenceConsistency.Inconsistency i : inconsistencies) {
            h.add("inconsistent: " + i.message() + "; honoured: the more detailed figures (months, columns, countries), as the export"
                    + " recomputes every total from them");
        }
        for (String n : notes) {
            h.add("note: " + n);
        }
        for (Comparison.Check c : check.differences()) {
            if (inWindow(c.period())) {
                h.add("not reproduced: " + c.message());
            }
        }
        for (String a : assumptions) {
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
