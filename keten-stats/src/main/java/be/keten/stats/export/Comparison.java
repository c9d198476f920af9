package be.keten.stats.export;

import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceData.Applications;
import be.keten.io.reference.ReferenceData.ApplicationsByNationality;
import be.keten.io.reference.ReferenceData.Decisions;
import be.keten.io.reference.ReferenceData.DecisionsByNationality;
import be.keten.io.reference.ReferenceData.Workload;
import be.keten.io.reference.ReferenceFiles;
import be.keten.core.calendar.Period;
import java.time.YearMonth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every published figure of a reference folder set against the same figure of an export in the same
 * layout: rows are matched by their key columns (period, row type, unit, decision type, country,
 * measure), the source, locator and note columns are ignored, and each figure is equal, different or
 * missing from the export. A percentage is equal when the export rounds to the printed value; a
 * workload with a qualifier ({@code more_than}, {@code less_than}, {@code up_to}) is equal when the
 * export satisfies it. {@code month_unknown} values (a month of the year, which one not printed) are
 * equal when an export month of that year not published otherwise has the value. A figure whose period
 * lies outside the months the export covers (its first to its last month with figures) is reported as
 * not covered rather than as a difference. "Other countries" is the total minus the countries the
 * published table lists, computed the same way on both sides, so a top-5 table compares as a top-10 does.
 */
public final class Comparison {

    /** NOT_COVERED: the figure's period lies outside the months the export covers (not a difference). */
    public enum Status { EQUAL, DIFFERENT, MISSING, NOT_COVERED }

    /** One published figure and what the export says. */
    public record Check(String file, int line, Period period, String key, String column, String published, String exported,
                        Status status) {
        public String message() {
            return file + " line " + line + " " + key + " " + column + ": published " + published + ", export "
                    + (exported == null ? "has none" : exported) + " -> " + status.name().toLowerCase();
        }
    }

    private final List<Check> checks;

