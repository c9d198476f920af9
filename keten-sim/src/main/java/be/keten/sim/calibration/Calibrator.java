package be.keten.sim.calibration;

import be.keten.core.person.Nationality;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.io.reference.ReferenceData;
import be.keten.sim.Mix;
import be.keten.sim.Scenario;
import be.keten.stats.publication.DecisionRow;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Estimates a scenario's parameters from published figures (issue 4 §4), using only figures dated on
 * or before {@code --through}: a figure for a period counts when the period ends on or before that
 * month, a stock when its date is on or before the month's last day. What the figures do not give is
 * taken from a base scenario. Every estimate is a {@link Setting} (YAML key path, value, a comment
 * naming file, period and value) and every estimated series has a {@link Fit}. See docs/simulation.md,
 * "Calibration", for the method of each estimate. The steps run in {@link CalibrationRun}, one class per group
 * of keys.
 */
public final class Calibrator {
    /** A nationality gets its own decision mix when the by-nationality table has at least this many final decisions (persons). */
    public static final int MIN_NATIONALITY_FINAL_PERSONS = 500;
    /** Mean days in a month: service time = 30.44 / decisions per productive officer-month (docs/simulation.md, {@code cgvs.service_time}). */
    public static final double DAYS_PER_MONTH = 30.44;

    /**
     * @param through       last month whose figures may be used
     * @param withInputs    also put figures dated after {@code through} that are scenario <em>inputs</em> (applications and
     *                      FTE of the simulated year) into the scenario; they are never used for an estimate
     * @param horizonMonths months to simulate; null keeps the base scenario's
     * @param name          scenario name; null gives {@code calibrated-through-YYYY-MM}
     */
    public record Options(YearMonth through, boolean withInputs, Integer horizonMonths, String name) {
        public Options(YearMonth through) {
            this(through, false, null, null);
        }
    }

    /** A key of the scenario file set by the calibration, with its comment; {@code children} comment the entries of a mapping. */
    public record Setting(String path, JsonNode value, String comment, Map<String, String> children) {
        Setting(String path, JsonNode value, String comment) {
            this(path, value, comment, Map.of());
        }
    }

    /** The estimates, unrounded (the written file rounds shares to 4 decimals). Null where the figures give nothing. */
    public record Estimates(Double applicationsPerMonth, Double resettlementPerMonth, Double personsPerMonth, double[] monthlyFactors,
                            Map<Nationality, Double> nationalityMix, Map<ApplicationType, Double> applicationTypes,
                            Map<DecisionRow, Double> publishedDecisionShares, Mix<DecisionType> overallDecisionMix, Mix<DecisionType> decisionMix,
                            Map<Nationality, Mix<DecisionType>> decisionMixByNationality, Double subsequentAdmissibleShare,
                            Double personsPerDossier, double[] householdSize, Double decisionsPerMonth, Double fte,
                            Double productiveOfficers, Double decisionsPerOfficerMonth, Double serviceTimeMeanDays, Integer cgvsWorkloadDossiers,
                            LocalDate workloadDate, Integer normalWorkloadDossiers) {
    }

    /** The result: estimates, the settings to write, the fit per series and the assumptions made on the way. */
    public record Calibration(Options options, LocalDate start, Estimates estimates, List<Setting> settings, List<Fit> fits,
                              List<String> notes) {
        /** The fit report printed by {@code keten calibrate}. */
        public String report() {
            StringBuilder b = new StringBuilder();
            b.append("Fit per series (published figures up to ").append(options.through()).append(" vs the calibrated model)\n\n");
            for (Fit f : fits) {
                b.append(f.render()).append('\n');
            }
            if (!notes.isEmpty()) {
                b.append("Assumptions and notes\n");
                for (String n : notes) {
                    b.append("  - ").append(n).append('\n');
                }
            }
            return b.toString();
        }
    }

    private Calibrator() {
    }

    public static Calibration calibrate(ReferenceData ref, StaffFigures staff, Scenario base, Options options) {
        return new CalibrationRun(ref, staff, base, options).run();
    }
}
