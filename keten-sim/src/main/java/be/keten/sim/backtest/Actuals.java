package be.keten.sim.backtest;

import be.keten.core.calendar.Period;
import be.keten.core.procedure.DecisionType;
import be.keten.io.reference.ReferenceData;
import be.keten.stats.DecisionTally;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * The published figures of a reference folder, keyed as the simulation's indicators ({@code code|unit}).
 * Nothing is estimated: a figure is a printed value, or the sum of printed months (a flow), or the
 * official protection rate ({@link DecisionTally}) of printed decision counts. Decision rows keep the
 * publication's codes ({@code cgvs_decisions_refusal} is the publication's refusal row, which also holds
 * exclusions and closures unless the table lists those on their own rows).
 */
public final class Actuals {
    public static final String APPLICATIONS = "applications|persons";
    public static final String DECISIONS = "cgvs_decisions";
    public static final String PROTECTION_RATE = "protection_rate|dossiers";

    /** A published value and the period it covers. */
    public record Found(Period period, double value) {
    }

    private final Map<String, Map<Period, Double>> flows = new LinkedHashMap<>();
    private final Map<String, TreeMap<LocalDate, Double>> stocks = new LinkedHashMap<>();
    private final Map<Period, Double> printedRates;
    private final Set<String> separateTypes = new HashSet<>();

    private Actuals(Map<Period, Double> printedRates) {
        this.printedRates = new TreeMap<>(printedRates);
    }

    /** The publication files of a folder and, when present, the printed protection rates of its {@code indicators.csv}. */
    public static Actuals read(Path dir) throws IOException {
        return of(ReferenceData.read(dir), PublishedRates.read(dir));
    }

    public static Actuals of(ReferenceData d) {
        return of(d, Map.of());
    }

    public static Actuals of(ReferenceData d, Map<Period, Double> printedProtectionRates) {
        Actuals a = new Actuals(printedProtectionRates);
        for (ReferenceData.Applications r : d.applications()) {
            // A month_unknown value is a month of the year, which one is not printed: not comparable.
            if (!r.rowType().equals("month_unknown")) {
                r.count(ReferenceData.TOTAL).ifPresent(v -> a.flow(APPLICATIONS, r.period(), v));
            }
        }
        for (ReferenceData.Decisions r : d.decisions()) {
            if (r.count() != null) {
                a.flow(decisionKey(r.decisionType(), r.unit()), r.period(), r.count());
            }
            if (r.decisionType().equals(DecisionType.EXCLUSION.code()) || r.decisionType().equals(DecisionType.CLOSURE.code())) {
                a.separateTypes.add(r.period().label() + "|" + r.unit());
            }
        }
        for (ReferenceData.Workload r : d.workload()) {
            // A bound ("more than 20,000") is not a value to score a forecast against.
            if (!r.qualifier().equals("exact") && !r.qualifier().equals("approx")) {
                continue;
            }
            String key = switch (r.measure()) {
                case "workload_total" -> "cgvs_workload|" + r.unit();
                case "real_backlog" -> "cgvs_backlog|" + r.unit();
                default -> null;
            };
            if (key != null) {
                a.stocks.computeIfAbsent(key, k -> new TreeMap<>()).put(r.date(), r.value().doubleValue());
            }
        }
        return a;
    }

    /** The indicator key of a row of cgvs_decisions.csv: {@code total} is {@code cgvs_decisions}, the others get the code as suffix. */
    public static String decisionKey(String referenceCode, String unit) {
        return (referenceCode.equals(ReferenceData.TOTAL) ? DECISIONS : DECISIONS + "_" + referenceCode) + "|" + unit;
    }

    private void flow(String key, Period p, double v) {
        flows.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(p, v);
    }

    public Set<String> flowKeys() {
        return flows.keySet();
    }

    public Set<String> stockKeys() {
        return stocks.keySet();
    }

    /** Whether the decision table of that period and unit lists exclusions and closures on their own rows. */
    public boolean separateTypes(Period p, String unit) {
        return separateTypes.contains(p.label() + "|" + unit);
    }

    /** A flow over exactly {@code p}: printed, or the sum of its printed months. */
    public OptionalDouble flowExact(String key, Period p) {
        Map<Period, Double> m = flows.getOrDefault(key, Map.of());
        if (m.containsKey(p)) {
            return OptionalDouble.of(m.get(p));
        }
        double sum = 0;
        for (YearMonth ym : p.months()) {
            Double v = m.get(Period.month(ym));
            if (v == null) {
                return OptionalDouble.empty();
            }
            sum += v;
        }
        return OptionalDouble.of(sum);
    }

