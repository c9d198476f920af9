package be.keten.core.policy;

import static java.time.LocalDate.of;

import be.keten.core.person.Nationality;
import be.keten.core.policy.Policy.AppealPeriods;
import be.keten.core.policy.Policy.Entitlement;
import be.keten.core.policy.Policy.ExitBasis;
import be.keten.core.policy.Policy.FastTrack;
import be.keten.core.policy.Policy.InterviewRequirement;
import be.keten.core.policy.Policy.NegativeExit;
import be.keten.core.policy.Policy.ReceptionEntitlement;
import be.keten.core.policy.Policy.ReceptionPriority;
import be.keten.core.policy.Policy.SafeCountries;
import be.keten.core.policy.Policy.Suspension;
import be.keten.core.policy.Policy.SuspensionScope;
import be.keten.core.policy.Policy.Transition;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.Track;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Belgian policies known from the source documents (GUIDE §4 and §6), each with its dates and
 * its source. Where a source gives only a month or a year, the first day is used and the source
 * text says so. Norms not from the sources are marked "to be confirmed"; a policy file can replace
 * any of them by id.
 */
public final class BelgianPolicies {
    static final String TBC = "general legal norm, not from the source documents; to be confirmed";

    private BelgianPolicies() {
    }

    public static PolicyBook book() {
        return new PolicyBook(all());
    }

