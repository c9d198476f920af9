package be.keten.stats.synth;

import be.keten.core.person.Nationality;
import be.keten.io.reference.ReferenceData.DecisionsByNationality;
import be.keten.io.reference.ReferenceFiles;
import be.keten.core.calendar.Period;
import be.keten.stats.publication.DecisionRow;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Nationalities for the decided households, so that the decisions-by-nationality tables come out: each
 * table's codes are cut into blocks of publication rows (e.g. refugee status; inadmissible + manifestly
 * unfounded + refusal), every country row gets a quota per block, and the households decided in the
 * table's months are dealt to the countries and to "other countries", largest household first, never
 * above a quota. The other countries' share is then dealt to real countries not in the ten, each kept
 * below the tenth country's refugee recognitions, so the ranking comes out the same. Households outside
 * the tables, and rows no code covers (e.g. interim decisions), get a nationality drawn freely. No
 * household gets a nationality whose processing is suspended at the time (the rulebook would refuse).
 */
final class DecisionNationalities {
    final List<String> notes = new ArrayList<>();
    private final Nationalities nationalities;
    private final SplittableRandom rnd;
    private final Set<Plan> assigned = new HashSet<>();

    DecisionNationalities(Nationalities nationalities, SplittableRandom rnd) {
        this.nationalities = nationalities;
        this.rnd = rnd;
    }

    /** The publication rows a code of the files stands for; empty when the generator does not make it separately. */
    static Set<Integer> rows(String code) {
        Set<Integer> s = new HashSet<>();
        switch (code) {
            case "admissible_subsequent_or_border" -> s.add(DecisionRow.INTERIM.ordinal());
            case "refugee_status" -> s.add(DecisionRow.REFUGEE_STATUS.ordinal());
            case "subsidiary_protection" -> s.add(DecisionRow.SUBSIDIARY_PROTECTION.ordinal());
            case "inadmissible" -> s.add(DecisionRow.INADMISSIBLE.ordinal());
            case "manifestly_unfounded" -> s.add(DecisionRow.MANIFESTLY_UNFOUNDED.ordinal());
            case "refusal" -> s.add(DecisionRow.REFUSAL.ordinal());
            case "withdrawal_or_revocation" -> s.add(DecisionRow.WITHDRAWAL_OR_REVOCATION.ordinal());
            case "negative_total" -> s.addAll(List.of(DecisionRow.INADMISSIBLE.ordinal(), DecisionRow.MANIFESTLY_UNFOUNDED.ordinal(),
                    DecisionRow.REFUSAL.ordinal()));
            case "total_final" -> {
                for (DecisionRow r : DecisionRow.values()) {
                    if (r != DecisionRow.INTERIM) {
                        s.add(r.ordinal());
                    }
                }
            }
            case "total" -> {
                for (DecisionRow r : DecisionRow.values()) {
                    s.add(r.ordinal());
                }
            }
            default -> {
                // exclusion, closure, withdrawal, revocation and the interim sub-types are not made separately
            }
        }
        return s;
    }

    private record Block(Set<Integer> rows, String code) {
    }

    void solve(List<DecisionsByNationality> all, List<Plan> decided, List<YearMonth> window) {
        String f = ReferenceFiles.CGVS_DECISIONS_BY_NATIONALITY;
        Map<String, List<DecisionsByNationality>> tables = new TreeMap<>();
        for (DecisionsByNationality r : all) {
            tables.computeIfAbsent(r.period().label() + "|" + r.unit(), k -> new ArrayList<>()).add(r);
        }
        List<List<DecisionsByNationality>> ordered = new ArrayList<>(tables.values());
        ordered.sort(Comparator.comparingInt(t -> t.get(0).period().length()));
        for (List<DecisionsByNationality> table : ordered) {
            Period p = table.get(0).period();
            String lines = table.stream().map(r -> Integer.toString(r.line())).toList().toString();
            if (!window.contains(p.from()) || !window.contains(p.to())) {
                notes.add(f + " lines " + lines + ": period " + p.label() + " is outside the window; not targeted");
                continue;
            }
            for (DecisionsByNationality r : table) {
                if (rows(r.decisionType()).isEmpty()) {
                    notes.add(f + " line " + r.line() + ": " + r.decisionType() + " is not generated separately (exclusion and closure decisions"
                            + " are not made; withdrawals and revocations only as their combined row); not targeted");
                }
            }
            table(table, decided, p);
        }
        Map<YearMonth, Nationalities.SuspensionCache> byMonth = new HashMap<>();
        for (Plan h : decided) {
            if (!assigned.contains(h)) {
                Nationalities.SuspensionCache c = byMonth.computeIfAbsent(YearMonth.from(h.decisionDate()),
                        m -> new Nationalities.SuspensionCache(nationalities, List.of(m)));
                h.nationality = nationalities.draw(rnd, n -> h.row == DecisionRow.WITHDRAWAL_OR_REVOCATION.ordinal() || !c.suspended(n));
            }
        }
    }

