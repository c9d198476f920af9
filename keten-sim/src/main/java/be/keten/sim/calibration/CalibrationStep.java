package be.keten.sim.calibration;

import be.keten.core.calendar.Period;
import be.keten.core.person.Nationality;
import be.keten.core.procedure.DecisionType;
import be.keten.io.reference.ReferenceData;
import be.keten.sim.Mix;
import be.keten.sim.Scenario;
import be.keten.sim.calibration.Calibrator.Options;
import be.keten.sim.calibration.Calibrator.Setting;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What every step of one calibration shares: what it reads (the reference figures, of which only those dated up to
 * --through may be used, the staff figures, the base scenario) and what it writes (settings, fits and notes, kept in
 * the order they are made, which is the order of the written file and of the report), with the rounding and
 * formatting of values and comments. Each step extends it so that its code reads the shared state by name.
 */
abstract class CalibrationStep {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final ReferenceData ref;
    final StaffFigures staff;
    final Scenario base;
    final Options options;
    final YearMonth through;
    final List<Setting> settings;
    final List<Fit> fits;
    final List<String> notes;

    /** The first step of a calibration: nothing written yet. */
    CalibrationStep(ReferenceData ref, StaffFigures staff, Scenario base, Options options) {
        this.ref = ref;
        this.staff = staff;
        this.base = base;
        this.options = options;
        this.through = options.through();
        this.settings = new ArrayList<>();
        this.fits = new ArrayList<>();
        this.notes = new ArrayList<>();
    }

    /** A further step of the same calibration as {@code shared}: the same figures, writing after what is already written. */
    CalibrationStep(CalibrationStep shared) {
        this.ref = shared.ref;
        this.staff = shared.staff;
        this.base = shared.base;
        this.options = shared.options;
        this.through = shared.through;
        this.settings = shared.settings;
        this.fits = shared.fits;
        this.notes = shared.notes;
    }

    /** Whether a figure for period {@code p} may be used: the period ends on or before --through. */
    boolean usable(Period p) {
        return !p.to().isAfter(through);
    }

    /** Replaces the setting of {@code path}, moving it to the end. */
    void replace(String path, JsonNode value, String comment) {
        settings.removeIf(s -> s.path().equals(path));
        settings.add(new Setting(path, value, comment));
    }

    /** Rewrites the setting of {@code path} an earlier step added, in its place. */
    void amend(String path, java.util.function.UnaryOperator<Setting> change) {
        Setting old = settings.stream().filter(x -> x.path().equals(path)).findFirst().orElseThrow();
        settings.set(settings.indexOf(old), change.apply(old));
    }

    /** The last (up to) {@code max} consecutive months of {@code months}, oldest first. */
    static List<YearMonth> lastConsecutive(java.util.NavigableSet<YearMonth> months, int max) {
        List<YearMonth> out = new ArrayList<>();
        if (months.isEmpty()) {
            return out;
        }
        YearMonth m = months.last();
        while (out.size() < max && months.contains(m)) {
            out.add(0, m);
            m = m.minusMonths(1);
        }
        return out;
    }

    // ---- formatting -------------------------------------------------------------------------------

    static String range(List<YearMonth> months) {
        if (months.isEmpty()) {
            return "(none)";
        }
        return months.size() == 1 ? months.get(0).toString() : months.get(0) + "/" + months.get(months.size() - 1);
    }

    static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    static String fmt(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** Shares rounded to 4 decimals that still sum to exactly 1: the remainder goes to the largest. */
    static double[] roundShares(double[] shares) {
        BigDecimal[] r = new BigDecimal[shares.length];
        BigDecimal sum = BigDecimal.ZERO;
        int largest = 0;
        for (int i = 0; i < shares.length; i++) {
            r[i] = BigDecimal.valueOf(shares[i]).setScale(4, RoundingMode.HALF_UP);
            sum = sum.add(r[i]);
            if (shares[i] > shares[largest]) {
                largest = i;
            }
        }
        r[largest] = r[largest].add(BigDecimal.ONE.subtract(sum));
        return Arrays.stream(r).mapToDouble(BigDecimal::doubleValue).toArray();
    }

    static ObjectNode mixNode(Mix<DecisionType> mix) {
        List<DecisionType> keys = new ArrayList<>(mix.shares().keySet());
        double[] r = roundShares(keys.stream().mapToDouble(mix::share).toArray());
        ObjectNode n = JSON.objectNode();
        for (int i = 0; i < keys.size(); i++) {
            if (r[i] > 0) {
                n.put(keys.get(i).code(), r[i]);
            }
        }
        return n;
    }

    static ObjectNode natNode(Map<Nationality, Double> mix) {
        ObjectNode nm = JSON.objectNode();
        List<Nationality> keys = new ArrayList<>(mix.keySet());
        double[] rounded = roundShares(keys.stream().mapToDouble(mix::get).toArray());
        for (int i = 0; i < keys.size(); i++) {
            nm.put(keys.get(i).code(), rounded[i]);
        }
        return nm;
    }

    static String mixText(Mix<DecisionType> mix) {
        return mixNode(mix).toString();
    }
}
