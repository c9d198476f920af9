package be.keten.stats.synth;

import be.keten.core.person.Nationality;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceData.ApplicationsByNationality;
import be.keten.io.reference.ReferenceFiles;
import be.keten.core.calendar.Period;
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
 * Applicants by month, DVZ column and nationality for the months the applications-by-nationality
 * tables cover. Tables are taken smallest period first; a larger table only decides the months its
 * smaller tables left (its region), with what remains of each country's figure. A top-10 table's
 * "other countries" are spread over real countries not in its ten, each kept strictly below the tenth
 * country (so the ranking comes out the same); a table of single country figures leaves the rest of
 * the region free. Each column is then laid over the region's months in proportion to the monthly
 * targets, so month totals, country totals and column totals all hold exactly.
 */
final class ApplicationNationalities {
    static final int COLUMNS = 3;

    /** month -> column -> nationality -> persons, for the months of the regions. */
    final Map<YearMonth, List<Map<Nationality, Long>>> cells = new TreeMap<>();
    final List<String> notes = new ArrayList<>();

    private final List<YearMonth> window;
    private final long[][] targets;
    private final Nationalities nationalities;
    private final SplittableRandom rnd;

    private record Table(Period period, Map<Nationality, Long[]> named, Map<Nationality, Integer> lines, Long[] other, int otherLine,
                         boolean ranked, long tenth) {
    }

    ApplicationNationalities(List<YearMonth> window, long[][] targets, Nationalities nationalities, SplittableRandom rnd) {
        this.window = window;
        this.targets = targets;
        this.nationalities = nationalities;
        this.rnd = rnd;
    }

    static Long[] values(Map<String, Long> counts) {
        Long[] v = new Long[COLUMNS + 1];
        for (int c = 0; c < COLUMNS; c++) {
            v[c] = counts.get(ReferenceData.APPLICATION_COLUMNS.get(c));
        }
        v[COLUMNS] = counts.get(ReferenceData.TOTAL);
        return v;
    }

    void solve(List<ApplicationsByNationality> rows) {
        Map<Period, List<ApplicationsByNationality>> byPeriod = new TreeMap<>();
        for (ApplicationsByNationality r : rows) {
            byPeriod.computeIfAbsent(r.period(), k -> new ArrayList<>()).add(r);
        }
        List<Table> tables = new ArrayList<>();
        String f = ReferenceFiles.APPLICATIONS_BY_NATIONALITY;
        for (var e : byPeriod.entrySet()) {
            Period p = e.getKey();
            if (!window.contains(p.from()) || !window.contains(p.to())) {
                notes.add(f + " lines " + e.getValue().stream().map(r -> Integer.toString(r.line())).toList() + ": period " + p.label()
                        + " is outside the window " + window.get(0) + ".." + window.get(window.size() - 1) + "; not targeted");
                continue;
            }
            Map<Nationality, Long[]> named = new LinkedHashMap<>();
            Map<Nationality, Integer> lines = new HashMap<>();
            Long[] other = null;
            int otherLine = 0;
            long tenth = Long.MAX_VALUE;
            boolean ranked = false;
            for (ApplicationsByNationality r : e.getValue()) {
                Long[] v = values(r.counts());
                if (r.rowType().equals("country")) {
                    if (v[COLUMNS] == null && (v[0] == null || v[1] == null || v[2] == null)) {
                        notes.add(f + " line " + r.line() + ": " + r.iso2() + " " + p.label() + " has no count (rank only); not targeted");
                        continue;
                    }
                    if (v[COLUMNS] == null) {
                        v[COLUMNS] = v[0] + v[1] + v[2];
                    }
                    named.put(Nationality.of(r.iso2()), v);
                    lines.put(Nationality.of(r.iso2()), r.line());
                    tenth = Math.min(tenth, v[COLUMNS]);
                    ranked |= r.rank() != null;
                } else if (r.rowType().equals("other")) {
                    other = v;
                    otherLine = r.line();
                }
            }
            tables.add(new Table(p, named, lines, other, otherLine, ranked && other != null, tenth));
        }
        tables.sort(Comparator.comparingInt((Table t) -> t.period().length()).thenComparing(Table::period));
        List<Table> done = new ArrayList<>();
        for (Table t : tables) {
            boolean crossing = done.stream().anyMatch(d -> d.period().overlaps(t.period()) && !t.period().contains(d.period()));
            if (crossing) {
                notes.add(f + ": the table for " + t.period().label() + " overlaps a smaller table without containing it; not targeted");
                continue;
            }
            region(t);
            done.add(t);
        }
    }