    private void table(List<DecisionsByNationality> table, List<Plan> decided, Period p) {
        String f = ReferenceFiles.CGVS_DECISIONS_BY_NATIONALITY;
        boolean persons = table.get(0).unit().equals("persons");
        // Codes present, as sets of rows; blocks are what each code adds to the codes inside it.
        Map<String, Set<Integer>> codes = new LinkedHashMap<>();
        for (DecisionsByNationality r : table) {
            if (!rows(r.decisionType()).isEmpty()) {
                codes.put(r.decisionType(), rows(r.decisionType()));
            }
        }
        List<Block> blocks = new ArrayList<>();
        Map<String, List<String>> inside = new HashMap<>();
        for (var c : codes.entrySet()) {
            List<String> maximal = new ArrayList<>();
            for (var d : codes.entrySet()) {
                if (!d.getKey().equals(c.getKey()) && c.getValue().containsAll(d.getValue()) && !d.getValue().equals(c.getValue())) {
                    boolean covered = codes.entrySet().stream().anyMatch(e -> !e.getKey().equals(d.getKey()) && !e.getKey().equals(c.getKey())
                            && c.getValue().containsAll(e.getValue()) && e.getValue().containsAll(d.getValue()) && !e.getValue().equals(d.getValue())
                            && !e.getValue().equals(c.getValue()));
                    if (!covered) {
                        maximal.add(d.getKey());
                    }
                }
            }
            Set<Integer> rest = new HashSet<>(c.getValue());
            int size = 0;
            for (String k : maximal) {
                rest.removeAll(codes.get(k));
                size += codes.get(k).size();
            }
            if (size + rest.size() != c.getValue().size()) {
                notes.add(f + ": the codes of the table for " + p.label() + " overlap without nesting; not targeted");
                return;
            }
            inside.put(c.getKey(), maximal);
            if (!rest.isEmpty()) {
                blocks.add(new Block(rest, c.getKey()));
            }
        }
        // Who: named countries, other countries; their quota per block.
        Map<String, Map<String, DecisionsByNationality>> byWho = new LinkedHashMap<>();
        for (DecisionsByNationality r : table) {
            if (!r.rowType().equals("total") && r.count() != null && codes.containsKey(r.decisionType())) {
                byWho.computeIfAbsent(r.rowType().equals("country") ? r.iso2() : "other", k -> new LinkedHashMap<>()).put(r.decisionType(), r);
            }
        }
        Set<YearMonth> months = new HashSet<>(p.months());
        List<Plan> households = new ArrayList<>();
        for (Plan h : decided) {
            if (!assigned.contains(h) && months.contains(YearMonth.from(h.decisionDate()))) {
                households.add(h);
            }
        }
        boolean ranked = table.stream().anyMatch(r -> r.rank() != null) && byWho.containsKey("other");
        long tenth = Long.MAX_VALUE;
        for (var e : byWho.entrySet()) {
            if (!e.getKey().equals("other") && e.getValue().containsKey("refugee_status")) {
                tenth = Math.min(tenth, e.getValue().get("refugee_status").count());
            }
        }
        Nationalities.SuspensionCache suspended = new Nationalities.SuspensionCache(nationalities, p.months());
        for (Block b : blocks) {
            Map<String, Long> quota = new LinkedHashMap<>();
            for (var e : byWho.entrySet()) {
                DecisionsByNationality r = e.getValue().get(b.code());
                if (r == null) {
                    continue;
                }
                long q = r.count();
                for (String k : inside.get(b.code())) {
                    DecisionsByNationality in = e.getValue().get(k);
                    q -= in == null ? 0 : in.count();
                }
                if (q < 0) {
                    notes.add(f + " line " + r.line() + ": " + b.code() + " " + r.count() + " is less than its parts; not honoured");
                    q = 0;
                }
                if (!e.getKey().equals("other") && suspended.suspended(Nationality.of(e.getKey()))) {
                    notes.add(f + " line " + r.line() + ": " + e.getKey() + " " + b.code() + " not honoured: CGVS processing of " + e.getKey()
                            + " is suspended during " + p.label() + " (policy book), so the rulebook refuses its decisions");
                    q = 0;
                }
                quota.put(e.getKey(), q);
            }
            List<Plan> mine = new ArrayList<>();
            for (Plan h : households) {
                if (b.rows().contains(h.row)) {
                    mine.add(h);
                }
            }
            deal(b, mine, quota, persons, f, p);
            // The other countries' households: real countries outside the ten, below the tenth when the block ranks.
            List<Plan> others = new ArrayList<>();
            for (Plan h : mine) {
                if (h.nationality == null) {
                    others.add(h);
                }
            }
            boolean capped = ranked && b.rows().equals(Set.of(DecisionRow.REFUGEE_STATUS.ordinal()));
            spread(others, byWho.keySet(), capped ? tenth - 1 : Long.MAX_VALUE / 1024, persons, suspended);
            assigned.addAll(mine);
        }
    }

