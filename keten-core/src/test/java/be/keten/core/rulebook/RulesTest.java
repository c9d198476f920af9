package be.keten.core.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.event.AppealEvent.AppealJudged;
import be.keten.core.event.AppealEvent.AppealLodged;
import be.keten.core.event.AppealEvent.CassationLodged;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.event.DecisionEvent.InterimDecisionTaken;
import be.keten.core.event.DecisionEvent.StatusEnded;
import be.keten.core.event.PathwayEvent.ArrivedThroughPathway;
import be.keten.core.event.ProcedureEvent.AgeAssessed;
import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ProcedureEvent.ApplicationWithdrawn;
import be.keten.core.event.ProcedureEvent.DecisionBecameFinal;
import be.keten.core.event.ProcedureEvent.DecisionNotified;
import be.keten.core.event.ProcedureEvent.DublinCheckStarted;
import be.keten.core.event.ProcedureEvent.DublinDecided;
import be.keten.core.event.ProcedureEvent.InterviewHeld;
import be.keten.core.event.ProcedureEvent.OrderToLeaveIssued;
import be.keten.core.event.ProcedureEvent.ProcessingResumed;
import be.keten.core.event.ProcedureEvent.ProcessingSuspended;
import be.keten.core.event.ProcedureEvent.TrackAssigned;
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.event.ReceptionEvent.EntitlementDecided;
import be.keten.core.event.ReceptionEvent.LeftReception;
import be.keten.core.event.ReceptionEvent.PlacedInFacility;
import be.keten.core.event.ReceptionEvent.PutOnWaitingList;
import be.keten.core.event.ReturnEvent.ForcedReturn;
import be.keten.core.event.ReturnEvent.VoluntaryReturn;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.PersonId;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.AgeAssessment;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Sex;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.procedure.Track;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.PlaceType;
import be.keten.core.reception.WaitingListChannel;
import be.keten.core.returns.ForcedReturnKind;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rule by rule: one case that breaks each rule, and the rejection names that rule. */
class RulesTest {
    private static final Map<Rule, Supplier<Rejection>> CASES = new EnumMap<>(Rule.class);

    private static void rule(Rule r, Supplier<Rejection> c) {
        CASES.put(r, c);
    }

