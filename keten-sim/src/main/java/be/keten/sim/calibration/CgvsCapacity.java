package be.keten.sim.calibration;

import be.keten.core.calendar.Period;
import be.keten.io.reference.ReferenceData;
import be.keten.io.reference.ReferenceData.Workload;
import be.keten.io.reference.ReferenceFiles;
import be.keten.sim.Schedule;
import be.keten.sim.Staffing;
import be.keten.sim.calibration.Calibrator.Setting;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The CGVS side of the scenario: productivity (service time from decisions per productive officer-month), the FTE over the
 * simulated period, and the workload at the start, from the decisions, the staff figures and the workload
 * figures up to --through.
 */
final class CgvsCapacity extends CalibrationStep {
    Double perMonth;
    Double fte;
    Double officers;   // productive officers of the window (Staffing), the divisor of dpf
    Double dpf;
    Double service;
    Integer workload;
    LocalDate workloadDate;
    Integer normalWorkload;

    CgvsCapacity(CalibrationStep shared) {
        super(shared);
    }

    /**
     * {@code cgvs.service_time}: decisions a month of the window per productive officer of the month, the
     * window's FTE counted as the engine counts officers ({@link Staffing}: those hired during the window
     * still ramping up, attrition replaced), so that a simulation of the window's staff decides what the
     * window decided.
     */
    void productivity(DecisionWindow dw) {
        double dt = dw.total("dossiers");
        perMonth = dt / dw.months().size();
        double[] fteByMonth = new double[dw.months().size()];
        String fteSource = fteInWindow(dw.months(), fteByMonth);
        fte = Arrays.stream(fteByMonth).average().orElseThrow();
        double[] officersByMonth = officersInWindow(dw.months(), fteByMonth);
        officers = Arrays.stream(officersByMonth).average().orElseThrow();
        dpf = perMonth / officers;
        service = Calibrator.DAYS_PER_MONTH / dpf;
        ObjectNode st = JSON.objectNode();
        st.put("distribution", base.cgvs().serviceTime().kind().name().toLowerCase(Locale.ROOT));
        st.put("mean_days", round(service, 2));
        st.put("cv", base.cgvs().serviceTime().cv());
        settings.add(new Setting("cgvs.service_time", st, String.format(Locale.ROOT,
                "CALIBRATED from %s %s and %s: mean %s days = 30.44 / %s decisions per productive officer-month (%s dossier decisions"
                        + " a month, interim included / %s productive officers: %s FTE, %s, less the ramp-up of hires and attrition as the"
                        + " engine counts them with the base's ramp_up_months and attrition_per_year); distribution and cv FROM BASE",
                ReferenceFiles.CGVS_DECISIONS, dw.label(), staff.label(), fmt(service, 2), fmt(dpf, 3), fmt(perMonth, 1), fmt(officers, 2),
                fmt(fte, 2), fteSource)));
        fitProductivity(dw, dpf, officersByMonth);
    }

    /** The productive officers of each period of the window ({@link Staffing}, everyone in post at its start experienced). */
    private double[] officersInWindow(List<Period> periods, double[] fteByPeriod) {
        YearMonth first = periods.get(0).from();
        int months = (int) ChronoUnit.MONTHS.between(first, periods.get(periods.size() - 1).to()) + 1;
        TreeMap<LocalDate, Double> plan = new TreeMap<>();
        for (int i = 0; i < periods.size(); i++) {
            plan.put(periods.get(i).from().atDay(1), fteByPeriod[i]);
        }
        int[] byMonth = Staffing.officers(base.cgvs().withFte(new Schedule(plan)), first.atDay(1), months);
        double[] out = new double[periods.size()];
        for (int i = 0; i < periods.size(); i++) {
            int from = (int) ChronoUnit.MONTHS.between(first, periods.get(i).from());
            int to = (int) ChronoUnit.MONTHS.between(first, periods.get(i).to());
            out[i] = Arrays.stream(byMonth, from, to + 1).average().orElseThrow();
        }
        return out;
    }