    /** Deals households to the named countries and "other" by quota, largest first, each to a row with room. */
    private void deal(Block b, List<Plan> mine, Map<String, Long> quota, boolean persons, String f, Period p) {
        mine.sort(Comparator.comparingInt((Plan h) -> -h.size).thenComparingInt(h -> h.seq));
        Map<String, Long> left = new LinkedHashMap<>(quota);
        long need = left.values().stream().mapToLong(Long::longValue).sum();
        long have = mine.stream().mapToLong(h -> persons ? h.size : 1).sum();
        if (need != have) {
            notes.add(f + ": " + p.label() + " " + b.code() + ": the countries and other countries add up to " + need + " but the decisions"
                    + " honoured for those months give " + have + "; the decisions table is honoured");
        }
        for (Plan h : mine) {
            long w = persons ? h.size : 1;
            double sum = 0;
            for (long v : left.values()) {
                if (v >= w) {
                    sum += v;
                }
            }
            String pick = null;
            if (sum > 0) {
                double r = rnd.nextDouble() * sum;
                for (var e : left.entrySet()) {
                    if (e.getValue() >= w) {
                        pick = e.getKey();
                        r -= e.getValue();
                        if (r < 0) {
                            break;
                        }
                    }
                }
            } else {
                pick = left.containsKey("other") ? "other" : null;
            }
            if (pick == null) {
                continue;
            }
            left.merge(pick, -w, Long::sum);
            if (!pick.equals("other")) {
                h.nationality = Nationality.of(pick);
            }
        }
    }

    /** Gives the "other countries" households real nationalities outside the table, each at most {@code cap}. */
    private void spread(List<Plan> others, Set<String> named, long cap, boolean persons, Nationalities.SuspensionCache suspended) {
        if (others.isEmpty()) {
            return;
        }
        List<Nationality> candidates = new ArrayList<>();
        for (Nationality n : nationalities.all()) {
            if (!named.contains(n.code()) && !suspended.suspended(n)) {
                candidates.add(n);
            }
        }
        long total = others.stream().mapToLong(h -> persons ? h.size : 1).sum();
        double[] w = new double[candidates.size()];
        long[] caps = new long[candidates.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = nationalities.weight(candidates.get(i)) * (0.75 + 0.5 * rnd.nextDouble());
            caps[i] = cap;
        }
        long[] target = Alloc.capped(total, w, caps);
        Map<Nationality, Long> room = new LinkedHashMap<>();
        for (int i = 0; i < w.length; i++) {
            if (target[i] > 0) {
                room.put(candidates.get(i), target[i]);
            }
        }
        others.sort(Comparator.comparingInt((Plan h) -> -h.size).thenComparingInt(h -> h.seq));
        for (Plan h : others) {
            long size = persons ? h.size : 1;
            Nationality best = null;
            long bestRoom = -1;
            for (var e : room.entrySet()) {
                if (e.getValue() >= size && (best == null || rnd.nextInt(3) == 0)) {
                    best = e.getKey();
                    bestRoom = e.getValue();
                }
            }
            if (best == null) {
                // No target has room for the household whole: the one with most room takes it, within the cap if it can.
                for (var e : room.entrySet()) {
                    if (e.getValue() > bestRoom) {
                        best = e.getKey();
                        bestRoom = e.getValue();
                    }
                }
            }
            room.merge(best, -size, Long::sum);
            h.nationality = best;
        }
    }
}
