package be.keten.sim;

import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.policy.PolicyBook;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.Track;
import be.keten.core.reception.Network;
import be.keten.core.reception.PlaceType;
import be.keten.stats.StatisticsParameters;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulation scenario: plain values, read and checked by {@link ScenarioFile} (or filled by a
 * calibrator). Rules are not part of it: the scenario names the policies in force, the rulebook
 * applies them.
 */
public record Scenario(String name, LocalDate start, int horizonMonths, Initial initial, Inflow inflow, List<Pathway> pathways,
                       Dvz dvz, Cgvs cgvs, Rvv rvv, Reception reception, PolicyBook policies, StatisticsParameters statistics) {

    public YearMonth firstMonth() {
        return YearMonth.from(start);
    }

    public YearMonth lastMonth() {
        return firstMonth().plusMonths(horizonMonths - 1L);
    }

    public LocalDate end() {
        return lastMonth().atEndOfMonth();
    }

    /** The same scenario with other start stocks. */
    public Scenario withInitial(Initial other) {
        return new Scenario(name, start, horizonMonths, other, inflow, pathways, dvz, cgvs, rvv, reception, policies, statistics);
    }

    /** The pathway channel whose arrivals apply with {@code type}, if the scenario has one. */
    public Optional<Pathway> pathway(ApplicationType type) {
        for (Pathway p : pathways) {   // a loop: asked for every CGVS decision
            if (p.applicationType() == type) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Stocks at the start date. Occupancy is in persons by place type. */
    public record Initial(int cgvsWorkloadDossiers, int rvvPendingDossiers, Map<PlaceType, Integer> occupancy, int waitingList) {
    }

    /** A temporary change of inflow: {@code factor} times the baseline for {@code months} months from {@code from}. */
    public record Shock(YearMonth from, int months, double factor) {
        boolean covers(YearMonth m) {
            return !m.isBefore(from) && m.isBefore(from.plusMonths(months));
        }
    }

    /**
     * Spontaneous applications (persons per month) and who applies.
     *
     * @param householdSize probability of 1, 2, 3… persons per dossier
     */
    public record Inflow(double personsPerMonth, double[] monthlyFactors, double scale, List<Shock> shocks,
                         Map<Nationality, Double> nationalityMix, Mix<ApplicationType> applicationTypes, double[] householdSize,
                         double unaccompaniedMinorShare, double maleShareSingle, double protectedInOtherEuShare, double languageRoleFrShare) {

        /**
         * Applications of month {@code m} before the scale knob and the shocks: the level and its season. The months
         * before the start (the DVZ's pipeline) had this inflow, whatever a what-if does to the months ahead.
         */
        public double baselinePersons(YearMonth m) {
            return personsPerMonth * monthlyFactors[m.getMonthValue() - 1];
        }

        /** Expected persons applying in month {@code m}: the baseline, scaled, with the shocks that cover it. */
        public double persons(YearMonth m) {
            double f = baselinePersons(m) * scale;
            for (Shock s : shocks) {
                if (s.covers(m)) {
                    f *= s.factor();
                }
            }
            return f;
        }

        public double meanHouseholdSize() {
            double m = 0;
            for (int i = 0; i < householdSize.length; i++) {
                m += (i + 1) * householdSize[i];
            }
            return m;
        }
    }

    /**
     * Arrivals through a legal pathway (resettlement, relocation, humanitarian corridor, other
     * admission), each its own channel: arrival through the channel, then an application of the
     * type that requires that channel ({@link ApplicationType#requiredPathway()}).
     */
    public record Pathway(PathwayChannel channel, double personsPerMonth, Nationality nationality, Nationality firstCountryOfAsylum,
                          Mix<DecisionType> decisionMix) {

        /** The application type registered after an arrival through this channel. */
        public ApplicationType applicationType() {
            return applicationTypeOf(channel);
        }

        static ApplicationType applicationTypeOf(PathwayChannel channel) {
            ApplicationType t = ApplicationType.following(channel);
            if (t == null) {
                throw new IllegalArgumentException("no application type follows an arrival through " + channel);
            }
            return t;
        }
    }

    public record Dvz(Distribution registrationToTransfer, double dublinShare) {
    }

    /**
     * The CGVS: officers (FTE over time), each handling one dossier at a time.
     *
     * @param serviceTime                      days an officer spends per decision; its mean sets productivity (30.44 / mean
     *                                         decisions per productive officer-month, officers counted by {@link Staffing})
     * @param subsequentAdmissibilityPriority  a subsequent application waiting for its admissibility decision is served with the
     *                                         fast-track files, ahead of the ordinary queue
     */
    public record Cgvs(Schedule fte, Distribution serviceTime, int rampUpMonths, double attritionPerYear, Schedule efficiency,
                       boolean fastTrackPriority, boolean subsequentAdmissibilityPriority, Mix<DecisionType> decisionMix,
                       Map<Nationality, Mix<DecisionType>> byNationality, Map<Track, Mix<DecisionType>> byTrack, double subsequentAdmissibleShare,
                       int notificationDays) {

        /** The same CGVS with another FTE plan. */
        public Cgvs withFte(Schedule plan) {
            return new Cgvs(plan, serviceTime, rampUpMonths, attritionPerYear, efficiency, fastTrackPriority, subsequentAdmissibilityPriority,
                    decisionMix, byNationality, byTrack, subsequentAdmissibleShare, notificationDays);
        }

        public Mix<DecisionType> mix(Nationality n, Track t) {
            if (t != null && byTrack.containsKey(t)) {
                return byTrack.get(t);
            }
            return byNationality.getOrDefault(n, decisionMix);
        }
    }

    public record Rvv(Map<DecisionType, Double> appealProbability, Schedule judges, Distribution serviceTime,
                      Map<LanguageRole, Mix<JudgmentOutcome>> outcomes, int lodgingDays) {
        public double appeal(DecisionType t) {
            return appealProbability.getOrDefault(t, 0.0);
        }
    }

    /**
     * @param allocationIntervalDays days between allocation rounds (1 = daily)
     * @param requestShare           share of entitled applicants who ask for a place
     */
    public record Reception(Network network, int allocationIntervalDays, int firstPhaseDays, double requestShare,
                            double subsequentEntitledShare, double exitDelayPositiveDays, double exitDelayNegativeDays,
                            double voluntaryDeparturePerMonth, double waitingDropoutPerMonth) {
    }
}