    private long sub(Nationality n, int c, Period p, Set<YearMonth> region) {
        long s = 0;
        for (YearMonth m : p.months()) {
            if (!region.contains(m) && cells.containsKey(m)) {
                s += cells.get(m).get(c).getOrDefault(n, 0L);
            }
        }
        return s;
    }

    private void region(Table t) {
        String f = ReferenceFiles.APPLICATIONS_BY_NATIONALITY;
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m : t.period().months()) {
            if (!cells.containsKey(m)) {
                months.add(m);
            }
        }
        if (months.isEmpty()) {
            return;
        }
        Set<YearMonth> region = new HashSet<>(months);
        long[] supply = new long[COLUMNS];
        for (YearMonth m : months) {
            for (int c = 0; c < COLUMNS; c++) {
                supply[c] += targets[window.indexOf(m)][c];
            }
        }
        // Per-column demands of the named countries, and total-only ones to split over the columns.
        Map<Nationality, long[]> quota = new LinkedHashMap<>();
        Map<Nationality, Long> totalOnly = new LinkedHashMap<>();
        for (var e : t.named().entrySet()) {
            Nationality n = e.getKey();
            Long[] v = e.getValue();
            if (v[0] != null && v[1] != null && v[2] != null) {
                long[] q = new long[COLUMNS];
                for (int c = 0; c < COLUMNS; c++) {
                    q[c] = v[c] - sub(n, c, t.period(), region);
                    if (q[c] < 0) {
                        notes.add(f + " line " + t.lines().get(n) + ": " + n + " " + ReferenceData.APPLICATION_COLUMNS.get(c) + " " + v[c]
                                + " for " + t.period().label() + " is less than its months already fixed by smaller tables; not honoured");
                        q[c] = 0;
                    }
                }
                quota.put(n, q);
            } else {
                long s = 0;
                for (int c = 0; c < COLUMNS; c++) {
                    s += sub(n, c, t.period(), region);
                }
                long q = v[COLUMNS] - s;
                if (q < 0) {
                    notes.add(f + " line " + t.lines().get(n) + ": " + n + " total " + v[COLUMNS] + " for " + t.period().label()
                            + " is less than its months already fixed by smaller tables (" + s + "); not honoured");
                    q = 0;
                }
                totalOnly.put(n, q);
            }
        }
        // The pool: "other countries" of a top-10 table, or whatever the region has left.
        long[] pool = null;
        if (t.other() != null && t.other()[0] != null && t.other()[1] != null && t.other()[2] != null) {
            pool = new long[COLUMNS];
            for (int c = 0; c < COLUMNS; c++) {
                long s = 0;
                for (YearMonth m : t.period().months()) {
                    if (!region.contains(m) && cells.containsKey(m)) {
                        for (var e : cells.get(m).get(c).entrySet()) {
                            if (!t.named().containsKey(e.getKey())) {
                                s += e.getValue();
                            }
                        }
                    }
                }
                pool[c] = Math.max(0, t.other()[c] - s);
            }
        }
        // Columns: supply minus the per-column demands; the total-only demands (and a residual pool) share the rest.
        long[] residual = supply.clone();
        for (long[] q : quota.values()) {
            for (int c = 0; c < COLUMNS; c++) {
                residual[c] -= q[c];
            }
        }
        if (pool != null) {
            for (int c = 0; c < COLUMNS; c++) {
                residual[c] -= pool[c];
            }
        }
        for (int c = 0; c < COLUMNS; c++) {
            if (residual[c] < 0) {
                notes.add(f + ": " + t.period().label() + " " + ReferenceData.APPLICATION_COLUMNS.get(c) + ": the countries listed"
                        + " (and other countries) need " + (supply[c] - residual[c]) + " but the monthly figures honoured give " + supply[c]
                        + "; the monthly figures are honoured and the country figures cut, last first");
                long over = -residual[c];
                if (pool != null) {
                    long cut = Math.min(over, pool[c]);
                    pool[c] -= cut;
                    over -= cut;
                }
                List<Nationality> named = new ArrayList<>(quota.keySet());
                for (int i = named.size() - 1; i >= 0 && over > 0; i--) {
                    long cut = Math.min(over, quota.get(named.get(i))[c]);
                    quota.get(named.get(i))[c] -= cut;
                    over -= cut;
                }
                residual[c] = 0;
            }
        }
        long residualTotal = residual[0] + residual[1] + residual[2];
        long totalOnlySum = totalOnly.values().stream().mapToLong(Long::longValue).sum();
        long freeTotal = residualTotal - totalOnlySum;
        if (pool != null && freeTotal != 0) {
            notes.add(f + " line " + t.otherLine() + ": other countries for " + t.period().label() + " do not add up with the monthly figures ("
                    + freeTotal + " persons left over); the monthly figures are honoured");
        }
        if (freeTotal < 0) {
            List<Nationality> named = new ArrayList<>(totalOnly.keySet());
            long over = -freeTotal;
            for (int i = named.size() - 1; i >= 0 && over > 0; i--) {
                long cut = Math.min(over, totalOnly.get(named.get(i)));
                totalOnly.put(named.get(i), totalOnly.get(named.get(i)) - cut);
                over -= cut;
            }
            freeTotal = 0;
        }
        List<Object> keys = new ArrayList<>(totalOnly.keySet());
        long[] demands = new long[keys.size() + 1];
        for (int i = 0; i < keys.size(); i++) {
            demands[i] = totalOnly.get((Nationality) keys.get(i));
        }
        demands[keys.size()] = freeTotal;
        long[][] split = Alloc.transport(demands, residual);
        for (int i = 0; i < keys.size(); i++) {
            quota.put((Nationality) keys.get(i), split[i]);
        }
        long[] free = split[keys.size()];
        if (pool == null) {
            pool = free;
        } else {
            for (int c = 0; c < COLUMNS; c++) {
                pool[c] += free[c];
            }
        }
        spreadPool(t, region, pool, quota);
        // Lay each column over the months.
        List<Nationality> who = new ArrayList<>(quota.keySet());
        for (YearMonth m : months) {
            List<Map<Nationality, Long>> byColumn = new ArrayList<>();
            for (int c = 0; c < COLUMNS; c++) {
                byColumn.add(new LinkedHashMap<>());
            }
            cells.put(m, byColumn);
        }
        for (int c = 0; c < COLUMNS; c++) {
            long[] rows = new long[months.size()];
            for (int i = 0; i < months.size(); i++) {
                rows[i] = targets[window.indexOf(months.get(i))][c];
            }
            long[] cols = new long[who.size()];
            for (int j = 0; j < who.size(); j++) {
                cols[j] = quota.get(who.get(j))[c];
            }
            long[][] x = Alloc.transport(rows, cols);
            for (int i = 0; i < months.size(); i++) {
                for (int j = 0; j < who.size(); j++) {
                    if (x[i][j] > 0) {
                        cells.get(months.get(i)).get(c).put(who.get(j), x[i][j]);
                    }
                }
            }
        }
    }

    /** Spreads the pool over countries not named in the table, each below the tenth country's figure when the table ranks. */
    private void spreadPool(Table t, Set<YearMonth> region, long[] pool, Map<Nationality, long[]> quota) {
        long total = pool[0] + pool[1] + pool[2];
        if (total == 0) {
            return;
        }
        List<Nationality> candidates = new ArrayList<>();
        for (Nationality n : nationalities.all()) {
            if (!t.named().containsKey(n)) {
                candidates.add(n);
            }
        }
        long[] caps = new long[candidates.size()];
        double[] weights = new double[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            Nationality n = candidates.get(i);
            long already = 0;
            for (int c = 0; c < COLUMNS; c++) {
                already += sub(n, c, t.period(), region);
            }
            caps[i] = t.ranked() ? Math.max(0, t.tenth() - 1 - already) : Long.MAX_VALUE / 4;
            weights[i] = nationalities.weight(n) * region.size() * (0.75 + 0.5 * rnd.nextDouble());
        }
        long[] amounts = Alloc.capped(total, weights, caps);
        List<Nationality> chosen = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (amounts[i] > 0) {
                chosen.add(candidates.get(i));
                sizes.add(amounts[i]);
            }
        }
        long[] rows = sizes.stream().mapToLong(Long::longValue).toArray();
        long[][] x = Alloc.transport(rows, pool);
        for (int i = 0; i < chosen.size(); i++) {
            quota.put(chosen.get(i), x[i]);
        }
    }
}
