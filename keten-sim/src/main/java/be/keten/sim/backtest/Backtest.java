package be.keten.sim.backtest;

import be.keten.core.calendar.Period;
import be.keten.sim.Bands;
import be.keten.sim.Outcome;
import be.keten.sim.Scenario;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * A backtest: the scenario's horizon lies in the past, and every figure the reference folder publishes
 * inside it is set against the replications (p5, p50, p95) and against a naive carry-forward baseline.
 *
 * <p>Per calendar year of the horizon (cut to it) and indicator, the figure compared is the longest
 * published stretch of that year (a flow or rate: the year, else e.g. January–November; a stock: the
 * last published month end). The <b>baseline</b> is what a forecaster knew when the run starts: for a
 * flow or a rate, the published value of the same months of the latest year that had ended before the
 * start (for a one-year backtest: the previous year); for a stock, the last value published before the
 * start. No baseline when that figure is not published.
 */
public final class Backtest {
    /** One sentence for reports. */
    public static final String BASELINE_DEFINITION = "carry-forward baseline: flows and rates take the same months of the latest year ended"
            + " before the start; stocks take the last value published before the start";

    /** A published figure to score, with the model's reading of it from one run. */
    public record Target(int year, Period period, String label, String indicator, String unit, double actual, String baselinePeriod,
                         double baseline, ToDoubleFunction<Outcome> model) {
    }

    private final List<Target> targets;

