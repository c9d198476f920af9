package be.keten.core.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.event.ChainEvent;
import be.keten.core.event.EventTypes;
import be.keten.core.procedure.ProcedureState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type in every state: allowed where GUIDE §3.1 allows it, refused with rule
 * TRANSITION everywhere else. The table below is the specification, written out independently
 * of {@link Transitions}.
 */
class TransitionsTest {
    private static final String ALL_LIVE = "ARRIVED REGISTERED LODGED DUBLIN_CHECK DUBLIN_TRANSFER CGVS_PENDING SUSPENDED INTERVIEWED DECIDED"
            + " NOTIFIED_NEGATIVE APPEAL_PENDING CASSATION_PENDING PROTECTED REJECTED_FINAL STATUS_ENDED WITHDRAWN";

    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("ArrivedThroughPathway", "NEW"),
            Map.entry("ApplicationRegistered", "NEW ARRIVED REJECTED_FINAL STATUS_ENDED WITHDRAWN RETURNED"),
            Map.entry("ApplicationLodged", "REGISTERED"),
            Map.entry("DublinCheckStarted", "LODGED"),
            Map.entry("DublinDecided", "DUBLIN_CHECK"),
            Map.entry("TransferredToCgvs", "LODGED DUBLIN_CHECK"),
            Map.entry("TrackAssigned", "CGVS_PENDING INTERVIEWED"),
            Map.entry("ProcessingSuspended", "CGVS_PENDING INTERVIEWED"),
            Map.entry("ProcessingResumed", "SUSPENDED"),
            Map.entry("InterviewHeld", "CGVS_PENDING INTERVIEWED"),
            Map.entry("InterimDecisionTaken", "CGVS_PENDING INTERVIEWED"),
            Map.entry("FinalDecisionTaken", "CGVS_PENDING INTERVIEWED"),
            Map.entry("DecisionNotified", "DECIDED"),
            Map.entry("DecisionBecameFinal", "NOTIFIED_NEGATIVE"),
            Map.entry("AppealLodged", "NOTIFIED_NEGATIVE PROTECTED"),
            Map.entry("AppealJudged", "APPEAL_PENDING"),
            Map.entry("CassationLodged", "REJECTED_FINAL"),
            Map.entry("CassationDecided", "CASSATION_PENDING"),
            Map.entry("StatusEnded", "PROTECTED"),
            Map.entry("ApplicationWithdrawn", "REGISTERED LODGED DUBLIN_CHECK"),
            Map.entry("OrderToLeaveIssued", "NOTIFIED_NEGATIVE APPEAL_PENDING CASSATION_PENDING REJECTED_FINAL DUBLIN_TRANSFER STATUS_ENDED WITHDRAWN"),
            Map.entry("AgeAssessed", ALL_LIVE),
            Map.entry("EntitlementDecided", ALL_LIVE),
            Map.entry("PutOnWaitingList", ALL_LIVE),
            Map.entry("PlacedInFacility", ALL_LIVE),
            Map.entry("TransferredBetweenFacilities", ALL_LIVE),
            Map.entry("LeftReception", ALL_LIVE),
            Map.entry("VulnerabilityAssessed", ALL_LIVE),
            Map.entry("SponsorshipStarted", ALL_LIVE),
            Map.entry("VoluntaryReturn", ALL_LIVE),
            Map.entry("ForcedReturn", ALL_LIVE));

    static Set<ProcedureState> allowed(String type) {
        return Arrays.stream(ALLOWED.get(type).split(" ")).map(ProcedureState::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProcedureState.class)));
    }

    @Test
    void theSpecificationCoversEveryEventType() {
        assertThat(ALLOWED.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.byName().keySet());
    }

    @ParameterizedTest
    @EnumSource(ProcedureState.class)
    void everyStateIsReachableThroughAcceptedEvents(ProcedureState state) {
        assertThat(Fixture.in(state, "D-REACH-" + state.name().replace('_', '-')).state.state()).isEqualTo(state);
    }

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (ProcedureState s : ProcedureState.values()) {
            for (String type : EventTypes.byName().keySet()) {
                out.add(Arguments.of(s, type));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("pairs")
    void eachEventTypeInEachState(ProcedureState state, String type) {
        Fixture f = Fixture.in(state, "D-PAIR-0001");
        ChainEvent e = f.sample(EventTypes.byName().get(type));
        Optional<Rejection> r = Fixture.RULEBOOK.check(f.state, e);
        if (allowed(type).contains(state)) {
            assertThat(r.map(Rejection::rule)).as("%s in %s: %s", type, state, r.map(Rejection::message).orElse("")).isNotEqualTo(Optional.of(Transitions.ruleFor(EventTypes.byName().get(type))));
        } else {
            assertThat(r).as("%s in %s", type, state).isPresent();
            assertThat(r.get().rule()).isEqualTo(Transitions.ruleFor(EventTypes.byName().get(type)));
            assertThat(r.get().rule()).isIn(Rule.TRANSITION, Rule.WITHDRAWAL_BEFORE_CGVS, Rule.STATUS_END_NEEDS_STATUS, Rule.ORDER_TO_LEAVE_STATE);
            assertThat(r.get().state()).isEqualTo(state);
            assertThat(r.get().message()).contains(type + " rejected in state " + state).contains("allowed only in");
        }
    }

    /** Allowed pairs whose sample satisfies every other rule too: the step really goes through. */
    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("pairs")
    void allowedStepsWithPlausibleEventsAreAccepted(ProcedureState state, String type) {
        if (!allowed(type).contains(state)) {
            return;
        }
        Fixture f = Fixture.in(state, "D-PAIR-0002");
        ChainEvent e = f.sample(EventTypes.byName().get(type));
        Optional<Rejection> r = Fixture.RULEBOOK.check(f.state, e);
        // Only rules other than TRANSITION may still refuse; each such refusal must be explained.
        r.ifPresent(rej -> assertThat(rej.rule()).isIn(EXPECTED_OTHER_RULES.getOrDefault(type, Set.of())));
    }

    /** Which non-transition rules the generic sample may run into, and why. */
    private static final Map<String, Set<Rule>> EXPECTED_OTHER_RULES = Map.ofEntries(
            Map.entry("ApplicationRegistered", Set.of()),
            Map.entry("TransferredToCgvs", Set.of(Rule.DUBLIN_RESPONSIBILITY)),       // from LODGED without Dublin check
            Map.entry("DublinDecided", Set.of()),
            Map.entry("ProcessingSuspended", Set.of(Rule.SUSPENSION_POLICY)),          // the sample dossier is Eritrean
            Map.entry("InterimDecisionTaken", Set.of(Rule.ADMISSIBILITY_SUBSEQUENT_ONLY)),
            Map.entry("FinalDecisionTaken", Set.of()),
            Map.entry("AppealLodged", Set.of(Rule.SUBSIDIARY_HOLDER_APPEAL)),          // PROTECTED with refugee status
            Map.entry("CassationLodged", Set.of(Rule.CASSATION_AGAINST_JUDGMENT)),
            Map.entry("AgeAssessed", Set.of(Rule.AGE_ASSESSMENT_DECLARED_MINOR)),      // the sample person is an adult
            Map.entry("PutOnWaitingList", Set.of(Rule.RECEPTION_NEEDS_ENTITLEMENT)),
            Map.entry("PlacedInFacility", Set.of(Rule.RECEPTION_NEEDS_ENTITLEMENT)),
            Map.entry("TransferredBetweenFacilities", Set.of(Rule.RECEPTION_PERSON_STATUS)),
            Map.entry("LeftReception", Set.of(Rule.RECEPTION_PERSON_STATUS)),
            // Only the ARRIVED sample dossier came through resettlement, and it has no entitlement decision yet.
            Map.entry("SponsorshipStarted", Set.of(Rule.COMMUNITY_SPONSORSHIP, Rule.RECEPTION_NEEDS_ENTITLEMENT)),
            Map.entry("ForcedReturn", Set.of(Rule.FORCED_RETURN_GROUNDS)),
            Map.entry("ProcessingResumed", Set.of(Rule.SUSPENSION_IN_FORCE)));
}
