package be.keten.core.rulebook;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.appeal.CassationOutcome;
import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.event.AppealEvent;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent;
import be.keten.core.event.EventTypes;
import be.keten.core.event.PathwayEvent;
import be.keten.core.event.ProcedureEvent;
import be.keten.core.event.ReceptionEvent;
import be.keten.core.event.ReturnEvent;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.AgeAssessment;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionStage;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.procedure.Track;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.reception.Allocator;
import be.keten.core.reception.LeaveReason;
import be.keten.core.reception.PlaceType;
import be.keten.core.reception.WaitingListChannel;
import be.keten.core.returns.ForcedReturnKind;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * Random command sequences against the rulebook. Most proposals are steps the current state
 * allows, with random parameters and dates, so deep states are reached; some are anything at all.
 */
class RulebookPropertiesTest {
    private static final Rulebook RB = Fixture.RULEBOOK;
    private static final List<String> NATIONALITIES = List.of("ER", "SY", "RU", "AL", "MD", "GE", "LB", "AF", "PS", "CD", "BJ", "SD", "UA");

    /** A caller that keeps the allocation queue skips re-deriving a dossier's households when {@link Allocator#sameQueued}: that must be safe. */
    private static void sameQueueWhenNothingItReadsChanged(DossierState before, DossierState after, LocalDate day) {
        if (Allocator.sameQueued(before, after)) {
            for (LocalDate d : List.of(day, day.plusYears(3), LocalDate.of(2023, 1, 1))) {
                var policy = BelgianPolicies.book().receptionPriority(d);
                assertThat(Allocator.queued(after, d, policy)).isEqualTo(Allocator.queued(before, d, policy));
            }
        }
    }