    static {
        rule(Rule.SAME_DOSSIER, () -> {
            Fixture f = Fixture.in(ProcedureState.REGISTERED, "D-R-SAME");
            return f.reject(new ApplicationLodged(be.keten.core.id.DossierId.of("D-R-OTHER"), f.next()));
        });
        rule(Rule.CHRONOLOGY, () -> {
            Fixture f = Fixture.in(ProcedureState.REGISTERED, "D-R-CHRONO");
            return f.reject(new ApplicationLodged(f.id, f.day.minusDays(1)));
        });
        rule(Rule.NOT_IN_FUTURE, () -> {
            Fixture f = Fixture.in(ProcedureState.REGISTERED, "D-R-FUTURE");
            return f.reject(new ApplicationLodged(f.id, LocalDate.of(2026, 7, 1)));
        });
        rule(Rule.TRANSITION, () -> {
            Fixture f = Fixture.in(ProcedureState.LODGED, "D-R-TRANS");
            return f.reject(new FinalDecisionTaken(f.id, f.next(), DecisionType.REFUSAL));
        });
        rule(Rule.SUBSEQUENT_NEEDS_ENDED_APPLICATION, () -> {
            Fixture f = Fixture.in(ProcedureState.NEW, "D-R-SUBS");
            return f.reject(new ApplicationRegistered(f.id, f.next(), ApplicationId.of("A-R-SUBS"), ApplicationType.SUBSEQUENT, f.persons,
                    LanguageRole.NL, false));
        });
        rule(Rule.FIRST_APPLICATION_ONCE, () -> {
            Fixture f = Fixture.in(ProcedureState.REJECTED_FINAL, "D-R-FIRST");
            return f.reject(new ApplicationRegistered(f.id, f.next(), ApplicationId.of("A-R-FIRST2"), ApplicationType.FIRST, f.persons,
                    LanguageRole.NL, false));
        });
        rule(Rule.PATHWAY_ARRIVAL_FIRST, () -> {
            Fixture f = Fixture.in(ProcedureState.NEW, "D-R-PATH");
            return f.reject(new ApplicationRegistered(f.id, f.next(), ApplicationId.of("A-R-PATH"), ApplicationType.RESETTLEMENT, f.persons,
                    LanguageRole.NL, false));
        });
        rule(Rule.PATHWAY_PERSONS_MATCH, () -> {
            Fixture f = Fixture.in(ProcedureState.ARRIVED, "D-R-PERS");
            return f.reject(new ApplicationRegistered(f.id, f.next(), ApplicationId.of("A-R-PERS"), ApplicationType.RESETTLEMENT,
                    List.of(Fixture.person("P-OTHER-1", "SY", Sex.FEMALE, 1980, false)), LanguageRole.NL, false));
        });
        rule(Rule.OUTSIDE_DUBLIN, () -> {
            Fixture f = new Fixture("D-R-OUTD", "PS", LocalDate.of(2024, 1, 8)).registerProtectedElsewhere();
            f.accept(new ApplicationLodged(f.id, f.next()));
            return f.reject(new DublinCheckStarted(f.id, f.next()));
        });
        rule(Rule.DUBLIN_RESPONSIBILITY, () -> {
            Fixture f = Fixture.in(ProcedureState.DUBLIN_CHECK, "D-R-DUBR");
            return f.reject(new TransferredToCgvs(f.id, f.next()));
        });
        rule(Rule.DUBLIN_DECIDED_ONCE, () -> {
            Fixture f = Fixture.in(ProcedureState.DUBLIN_CHECK, "D-R-DUB1");
            f.accept(new DublinDecided(f.id, f.next(), DublinOutcome.BELGIUM_RESPONSIBLE));
            return f.reject(new DublinDecided(f.id, f.next(), DublinOutcome.TRANSFER_TO_OTHER_STATE));
        });
        rule(Rule.FAST_TRACK_ELIGIBILITY, () -> {
            Fixture f = Fixture.in(ProcedureState.CGVS_PENDING, "D-R-FTP");   // Eritrean, 2023
            return f.reject(new TrackAssigned(f.id, f.next(), Track.FAST_TRACK_50));
        });
        rule(Rule.BORDER_TRACK_ONLY, () -> {
            Fixture f = Fixture.in(ProcedureState.INTERVIEWED, "D-R-BORD");
            return f.reject(new InterimDecisionTaken(f.id, f.next(), DecisionType.FURTHER_EXAMINATION_BORDER));
        });
        rule(Rule.ADMISSIBILITY_SUBSEQUENT_ONLY, () -> {
            Fixture f = Fixture.in(ProcedureState.INTERVIEWED, "D-R-ADM");
            return f.reject(new InterimDecisionTaken(f.id, f.next(), DecisionType.ADMISSIBLE_SUBSEQUENT));
        });
        rule(Rule.SUBSEQUENT_ADMISSIBILITY_FIRST, () -> {
            Fixture f = Fixture.in(ProcedureState.REJECTED_FINAL, "D-R-SADM");
            f.register(ApplicationType.SUBSEQUENT).lodgeAndTransfer().interview();
            return f.reject(new FinalDecisionTaken(f.id, f.next(), DecisionType.REFUSAL));
        });
        rule(Rule.INTERVIEW_REQUIRED, () -> {
            Fixture f = Fixture.in(ProcedureState.CGVS_PENDING, "D-R-INT");
            return f.reject(new FinalDecisionTaken(f.id, f.next(), DecisionType.REFUGEE_STATUS));
        });
        rule(Rule.SUSPENSION_IN_FORCE, () -> {
            Fixture f = new Fixture("D-R-SUSP", "RU", LocalDate.of(2023, 1, 2)).toCgvs();
            return f.reject(new InterviewHeld(f.id, f.next()));
        });
        rule(Rule.SUSPENSION_POLICY, () -> {
            Fixture f = Fixture.in(ProcedureState.CGVS_PENDING, "D-R-SPOL");
            return f.reject(new ProcessingSuspended(f.id, f.next(), "SUSPEND_RUSSIA"));
        });
        rule(Rule.NOTIFICATION_SUSPENDED, () -> {
            Fixture f = new Fixture("D-R-NOTS", "LB", LocalDate.of(2024, 9, 2)).toCgvs().interview().decide(DecisionType.SUBSIDIARY_PROTECTION);
            return f.reject(new DecisionNotified(f.id, f.next()));   // after 2 October 2024
        });
        rule(Rule.APPEAL_PERIOD, () -> {
            Fixture f = Fixture.in(ProcedureState.NOTIFIED_NEGATIVE, "D-R-APP");
            return f.reject(new AppealLodged(f.id, f.state.notifiedOn().plusDays(31), LanguageRole.NL));
        });
        rule(Rule.APPEAL_PERIOD_RUNNING, () -> {
            Fixture f = Fixture.in(ProcedureState.NOTIFIED_NEGATIVE, "D-R-APPR");
            return f.reject(new DecisionBecameFinal(f.id, f.state.notifiedOn().plusDays(30)));
        });
        rule(Rule.APPEAL_LANGUAGE_ROLE, () -> {
            Fixture f = Fixture.in(ProcedureState.NOTIFIED_NEGATIVE, "D-R-LANG");
            return f.reject(new AppealLodged(f.id, f.next(), LanguageRole.FR));
        });
        rule(Rule.SUBSIDIARY_HOLDER_APPEAL, () -> {
            Fixture f = Fixture.in(ProcedureState.PROTECTED, "D-R-SPAP");   // refugee status: nothing to appeal for
            return f.reject(new AppealLodged(f.id, f.next(), LanguageRole.NL));
        });
        rule(Rule.CASSATION_AGAINST_JUDGMENT, () -> {
            Fixture f = Fixture.in(ProcedureState.REJECTED_FINAL, "D-R-CASS");
            return f.reject(new CassationLodged(f.id, f.state.judgedOn().plusDays(31)));
        });
        rule(Rule.WITHDRAWAL_BEFORE_CGVS, () -> {
            Fixture f = Fixture.in(ProcedureState.CGVS_PENDING, "D-R-WDR");
            return f.reject(new ApplicationWithdrawn(f.id, f.next()));
        });
        rule(Rule.STATUS_END_NEEDS_STATUS, () -> {
            Fixture f = Fixture.in(ProcedureState.REJECTED_FINAL, "D-R-SEND");
            return f.reject(new StatusEnded(f.id, f.next(), DecisionType.REVOCATION));
        });
        rule(Rule.ORDER_TO_LEAVE_STATE, () -> {
            Fixture f = Fixture.in(ProcedureState.PROTECTED, "D-R-OTL");
            return f.reject(new OrderToLeaveIssued(f.id, f.next(), 30));
        });
        rule(Rule.PERSON_IN_DOSSIER, () -> {
            Fixture f = Fixture.in(ProcedureState.REGISTERED, "D-R-PIN");
            f.accept(new EntitlementDecided(f.id, f.next(), true, "RECEPTION_FIRST"));
            return f.reject(new PutOnWaitingList(f.id, f.next(), WaitingListChannel.QR_CODE, List.of(PersonId.of("P-STRANGER"))));
        });
        rule(Rule.AGE_ASSESSMENT_DECLARED_MINOR, () -> {
            Fixture f = Fixture.in(ProcedureState.REGISTERED, "D-R-AGE");
            return f.reject(new AgeAssessed(f.id, f.next(), f.persons.get(0).id(), AgeAssessment.MINOR));
        });
        rule(Rule.ENTITLEMENT_POLICY, () -> {
            Fixture f = Fixture.in(ProcedureState.REGISTERED, "D-R-ENT");
            return f.reject(new EntitlementDecided(f.id, f.next(), false, "refused"));
        });
        rule(Rule.RECEPTION_NEEDS_ENTITLEMENT, () -> {
            Fixture f = Fixture.in(ProcedureState.REGISTERED, "D-R-NEED");
            return f.reject(new PlacedInFacility(f.id, f.next(), "F-1", PlaceType.COLLECTIVE, f.personIds(), "test"));
        });
        rule(Rule.RECEPTION_PERSON_STATUS, () -> {
            Fixture f = Fixture.in(ProcedureState.REGISTERED, "D-R-RPS").entitledAndPlaced();
            return f.reject(new PlacedInFacility(f.id, f.next(), "F-2", PlaceType.COLLECTIVE, f.personIds(), "twice"));
        });
        rule(Rule.COMMUNITY_SPONSORSHIP, () -> {
            Fixture f = Fixture.in(ProcedureState.REGISTERED, "D-R-SPON");   // a first application, not resettled
            f.accept(new EntitlementDecided(f.id, f.next(), true, "RECEPTION_FIRST"));
            return f.reject(new be.keten.core.event.ReceptionEvent.SponsorshipStarted(f.id, f.next(), "CARITAS", f.personIds(), null));
        });
        rule(Rule.UNACCOMPANIED_MINOR_PLACES, () -> {
            Fixture f = new Fixture("D-R-UAM", List.of(Fixture.person("P-R-UAM-1", "AF", Sex.MALE, 2008, true)), LocalDate.of(2023, 1, 2))
                    .register(ApplicationType.FIRST);
            f.accept(new EntitlementDecided(f.id, f.next(), true, "RECEPTION_FIRST"));
            return f.reject(new PlacedInFacility(f.id, f.next(), "F-1", PlaceType.COLLECTIVE, f.personIds(), "test"));
        });
        rule(Rule.NEGATIVE_EXIT_PERIOD, () -> {
            Fixture f = new Fixture("D-R-EXIT", "GN", LocalDate.of(2024, 3, 4)).register(ApplicationType.FIRST).entitledAndPlaced();
            f.lodgeAndTransfer().interview().decide(DecisionType.REFUSAL).notifyDecision();
            f.accept(new DecisionBecameFinal(f.id, f.state.notifiedOn().plusDays(31)));
            return f.reject(new LeftReception(f.id, f.day.plusDays(29), LeaveReason.FINAL_NEGATIVE_EXIT, f.personIds()));
        });
        rule(Rule.TRANSITION_PERIOD, () -> {
            Fixture f = new Fixture("D-R-TRANS", "ER", LocalDate.of(2024, 3, 4)).register(ApplicationType.FIRST).entitledAndPlaced();
            f.lodgeAndTransfer().interview().decide(DecisionType.REFUGEE_STATUS).notifyDecision();
            return f.reject(new LeftReception(f.id, f.day.plusMonths(1), LeaveReason.POSITIVE_TRANSITION_END, f.personIds()));
        });
        rule(Rule.RETURN_AFTER_RECEPTION, () -> {
            Fixture f = Fixture.in(ProcedureState.REGISTERED, "D-R-RET").entitledAndPlaced();
            return f.reject(new VoluntaryReturn(f.id, f.next(), false));
        });
        rule(Rule.FORCED_RETURN_GROUNDS, () -> {
            Fixture f = Fixture.in(ProcedureState.REJECTED_FINAL, "D-R-FRET");
            return f.reject(new ForcedReturn(f.id, f.next(), ForcedReturnKind.ORIGIN_COUNTRY));   // no order to leave
        });
    }

