package be.keten.sim.calibration;

import be.keten.core.person.Nationality;
import be.keten.core.procedure.ApplicationType;
import be.keten.io.reference.ReferenceData;
import be.keten.sim.Scenario;
import be.keten.sim.calibration.Calibrator.Calibration;
import be.keten.sim.calibration.Calibrator.Estimates;
import be.keten.sim.calibration.Calibrator.Options;
import be.keten.sim.calibration.Calibrator.Setting;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One calibration, step by step: the order of the steps is the order of the settings in the written file, of the
 * fits in the report and of the notes, so it is kept in this one place.
 */
final class CalibrationRun extends CalibrationStep {
    CalibrationRun(ReferenceData ref, StaffFigures staff, Scenario base, Options options) {
        super(ref, staff, base, options);
    }

    Calibration run() {
        LocalDate start = through.plusMonths(1).atDay(1);
        String name = options.name() != null ? options.name() : "calibrated-through-" + through;
        int horizon = options.horizonMonths() != null ? options.horizonMonths() : base.horizonMonths();
        settings.add(new Setting("name", JSON.textNode(name), "SET by keten calibrate"));
        settings.add(new Setting("start", JSON.textNode(start.toString()), "SET by keten calibrate: the first day after --through " + through));
        settings.add(new Setting("horizon_months", JSON.numberNode(horizon), options.horizonMonths() != null ? "SET by keten calibrate (--horizon-months)"
                : "FROM BASE"));

        // applications: level, seasonality, resettlement, application types
        InflowEstimates inflow = new InflowEstimates(this);
        inflow.estimate();
        Double sigma = inflow.types != null ? inflow.types.get(ApplicationType.SUBSEQUENT)
                : base.inflow().applicationTypes().share(ApplicationType.SUBSEQUENT);

        // nationality mix
        Map<Nationality, Double> natMix = new LinkedHashMap<>();
        new NationalityMix(this).estimate(natMix);

        // decisions, persons per dossier, productivity
        DecisionEstimates decisions = new DecisionEstimates(this);
        DecisionWindow dw = decisions.decisionWindow();
        HouseholdSizes households = new HouseholdSizes(this);
        CgvsCapacity cgvs = new CgvsCapacity(this);
        if (dw != null) {
            decisions.estimate(dw, sigma);
            households.estimate(dw);
            cgvs.productivity(dw);
        } else {
            notes.add("no CGVS decisions up to " + through + ": decision mixes, household size and service time FROM BASE");
        }
        cgvs.fteSetting(start, horizon);

        // workload
        cgvs.workload(start);

        double[] factors = inflow.factors;
        if (options.withInputs()) {
            factors = new InflowInputs(this).inputs(factors, natMix, inflow.persons);
        }
        if (!natMix.isEmpty()) {
            amend("inflow.nationality_mix", old -> new Setting(old.path(), natNode(natMix), old.comment()));
        }
        inflow.writeApplicationTypes();
        Estimates e = new Estimates(inflow.level, inflow.resettlement, inflow.persons, factors, natMix.isEmpty() ? null : natMix, inflow.types,
                decisions.published, decisions.mix, decisions.restMix, decisions.byNat, decisions.admissible, households.ppd, households.household,
                cgvs.perMonth, cgvs.fte, cgvs.officers, cgvs.dpf, cgvs.service, cgvs.workload, cgvs.workloadDate, cgvs.normalWorkload);
        return new Calibration(options, start, e, List.copyOf(settings), List.copyOf(fits), List.copyOf(notes));
    }
}