    /** FTE at the middle of each month: linear between published stocks, constant beyond the last one; which was used. */
    private String fteInWindow(List<Period> months, double[] out) {
        NavigableMap<LocalDate, Double> stocks = staff.stocks().headMap(through.atEndOfMonth(), true);
        boolean interpolated = false;
        boolean extrapolated = false;
        boolean fromBase = false;
        List<LocalDate> used = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            Period p = months.get(i);
            LocalDate mid = p.from().atDay(1).plusDays(ChronoUnit.DAYS.between(p.from().atDay(1), p.to().atEndOfMonth()) / 2);
            Map.Entry<LocalDate, Double> lo = stocks.floorEntry(mid);
            Map.Entry<LocalDate, Double> hi = stocks.ceilingEntry(mid);
            if (lo != null && hi != null && !lo.getKey().equals(hi.getKey())) {
                double t = ChronoUnit.DAYS.between(lo.getKey(), mid) / (double) ChronoUnit.DAYS.between(lo.getKey(), hi.getKey());
                out[i] = lo.getValue() + t * (hi.getValue() - lo.getValue());
                interpolated = true;
                addOnce(used, lo.getKey());
                addOnce(used, hi.getKey());
            } else if (lo != null || hi != null) {
                Map.Entry<LocalDate, Double> e = lo != null ? lo : hi;
                out[i] = e.getValue();
                extrapolated = !e.getKey().equals(mid);
                addOnce(used, e.getKey());
            } else {
                out[i] = base.cgvs().fte().on(mid);
                fromBase = true;
            }
        }
        if (fromBase) {
            notes.add("no published FTE on or before " + through + ": productivity uses the base scenario's cgvs.fte (ASSUMPTION)");
            return "FTE FROM BASE";
        }
        String stocksText = used.stream().map(d -> d + " " + fmt(staff.stocks().get(d), 2)).reduce((a, b) -> a + ", " + b).orElse("");
        if (extrapolated && !interpolated) {
            notes.add("FTE in the window held constant at the nearest published stock (" + stocksText + "): ASSUMPTION");
        }
        return (interpolated ? "linear between the stocks " : "the stock ") + stocksText + (extrapolated && interpolated ? ", constant beyond" : "");
    }

    private static void addOnce(List<LocalDate> l, LocalDate d) {
        if (!l.contains(d)) {
            l.add(d);
        }
    }

    private void fitProductivity(DecisionWindow dw, double dpf, double[] officersByMonth) {
        List<Fit.Point> pts = new ArrayList<>();
        for (int i = 0; i < dw.months().size(); i++) {
            Period p = dw.months().get(i);
            pts.add(new Fit.Point(p.label(), dw.get(p, "dossiers", ReferenceData.TOTAL), dpf * officersByMonth[i] * p.length()));
        }
        fits.add(new Fit("CGVS decisions per month (dossiers, interim included)", ReferenceFiles.CGVS_DECISIONS + " " + dw.label(),
                fmt(dpf, 3) + " decisions per productive officer-month × productive officers of the month", Fit.Measure.MAPE, pts));
    }

    /** cgvs.fte: the latest published stock up to --through (and, with inputs, the later ones, linear month by month). */
    void fteSetting(LocalDate start, int horizon) {
        Map.Entry<LocalDate, Double> last = staff.stocks().floorEntry(through.atEndOfMonth());
        if (last == null) {
            notes.add("no published FTE on or before " + through + ": cgvs.fte FROM BASE");
            return;
        }
        ArrayNode steps = JSON.arrayNode();
        steps.add(step(last.getKey(), last.getValue()));
        String comment = "CALIBRATED from " + staff.label() + " " + last.getKey() + ": " + fmt(last.getValue(), 2) + " FTE (ASSUMPTION: constant after)";
        if (options.withInputs()) {
            LocalDate end = start.plusMonths(horizon);
            Map.Entry<LocalDate, Double> next = staff.stocks().higherEntry(last.getKey());
            if (next != null) {
                List<String> later = new ArrayList<>();
                Map.Entry<LocalDate, Double> lo = last;
                for (Map.Entry<LocalDate, Double> hi : staff.stocks().tailMap(last.getKey(), false).entrySet()) {
                    for (LocalDate d = lo.getKey().withDayOfMonth(1).plusMonths(1); d.isBefore(hi.getKey()) && d.isBefore(end); d = d.plusMonths(1)) {
                        double t = ChronoUnit.DAYS.between(lo.getKey(), d) / (double) ChronoUnit.DAYS.between(lo.getKey(), hi.getKey());
                        steps.add(step(d, lo.getValue() + t * (hi.getValue() - lo.getValue())));
                    }
                    if (hi.getKey().isBefore(end)) {
                        steps.add(step(hi.getKey(), hi.getValue()));
                    }
                    later.add(hi.getKey() + " " + fmt(hi.getValue(), 2));
                    lo = hi;
                    if (!hi.getKey().isBefore(end)) {
                        break;
                    }
                }
                comment = "CALIBRATED from " + staff.label() + " " + last.getKey() + ": " + fmt(last.getValue(), 2) + " FTE; INPUT (after --through) from "
                        + staff.label() + " " + String.join(", ", later) + "; ASSUMPTION: linear month by month in between, constant after";
            }
        }
        settings.add(new Setting("cgvs.fte", steps, comment));
    }

    private static ObjectNode step(LocalDate from, double value) {
        ObjectNode s = JSON.objectNode();
        s.put("from", from.toString());
        s.put("value", round(value, 2));
        return s;
    }

    /** {@code initial.cgvs_workload_dossiers} and {@code normal_workload_dossiers}: the latest stocks up to --through. */
    void workload(LocalDate start) {
        Workload wl = latestWorkload("workload_total");
        Workload normal = latestWorkload("normal_workload");
        if (wl != null) {
            workload = wl.value().intValueExact();
            long gap = ChronoUnit.DAYS.between(wl.date(), start.minusDays(1));
            settings.add(new Setting("initial.cgvs_workload_dossiers", JSON.numberNode(workload), "CALIBRATED from " + ReferenceFiles.CGVS_WORKLOAD
                    + " " + wl.date() + ": " + workload + (gap > 0 ? " (the latest stock, " + gap + " day(s) before the start: ASSUMPTION unchanged since)" : "")));
        }
        if (normal != null) {
            settings.add(new Setting("normal_workload_dossiers", JSON.numberNode(normal.value().intValueExact()), "CALIBRATED from "
                    + ReferenceFiles.CGVS_WORKLOAD + " " + normal.date() + ": " + normal.value().intValueExact()));
        }
        workloadDate = wl == null ? null : wl.date();
        normalWorkload = normal == null ? null : normal.value().intValueExact();
    }

    private Workload latestWorkload(String measure) {
        return ref.workload().stream().filter(w -> w.measure().equals(measure) && w.unit().equals("dossiers")
                && !w.date().isAfter(through.atEndOfMonth())).max(Comparator.comparing(Workload::date)).orElse(null);
    }
}