    /** The longest published stretch of a flow inside {@code target} (ties: the later one). */
    public Optional<Found> flow(String key, Period target) {
        OptionalDouble whole = flowExact(key, target);
        if (whole.isPresent()) {
            return Optional.of(new Found(target, whole.getAsDouble()));
        }
        Found best = null;
        for (var e : flows.getOrDefault(key, Map.of()).entrySet()) {
            Period p = e.getKey();
            if (target.contains(p) && (best == null || p.length() > best.period().length()
                    || p.length() == best.period().length() && p.to().isAfter(best.period().to()))) {
                best = new Found(p, e.getValue());
            }
        }
        return Optional.ofNullable(best);
    }

    /** The protection rate over exactly {@code p}: printed, else the official formula on the printed dossier counts. */
    public OptionalDouble rateExact(Period p) {
        Double printed = printedRates.get(p);
        return printed != null ? OptionalDouble.of(printed) : derivedRate(p);
    }

    /** The protection rate over the longest stretch inside {@code target} that has one. */
    public Optional<Found> rate(Period target) {
        Found best = null;
        for (var e : printedRates.entrySet()) {
            if (target.contains(e.getKey()) && (best == null || e.getKey().length() > best.period().length())) {
                best = new Found(e.getKey(), e.getValue());
            }
        }
        Optional<Found> decided = flow(decisionKey(ReferenceData.TOTAL, "dossiers"), target);
        if (decided.isPresent() && (best == null || decided.get().period().length() > best.period().length())) {
            OptionalDouble r = derivedRate(decided.get().period());
            if (r.isPresent()) {
                best = new Found(decided.get().period(), r.getAsDouble());
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Rebuilds a dossier tally from the printed rows and applies {@link DecisionTally#protectionRate()}, so
     * the definition is the statistics' own: interim rows and withdrawals/revocations leave the denominator,
     * everything else but the two positives is put on the refusal row (it only counts in the denominator).
     */
    private OptionalDouble derivedRate(Period p) {
        OptionalDouble all = flowExact(decisionKey(ReferenceData.TOTAL, "dossiers"), p);
        OptionalDouble rs = flowExact(decisionKey(DecisionType.REFUGEE_STATUS.code(), "dossiers"), p);
        OptionalDouble sp = flowExact(decisionKey(DecisionType.SUBSIDIARY_PROTECTION.code(), "dossiers"), p);
        OptionalDouble interim = either(p, "admissible_subsequent_or_border", DecisionType.FURTHER_EXAMINATION_BORDER, DecisionType.ADMISSIBLE_SUBSEQUENT);
        OptionalDouble ended = either(p, "withdrawal_or_revocation", DecisionType.WITHDRAWAL, DecisionType.REVOCATION);
        if (all.isEmpty() || rs.isEmpty() || sp.isEmpty() || interim.isEmpty() || ended.isEmpty()) {
            return OptionalDouble.empty();
        }
        long rest = Math.round(all.getAsDouble() - rs.getAsDouble() - sp.getAsDouble() - interim.getAsDouble() - ended.getAsDouble());
        if (rest < 0) {
            return OptionalDouble.empty();
        }
        DecisionTally t = new DecisionTally().add(DecisionType.REFUGEE_STATUS, Math.round(rs.getAsDouble()))
                .add(DecisionType.SUBSIDIARY_PROTECTION, Math.round(sp.getAsDouble()))
                .add(DecisionType.ADMISSIBLE_SUBSEQUENT, Math.round(interim.getAsDouble()))
                .add(DecisionType.WITHDRAWAL, Math.round(ended.getAsDouble())).add(DecisionType.REFUSAL, rest);
        double r = t.protectionRate();
        return Double.isNaN(r) ? OptionalDouble.empty() : OptionalDouble.of(r);
    }

    /** A combined row, else the sum of whichever of its two types are printed on their own. */
    private OptionalDouble either(Period p, String combined, DecisionType a, DecisionType b) {
        OptionalDouble c = flowExact(decisionKey(combined, "dossiers"), p);
        if (c.isPresent()) {
            return c;
        }
        OptionalDouble x = flowExact(decisionKey(a.code(), "dossiers"), p);
        OptionalDouble y = flowExact(decisionKey(b.code(), "dossiers"), p);
        if (x.isEmpty() && y.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(x.orElse(0) + y.orElse(0));
    }

    /** The latest published stock inside {@code target} on a month's last day (the simulation reads stocks at month ends). */
    public Optional<Map.Entry<LocalDate, Double>> stock(String key, Period target) {
        TreeMap<LocalDate, Double> m = stocks.getOrDefault(key, new TreeMap<>());
        for (var e : m.descendingMap().entrySet()) {
            LocalDate d = e.getKey();
            if (target.contains(d) && d.equals(YearMonth.from(d).atEndOfMonth())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The last stock published before {@code day}: what a forecaster knew on that day. */
    public Optional<Map.Entry<LocalDate, Double>> stockBefore(String key, LocalDate day) {
        return Optional.ofNullable(stocks.getOrDefault(key, new TreeMap<>()).lowerEntry(day));
    }
}
