package be.keten.bench;

import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.event.AppealEvent;
import be.keten.core.event.ChainEvent;
import be.keten.core.event.DecisionEvent;
import be.keten.core.event.ProcedureEvent;
import be.keten.core.event.ReceptionEvent;
import be.keten.core.event.ReturnEvent;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
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
import be.keten.core.rulebook.Rulebook;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible dossier histories for benchmarks and examples: every event is put to the rulebook as
 * it is generated, and a history stops at the first step the rules refuse (a suspension, a date
 * after today), so the output always imports. Not calibrated on published figures: that is the
 * statistics module's synthetic microdata; these are load and demo data.
 */
public final class HistoryGenerator {
    private static final String[] NATIONALITIES = {"SY", "AF", "PS", "TR", "ER", "GN", "MD", "CM", "GE", "CD", "RU", "AL", "SO", "IQ", "BI"};
    private static final int[] WEIGHTS = {14, 12, 10, 8, 8, 5, 4, 4, 4, 4, 3, 2, 4, 3, 3};

    /** Stay places of the example network (examples/reception/network-2024.csv). */
    private static final java.util.Map<PlaceType, String[]> STAY_FACILITIES = java.util.Map.of(
            PlaceType.COLLECTIVE, new String[] {"F-FED-COL-NL", "F-FED-COL-FR", "F-CRF-COL", "F-RKV-COL", "F-PRIV-COL", "F-SAMU-COL"},
            PlaceType.INDIVIDUAL, new String[] {"F-OCMW-LOI", "F-CAR-IND", "F-OTH-IND"},
            PlaceType.UAM_COLLECTIVE, new String[] {"F-FED-UAM", "F-CRF-UAM", "F-RKV-UAM"});

    private final Rulebook rulebook;
    private final SplittableRandom rnd;
    private final LocalDate from;
    private final int spanDays;

    public HistoryGenerator(Rulebook rulebook, long seed, LocalDate from, LocalDate to) {
        this.rulebook = rulebook;
        this.rnd = new SplittableRandom(seed);
        this.from = from;
        this.spanDays = (int) (to.toEpochDay() - from.toEpochDay());
    }

    /** The history of dossier number {@code n}: accepted events in order. */
    public List<ChainEvent> dossier(int n) {
        History h = new History(DossierId.of(String.format("D-%d-%06d", from.getYear(), n)), from.plusDays(rnd.nextInt(spanDays + 1)));
        h.run(n);
        return h.events;
    }