    @Property(tries = 1000)
    void randomCommandsNeverReachAForbiddenStateAndFoldingReproducesTheState(@ForAll long seed,
                                                                            @ForAll @IntRange(min = 1, max = 150) int steps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Proposals gen = new Proposals(rnd);
        DossierState s = DossierState.empty(gen.id);
        List<ChainEvent> accepted = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            ChainEvent e = gen.next(s);
            Verdict v = RB.decide(s, e);
            if (v instanceof Verdict.Accepted a) {
                assertThat(Transitions.allowedFrom(e.getClass())).as("accepted %s in %s", e.type(), s.state()).contains(s.state());
                assertThat(e.date()).isAfterOrEqualTo(s.lastDate() == null ? LocalDate.MIN : s.lastDate());
                invariants(a.state());
                sameQueueWhenNothingItReadsChanged(s, a.state(), e.date());
                s = a.state();
                accepted.add(e);
            } else {
                Rejection r = ((Verdict.Rejected) v).rejection();
                assertThat(r.state()).isEqualTo(s.state());
                assertThat(r.message()).contains(r.rule().name());
                assertThat(RB.check(s, e)).contains(r);   // deterministic
            }
            assertThat(s.version()).isEqualTo(accepted.size());
        }
        assertThat(Evolution.fold(gen.id, accepted)).isEqualTo(s);
        // Shows in the report how deep the random runs go.
        Statistics.label("final state").collect(s.state());
        Statistics.label("community sponsorship").collect(accepted.stream().anyMatch(e -> e instanceof ReceptionEvent.SponsorshipStarted));
        Statistics.label("events accepted").collect(accepted.size() < 10 ? "<10" : accepted.size() < 30 ? "10-29" : "30+");
    }

    private static void invariants(DossierState s) {
        if (s.state() == ProcedureState.PROTECTED) {
            assertThat(s.heldStatus()).isIn(DecisionType.REFUGEE_STATUS, DecisionType.SUBSIDIARY_PROTECTION);
            assertThat(s.protectedOn()).isNotNull();
        }
        if (s.state().atCgvs()) {
            assertThat(s.transferredOn()).isNotNull();
            assertThat(s.track()).isNotNull();
        }
        if (s.state() == ProcedureState.REJECTED_FINAL) {
            assertThat(s.finalNegativeOn()).isNotNull();
        }
        if (s.state() == ProcedureState.DECIDED) {
            assertThat(s.lastDecision().stage()).isEqualTo(DecisionStage.FINAL);
        }
        if (s.state() == ProcedureState.SUSPENDED) {
            assertThat(s.suspendedFrom()).isIn(ProcedureState.CGVS_PENDING, ProcedureState.INTERVIEWED);
        }
        if (!s.reception().isEmpty()) {
            assertThat(s.entitled()).isTrue();
            assertThat(s.state()).isNotEqualTo(ProcedureState.RETURNED);
        }
        s.reception().keySet().forEach(p -> assertThat(s.person(p)).isPresent());
        s.reception().values().forEach(st -> {
            if (st.sponsored()) {
                // Community sponsorship: resettled persons only, outside the network, with a planned end after the start.
                assertThat(s.arrivedThrough()).isEqualTo(PathwayChannel.RESETTLEMENT);
                assertThat(st.placeType()).isNull();
                assertThat(st.partner()).isNotBlank();
                assertThat(st.until()).isAfter(st.enteredOn());
            } else {
                assertThat(st.until()).isNull();
            }
        });
        assertThat(s.placedCount() + s.waitingCount() + s.sponsoredCount()).isEqualTo(s.reception().size());
        assertThat(s.lastDate()).isBeforeOrEqualTo(LocalDate.now(Fixture.CLOCK));
    }

    /** Proposes the next command for a dossier. */
    private static final class Proposals {
        final SplittableRandom rnd;
        final DossierId id;
        final List<Person> persons = new ArrayList<>();
        LocalDate day;

        Proposals(SplittableRandom rnd) {
            this.rnd = rnd;
            this.id = DossierId.of("D-PROP-" + rnd.nextInt(1_000_000));
            this.day = LocalDate.of(2022, 1, 1).plusDays(rnd.nextInt(3 * 365));
            String nat = NATIONALITIES.get(rnd.nextInt(NATIONALITIES.size()));
            int n = 1 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                boolean minor = rnd.nextInt(5) == 0;
                persons.add(new Person(PersonId.of("P-PROP-" + i), Nationality.of(nat), rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE,
                        minor ? 2007 + rnd.nextInt(8) : 1960 + rnd.nextInt(40), minor && rnd.nextBoolean()));
            }
        }

        ChainEvent next(DossierState s) {
            LocalDate d = date();
            List<Class<? extends ChainEvent>> types = new ArrayList<>(EventTypes.byName().values());
            if (rnd.nextInt(10) < 8) {
                types.removeIf(t -> !Transitions.allowedFrom(t).contains(s.state()));
                // Reception and return steps are allowed almost everywhere; favour the procedure so runs go deep.
                List<Class<? extends ChainEvent>> progress = types.stream().filter(t -> !ReceptionEvent.class.isAssignableFrom(t)
                        && !ReturnEvent.class.isAssignableFrom(t) && t != ProcedureEvent.AgeAssessed.class).toList();
                if (!progress.isEmpty() && rnd.nextInt(4) != 0) {
                    types = new ArrayList<>(progress);
                }
            }
            Class<? extends ChainEvent> t = types.get(rnd.nextInt(types.size()));
            if ((t == ProcedureEvent.ApplicationWithdrawn.class || ReturnEvent.class.isAssignableFrom(t)) && rnd.nextInt(5) != 0) {
                t = types.get(rnd.nextInt(types.size()));
            }
            return make(t, s, d);
        }

        private LocalDate date() {
            int r = rnd.nextInt(20);
            if (r == 0) {
                return day.minusDays(1 + rnd.nextInt(5));   // sometimes out of order
            }
            day = day.plusDays(r < 5 ? 0 : rnd.nextInt(r < 17 ? 15 : 60));
            return day;
        }

        private <T> T pick(T[] values) {
            return values[rnd.nextInt(values.length)];
        }

        private List<PersonId> some() {
            List<PersonId> ids = new ArrayList<>();
            for (Person p : persons) {
                if (ids.isEmpty() || rnd.nextBoolean()) {
                    ids.add(p.id());
                }
            }
            return ids;
        }

        private ChainEvent make(Class<? extends ChainEvent> t, DossierState s, LocalDate d) {
            String n = t.getSimpleName();
            return switch (n) {
                case "ArrivedThroughPathway" -> new PathwayEvent.ArrivedThroughPathway(id, d, pick(PathwayChannel.values()), persons,
                        Nationality.of("LB"), 2022 + rnd.nextInt(4));
                case "ApplicationRegistered" -> new ProcedureEvent.ApplicationRegistered(id, d, ApplicationId.of("A-PROP-" + (s.applications() + 1)),
                        registrationType(s), persons, s.languageRole() != null ? s.languageRole() : pick(LanguageRole.values()), rnd.nextInt(4) == 0);
                case "ApplicationLodged" -> new ProcedureEvent.ApplicationLodged(id, d);
                case "DublinCheckStarted" -> new ProcedureEvent.DublinCheckStarted(id, d);
                case "DublinDecided" -> new ProcedureEvent.DublinDecided(id, d, rnd.nextInt(6) == 0
                        ? DublinOutcome.TRANSFER_TO_OTHER_STATE : DublinOutcome.BELGIUM_RESPONSIBLE);
                case "TransferredToCgvs" -> new ProcedureEvent.TransferredToCgvs(id, d);
                case "TrackAssigned" -> new ProcedureEvent.TrackAssigned(id, d, pick(Track.values()));
                case "ProcessingSuspended" -> new ProcedureEvent.ProcessingSuspended(id, d, pick(new String[] {"SUSPEND_RUSSIA", "SUSPEND_SUDAN",
                        "SUSPEND_SYRIA", "SUSPEND_UKRAINE_TEMPORARY_PROTECTION"}));
                case "ProcessingResumed" -> new ProcedureEvent.ProcessingResumed(id, d);
                case "InterviewHeld" -> new ProcedureEvent.InterviewHeld(id, d);
                case "InterimDecisionTaken" -> new DecisionEvent.InterimDecisionTaken(id, d, pick(DecisionType.ofStage(DecisionStage.INTERIM)
                        .toArray(new DecisionType[0])));
                case "FinalDecisionTaken" -> new DecisionEvent.FinalDecisionTaken(id, d, pick(DecisionType.ofStage(DecisionStage.FINAL)
                        .toArray(new DecisionType[0])));
                case "StatusEnded" -> new DecisionEvent.StatusEnded(id, d, rnd.nextBoolean() ? DecisionType.WITHDRAWAL : DecisionType.REVOCATION);
                case "DecisionNotified" -> new ProcedureEvent.DecisionNotified(id, d);
                case "DecisionBecameFinal" -> new ProcedureEvent.DecisionBecameFinal(id, jump(d, 45));
                case "OrderToLeaveIssued" -> new ProcedureEvent.OrderToLeaveIssued(id, d, 30);
                case "ApplicationWithdrawn" -> new ProcedureEvent.ApplicationWithdrawn(id, d);
                case "AgeAssessed" -> new ProcedureEvent.AgeAssessed(id, d, persons.get(rnd.nextInt(persons.size())).id(), pick(AgeAssessment.values()));
                case "AppealLodged" -> new AppealEvent.AppealLodged(id, d, rnd.nextInt(10) == 0 ? pick(LanguageRole.values())
                        : Optional.ofNullable(s.languageRole()).orElse(LanguageRole.NL));
                case "AppealJudged" -> new AppealEvent.AppealJudged(id, d, pick(JudgmentOutcome.values()));
                case "CassationLodged" -> new AppealEvent.CassationLodged(id, d);
                case "CassationDecided" -> new AppealEvent.CassationDecided(id, d, pick(CassationOutcome.values()));
                case "EntitlementDecided" -> new ReceptionEvent.EntitlementDecided(id, d, rnd.nextInt(5) != 0, "generated");
                case "PutOnWaitingList" -> new ReceptionEvent.PutOnWaitingList(id, d, pick(WaitingListChannel.values()), some());
                case "PlacedInFacility" -> new ReceptionEvent.PlacedInFacility(id, d, "F-" + rnd.nextInt(5), pick(PlaceType.values()), some(), "generated");
                case "TransferredBetweenFacilities" -> new ReceptionEvent.TransferredBetweenFacilities(id, d, "F-" + rnd.nextInt(5),
                        pick(PlaceType.values()), some());
                case "LeftReception" -> new ReceptionEvent.LeftReception(id, jump(d, 150), pick(LeaveReason.values()), some());
                case "SponsorshipStarted" -> new ReceptionEvent.SponsorshipStarted(id, d, "PARTNER-" + rnd.nextInt(3), some(),
                        rnd.nextInt(8) == 0 ? d.minusDays(rnd.nextInt(3)) : rnd.nextBoolean() ? null : d.plusMonths(1 + rnd.nextInt(18)));
                case "VulnerabilityAssessed" -> new ReceptionEvent.VulnerabilityAssessed(id, d, some(), rnd.nextBoolean());
                case "VoluntaryReturn" -> new ReturnEvent.VoluntaryReturn(id, d, rnd.nextBoolean());
                case "ForcedReturn" -> new ReturnEvent.ForcedReturn(id, jump(d, 40), pick(ForcedReturnKind.values()));
                default -> throw new IllegalStateException("no generator for " + n);
            };
        }

        /** Some steps only pass after a waiting period: sometimes jump ahead far enough. */
        private LocalDate jump(LocalDate d, int days) {
            if (rnd.nextBoolean()) {
                day = d.plusDays(days);
                return day;
            }
            return d;
        }

        private ApplicationType registrationType(DossierState s) {
            if (rnd.nextInt(8) == 0) {
                return pick(ApplicationType.values());
            }
            if (s.state().applicationEnded()) {
                return ApplicationType.SUBSEQUENT;
            }
            if (s.state() == ProcedureState.ARRIVED) {
                for (ApplicationType t : ApplicationType.values()) {
                    if (t.requiredPathway().equals(Optional.ofNullable(s.arrivedThrough()))) {
                        return t;
                    }
                }
            }
            return ApplicationType.FIRST;
        }
    }
}