    @Test
    void everyRuleHasACase() {
        assertThat(CASES.keySet()).containsExactlyInAnyOrder(Rule.values());
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void theCaseIsRejectedByItsRule(Rule rule) {
        Rejection r = CASES.get(rule).get();
        assertThat(r.rule()).as(r.message()).isEqualTo(rule);
        assertThat(r.message()).contains("[rule " + rule.name() + ": " + rule.text() + "]").contains("rejected in state " + r.state());
    }

    @Test
    void aSubsequentApplicationGoesThroughAdmissibilityThenMerits() {
        Fixture f = Fixture.in(ProcedureState.REJECTED_FINAL, "D-R-SUBOK");
        f.register(ApplicationType.SUBSEQUENT).lodgeAndTransfer().interview();
        f.accept(new InterimDecisionTaken(f.id, f.next(), DecisionType.ADMISSIBLE_SUBSEQUENT));
        assertThat(f.state.state()).isEqualTo(ProcedureState.CGVS_PENDING);
        assertThat(f.reject(new FinalDecisionTaken(f.id, f.next(), DecisionType.INADMISSIBLE)).rule()).isEqualTo(Rule.SUBSEQUENT_ADMISSIBILITY_FIRST);
        f.interview().decide(DecisionType.SUBSIDIARY_PROTECTION).notifyDecision();
        assertThat(f.state.state()).isEqualTo(ProcedureState.PROTECTED);
        assertThat(f.state.applications()).isEqualTo(2);
    }

    @Test
    void aResettledFamilyIsDecidedWithoutASecondInterview() {
        Fixture f = new Fixture("D-R-RESET", List.of(Fixture.person("P-RS-1", "SY", Sex.FEMALE, 1985, false),
                Fixture.person("P-RS-2", "SY", Sex.MALE, 2015, false)), LocalDate.of(2023, 3, 1));
        f.accept(new ArrivedThroughPathway(f.id, f.next(), PathwayChannel.RESETTLEMENT, f.persons, Nationality.of("LB"), 2023));
        f.accept(new EntitlementDecided(f.id, f.next(), true, "RECEPTION_RESETTLEMENT"));
        f.register(ApplicationType.RESETTLEMENT);
        f.accept(new ApplicationLodged(f.id, f.next())).accept(new TransferredToCgvs(f.id, f.next()));
        f.decide(DecisionType.REFUGEE_STATUS).notifyDecision();
        assertThat(f.state.state()).isEqualTo(ProcedureState.PROTECTED);
    }

    @Test
    void anAnnulmentSendsTheFileBackToTheCgvsWhichMustHearItAgain() {
        Fixture f = Fixture.in(ProcedureState.APPEAL_PENDING, "D-R-ANNUL");
        f.accept(new AppealJudged(f.id, f.next(), JudgmentOutcome.ANNUL));
        assertThat(f.state.state()).isEqualTo(ProcedureState.CGVS_PENDING);
        assertThat(f.state.state().atCgvs()).isTrue();
        assertThat(f.reject(new FinalDecisionTaken(f.id, f.next(), DecisionType.REFUSAL)).rule()).isEqualTo(Rule.INTERVIEW_REQUIRED);
    }

    @Test
    void aForcedReturnNeedsAnExpiredOrderToLeave() {
        Fixture f = Fixture.in(ProcedureState.REJECTED_FINAL, "D-R-FRET2");
        f.accept(new OrderToLeaveIssued(f.id, f.next(), 30));
        assertThat(f.reject(new ForcedReturn(f.id, f.day.plusDays(30), ForcedReturnKind.ORIGIN_COUNTRY)).rule()).isEqualTo(Rule.FORCED_RETURN_GROUNDS);
        f.accept(new ForcedReturn(f.id, f.day.plusDays(31), ForcedReturnKind.ORIGIN_COUNTRY));
        assertThat(f.state.state()).isEqualTo(ProcedureState.RETURNED);
    }

    @Test
    void beforeTheReceptionLawAidEndsWithTheOrderToLeave() {
        // Final in 2023: the exit follows the expiry of the order to leave, not 30 days after the decision.
        Fixture f = new Fixture("D-R-OLDEXIT", "GN", LocalDate.of(2023, 1, 2)).register(ApplicationType.FIRST).entitledAndPlaced();
        f.lodgeAndTransfer().interview().decide(DecisionType.REFUSAL).notifyDecision();
        f.accept(new DecisionBecameFinal(f.id, f.state.notifiedOn().plusDays(31)));
        LocalDate fin = f.day;
        assertThat(f.reject(new LeftReception(f.id, fin.plusDays(40), LeaveReason.FINAL_NEGATIVE_EXIT, f.personIds())).detail())
                .contains("with an order to leave");
        f.accept(new OrderToLeaveIssued(f.id, fin.plusDays(10), 30));
        assertThat(f.reject(new LeftReception(f.id, fin.plusDays(39), LeaveReason.FINAL_NEGATIVE_EXIT, f.personIds())).rule())
                .isEqualTo(Rule.NEGATIVE_EXIT_PERIOD);
        f.accept(new LeftReception(f.id, fin.plusDays(40), LeaveReason.FINAL_NEGATIVE_EXIT, f.personIds()));
        assertThat(f.state.reception()).isEmpty();
    }

    @Test
    void fromTheReceptionLawAidEndsThirtyDaysAfterTheFinalDecision() {
        Fixture f = new Fixture("D-R-NEWEXIT", "GN", LocalDate.of(2024, 3, 4)).register(ApplicationType.FIRST).entitledAndPlaced();
        f.lodgeAndTransfer().interview().decide(DecisionType.REFUSAL).notifyDecision();
        f.accept(new DecisionBecameFinal(f.id, f.state.notifiedOn().plusDays(31)));
        LocalDate fin = f.day;
        assertThat(Fixture.RULEBOOK.negativeExitDate(f.state)).contains(fin.plusDays(30));
        f.accept(new LeftReception(f.id, fin.plusDays(30), LeaveReason.FINAL_NEGATIVE_EXIT, f.personIds()));
    }

    @Test
    void theTransitionPeriodDoublesForStatusesGrantedFromAugust2024() {
        Fixture july = new Fixture("D-R-JULY", "ER", LocalDate.of(2024, 5, 6)).register(ApplicationType.FIRST).entitledAndPlaced();
        july.lodgeAndTransfer().interview().decide(DecisionType.REFUGEE_STATUS);
        july.accept(new DecisionNotified(july.id, LocalDate.of(2024, 7, 31)));
        assertThat(Fixture.RULEBOOK.transitionEnd(july.state)).contains(LocalDate.of(2024, 9, 30));
        Fixture aug = new Fixture("D-R-AUG", "ER", LocalDate.of(2024, 5, 6)).register(ApplicationType.FIRST).entitledAndPlaced();
        aug.lodgeAndTransfer().interview().decide(DecisionType.REFUGEE_STATUS);
        aug.accept(new DecisionNotified(aug.id, LocalDate.of(2024, 8, 1)));
        assertThat(Fixture.RULEBOOK.transitionEnd(aug.state)).contains(LocalDate.of(2024, 12, 1));
    }

    @Test
    void aSuspendedFileResumesOnlyWhenTheSuspensionEnds() {
        Fixture f = Fixture.in(ProcedureState.SUSPENDED, "D-R-RESUME");   // Russian, suspended in 2023
        assertThat(f.reject(new ProcessingResumed(f.id, LocalDate.of(2024, 2, 18))).rule()).isEqualTo(Rule.SUSPENSION_IN_FORCE);
        f.accept(new ProcessingResumed(f.id, LocalDate.of(2024, 2, 19)));
        assertThat(f.state.state()).isEqualTo(ProcedureState.CGVS_PENDING);
        f.interview();
    }

    @Test
    void syrianFilesOfApplicantsProtectedElsewhereAreExemptFromTheDecember2024Freeze() {
        Fixture plain = new Fixture("D-R-SY1", "SY", LocalDate.of(2024, 11, 4)).toCgvs();
        assertThat(plain.reject(new InterviewHeld(plain.id, plain.next())).rule()).isEqualTo(Rule.SUSPENSION_IN_FORCE);
        Fixture elsewhere = new Fixture("D-R-SY2", "SY", LocalDate.of(2024, 11, 4)).registerProtectedElsewhere();
        elsewhere.accept(new ApplicationLodged(elsewhere.id, elsewhere.next())).accept(new TransferredToCgvs(elsewhere.id, elsewhere.next()));
        elsewhere.interview().decide(DecisionType.INADMISSIBLE);
        assertThat(elsewhere.state.state()).isEqualTo(ProcedureState.DECIDED);
    }

    @Test
    void rejectionsNameTheFieldAtFault() {
        Fixture f = Fixture.in(ProcedureState.NOTIFIED_NEGATIVE, "D-R-FIELD");
        assertThat(f.reject(new AppealLodged(f.id, f.next(), LanguageRole.FR)).field()).isEqualTo("languageRole");
        assertThat(f.reject(new AppealLodged(f.id, f.state.notifiedOn().plusDays(40), LanguageRole.NL)).field()).isEqualTo("date");
    }

    @Test
    void anUnaccompaniedMinorFoundAdultLeavesTheMinorsPlaces() {
        Fixture f = new Fixture("D-R-AGEADULT", List.of(Fixture.person("P-AA-1", "AF", Sex.MALE, 2006, true)), LocalDate.of(2023, 1, 2))
                .register(ApplicationType.FIRST);
        f.accept(new EntitlementDecided(f.id, f.next(), true, "RECEPTION_FIRST"));
        f.accept(new PlacedInFacility(f.id, f.next(), "F-OOC", PlaceType.UAM_OBSERVATION_ORIENTATION, f.personIds(), "minor"));
        f.accept(new AgeAssessed(f.id, f.next(), f.persons.get(0).id(), AgeAssessment.ADULT));
        assertThat(f.state.isUnaccompaniedMinor(f.persons.get(0).id())).isFalse();
        assertThat(f.reject(new be.keten.core.event.ReceptionEvent.TransferredBetweenFacilities(f.id, f.next(), "F-UAM-2",
                PlaceType.UAM_COLLECTIVE, f.personIds())).rule()).isEqualTo(Rule.UNACCOMPANIED_MINOR_PLACES);
    }

    @Test
    void aLodgedFileOfAProtectedElsewhereApplicantGoesStraightToTheCgvs() {
        Fixture f = new Fixture("D-R-DIRECT", "PS", LocalDate.of(2024, 1, 8)).registerProtectedElsewhere();
        f.accept(new ApplicationLodged(f.id, f.next())).accept(new TransferredToCgvs(f.id, f.next()));
        assertThat(f.state.state()).isEqualTo(ProcedureState.CGVS_PENDING);
        assertThat(f.reject(new FinalDecisionTaken(f.id, f.next(), DecisionType.INADMISSIBLE)).rule()).isEqualTo(Rule.INTERVIEW_REQUIRED);
    }
}
