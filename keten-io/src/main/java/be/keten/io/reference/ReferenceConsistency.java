package be.keten.io.reference;

import be.keten.core.calendar.Period;

import be.keten.io.reference.ReferenceData.Applications;
import be.keten.io.reference.ReferenceData.ApplicationsByNationality;
import be.keten.io.reference.ReferenceData.Decisions;
import be.keten.io.reference.ReferenceData.DecisionsByNationality;
import be.keten.io.reference.ReferenceData.Workload;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Whether the figures of a reference folder agree with each other (GUIDE §5.5 acceptance rules): columns
 * sum to the total, months to the year-to-date and year totals, top ten plus other countries to the
 * total, decision rows to the total, the top-10 tables to the main tables, a ranking in order, dossiers
 * never more than persons, the real backlog as workload minus normal workload. The disagreements are
 * returned as data, each naming the file, line and column of the figure that does not fit; nothing is
 * thrown, so a caller can list them all and say which figure it honours.
 */
public final class ReferenceConsistency {

    /** One disagreement: the figure at {@code file:line, column} does not fit the figures named in {@code detail}. */
    public record Inconsistency(String file, int line, String column, String rule, String detail) {
        public String message() {
            return file + " line " + line + ", column '" + column + "': " + detail + " [" + rule + "]";
        }
    }

    private static final List<String> DECISION_PARTS = List.of("admissible_subsequent_or_border", "refugee_status", "subsidiary_protection",
            "inadmissible", "manifestly_unfounded", "refusal", "withdrawal_or_revocation");
    private static final List<String> NEGATIVE_PARTS = List.of("inadmissible", "manifestly_unfounded", "refusal");
    private static final List<String> FINAL_PARTS = List.of("refugee_status", "subsidiary_protection", "withdrawal_or_revocation", "negative_total");

    private final List<Inconsistency> out = new ArrayList<>();

    private ReferenceConsistency() {
    }

    public static List<Inconsistency> check(ReferenceData d) {
        ReferenceConsistency c = new ReferenceConsistency();
        c.applications(d);
        c.applicationsByNationality(d);
        c.decisions(d);
        c.decisionsByNationality(d);
        c.workload(d);
        c.out.sort(Comparator.comparing(Inconsistency::file).thenComparingInt(Inconsistency::line).thenComparing(Inconsistency::column));
        return List.copyOf(c.out);
    }

    private void add(String file, int line, String column, String rule, String detail) {
        out.add(new Inconsistency(file, line, column, rule, detail));
    }

    // ---- applications_monthly ------------------------------------------------------------------

    private void applications(ReferenceData d) {
        String f = ReferenceFiles.APPLICATIONS_MONTHLY;
        Map<String, Map<Period, Applications>> byColumnPeriod = new HashMap<>();
        for (Applications r : d.applications()) {
            if (r.rowType().equals("month_unknown")) {
                continue;
            }
            if (r.counts().keySet().containsAll(ReferenceData.APPLICATION_COLUMNS) && r.counts().containsKey(ReferenceData.TOTAL)) {
                long sum = ReferenceData.APPLICATION_COLUMNS.stream().mapToLong(c -> r.counts().get(c)).sum();
                if (sum != r.counts().get(ReferenceData.TOTAL)) {
                    add(f, r.line(), ReferenceData.TOTAL, "columns sum to the total", "total " + r.counts().get(ReferenceData.TOTAL)
                            + " but first_excl_resettlement + first_resettlement + subsequent = " + sum);
                }
            }
            for (String c : r.counts().keySet()) {
                byColumnPeriod.computeIfAbsent(c, k -> new TreeMap<>()).put(r.period(), r);
            }
        }
        for (var e : byColumnPeriod.entrySet()) {
            String column = e.getKey();
            Map<Period, Applications> rows = e.getValue();
            for (Applications total : rows.values()) {
                if (total.period().isMonth()) {
                    continue;
                }
                nested(f, total.line(), column, total.period(), total.counts().get(column), rows, r -> r.counts().get(column), Applications::line);
            }
        }
        // month_unknown values are months of their year: never more than the year's total.
        Map<Integer, Long> unknown = new HashMap<>();
        for (Applications r : d.applications()) {
            if (r.rowType().equals("month_unknown") && r.counts().containsKey(ReferenceData.TOTAL)) {
                unknown.merge(r.period().from().getYear(), r.counts().get(ReferenceData.TOTAL), Long::sum);
            }
        }
        for (Applications r : d.applications()) {
            if (r.rowType().equals("year_total") && r.counts().containsKey(ReferenceData.TOTAL) && unknown.containsKey(r.period().from().getYear())) {
                long known = 0;
                for (Applications m : d.applications()) {
                    if (m.rowType().equals("month") && r.period().contains(m.period()) && m.counts().containsKey(ReferenceData.TOTAL)) {
                        known += m.counts().get(ReferenceData.TOTAL);
                    }
                }
                long sum = known + unknown.get(r.period().from().getYear());
                if (sum > r.counts().get(ReferenceData.TOTAL)) {
                    add(f, r.line(), ReferenceData.TOTAL, "months sum to the year", "year total " + r.counts().get(ReferenceData.TOTAL)
                            + " but its known and unplaced monthly values add up to " + sum);
                }
            }
        }
    }