    public static List<Policy> all() {
        return List.of(
                new SafeCountries("SAFE_COUNTRIES_BEFORE_2024", Validity.between(null, of(2024, 5, 11)),
                        nat("AL", "BA", "IN", "XK", "MK", "ME", "RS"),
                        "the 2024 list without Moldova, which the royal decree of 12 May 2024 added (seed 000 §3); earlier changes not in the sources"),
                new SafeCountries("SAFE_COUNTRIES_2024", Validity.from(of(2024, 5, 12)),
                        nat("AL", "BA", "IN", "XK", "MK", "ME", "RS", "MD"), "royal decree of 12 May 2024 (seed 000 §3; seed 004 §2.1.2)"),

                new FastTrack("FTP_SAFE_COUNTRIES", Validity.from(of(2024, 2, 1)), Track.FAST_TRACK_15, true, Set.of(), false,
                        "fast-track procedure, 15 working days from transfer (seed 000 §4)"),
                new FastTrack("FTP_GEORGIA_DR_CONGO", Validity.from(of(2024, 2, 1)), Track.FAST_TRACK_50, false, nat("GE", "CD"), false,
                        "part of the Georgian and DR Congo files, 50 working days; which part is not stated (seed 000 §4)"),
                new FastTrack("FTP_GEORGIA_ACCOMPANIED_MINORS", Validity.from(of(2024, 8, 1)), Track.FAST_TRACK_50, false, nat("GE"), false,
                        "accompanied Georgian minors enter the fast track (seed 000 §4)"),
                new FastTrack("FTP_BENIN", Validity.from(of(2025, 1, 1)), Track.FAST_TRACK_50, false, nat("BJ"), false,
                        "Benin files added to the fast track (seed 000 §4)"),
                new FastTrack("FTP_DR_CONGO_GREEK_STATUS", Validity.from(of(2025, 1, 1)), Track.FAST_TRACK_50, false, nat("CD"), true,
                        "Congolese applicants with a status in Greece added to the fast track (seed 000 §4)"),

                new Suspension("SUSPEND_UKRAINE_TEMPORARY_PROTECTION", Validity.between(of(2022, 2, 28), of(2026, 3, 4)), Nationality.of("UA"),
                        SuspensionScope.PROCESSING, Set.of(), false,
                        "asylum processing frozen for temporary-protection holders while TP lasts (seed 004 §3); applied to the nationality"),
                new Suspension("SUSPEND_RUSSIA", Validity.between(of(2022, 1, 1), of(2024, 2, 18)), Nationality.of("RU"),
                        SuspensionScope.PROCESSING, Set.of(), false,
                        "frozen in 2022 (the sources give the year only: 1 January used), resumed 19 February 2024 (seed 000 §3)"),
                new Suspension("SUSPEND_SUDAN", Validity.between(of(2023, 4, 1), of(2024, 2, 25)), Nationality.of("SD"),
                        SuspensionScope.PROCESSING, Set.of(), false,
                        "frozen from April 2023, resumed 26 February 2024 (seed 000 §3: no Sudanese files blocked any more;"
                                + " seed 004 keeps regions other than Darfur, Kordofan, Blue Nile and Khartoum frozen: discrepancy, seed 000 honoured)"),
                new Suspension("SUSPEND_NOTIFICATION_LEBANON_SP", Validity.from(of(2024, 10, 2)), Nationality.of("LB"),
                        SuspensionScope.NOTIFICATION, Set.of(DecisionType.SUBSIDIARY_PROTECTION), false,
                        "notification of subsidiary-protection decisions for Lebanese applicants suspended (seed 004 §2.1.2)"),
                new Suspension("SUSPEND_SYRIA", Validity.from(of(2024, 12, 9)), Nationality.of("SY"), SuspensionScope.PROCESSING, Set.of(), true,
                        "interviews and decisions suspended after the fall of the Assad regime, except applicants protected in another EU state (seed 004 §2.1.2)"),

                entitled(ApplicationType.FIRST, Entitlement.AUTOMATIC, "material aid during the whole procedure, appeal included (seed 004 §2)"),
                entitled(ApplicationType.SUBSEQUENT, Entitlement.CASE_BY_CASE, "no automatic right for subsequent applicants (seed 001)"),
                entitled(ApplicationType.RESETTLEMENT, Entitlement.AUTOMATIC, "resettled persons are received in dedicated centres (seed 003; seed 004)"),
                entitled(ApplicationType.RELOCATION, Entitlement.AUTOMATIC, "relocated persons are received by Fedasil (seed 001)"),
                entitled(ApplicationType.HUMANITARIAN_CORRIDOR, Entitlement.CASE_BY_CASE, "corridor arrivals are hosted by the sponsoring partners; " + TBC),
                entitled(ApplicationType.OTHER_ADMISSION, Entitlement.CASE_BY_CASE, TBC),

                new NegativeExit("EXIT_AT_ORDER_TO_LEAVE", Validity.between(null, of(2024, 3, 13)), ExitBasis.ORDER_TO_LEAVE_EXPIRY, 0,
                        "before the reception law of 14 March 2024, aid ended when the order to leave expired (seed 004 §2.2.1)"),
                new NegativeExit("EXIT_30_DAYS_AFTER_FINAL_NEGATIVE", Validity.from(of(2024, 3, 14)), ExitBasis.FINAL_NEGATIVE_DECISION, 30,
                        "reception law of 14 March 2024: aid ends 30 days after the final negative decision (seed 004 §2.2.1)"),

                new Transition("TRANSITION_2_MONTHS", Validity.between(null, of(2024, 7, 31)), 2,
                        "status holders leave with meal vouchers for 2 months (seed 004 §2.2.3)"),
                new Transition("TRANSITION_4_MONTHS", Validity.from(of(2024, 8, 1)), 4,
                        "4 months from August 2024 (seed 004 §2.2.3; the month only: 1 August used)"),

                new AppealPeriods("APPEAL_PERIODS", Validity.always(), 30, 10, 30, true, TBC),

                new InterviewRequirement("INTERVIEW_BEFORE_MERITS", Validity.always(),
                        Set.of(DecisionType.REFUGEE_STATUS, DecisionType.SUBSIDIARY_PROTECTION, DecisionType.MANIFESTLY_UNFOUNDED,
                                DecisionType.REFUSAL, DecisionType.EXCLUSION),
                        true, Set.of(ApplicationType.RESETTLEMENT),
                        "inadmissibility of applicants protected elsewhere needs an interview (seed 004 Box 3); merits decisions: " + TBC),

                new ReceptionPriority("RECEPTION_NORMAL", Validity.between(null, of(2021, 8, 31)), 0.94, false, 0, 0,
                        "saturation threshold 94% (seed 004 fn. 35)"),
                new ReceptionPriority("RECEPTION_CRISIS_PRIORITIES", Validity.between(of(2021, 9, 1), of(2022, 12, 31)), 0.94, false, 0, 0,
                        "crisis mode from September 2021: families, minors, women and vulnerable persons first (seed 004 §2.2; seed 001)"),
                new ReceptionPriority("RECEPTION_WAITING_LIST_SINGLE_MEN", Validity.between(of(2023, 1, 1), of(2023, 12, 31)), 0.94, true, 0, 0,
                        "non-vulnerable single men on a waiting list since 2023 (seed 004 §2.2.5; the year only: 1 January used)"),
                new ReceptionPriority("RECEPTION_WAITING_LIST_YOUNG_ADULTS_EXEMPT", Validity.from(of(2024, 1, 1)), 0.94, true, 18, 19,
                        "men aged 18–19 exempted from the waiting list in 2024 (seed 004 §2.2.5; the year only: 1 January used)"));
    }

    private static ReceptionEntitlement entitled(ApplicationType type, Entitlement e, String source) {
        return new ReceptionEntitlement("RECEPTION_" + type.name(), Validity.always(), type, e, source);
    }

    private static Set<Nationality> nat(String... codes) {
        return Arrays.stream(codes).map(Nationality::of).collect(Collectors.toUnmodifiableSet());
    }
}
