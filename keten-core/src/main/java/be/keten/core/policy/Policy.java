package be.keten.core.policy;

import be.keten.core.person.Nationality;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.Track;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A dated rule of the chain, as data. The rulebook asks the {@link PolicyBook} which policies are
 * in force on a date instead of testing dates in code. {@code source} cites the document, or says
 * "to be confirmed" where the norm is not from the source documents.
 */
public sealed interface Policy {
    String id();

    Validity validity();

    String source();

    /** One line for {@code keten policy list}. */
    String summary();

    private static void check(String id, Validity validity, String source) {
        if (id == null || !id.matches("[A-Z0-9_]{2,60}")) {
            throw new IllegalArgumentException("policy id '" + id + "' must be 2 to 60 upper-case letters, digits or '_'");
        }
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(source, "source");
    }

    /** The list of safe countries of origin in force. */
    record SafeCountries(String id, Validity validity, Set<Nationality> countries, String source) implements Policy {
        public SafeCountries {
            check(id, validity, source);
            countries = Set.copyOf(countries);
        }

        @Override
        public String summary() {
            return "safe countries of origin: " + new TreeSet<>(countries);
        }
    }

    /**
     * Which files may enter a fast track: the safe countries of origin in force ({@code safeCountries}),
     * or the listed nationalities, optionally only applicants already protected in another EU state.
     */
    record FastTrack(String id, Validity validity, Track track, boolean safeCountries, Set<Nationality> nationalities,
                     boolean onlyProtectedInOtherEuState, String source) implements Policy {
        public FastTrack {
            check(id, validity, source);
            Objects.requireNonNull(track, "track");
            if (!track.isFastTrack()) {
                throw new IllegalArgumentException("policy " + id + ": track " + track + " is not a fast track");
            }
            nationalities = Set.copyOf(nationalities);
        }

        @Override
        public String summary() {
            return "fast track " + track + " (" + track.deadlineWorkingDays() + " working days from transfer) for "
                    + (safeCountries ? "safe countries of origin" : new TreeSet<>(nationalities).toString())
                    + (onlyProtectedInOtherEuState ? ", only applicants protected in another EU state" : "");
        }
    }

    enum SuspensionScope { PROCESSING, NOTIFICATION }

    /**
     * A freeze for one nationality: of all processing (interviews and decisions), or of the
     * notification of the listed decision types (GUIDE §4.3).
     */
    record Suspension(String id, Validity validity, Nationality nationality, SuspensionScope scope, Set<DecisionType> decisionTypes,
                      boolean exemptProtectedInOtherEuState, String source) implements Policy {
        public Suspension {
            check(id, validity, source);
            Objects.requireNonNull(nationality, "nationality");
            Objects.requireNonNull(scope, "scope");
            decisionTypes = Set.copyOf(decisionTypes);
            if (scope == SuspensionScope.NOTIFICATION && decisionTypes.isEmpty()) {
                throw new IllegalArgumentException("policy " + id + ": a notification suspension must list its decision types");
            }
        }

        @Override
        public String summary() {
            return (scope == SuspensionScope.PROCESSING ? "processing suspended" : "notification of " + decisionTypes + " suspended")
                    + " for " + nationality + (exemptProtectedInOtherEuState ? ", except applicants protected in another EU state" : "");
        }
    }

    enum Entitlement { AUTOMATIC, CASE_BY_CASE }

    /** Right to material aid by application type (GUIDE §6.1). */
    record ReceptionEntitlement(String id, Validity validity, ApplicationType applicationType, Entitlement entitlement, String source)
            implements Policy {
        public ReceptionEntitlement {
            check(id, validity, source);
            Objects.requireNonNull(applicationType, "applicationType");
            Objects.requireNonNull(entitlement, "entitlement");
        }

        @Override
        public String summary() {
            return "reception for " + applicationType + " applications: " + (entitlement == Entitlement.AUTOMATIC
                    ? "entitled" : "no automatic right, decided case by case");
        }
    }

    enum ExitBasis { ORDER_TO_LEAVE_EXPIRY, FINAL_NEGATIVE_DECISION }