    private String nationality() {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return NATIONALITIES[i];
            }
        }
        throw new IllegalStateException();
    }

    /** One dossier being written; {@link #step} returns false once the rulebook refuses. */
    private final class History {
        final DossierId id;
        final List<ChainEvent> events = new ArrayList<>();
        DossierState state;
        LocalDate day;

        History(DossierId id, LocalDate start) {
            this.id = id;
            this.state = DossierState.empty(id);
            this.day = start;
        }

        LocalDate after(int min, int max) {
            day = day.plusDays(min + rnd.nextInt(max - min + 1));
            return day;
        }

        boolean step(ChainEvent e) {
            Verdict v = rulebook.decide(state, e);
            if (v instanceof Verdict.Accepted a) {
                state = a.state();
                events.add(e);
                return true;
            }
            return false;
        }

        List<PersonId> ids() {
            return state.persons().stream().map(Person::id).toList();
        }

        void run(int n) {
            String nat = nationality();
            List<Person> persons = household(n, nat);
            boolean elsewhere = (nat.equals("PS") || nat.equals("SY")) && rnd.nextInt(4) == 0;
            LanguageRole role = rnd.nextInt(10) < 6 ? LanguageRole.FR : LanguageRole.NL;
            if (!step(new ProcedureEvent.ApplicationRegistered(id, day, ApplicationId.of("A" + id.value().substring(1) + "-1"),
                    ApplicationType.FIRST, persons, role, elsewhere))) {
                return;
            }
            reception(persons);
            if (!step(new ProcedureEvent.ApplicationLodged(id, after(1, 14)))) {
                return;
            }
            if (!elsewhere) {
                if (!step(new ProcedureEvent.DublinCheckStarted(id, after(0, 3)))) {
                    return;
                }
                boolean transfer = rnd.nextInt(10) == 0;
                if (!step(new ProcedureEvent.DublinDecided(id, after(20, 120), transfer ? DublinOutcome.TRANSFER_TO_OTHER_STATE
                        : DublinOutcome.BELGIUM_RESPONSIBLE))) {
                    return;
                }
                if (transfer) {
                    leave(LeaveReason.RETURN, 1, 30);
                    if (step(new ProcedureEvent.OrderToLeaveIssued(id, after(0, 10), 30))) {
                        step(new ReturnEvent.ForcedReturn(id, after(31, 120), ForcedReturnKind.DUBLIN_TRANSFER));
                    }
                    return;
                }
            }
            if (!step(new ProcedureEvent.TransferredToCgvs(id, after(1, 30)))) {
                return;
            }
            for (Track t : new Track[] {Track.FAST_TRACK_15, Track.FAST_TRACK_50}) {
                if (rulebook.policies().fastTrack(t, state.nationality(), elsewhere, state.transferredOn()).isPresent()
                        && step(new ProcedureEvent.TrackAssigned(id, day, t))) {
                    break;
                }
            }
            examine(n);
        }

        void examine(int n) {
            boolean fast = state.track() != null && state.track().isFastTrack();
            if (!step(new ProcedureEvent.InterviewHeld(id, after(fast ? 5 : 60, fast ? 15 : 400)))) {
                return;
            }
            DecisionType type = decisionType();
            if (!step(new DecisionEvent.FinalDecisionTaken(id, after(3, fast ? 10 : 90), type))
                    || !step(new ProcedureEvent.DecisionNotified(id, after(2, 10)))) {
                return;
            }
            if (type.isPositive()) {
                rulebook.transitionEnd(state).ifPresent(end -> {
                    if (!state.reception().isEmpty()) {
                        day = end.isAfter(day) ? end : day;
                        leave(LeaveReason.POSITIVE_TRANSITION_END, 0, 20);
                    }
                });
                return;
            }
            if (rnd.nextInt(10) < 6 && step(new AppealEvent.AppealLodged(id, after(1, 9), state.languageRole()))) {
                JudgmentOutcome o = rnd.nextInt(10) < 8 ? JudgmentOutcome.REJECT : rnd.nextBoolean() ? JudgmentOutcome.ANNUL
                        : JudgmentOutcome.GRANT_SUBSIDIARY_PROTECTION;
                if (!step(new AppealEvent.AppealJudged(id, after(60, 300), o))) {
                    return;
                }
                if (o == JudgmentOutcome.ANNUL) {
                    examine(n);
                    return;
                }
                if (o != JudgmentOutcome.REJECT) {
                    return;
                }
            } else if (!step(new ProcedureEvent.DecisionBecameFinal(id, after(31, 40)))) {
                return;
            }
            if (state.state() != ProcedureState.REJECTED_FINAL) {
                return;
            }
            step(new ProcedureEvent.OrderToLeaveIssued(id, after(1, 20), 30));
            rulebook.negativeExitDate(state).ifPresent(end -> {
                day = end.isAfter(day) ? end : day;
                leave(LeaveReason.FINAL_NEGATIVE_EXIT, 0, 10);
            });
            if (state.reception().isEmpty() && rnd.nextInt(5) == 0) {
                step(new ReturnEvent.VoluntaryReturn(id, after(1, 60), rnd.nextBoolean()));
            }
        }

        DecisionType decisionType() {
            if (state.protectedInOtherEuState()) {
                return rnd.nextInt(10) < 8 ? DecisionType.INADMISSIBLE : DecisionType.REFUGEE_STATUS;
            }
            int r = rnd.nextInt(100);
            boolean likely = state.nationality().code().matches("SY|ER|PS|SO|AF|BI");
            if (r < (likely ? 60 : 15)) {
                return DecisionType.REFUGEE_STATUS;
            }
            if (r < (likely ? 64 : 17)) {
                return DecisionType.SUBSIDIARY_PROTECTION;
            }
            if (r < (likely ? 67 : 25)) {
                return DecisionType.MANIFESTLY_UNFOUNDED;
            }
            if (r < (likely ? 69 : 28)) {
                return DecisionType.CLOSURE;
            }
            return DecisionType.REFUSAL;
        }

        void reception(List<Person> persons) {
            if (!step(new ReceptionEvent.EntitlementDecided(id, day, true, "RECEPTION_FIRST"))) {
                return;
            }
            boolean singleMan = persons.size() == 1 && persons.get(0).sex() == Sex.MALE && !persons.get(0).declaredUnaccompaniedMinor();
            boolean waitingList = singleMan && rulebook.policies().receptionPriority(day).singleMenWaitingList() && rnd.nextInt(10) < 7;
            if (waitingList) {
                step(new ReceptionEvent.PutOnWaitingList(id, day, WaitingListChannel.ARRIVAL_CENTRE, ids()));
                return;
            }
            PlaceType type = persons.get(0).declaredUnaccompaniedMinor() ? PlaceType.UAM_OBSERVATION_ORIENTATION : PlaceType.FIRST_PHASE;
            if (step(new ReceptionEvent.PlacedInFacility(id, day, type == PlaceType.FIRST_PHASE ? "F-FED-ARRIVAL" : "F-FED-OOC", type, ids(),
                    "entitled, placed on arrival"))) {
                PlaceType stay = type == PlaceType.FIRST_PHASE ? (rnd.nextInt(5) == 0 ? PlaceType.INDIVIDUAL : PlaceType.COLLECTIVE)
                        : PlaceType.UAM_COLLECTIVE;
                String[] facilities = STAY_FACILITIES.get(stay);
                step(new ReceptionEvent.TransferredBetweenFacilities(id, after(3, 28), facilities[rnd.nextInt(facilities.length)], stay, ids()));
            }
        }

        void leave(LeaveReason reason, int min, int max) {
            if (!state.reception().isEmpty()) {
                step(new ReceptionEvent.LeftReception(id, after(min, max), reason, List.copyOf(state.reception().keySet()).stream().sorted().toList()));
            }
        }

        List<Person> household(int n, String nat) {
            int r = rnd.nextInt(100);
            int size = r < 85 ? 1 : r < 92 ? 2 : r < 96 ? 3 : r < 99 ? 4 : 5;
            List<Person> out = new ArrayList<>();
            int year = day.getYear();
            boolean uam = size == 1 && rnd.nextInt(100) < 7;
            Sex principal = size == 1 ? (rnd.nextInt(100) < 78 ? Sex.MALE : Sex.FEMALE) : (rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE);
            out.add(new Person(PersonId.of(String.format("P-%06d-1", n)), Nationality.of(nat), principal,
                    uam ? year - 15 - rnd.nextInt(3) : year - 19 - rnd.nextInt(35), uam));
            for (int i = 2; i <= size; i++) {
                boolean adult = i == 2 && size > 2 && rnd.nextBoolean();
                out.add(new Person(PersonId.of(String.format("P-%06d-%d", n, i)), Nationality.of(nat), rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE,
                        adult ? year - 20 - rnd.nextInt(30) : year - rnd.nextInt(17), false));
            }
            return out;
        }
    }
}
