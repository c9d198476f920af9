package be.keten.sim;

import be.keten.core.procedure.DecisionType;
import be.keten.core.calendar.Period;
import be.keten.stats.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An output series: its code, unit, how it aggregates over a year and its definition. Every value
 * is read from {@link be.keten.stats.ChainStatistics} or {@link be.keten.stats.ReceptionNeeds} (or,
 * for capacity, the scenario's network); none is computed here. Documented in docs/simulation.md.
 */
public record Indicator(String code, String unit, Kind kind, String definition) {
    /** FLOW: summed over the period; STOCK: at the period's last day; RATE: over the period. */
    public enum Kind { FLOW, STOCK, RATE }

    public static final String PERSONS = Unit.PERSONS.code();
    public static final String DOSSIERS = Unit.DOSSIERS.code();

    /** All indicators, in output order. */
    public static List<Indicator> all() {
        List<Indicator> out = new ArrayList<>();
        out.add(new Indicator("applications", PERSONS, Kind.FLOW, "persons registered by DVZ (all application types, pathway channels included)"));
        for (String u : List.of(PERSONS, DOSSIERS)) {
            out.add(new Indicator("cgvs_decisions", u, Kind.FLOW, "CGVS decisions, interim and status-ending included"));
        }
        for (DecisionType t : DecisionType.values()) {
            for (String u : List.of(PERSONS, DOSSIERS)) {
                out.add(new Indicator("cgvs_decisions_" + t.code(), u, Kind.FLOW, "CGVS decisions of type " + t.code()));
            }
        }
        out.add(new Indicator("protection_rate", DOSSIERS, Kind.RATE, "refugee status + subsidiary protection over final decisions (official, dossiers)"));
        for (String u : List.of(PERSONS, DOSSIERS)) {
            out.add(new Indicator("cgvs_workload", u, Kind.STOCK, "files pending at the CGVS (suspended included by default)"));
        }
        out.add(new Indicator("cgvs_backlog", DOSSIERS, Kind.STOCK, "workload minus the normal workload"));
        for (String u : List.of(PERSONS, DOSSIERS)) {
            out.add(new Indicator("rvv_appeals", u, Kind.FLOW, "appeals lodged at the RvV"));
        }
        out.add(new Indicator("rvv_judgments", DOSSIERS, Kind.FLOW, "RvV judgments, all outcomes"));
        for (String u : List.of(PERSONS, DOSSIERS)) {
            out.add(new Indicator("rvv_pending", u, Kind.STOCK, "appeals pending at the RvV"));
        }
        out.add(new Indicator("reception_capacity", "places", Kind.STOCK, "places of the network usable that day"));
        out.add(new Indicator("reception_occupancy", PERSONS, Kind.STOCK, "persons placed in a facility"));
        out.add(new Indicator("reception_occupancy_rate", "rate", Kind.RATE, "occupancy over capacity at month end; a year: mean of its months"));
        out.add(new Indicator("reception_in", PERSONS, Kind.FLOW, "persons entering the network (placements)"));
        out.add(new Indicator("reception_out", PERSONS, Kind.FLOW, "persons leaving the network, every reason"));
        out.add(new Indicator("waiting_list", PERSONS, Kind.STOCK, "entitled persons on the waiting list"));
        out.add(new Indicator("waiting_time_mean_days", "days", Kind.RATE, "mean days on the waiting list of persons placed from it in the period"));
        out.add(new Indicator("entitled_not_accommodated", PERSONS, Kind.STOCK, "entitled persons in procedure without a place"));
        out.add(new Indicator("required_capacity", "places", Kind.STOCK,
                "places that would have kept the waiting list at zero at the saturation threshold: ceil((occupancy + waiting) / threshold)"));
        return out;
    }

    public String key() {
        return code + "|" + unit;
    }

    /** The index in {@link #all()} of the indicator with this {@link #key()} ({@code code|unit}); -1 when there is none. */
    public static int indexOf(String key) {
        List<Indicator> all = all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of each indicator's key in {@link #all()}. */
    static Map<String, Integer> index(List<Indicator> all) {
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            m.put(all.get(i).key(), i);
        }
        return m;
    }

    /** The indicator's value for a period of a replication; NaN when undefined (a rate without a denominator). */
    public double value(Engine.Result r, Scenario sc, Period p) {
        var st = r.statistics();
        var needs = r.needs();
        Unit u = unit.equals(PERSONS) ? Unit.PERSONS : Unit.DOSSIERS;
        java.time.LocalDate last = p.lastDay();
        switch (code) {
            case "applications":
                return st.applicationsTotal(p);
            case "cgvs_decisions":
                return st.decisions(p, u).all();
            case "protection_rate":
                return st.decisions(p, Unit.DOSSIERS).protectionRate();
            case "cgvs_workload":
                return st.workload(last, u);
            case "cgvs_backlog":
                return st.realBacklog(last).isPresent() ? st.realBacklog(last).getAsLong() : Double.NaN;
            case "rvv_appeals":
                return st.appealsLodged(p, u, null);
            case "rvv_judgments":
                return st.judgments(p, null).values().stream().mapToLong(Long::longValue).sum();
            case "rvv_pending":
                return st.rvvPending(last, u);
            case "reception_capacity":
                return sc.reception().network().capacityOn(last);
            case "reception_occupancy":
                return st.occupancy(last);
            case "reception_occupancy_rate": {
                double sum = 0;
                for (var m : p.months()) {
                    int cap = sc.reception().network().capacityOn(m.atEndOfMonth());
                    sum += cap == 0 ? Double.NaN : st.occupancy(m.atEndOfMonth()) / (double) cap;
                }
                return sum / p.months().size();
            }
            case "reception_in":
                return st.receptionIn(p);
            case "reception_out":
                return st.receptionOut(p).values().stream().mapToLong(Long::longValue).sum();
            case "waiting_list":
                return st.waitingList(last);
            case "waiting_time_mean_days":
                return needs.meanWaitingDays(p).orElse(Double.NaN);
            case "entitled_not_accommodated":
                return needs.entitledNotAccommodated(last);
            case "required_capacity":
                return be.keten.stats.ReceptionNeeds.requiredCapacity(st.occupancy(last), st.waitingList(last),
                        sc.policies().receptionPriority(last).saturationThreshold());
            default:
                if (code.startsWith("cgvs_decisions_")) {
                    return st.decisions(p, u).count(DecisionType.ofCode(code.substring("cgvs_decisions_".length())));
                }
                throw new IllegalStateException("no definition for indicator " + code);
        }
    }
}
