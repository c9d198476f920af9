package be.keten.sim;

import be.keten.core.event.AppealEvent.AppealLodged;
import be.keten.core.event.DecisionEvent.FinalDecisionTaken;
import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ProcedureEvent.DecisionNotified;
import be.keten.core.event.ProcedureEvent.DublinCheckStarted;
import be.keten.core.event.ProcedureEvent.DublinDecided;
import be.keten.core.event.ProcedureEvent.InterviewHeld;
import be.keten.core.event.ProcedureEvent.TransferredToCgvs;
import be.keten.core.event.ReceptionEvent.EntitlementDecided;
import be.keten.core.event.ReceptionEvent.PlacedInFacility;
import be.keten.core.event.ReceptionEvent.PutOnWaitingList;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.policy.Policy;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.DublinOutcome;
import be.keten.core.reception.Facility;
import be.keten.core.reception.PlaceType;
import be.keten.core.reception.WaitingListChannel;
import be.keten.core.state.DossierState;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The start of a replication built from the scenario's stocks: dossiers in the CGVS workload, at
 * the DVZ (registered, not yet transferred) and pending at the RvV, with histories dated before the
 * start and put through the rulebook like any other step, then the reception network filled to the
 * stated occupancy and the waiting list to its stated length. It draws from the engine's random
 * stream, in a fixed order.
 */
final class InitialStocks {
    private static final List<PlaceType> ADULT_PLACES = List.of(PlaceType.FIRST_PHASE, PlaceType.COLLECTIVE, PlaceType.INDIVIDUAL,
            PlaceType.OPEN_RETURN);

    private final Engine engine;

    InitialStocks(Engine engine) {
        this.engine = engine;
    }

    /** Dossiers behind the stocks at the start date, their histories dated before it and put through the rulebook. */
    void build() {
        Scenario.Initial in = engine.sc.initial();
        LocalDate eve = engine.sc.start().minusDays(1);
        List<Case> pending = new ArrayList<>();
        List<Case> workload = new ArrayList<>();
        for (int i = 0; i < in.cgvsWorkloadDossiers(); i++) {
            Case c = engine.newCase();
            LocalDate reg = eve.minusDays(40 + engine.rng.nextInt(680));
            registerPast(c, engine.households.nationality(), reg, null);
            transferPast(c, reg.plusDays(30));
            workload.add(c);
        }
        Case.firstComeFirstServed(workload, DossierState::transferredOn);
        workload.forEach(engine::enqueue);
        pending.addAll(workload);
        for (Case c : dvzPipeline()) {
            if (automaticallyEntitled(c)) {   // one without an automatic right to reception is not one of the stocks' residents
                pending.add(c);
            }
        }
        List<Case> appeals = new ArrayList<>();
        for (int i = 0; i < in.rvvPendingDossiers(); i++) {
            Case c = engine.newCase();
            LocalDate reg = eve.minusDays(200 + engine.rng.nextInt(500));
            LocalDate decided = reg.plusDays(120);
            // The past interview and decision both need a nationality no suspension covered then.
            registerPast(c, engine.households.nationality(decided.minusDays(10), decided), reg, null);
            transferPast(c, reg.plusDays(30));
            DecisionType t = negative(engine.sc.cgvs().mix(c.state.nationality(), null));
            engine.emit(c, new InterviewHeld(c.state.dossier(), decided.minusDays(10)));
            engine.emit(c, new FinalDecisionTaken(c.state.dossier(), decided, t));
            engine.emit(c, new DecisionNotified(c.state.dossier(), decided.plusDays(3)));
            engine.emit(c, new AppealLodged(c.state.dossier(), decided.plusDays(5), c.state.languageRole()));
            appeals.add(c);
        }
        Case.firstComeFirstServed(appeals, DossierState::lastDate);
        engine.rvvQueue.addAll(appeals);
        pending.addAll(appeals);
        // Residents: dossiers in procedure first, in random order, then status holders in transition.
        for (int i = pending.size() - 1; i > 0; i--) {
            int j = engine.rng.nextInt(i + 1);
            Case t = pending.get(i);
            pending.set(i, pending.get(j));
            pending.set(j, t);
        }
        Map<PlaceType, Integer> left = new EnumMap<>(in.occupancy());
        Map<String, Integer> free = new HashMap<>();
        for (Facility f : engine.sc.reception().network().facilities()) {
            free.put(f.id(), f.capacityOn(eve));
        }
        List<Case> unplaced = new ArrayList<>();
        for (Case c : pending) {
            if (!placeInitially(c, left, free, eve)) {
                unplaced.add(c);
            }
        }
        int guard = 0;
        while (left.values().stream().anyMatch(v -> v > 0) && guard++ < 1_000_000) {
            boolean minors = left.entrySet().stream().anyMatch(e -> e.getValue() > 0 && e.getKey().forUnaccompaniedMinors());
            boolean adults = left.entrySet().stream().anyMatch(e -> e.getValue() > 0 && !e.getKey().forUnaccompaniedMinors());
            Case c = statusHolderInTransition(eve, minors && !adults);
            if (!placeInitially(c, left, free, eve)) {
                break;
            }
            engine.schedulePositiveExit(c);
        }
        int waiting = 0;
        for (Case c : unplaced) {
            if (waiting >= in.waitingList()) {
                break;
            }
            Person p = c.state.persons().get(0);
            if (c.state.persons().size() == 1 && p.sex() == Sex.MALE && !p.declaredUnaccompaniedMinor() && p.ageIn(eve.getYear()) >= 20) {
                LocalDate since = eve.minusDays(engine.rng.nextInt(120));
                since = since.isBefore(c.state.lastDate()) ? c.state.lastDate() : since;
                engine.emit(c, new EntitlementDecided(c.state.dossier(), c.state.lastDate(), true, entitlementBasis(c)));
                engine.emit(c, new PutOnWaitingList(c.state.dossier(), since, WaitingListChannel.ARRIVAL_CENTRE, Households.ids(c.state.persons())));
                engine.scheduleDropout(c, since);
                waiting++;
            }
        }
    }

