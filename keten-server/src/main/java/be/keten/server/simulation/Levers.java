package be.keten.server.simulation;

import be.keten.core.policy.Policy;
import be.keten.core.reception.CapacityPeriod;
import be.keten.core.reception.Facility;
import be.keten.core.reception.LanguageRegion;
import be.keten.core.reception.Network;
import be.keten.core.reception.Operator;
import be.keten.core.reception.PlaceType;
import be.keten.io.policy.PolicyFile;
import be.keten.io.policy.PolicyFileException;
import be.keten.sim.Scenario;
import be.keten.sim.Schedule;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The main levers of the what-if page, applied to a scenario read from its file. Each lever changes
 * exactly one part of the scenario and leaves everything else as it was:
 *
 * @param inflowScale    multiplies the scenario's inflow scale (1 = unchanged)
 * @param officersFte    protection officers (FTE) at the start date; the whole FTE schedule is shifted
 *                       by the difference with the scenario's own value at the start (null = unchanged)
 * @param extraPlaces    regular reception places added from the start date (0 = none)
 * @param extraPlaceType the place type of the extra and buffer places
 * @param bufferPlaces   buffer places added and switched on from the start date (0 = none)
 * @param policyFiles    policy YAML files added to the scenario's policies (an id equal to one in force replaces it)
 * @param horizonMonths  months simulated (null = the scenario's horizon)
 */
public record Levers(double inflowScale, Double officersFte, int extraPlaces, PlaceType extraPlaceType, int bufferPlaces,
                     List<Path> policyFiles, Integer horizonMonths) {
    /** Ids of the facilities the levers add to the network. */
    public static final String EXTRA_FACILITY = "F-WHATIF-EXTRA";
    public static final String BUFFER_FACILITY = "F-WHATIF-BUFFER";

    public Levers {
        if (Double.isNaN(inflowScale) || inflowScale < 0 || inflowScale > 100) {
            throw new IllegalArgumentException("inflow scale " + inflowScale + " is not allowed: 0 to 100");
        }
        if (officersFte != null && (officersFte.isNaN() || officersFte < 0 || officersFte > 10_000)) {
            throw new IllegalArgumentException("protection officers " + officersFte + " FTE is not allowed: 0 to 10000");
        }
        if (extraPlaces < 0 || extraPlaces > 100_000 || bufferPlaces < 0 || bufferPlaces > 100_000) {
            throw new IllegalArgumentException("extra and buffer places: 0 to 100000");
        }
        if (horizonMonths != null && (horizonMonths < 1 || horizonMonths > 240)) {
            throw new IllegalArgumentException("horizon " + horizonMonths + " months is not allowed: 1 to 240");
        }
        extraPlaceType = extraPlaceType == null ? PlaceType.COLLECTIVE : extraPlaceType;
        policyFiles = policyFiles == null ? List.of() : List.copyOf(policyFiles);
    }

    /** Levers that change nothing. */
    public static Levers none() {
        return new Levers(1.0, null, 0, PlaceType.COLLECTIVE, 0, List.of(), null);
    }

    /**
     * The scenario with the levers applied.
     *
     * @throws IllegalArgumentException when a policy file cannot be read
     */
    public Scenario apply(Scenario s) {
        Scenario.Inflow in = s.inflow();
        Scenario.Inflow inflow = inflowScale == 1.0 ? in : new Scenario.Inflow(in.personsPerMonth(), in.monthlyFactors(), in.scale() * inflowScale,
                in.shocks(), in.nationalityMix(), in.applicationTypes(), in.householdSize(), in.unaccompaniedMinorShare(), in.maleShareSingle(),
                in.protectedInOtherEuShare(), in.languageRoleFrShare());

        Scenario.Cgvs c = s.cgvs();
        Scenario.Cgvs cgvs = c;
        if (officersFte != null) {
            double delta = officersFte - c.fte().on(s.start());
            Map<LocalDate, Double> steps = new TreeMap<>();
            c.fte().steps().forEach((day, v) -> steps.put(day, Math.max(0, v + delta)));
            cgvs = c.withFte(new Schedule(new TreeMap<>(steps)));
        }

        Scenario.Reception r = s.reception();
        Scenario.Reception reception = r;
        if (extraPlaces > 0 || bufferPlaces > 0) {
            List<Facility> facilities = new ArrayList<>(r.network().facilities());
            if (extraPlaces > 0) {
                facilities.add(new Facility(EXTRA_FACILITY, "what-if: extra places", Operator.FEDASIL, extraPlaceType, LanguageRegion.BRUSSELS,
                        List.of(new CapacityPeriod(s.start(), null, extraPlaces, CapacityPeriod.Kind.REGULAR, null))));
            }
            if (bufferPlaces > 0) {
                facilities.add(new Facility(BUFFER_FACILITY, "what-if: buffer places", Operator.FEDASIL, extraPlaceType, LanguageRegion.BRUSSELS,
                        List.of(new CapacityPeriod(s.start(), null, bufferPlaces, CapacityPeriod.Kind.BUFFER, s.start()))));
            }
            reception = new Scenario.Reception(new Network(facilities), r.allocationIntervalDays(), r.firstPhaseDays(), r.requestShare(),
                    r.subsequentEntitledShare(), r.exitDelayPositiveDays(), r.exitDelayNegativeDays(), r.voluntaryDeparturePerMonth(),
                    r.waitingDropoutPerMonth());
        }

        var policies = s.policies();
        if (!policyFiles.isEmpty()) {
            List<Policy> extra = new ArrayList<>();
            for (Path p : policyFiles) {
                try {
                    extra.addAll(PolicyFile.read(p));
                } catch (PolicyFileException e) {
                    throw new IllegalArgumentException("policy file " + p.getFileName() + ": " + e.getMessage(), e);
                }
            }
            policies = policies.with(extra);
        }
        int horizon = horizonMonths == null ? s.horizonMonths() : horizonMonths;
        return new Scenario(s.name(), s.start(), horizon, s.initial(), inflow, s.pathways(), s.dvz(), cgvs, s.rvv(), reception, policies,
                s.statistics());
    }
}