    /** When material aid ends after a negative outcome: {@code days} after the basis date (GUIDE §6.5). */
    record NegativeExit(String id, Validity validity, ExitBasis basis, int days, String source) implements Policy {
        public NegativeExit {
            check(id, validity, source);
            Objects.requireNonNull(basis, "basis");
            if (days < 0) {
                throw new IllegalArgumentException("policy " + id + ": days must be 0 or more");
            }
        }

        @Override
        public String summary() {
            return "reception ends " + days + " days after " + (basis == ExitBasis.ORDER_TO_LEAVE_EXPIRY
                    ? "the expiry of the order to leave" : "the final negative decision");
        }
    }

    /** Months a status holder may stay in reception after protection is granted (GUIDE §6.5). */
    record Transition(String id, Validity validity, int months, String source) implements Policy {
        public Transition {
            check(id, validity, source);
            if (months < 0 || months > 24) {
                throw new IllegalArgumentException("policy " + id + ": months must be within 0..24");
            }
        }

        @Override
        public String summary() {
            return "transition period for status holders: " + months + " months";
        }
    }

    /** Appeal and cassation periods in calendar days from notification or judgment (GUIDE §3.4). */
    record AppealPeriods(String id, Validity validity, int normalDays, int acceleratedDays, int cassationDays,
                         boolean subsidiaryHolderMayAppeal, String source) implements Policy {
        public AppealPeriods {
            check(id, validity, source);
            if (normalDays <= 0 || acceleratedDays <= 0 || cassationDays <= 0) {
                throw new IllegalArgumentException("policy " + id + ": periods must be positive");
            }
        }

        @Override
        public String summary() {
            return "appeal within " + normalDays + " days (" + acceleratedDays + " for accelerated, inadmissibility and subsequent"
                    + " decisions); cassation within " + cassationDays + " days; subsidiary-protection holders "
                    + (subsidiaryHolderMayAppeal ? "may" : "may not") + " appeal";
        }
    }

    /**
     * Decision types that need a personal interview first. Inadmissibility needs one only for
     * applicants protected in another EU state (seed 004 Box 3); applications of the exempt types
     * were heard before arrival (resettlement selection missions).
     */
    record InterviewRequirement(String id, Validity validity, Set<DecisionType> decisionTypes, boolean inadmissibleProtectedElsewhere,
                                Set<ApplicationType> exemptApplicationTypes, String source) implements Policy {
        public InterviewRequirement {
            check(id, validity, source);
            decisionTypes = Set.copyOf(decisionTypes);
            exemptApplicationTypes = Set.copyOf(exemptApplicationTypes);
        }

        @Override
        public String summary() {
            return "interview required before " + new TreeSet<>(decisionTypes)
                    + (inadmissibleProtectedElsewhere ? " and before inadmissibility of applicants protected elsewhere" : "")
                    + (exemptApplicationTypes.isEmpty() ? "" : "; not for " + new TreeSet<>(exemptApplicationTypes));
        }
    }

    /**
     * Reception under saturation (GUIDE §6.1, §5.4): the occupancy rate at which priority rules
     * apply, whether non-vulnerable single men go on a waiting list, and the ages exempted from it.
     */
    record ReceptionPriority(String id, Validity validity, double saturationThreshold, boolean singleMenWaitingList,
                             int exemptAgeFrom, int exemptAgeTo, String source) implements Policy {
        public ReceptionPriority {
            check(id, validity, source);
            if (!(saturationThreshold > 0 && saturationThreshold <= 1)) {
                throw new IllegalArgumentException("policy " + id + ": saturationThreshold must be in (0, 1]");
            }
            if (exemptAgeFrom > exemptAgeTo) {
                throw new IllegalArgumentException("policy " + id + ": exemptAgeFrom > exemptAgeTo");
            }
        }

        @Override
        public String summary() {
            return "saturation at " + Math.round(saturationThreshold * 100) + "% occupancy; "
                    + (singleMenWaitingList ? "non-vulnerable single men on the waiting list"
                    + (exemptAgeTo > 0 ? " except ages " + exemptAgeFrom + "–" + exemptAgeTo : "") : "no waiting list for single men");
        }
    }
}