    /**
     * The DVZ's pipeline at the start: spontaneous applications registered before it whose transfer to the CGVS
     * (or Dublin decision) falls on or after it. The CGVS workload leaves them out (files still at the DVZ are
     * outside it, GUIDE §5.2); without them no transfer would reach the CGVS in the first weeks. Each day before
     * the start has the arrivals of its month's inflow before any what-if (no scale knob, no shocks), each with
     * its registration-to-transfer delay drawn as for any arrival; those transferred before the start are in the
     * workload already, and are not made. The look-back, mean × (1 + 10 cv), reaches where a longer delay has a
     * chance of about one in a thousand or less; it stops at ten years (reached only by a mean delay of months
     * with a cv above 1). Arrivals through a pathway (transferred 14 days after arriving) are left out.
     */
    private List<Case> dvzPipeline() {
        Distribution delay = engine.sc.dvz().registrationToTransfer();
        int lookBack = (int) Math.min(10 * 365, Math.ceil(delay.mean() * (1 + 10 * delay.cv())));
        LocalDate start = engine.sc.start();
        List<Case> out = new ArrayList<>();
        for (int back = lookBack; back >= 1; back--) {
            LocalDate d = start.minusDays(back);
            YearMonth m = YearMonth.from(d);
            long n = engine.poisson(engine.sc.inflow().baselinePersons(m) / engine.meanHousehold / m.lengthOfMonth());
            for (long i = 0; i < n; i++) {
                int days = delay.days(engine.rng, 1);
                if (days >= back) {
                    out.add(engine.arrivedBefore(d, days));
                }
            }
        }
        return out;
    }

    /** Entitled to reception by the dated entitlement policy itself, not case by case (a subsequent application is not). */
    private boolean automaticallyEntitled(Case c) {
        return engine.rulebook.policies().entitlement(c.state.applicationType(), c.state.lastDate()).entitlement() == Policy.Entitlement.AUTOMATIC;
    }

    private String entitlementBasis(Case c) {
        return engine.rulebook.policies().entitlement(c.state.applicationType(), c.state.lastDate()).id();
    }

    private boolean placeInitially(Case c, Map<PlaceType, Integer> left, Map<String, Integer> free, LocalDate eve) {
        int size = c.state.persons().size();
        boolean minor = c.state.isUnaccompaniedMinor(c.state.persons().get(0).id()) && size == 1;
        for (Map.Entry<PlaceType, Integer> e : left.entrySet()) {
            PlaceType t = e.getKey();
            if (e.getValue() < size || t.forUnaccompaniedMinors() != minor || (!minor && !ADULT_PLACES.contains(t))) {
                continue;
            }
            for (Facility f : engine.sc.reception().network().facilities()) {
                if (f.placeType() == t && free.get(f.id()) >= size) {
                    engine.emit(c, new EntitlementDecided(c.state.dossier(), eve, true, entitlementBasis(c)));
                    engine.emit(c, new PlacedInFacility(c.state.dossier(), eve, f.id(), t, Households.ids(c.state.persons()), "initial occupancy of the scenario"));
                    free.merge(f.id(), -size, Integer::sum);
                    e.setValue(e.getValue() - size);
                    engine.scheduleDeparture(c, eve);
                    return true;
                }
            }
        }
        return false;
    }

    private Case statusHolderInTransition(LocalDate eve, boolean minor) {
        Case c = engine.newCase();
        int months = engine.rulebook.policies().transition(eve).months();
        LocalDate notified = eve.minusDays(1 + engine.rng.nextInt(Math.max(1, months * 30 - 1)));
        LocalDate reg = notified.minusDays(200);
        registerPast(c, engine.households.nationality(notified.minusDays(3)), reg, minor);
        transferPast(c, reg.plusDays(30));
        engine.emit(c, new InterviewHeld(c.state.dossier(), notified.minusDays(13)));
        engine.emit(c, new FinalDecisionTaken(c.state.dossier(), notified.minusDays(3), DecisionType.REFUGEE_STATUS));
        engine.emit(c, new DecisionNotified(c.state.dossier(), notified));
        return c;
    }

    private void registerPast(Case c, Nationality nat, LocalDate day, Boolean minor) {
        engine.emit(c, new ApplicationRegistered(c.state.dossier(), day, engine.applicationId(c), ApplicationType.FIRST, engine.households.household(nat, day.getYear(), minor),
                engine.households.role(), engine.rng.nextDouble() < engine.sc.inflow().protectedInOtherEuShare()));
        engine.emit(c, new ApplicationLodged(c.state.dossier(), day.plusDays(1)));
    }

    private void transferPast(Case c, LocalDate day) {
        if (!c.state.protectedInOtherEuState()) {
            engine.emit(c, new DublinCheckStarted(c.state.dossier(), day.minusDays(25)));
            engine.emit(c, new DublinDecided(c.state.dossier(), day, DublinOutcome.BELGIUM_RESPONSIBLE));
        }
        engine.emit(c, new TransferredToCgvs(c.state.dossier(), day));
        engine.assignTrack(c, day);
    }

    private DecisionType negative(Mix<DecisionType> mix) {
        for (int i = 0; i < 100; i++) {
            DecisionType t = mix.sample(engine.rng);
            if (t.isNegativeFinal() && t != DecisionType.CLOSURE) {
                return t;
            }
        }
        return DecisionType.REFUSAL;
    }
}