    private Comparison(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    public List<Check> checks() {
        return checks;
    }

    public long count(Status s) {
        return checks.stream().filter(c -> c.status() == s).count();
    }

    /** Every figure the export covers is equal. */
    public boolean allEqual() {
        return checks.stream().allMatch(c -> c.status() == Status.EQUAL || c.status() == Status.NOT_COVERED);
    }

    /** The figures the export covers that it does not reproduce. */
    public List<Check> differences() {
        return checks.stream().filter(c -> c.status() == Status.DIFFERENT || c.status() == Status.MISSING).toList();
    }

    /** The figures the export covers. */
    public long covered() {
        return checks.size() - count(Status.NOT_COVERED);
    }

    public String summary() {
        return covered() + " published figure(s) in the export's months compared: " + count(Status.EQUAL) + " equal, "
                + count(Status.DIFFERENT) + " different, " + count(Status.MISSING) + " missing from the export; " + count(Status.NOT_COVERED)
                + " outside the export's months";
    }

    public static Comparison of(ReferenceData published, ReferenceData exported) {
        List<Check> out = new ArrayList<>();
        applications(published, exported, out);
        applicationsByNationality(published, exported, out);
        decisions(published, exported, out);
        decisionsByNationality(published, exported, out);
        workload(published, exported, out);
        YearMonth[] span = coverage(exported);
        List<Check> checked = new ArrayList<>();
        for (Check c : out) {
            checked.add(span == null || covers(span, c.period()) ? c
                    : new Check(c.file(), c.line(), c.period(), c.key(), c.column(), c.published(), c.exported(), Status.NOT_COVERED));
        }
        return new Comparison(checked);
    }

    private static boolean covers(YearMonth[] span, Period p) {
        return !p.from().isBefore(span[0]) && !p.to().isAfter(span[1]);
    }

    /** First and last month with a figure in the export, null if it has none. */
    private static YearMonth[] coverage(ReferenceData x) {
        List<Period> periods = new ArrayList<>();
        x.applications().stream().filter(r -> !r.counts().isEmpty()).forEach(r -> periods.add(r.period()));
        x.applicationsByNationality().stream().filter(r -> !r.counts().isEmpty()).forEach(r -> periods.add(r.period()));
        x.decisions().stream().filter(r -> r.count() != null).forEach(r -> periods.add(r.period()));
        x.decisionsByNationality().stream().filter(r -> r.count() != null).forEach(r -> periods.add(r.period()));
        x.workload().forEach(r -> periods.add(new Period(YearMonth.from(r.date()), YearMonth.from(r.date()))));
        if (periods.isEmpty()) {
            return null;
        }
        YearMonth from = periods.get(0).from();
        YearMonth to = periods.get(0).to();
        for (Period p : periods) {
            from = p.from().isBefore(from) ? p.from() : from;
            to = p.to().isAfter(to) ? p.to() : to;
        }
        return new YearMonth[] {from, to};
    }

    private static Status status(Object published, Object exported) {
        return exported == null ? Status.MISSING : published.equals(exported) ? Status.EQUAL : Status.DIFFERENT;
    }

    private static String str(Object o) {
        return o == null ? null : o instanceof BigDecimal b ? b.toPlainString() : o.toString();
    }

    private static void add(List<Check> out, String file, int line, Period period, String key, String column, Object published,
                            Object exported) {
        out.add(new Check(file, line, period, key, column, str(published), str(exported), status(published, exported)));
    }

    /** The exported percentage rounded as printed, so 14.4 matches an export of 14.4 (or 14.43). */
    private static void percent(List<Check> out, String file, int line, Period period, String key, BigDecimal published,
                                BigDecimal exported) {
        BigDecimal e = exported == null ? null : exported.setScale(Math.max(0, published.scale()), RoundingMode.HALF_UP);
        out.add(new Check(file, line, period, key, "share_percent", published.toPlainString(), exported == null ? null : exported.toPlainString(),
                e == null ? Status.MISSING : e.compareTo(published) == 0 ? Status.EQUAL : Status.DIFFERENT));
    }

    // ---- applications_monthly ------------------------------------------------------------------

    private static void applications(ReferenceData p, ReferenceData x, List<Check> out) {
        String f = ReferenceFiles.APPLICATIONS_MONTHLY;
        Map<String, Applications> index = new HashMap<>();
        for (Applications r : x.applications()) {
            if (!r.rowType().equals("month_unknown")) {
                index.put(r.period().label() + "|" + r.rowType(), r);
            }
        }
        Map<Integer, List<Applications>> unknown = new TreeMap<>();
        for (Applications r : p.applications()) {
            if (r.rowType().equals("month_unknown")) {
                unknown.computeIfAbsent(r.period().from().getYear(), k -> new ArrayList<>()).add(r);
                continue;
            }
            Applications e = index.get(r.period().label() + "|" + r.rowType());
            for (var c : r.counts().entrySet()) {
                add(out, f, r.line(), r.period(), r.period().label() + " " + r.rowType(), c.getKey(), c.getValue(), e == null ? null : e.counts().get(c.getKey()));
            }
        }
        for (var u : unknown.entrySet()) {
            int year = u.getKey();
            List<Long> free = new ArrayList<>();
            for (Applications e : x.applications()) {
                boolean published = p.applications().stream().anyMatch(r -> r.rowType().equals("month") && r.period().equals(e.period())
                        && r.counts().containsKey(ReferenceData.TOTAL));
                if (e.rowType().equals("month") && e.period().from().getYear() == year && !published && e.counts().containsKey(ReferenceData.TOTAL)) {
                    free.add(e.counts().get(ReferenceData.TOTAL));
                }
            }
            for (Applications r : u.getValue()) {
                Long v = r.counts().get(ReferenceData.TOTAL);
                if (v == null) {
                    continue;
                }
                boolean found = free.remove(v);
                out.add(new Check(f, r.line(), r.period(), year + " month_unknown", ReferenceData.TOTAL, v.toString(),
                        found ? v.toString() : free.isEmpty() ? null : "none of " + free, found ? Status.EQUAL : free.isEmpty() ? Status.MISSING
                        : Status.DIFFERENT));
            }
        }
    }

    // ---- applications_by_nationality -----------------------------------------------------------

    private static String who(String rowType, String iso2) {
        return rowType.equals("country") ? iso2 : rowType;
    }

    private static void applicationsByNationality(ReferenceData p, ReferenceData x, List<Check> out) {
        String f = ReferenceFiles.APPLICATIONS_BY_NATIONALITY;
        Map<String, ApplicationsByNationality> index = new HashMap<>();
        for (ApplicationsByNationality r : x.applicationsByNationality()) {
            index.put(r.period().label() + "|" + who(r.rowType(), r.iso2()), r);
        }
        for (ApplicationsByNationality r : p.applicationsByNationality()) {
            String key = r.period().label() + " " + who(r.rowType(), r.iso2());
            ApplicationsByNationality e = r.rowType().equals("other") ? otherApplicants(p, r, index)
                    : index.get(r.period().label() + "|" + who(r.rowType(), r.iso2()));
            if (r.rank() != null) {
                add(out, f, r.line(), r.period(), key, "rank", r.rank(), e == null ? null : e.rank());
            }
            for (var c : r.counts().entrySet()) {
                add(out, f, r.line(), r.period(), key, c.getKey(), c.getValue(), e == null ? null : e.counts().get(c.getKey()));
            }
            if (r.sharePercent() != null) {
                percent(out, f, r.line(), r.period(), key, r.sharePercent(), e == null ? null : e.sharePercent());
            }
        }
    }

    /**
     * "Other countries" are the total minus the countries the published table lists: the export's figure is
     * computed the same way from the export's own rows, so a top-5 table compares as well as a top-10.
     */
    private static ApplicationsByNationality otherApplicants(ReferenceData p, ApplicationsByNationality other,
                                                             Map<String, ApplicationsByNationality> index) {
        String period = other.period().label();
        ApplicationsByNationality total = index.get(period + "|total");
        if (total == null) {
            return null;
        }
        Map<String, Long> counts = new java.util.LinkedHashMap<>(total.counts());
        for (ApplicationsByNationality c : p.applicationsByNationality()) {
            if (c.period().equals(other.period()) && c.rowType().equals("country")) {
                ApplicationsByNationality e = index.get(period + "|" + c.iso2());
                for (String col : total.counts().keySet()) {
                    Long v = e == null ? Long.valueOf(0) : e.counts().get(col);
                    counts.computeIfPresent(col, (k, t) -> v == null ? null : t - v);
                }
            }
        }
        return new ApplicationsByNationality(0, other.period(), other.nationality(), "", "other", null, counts, null);
    }

    // ---- cgvs_decisions ------------------------------------------------------------------------

    private static void decisions(ReferenceData p, ReferenceData x, List<Check> out) {
        String f = ReferenceFiles.CGVS_DECISIONS;
        Map<String, Decisions> index = new HashMap<>();
        for (Decisions r : x.decisions()) {
            index.put(r.period().label() + "|" + r.rowType() + "|" + r.unit() + "|" + r.decisionType(), r);
        }
        for (Decisions r : p.decisions()) {
            String base = r.period().label() + "|" + r.rowType() + "|" + r.unit() + "|";
            String key = r.period().label() + " " + r.rowType() + " " + r.unit() + " " + r.decisionType();
            if (r.count() != null) {
                add(out, f, r.line(), r.period(), key, "count", r.count(), exportedCount(index, base, r.decisionType()));
            }
            if (r.sharePercent() != null) {
                Decisions e = index.get(base + r.decisionType());
                percent(out, f, r.line(), r.period(), key, r.sharePercent(), e == null ? null : e.sharePercent());
            }
        }
    }

    /** The export's count for a code; the top-10 table's combined codes are summed from the export's rows. */
    private static Long exportedCount(Map<String, Decisions> index, String base, String code) {
        Decisions e = index.get(base + code);
        if (e != null) {
            return e.count();
        }
        List<String> parts = switch (code) {
            case "negative_total" -> List.of("inadmissible", "manifestly_unfounded", "refusal");
            case "total_final" -> List.of("refugee_status", "subsidiary_protection", "inadmissible", "manifestly_unfounded", "refusal",
                    "withdrawal_or_revocation");
            default -> List.of();
        };
        if (parts.isEmpty()) {
            return null;
        }
        long sum = 0;
        for (String part : parts) {
            Decisions d = index.get(base + part);
            if (d == null || d.count() == null) {
                return null;
            }
            sum += d.count();
        }
        return sum;
    }

    // ---- cgvs_decisions_by_nationality ---------------------------------------------------------

    private static void decisionsByNationality(ReferenceData p, ReferenceData x, List<Check> out) {
        String f = ReferenceFiles.CGVS_DECISIONS_BY_NATIONALITY;
        Map<String, DecisionsByNationality> index = new HashMap<>();
        for (DecisionsByNationality r : x.decisionsByNationality()) {
            index.put(r.period().label() + "|" + who(r.rowType(), r.iso2()) + "|" + r.unit() + "|" + r.decisionType(), r);
        }
        for (DecisionsByNationality r : p.decisionsByNationality()) {
            String key = r.period().label() + " " + who(r.rowType(), r.iso2()) + " " + r.unit() + " " + r.decisionType();
            DecisionsByNationality e = index.get(r.period().label() + "|" + who(r.rowType(), r.iso2()) + "|" + r.unit() + "|" + r.decisionType());
            if (r.rowType().equals("other")) {
                e = otherDecisions(p, r, index);
            }
            if (r.rank() != null) {
                add(out, f, r.line(), r.period(), key, "rank", r.rank(), e == null ? null : e.rank());
            }
            if (r.count() != null) {
                add(out, f, r.line(), r.period(), key, "count", r.count(), e == null ? null : e.count());
            }
        }
    }

    /** As {@link #otherApplicants}: the export's total minus the export's figures of the countries the published table lists. */
    private static DecisionsByNationality otherDecisions(ReferenceData p, DecisionsByNationality other, Map<String, DecisionsByNationality> index) {
        String suffix = "|" + other.unit() + "|" + other.decisionType();
        DecisionsByNationality total = index.get(other.period().label() + "|total" + suffix);
        if (total == null || total.count() == null) {
            return null;
        }
        long v = total.count();
        for (DecisionsByNationality c : p.decisionsByNationality()) {
            if (c.period().equals(other.period()) && c.rowType().equals("country") && c.unit().equals(other.unit())
                    && c.decisionType().equals(other.decisionType())) {
                DecisionsByNationality e = index.get(other.period().label() + "|" + c.iso2() + suffix);
                v -= e == null || e.count() == null ? 0 : e.count();
            }
        }
        return new DecisionsByNationality(0, other.period(), other.nationality(), "", "other", null, other.unit(), other.decisionType(), v);
    }

    // ---- cgvs_workload -------------------------------------------------------------------------

    private static void workload(ReferenceData p, ReferenceData x, List<Check> out) {
        String f = ReferenceFiles.CGVS_WORKLOAD;
        Map<String, Workload> index = new HashMap<>();
        for (Workload r : x.workload()) {
            index.put(r.date() + "|" + r.measure() + "|" + r.unit(), r);
        }
        for (Workload r : p.workload()) {
            Workload e = index.get(r.date() + "|" + r.measure() + "|" + r.unit());
            String key = r.date() + " " + r.measure() + " " + r.unit();
            String published = (r.qualifier().equals("exact") ? "" : r.qualifier() + " ") + r.value().toPlainString();
            Period month = new Period(YearMonth.from(r.date()), YearMonth.from(r.date()));
            if (e == null) {
                out.add(new Check(f, r.line(), month, key, "value", published, null, Status.MISSING));
                continue;
            }
            int c = e.value().compareTo(r.value());
            boolean ok = switch (r.qualifier()) {
                case "more_than" -> c > 0;
                case "less_than" -> c < 0;
                case "up_to" -> c <= 0;
                default -> c == 0;
            };
            out.add(new Check(f, r.line(), month, key, "value", published, e.value().toPlainString(), ok ? Status.EQUAL : Status.DIFFERENT));
        }
    }
}