    /**
     * A figure over a period against the figures of the periods inside it: the largest non-overlapping
     * sub-periods must not add up to more than the figure, and exactly to it when they cover the period.
     */
    private <R> void nested(String f, int line, String column, Period period, long value, Map<Period, R> rows,
                            java.util.function.Function<R, Long> valueOf, java.util.function.ToIntFunction<R> lineOf) {
        List<Period> inside = new ArrayList<>();
        for (Period p : rows.keySet()) {
            if (!p.equals(period) && period.contains(p) && valueOf.apply(rows.get(p)) != null) {
                inside.add(p);
            }
        }
        // Keep the maximal sub-periods that do not overlap one already kept (longest first).
        inside.sort(Comparator.comparingInt(Period::length).reversed().thenComparing(p -> p));
        List<Period> kept = new ArrayList<>();
        for (Period p : inside) {
            if (kept.stream().noneMatch(k -> k.overlaps(p))) {
                kept.add(p);
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        long sum = 0;
        int months = 0;
        for (Period p : kept) {
            sum += valueOf.apply(rows.get(p));
            months += p.length();
        }
        boolean covers = months == period.length();
        if (covers ? sum != value : sum > value) {
            kept.sort(Comparator.naturalOrder());
            add(f, line, column, "months sum to the period total", column + " " + value + " for " + period.label() + " but "
                    + (covers ? "" : "the part published of ") + kept.stream().map(Period::label).toList() + " add"
                    + (kept.size() == 1 ? "s" : "") + " up to " + sum + " (lines "
                    + kept.stream().map(p -> Integer.toString(lineOf.applyAsInt(rows.get(p)))).toList() + ")");
        }
    }

    // ---- applications_by_nationality -----------------------------------------------------------

    private void applicationsByNationality(ReferenceData d) {
        String f = ReferenceFiles.APPLICATIONS_BY_NATIONALITY;
        Map<Period, List<ApplicationsByNationality>> tables = new TreeMap<>();
        for (ApplicationsByNationality r : d.applicationsByNationality()) {
            tables.computeIfAbsent(r.period(), k -> new ArrayList<>()).add(r);
        }
        List<String> columns = new ArrayList<>(List.of(ReferenceData.TOTAL));
        columns.addAll(ReferenceData.APPLICATION_COLUMNS);
        for (var e : tables.entrySet()) {
            List<ApplicationsByNationality> rows = e.getValue();
            ApplicationsByNationality total = rows.stream().filter(r -> r.rowType().equals(ReferenceData.TOTAL)).findFirst().orElse(null);
            ApplicationsByNationality other = rows.stream().filter(r -> r.rowType().equals("other")).findFirst().orElse(null);
            List<ApplicationsByNationality> countries = rows.stream().filter(r -> r.rowType().equals("country")).toList();
            for (ApplicationsByNationality r : rows) {
                if (r.counts().keySet().containsAll(ReferenceData.APPLICATION_COLUMNS) && r.counts().containsKey(ReferenceData.TOTAL)) {
                    long sum = ReferenceData.APPLICATION_COLUMNS.stream().mapToLong(c -> r.counts().get(c)).sum();
                    if (sum != r.counts().get(ReferenceData.TOTAL)) {
                        add(f, r.line(), ReferenceData.TOTAL, "columns sum to the total", "total " + r.counts().get(ReferenceData.TOTAL)
                                + " but the three DVZ columns add up to " + sum);
                    }
                }
            }
            if (total != null && other != null) {
                for (String c : columns) {
                    if (!total.counts().containsKey(c) || !other.counts().containsKey(c)
                            || countries.stream().anyMatch(r -> !r.counts().containsKey(c))) {
                        continue;
                    }
                    long sum = other.counts().get(c) + countries.stream().mapToLong(r -> r.counts().get(c)).sum();
                    if (sum != total.counts().get(c)) {
                        add(f, total.line(), c, "top ten plus other countries = total", c + " total " + total.counts().get(c)
                                + " but the " + countries.size() + " countries and other countries add up to " + sum);
                    }
                }
            }
            ranking(f, countries.stream().map(r -> new Ranked(r.line(), r.rank(), r.iso2(), r.counts().get(ReferenceData.TOTAL))).toList(),
                    ReferenceData.TOTAL);
            if (total != null) {
                for (Applications a : d.applications()) {
                    if (a.period().equals(e.getKey()) && !a.rowType().equals("month_unknown")) {
                        for (String c : columns) {
                            if (total.counts().containsKey(c) && a.counts().containsKey(c) && !total.counts().get(c).equals(a.counts().get(c))) {
                                add(f, total.line(), c, "top-10 table total = applications table", c + " total " + total.counts().get(c) + " but "
                                        + ReferenceFiles.APPLICATIONS_MONTHLY + " line " + a.line() + " gives " + a.counts().get(c));
                            }
                        }
                    }
                }
            }
        }
        // A country's figure for a period is at least its figure for any period inside it.
        for (ApplicationsByNationality outer : d.applicationsByNationality()) {
            if (!outer.rowType().equals("country") || !outer.counts().containsKey(ReferenceData.TOTAL)) {
                continue;
            }
            for (ApplicationsByNationality inner : d.applicationsByNationality()) {
                if (inner != outer && inner.rowType().equals("country") && inner.iso2().equals(outer.iso2())
                        && outer.period().contains(inner.period()) && !outer.period().equals(inner.period())
                        && inner.counts().containsKey(ReferenceData.TOTAL) && inner.counts().get(ReferenceData.TOTAL) > outer.counts().get(ReferenceData.TOTAL)) {
                    add(f, outer.line(), ReferenceData.TOTAL, "a period's figure covers its months", outer.iso2() + " " + outer.counts().get(ReferenceData.TOTAL)
                            + " for " + outer.period().label() + " but " + inner.counts().get(ReferenceData.TOTAL) + " for " + inner.period().label()
                            + " alone (line " + inner.line() + ")");
                }
            }
        }
    }

    private record Ranked(int line, Integer rank, String iso2, Long value) {
    }

    /** Countries listed by rank must have non-increasing values. */
    private void ranking(String f, List<Ranked> countries, String column) {
        List<Ranked> ranked = countries.stream().filter(r -> r.rank() != null && r.value() != null)
                .sorted(Comparator.comparingInt(Ranked::rank)).toList();
        for (int i = 1; i < ranked.size(); i++) {
            if (ranked.get(i).value() > ranked.get(i - 1).value()) {
                add(f, ranked.get(i).line(), column, "ranking in order", ranked.get(i).iso2() + " ranked " + ranked.get(i).rank() + " with "
                        + ranked.get(i).value() + ", more than " + ranked.get(i - 1).iso2() + " ranked " + ranked.get(i - 1).rank() + " with "
                        + ranked.get(i - 1).value());
            }
        }
    }

    // ---- cgvs_decisions ------------------------------------------------------------------------

    private void decisions(ReferenceData d) {
        String f = ReferenceFiles.CGVS_DECISIONS;
        // period -> unit -> code -> row
        Map<Period, Map<String, Map<String, Decisions>>> table = new TreeMap<>();
        for (Decisions r : d.decisions()) {
            if (r.count() != null) {
                table.computeIfAbsent(r.period(), k -> new TreeMap<>()).computeIfAbsent(r.unit(), k -> new LinkedHashMap<>()).put(r.decisionType(), r);
            }
        }
        for (var pe : table.entrySet()) {
            for (var ue : pe.getValue().entrySet()) {
                Map<String, Decisions> codes = ue.getValue();
                Decisions total = codes.get(ReferenceData.TOTAL);
                if (total != null && codes.keySet().containsAll(DECISION_PARTS)) {
                    long sum = DECISION_PARTS.stream().mapToLong(c -> codes.get(c).count()).sum();
                    if (sum != total.count()) {
                        add(f, total.line(), "count", "decision rows sum to the total", ue.getKey() + " total " + total.count()
                                + " but the decision rows (interim included) add up to " + sum);
                    }
                }
                Decisions persons = null;
                if (ue.getKey().equals("dossiers")) {
                    Map<String, Decisions> p = pe.getValue().get("persons");
                    for (Decisions r : codes.values()) {
                        persons = p == null ? null : p.get(r.decisionType());
                        if (persons != null && r.count() > persons.count()) {
                            add(f, r.line(), "count", "a dossier has at least one person", r.decisionType() + ": " + r.count()
                                    + " dossiers but only " + persons.count() + " persons (line " + persons.line() + ")");
                        }
                    }
                }
            }
        }
        Map<String, Map<Period, Decisions>> series = new HashMap<>();
        for (Decisions r : d.decisions()) {
            if (r.count() != null) {
                series.computeIfAbsent(r.unit() + "|" + r.decisionType(), k -> new TreeMap<>()).put(r.period(), r);
            }
        }
        for (Map<Period, Decisions> rows : series.values()) {
            for (Decisions r : rows.values()) {
                if (!r.period().isMonth()) {
                    nested(f, r.line(), "count", r.period(), r.count(), rows, Decisions::count, Decisions::line);
                }
            }
        }
    }

    // ---- cgvs_decisions_by_nationality ---------------------------------------------------------

    private void decisionsByNationality(ReferenceData d) {
        String f = ReferenceFiles.CGVS_DECISIONS_BY_NATIONALITY;
        // period|unit -> row key (iso2 or row type) -> code -> row
        Map<String, Map<String, Map<String, DecisionsByNationality>>> tables = new TreeMap<>();
        for (DecisionsByNationality r : d.decisionsByNationality()) {
            if (r.count() != null) {
                String who = r.rowType().equals("country") ? r.iso2() : r.rowType();
                tables.computeIfAbsent(r.period().label() + "|" + r.unit(), k -> new LinkedHashMap<>()).computeIfAbsent(who, k -> new LinkedHashMap<>())
                        .put(r.decisionType(), r);
            }
        }
        for (var te : tables.entrySet()) {
            Map<String, Map<String, DecisionsByNationality>> rows = te.getValue();
            for (Map<String, DecisionsByNationality> codes : rows.values()) {
                DecisionsByNationality tf = codes.get("total_final");
                if (tf != null && codes.keySet().containsAll(FINAL_PARTS)) {
                    long sum = FINAL_PARTS.stream().mapToLong(c -> codes.get(c).count()).sum();
                    if (sum != tf.count()) {
                        add(f, tf.line(), "count", "final decisions = refugee + subsidiary + withdrawals + refusals", "total_final " + tf.count()
                                + " but its parts add up to " + sum);
                    }
                }
                DecisionsByNationality neg = codes.get("negative_total");
                if (neg != null && codes.keySet().containsAll(NEGATIVE_PARTS)) {
                    long sum = NEGATIVE_PARTS.stream().mapToLong(c -> codes.get(c).count()).sum();
                    if (sum != neg.count()) {
                        add(f, neg.line(), "count", "refusal decisions = inadmissible + manifestly unfounded + refusal", "negative_total "
                                + neg.count() + " but its parts add up to " + sum);
                    }
                }
            }
            Map<String, DecisionsByNationality> total = rows.get(ReferenceData.TOTAL);
            Map<String, DecisionsByNationality> other = rows.get("other");
            if (total != null && other != null) {
                for (var ce : total.entrySet()) {
                    String code = ce.getKey();
                    if (!other.containsKey(code)) {
                        continue;
                    }
                    long sum = other.get(code).count();
                    boolean complete = true;
                    for (var re : rows.entrySet()) {
                        if (!re.getKey().equals(ReferenceData.TOTAL) && !re.getKey().equals("other")) {
                            DecisionsByNationality c = re.getValue().get(code);
                            if (c == null) {
                                complete = false;
                            } else {
                                sum += c.count();
                            }
                        }
                    }
                    if (complete && sum != ce.getValue().count()) {
                        add(f, ce.getValue().line(), "count", "top ten plus other countries = total", code + " total " + ce.getValue().count()
                                + " but the countries and other countries add up to " + sum);
                    }
                }
            }
            List<Ranked> ranked = new ArrayList<>();
            for (var re : rows.entrySet()) {
                DecisionsByNationality rs = re.getValue().get("refugee_status");
                if (rs != null && rs.rowType().equals("country")) {
                    ranked.add(new Ranked(rs.line(), rs.rank(), rs.iso2(), rs.count()));
                }
            }
            ranking(f, ranked, "count");
            if (total != null) {
                String[] key = te.getKey().split("\\|");
                totalsAgainstDecisions(d, f, key[0], key[1], total);
            }
        }
    }

    /** The top-10 table's total row against the decisions table of the same period and unit. */
    private void totalsAgainstDecisions(ReferenceData d, String f, String period, String unit, Map<String, DecisionsByNationality> total) {
        Map<String, Long> main = new HashMap<>();
        int line = 0;
        for (Decisions r : d.decisions()) {
            if (r.period().label().equals(period) && r.unit().equals(unit) && r.count() != null) {
                main.put(r.decisionType(), r.count());
                line = r.line();
            }
        }
        if (main.isEmpty()) {
            return;
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String c : List.of("refugee_status", "subsidiary_protection", "withdrawal_or_revocation", "inadmissible", "manifestly_unfounded",
                "refusal", ReferenceData.TOTAL, "admissible_subsequent_or_border")) {
            if (main.containsKey(c)) {
                expected.put(c, main.get(c));
            }
        }
        if (main.keySet().containsAll(NEGATIVE_PARTS)) {
            expected.put("negative_total", NEGATIVE_PARTS.stream().mapToLong(main::get).sum());
        }
        if (main.containsKey(ReferenceData.TOTAL) && main.containsKey("admissible_subsequent_or_border")) {
            expected.put("total_final", main.get(ReferenceData.TOTAL) - main.get("admissible_subsequent_or_border"));
        }
        for (var e : total.entrySet()) {
            Long want = expected.get(e.getKey());
            if (want != null && !want.equals(e.getValue().count())) {
                add(f, e.getValue().line(), "count", "top-10 table total = decisions table", e.getKey() + " total " + e.getValue().count()
                        + " but " + ReferenceFiles.CGVS_DECISIONS + " gives " + want + " for " + period + " (" + unit + ", near line " + line + ")");
            }
        }
    }

    // ---- cgvs_workload -------------------------------------------------------------------------

    private void workload(ReferenceData d) {
        String f = ReferenceFiles.CGVS_WORKLOAD;
        Map<String, Workload> byKey = new HashMap<>();
        for (Workload w : d.workload()) {
            byKey.put(w.date() + "|" + w.measure() + "|" + w.unit(), w);
        }
        for (Workload w : d.workload()) {
            if (!w.qualifier().equals("exact")) {
                continue;
            }
            if (w.measure().equals("real_backlog")) {
                Workload total = byKey.get(w.date() + "|workload_total|" + w.unit());
                Workload normal = byKey.get(w.date() + "|normal_workload|" + w.unit());
                if (total != null && normal != null && total.qualifier().equals("exact") && normal.qualifier().equals("exact")) {
                    BigDecimal diff = total.value().subtract(normal.value());
                    if (diff.compareTo(w.value()) != 0) {
                        add(f, w.line(), "value", "real backlog = workload - normal workload", "real backlog " + w.value() + " but "
                                + total.value() + " - " + normal.value() + " = " + diff + " (lines " + total.line() + ", " + normal.line() + ")");
                    }
                }
            }
            if (w.measure().equals("workload_total") && w.unit().equals("dossiers")) {
                Workload persons = byKey.get(w.date() + "|workload_total|persons");
                if (persons != null && persons.qualifier().equals("exact") && w.value().compareTo(persons.value()) > 0) {
                    add(f, w.line(), "value", "a dossier has at least one person", w.value() + " dossiers but " + persons.value()
                            + " persons (line " + persons.line() + ")");
                }
            }
        }
    }

    /** The rules this class checks, for documentation and reports. */
    public static Set<String> rules() {
        return Set.of("columns sum to the total", "months sum to the period total", "months sum to the year", "top ten plus other countries = total",
                "top-10 table total = applications table", "a period's figure covers its months", "ranking in order",
                "decision rows sum to the total", "a dossier has at least one person", "final decisions = refugee + subsidiary + withdrawals + refusals",
                "refusal decisions = inadmissible + manifestly unfounded + refusal", "top-10 table total = decisions table",
                "real backlog = workload - normal workload");
    }
}