    private Backtest(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    public static Backtest of(Scenario sc, Actuals actuals) {
        return of(sc.start(), sc.horizonMonths(), actuals);
    }

    public static Backtest of(LocalDate start, int horizonMonths, Actuals actuals) {
        YearMonth first = YearMonth.from(start);
        YearMonth last = first.plusMonths(horizonMonths - 1L);
        Predicted model = new Predicted(first);
        List<Target> out = new ArrayList<>();
        for (int y = first.getYear(); y <= last.getYear(); y++) {
            // The calendar year cut to the horizon, as Outcome.years cuts it.
            Period year = new Period(max(first, YearMonth.of(y, 1)), min(last, YearMonth.of(y, 12)));
            for (String key : actuals.flowKeys()) {
                String code = key.substring(0, key.indexOf('|'));
                String unit = key.substring(key.indexOf('|') + 1);
                Reader reader = flowReader(model, actuals, code, unit);
                if (reader == null) {
                    continue;
                }
                actuals.flow(key, year).ifPresent(f -> {
                    Period b = baselinePeriod(f.period(), start);
                    OptionalDouble bv = actuals.flowExact(key, b);
                    out.add(new Target(year.from().getYear(), f.period(), f.period().label(), code, unit, f.value(),
                            bv.isPresent() ? b.label() : "", bv.orElse(Double.NaN), o -> reader.read(o, f.period())));
                });
            }
            actuals.rate(year).ifPresent(f -> {
                Period b = baselinePeriod(f.period(), start);
                OptionalDouble bv = actuals.rateExact(b);
                out.add(new Target(year.from().getYear(), f.period(), f.period().label(), "protection_rate", "dossiers", f.value(),
                        bv.isPresent() ? b.label() : "", bv.orElse(Double.NaN), o -> model.protectionRate(o, f.period())));
            });
            for (String key : actuals.stockKeys()) {
                if (!Predicted.isIndicator(key)) {
                    continue;
                }
                actuals.stock(key, year).ifPresent(e -> {
                    var before = actuals.stockBefore(key, start);
                    out.add(new Target(year.from().getYear(), Period.month(YearMonth.from(e.getKey())), e.getKey().toString(),
                            key.substring(0, key.indexOf('|')), key.substring(key.indexOf('|') + 1), e.getValue(),
                            before.map(x -> x.getKey().toString()).orElse(""), before.map(Map.Entry::getValue).orElse(Double.NaN),
                            o -> model.stock(o, key, YearMonth.from(e.getKey()))));
                });
            }
        }
        out.sort(Comparator.comparingInt(Target::year).thenComparingInt(t -> rank(t.indicator())).thenComparing(Target::indicator)
                .thenComparing(t -> t.unit().equals("persons") ? 0 : 1));
        return new Backtest(out);
    }

    /** A run's value of a flow over a period. */
    private interface Reader {
        double read(Outcome o, Period p);
    }

    /** How the model reads a published flow, or null when the model has no such figure. */
    private static Reader flowReader(Predicted model, Actuals actuals, String code, String unit) {
        if (code.equals(Actuals.DECISIONS) || code.startsWith(Actuals.DECISIONS + "_")) {
            String ref = code.equals(Actuals.DECISIONS) ? "total" : code.substring(Actuals.DECISIONS.length() + 1);
            return (o, p) -> model.decisions(o, ref, unit, p, actuals.separateTypes(p, unit));
        }
        String key = code + "|" + unit;
        return Predicted.isIndicator(key) ? (o, p) -> model.flow(o, key, p) : null;
    }

    /** The same months shifted back by whole years until they ended before the start. */
    static Period baselinePeriod(Period p, LocalDate start) {
        int k = 1;
        while (!p.to().minusYears(k).atEndOfMonth().isBefore(start)) {
            k++;
        }
        return new Period(p.from().minusYears(k), p.to().minusYears(k));
    }

    private static final List<String> ORDER = List.of("applications", "cgvs_decisions", "cgvs_decisions_admissible_subsequent_or_border",
            "cgvs_decisions_further_examination_border", "cgvs_decisions_admissible_subsequent", "cgvs_decisions_refugee_status",
            "cgvs_decisions_subsidiary_protection", "cgvs_decisions_inadmissible", "cgvs_decisions_manifestly_unfounded",
            "cgvs_decisions_refusal", "cgvs_decisions_exclusion", "cgvs_decisions_closure", "cgvs_decisions_withdrawal_or_revocation",
            "cgvs_decisions_withdrawal", "cgvs_decisions_revocation", "cgvs_decisions_negative_total", "cgvs_decisions_total_final",
            "protection_rate", "cgvs_workload", "cgvs_backlog");

    private static int rank(String code) {
        int i = ORDER.indexOf(code);
        return i < 0 ? ORDER.size() : i;
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }

    public List<Target> targets() {
        return targets;
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }

    /** Scores every target on the replications. */
    public List<BacktestRow> rows(List<Outcome> runs) {
        List<BacktestRow> out = new ArrayList<>();
        for (Target t : targets) {
            // Bands works on Outcome cells: one single-cell outcome per replication reuses its percentiles.
            List<Outcome> cells = new ArrayList<>();
            for (Outcome o : runs) {
                cells.add(new Outcome(new double[0][0], new double[][] {{t.model().applyAsDouble(o)}}));
            }
            Bands b = Bands.of(cells, true, 0, 0);
            out.add(new BacktestRow(t.year(), t.label(), t.indicator(), t.unit(), t.actual(), b.p5(), b.p50(), b.p95(), t.baselinePeriod(),
                    t.baseline()));
        }
        return out;
    }

    /** Mean absolute percentage errors per indicator and unit, in row order. */
    public static List<BacktestSummary> summarize(List<BacktestRow> rows) {
        Map<String, List<BacktestRow>> by = new LinkedHashMap<>();
        for (BacktestRow r : rows) {
            by.computeIfAbsent(r.indicator() + "|" + r.unit(), k -> new ArrayList<>()).add(r);
        }
        List<BacktestSummary> out = new ArrayList<>();
        for (List<BacktestRow> g : by.values()) {
            List<BacktestRow> paired = g.stream().filter(BacktestRow::hasBaseline).toList();
            out.add(new BacktestSummary(g.get(0).indicator(), g.get(0).unit(), g.size(), (int) g.stream().filter(BacktestRow::inBand).count(),
                    mape(g, BacktestRow::relativeError), paired.size(), mape(paired, BacktestRow::relativeError),
                    mape(paired, BacktestRow::baselineRelativeError)));
        }
        return out;
    }

    /** Mean of |relative error| in percent over the rows where it is defined. */
    private static double mape(List<BacktestRow> rows, ToDoubleFunction<BacktestRow> rel) {
        return rows.stream().mapToDouble(rel).filter(d -> !Double.isNaN(d)).map(d -> Math.abs(d) * 100).average().orElse(Double.NaN);
    }
}
