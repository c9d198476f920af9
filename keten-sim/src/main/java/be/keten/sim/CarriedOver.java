package be.keten.sim;

import be.keten.core.event.ProcedureEvent.ApplicationLodged;
import be.keten.core.event.ProcedureEvent.DublinCheckStarted;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.reception.LeaveReason;
import be.keten.core.state.DossierState;
import be.keten.core.state.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The start of a replication that continues real dossiers (from the event store) instead of
 * building them from stocks.
 */
final class CarriedOver {
    private final Engine engine;
    private final InitialCases carried;

    CarriedOver(Engine engine, InitialCases carried) {
        this.engine = engine;
        this.carried = carried;
    }

    /**
     * Real dossiers continue from their state on the eve of the start: their stocks count from the
     * eve, and their next steps are scheduled on or after the start by the same paths as the
     * engine's own dossiers (no history is invented, so nothing is dated before the start).
     */
    void continueAll() {
        LocalDate eve = engine.sc.start().minusDays(1);
        List<Case> cgvs = new ArrayList<>();
        List<Case> appeals = new ArrayList<>();
        for (DossierState s : carried.states()) {
            Case c = new Case(s);
            engine.register(c, true);
            engine.stats.carryOver(s, eve);
            engine.needs.carryOver(s, eve);
            engine.round.track(DossierState.empty(s.dossier()), c, eve);
            switch (s.state()) {
                case CGVS_PENDING, INTERVIEWED -> cgvs.add(c);
                case APPEAL_PENDING -> appeals.add(c);
                default -> continueCase(c, eve);
            }
            continueStay(c, eve);
        }
        // Queues first come, first served, as for the stock-built start.
        Case.firstComeFirstServed(cgvs, DossierState::transferredOn);
        cgvs.forEach(engine::enqueue);
        Case.firstComeFirstServed(appeals, s -> s.notifiedOn() != null ? s.notifiedOn() : s.lastDate());
        engine.rvvQueue.addAll(appeals);
    }

    /** The next step of a carried-over dossier outside the CGVS and RvV queues. */
    private void continueCase(Case c, LocalDate eve) {
        LocalDate start = engine.sc.start();
        DossierState s = c.state;
        switch (s.state()) {
            case ARRIVED -> engine.at(start, c, () -> engine.registerAfterArrival(c));
            case REGISTERED, LODGED, DUBLIN_CHECK -> continueAtDvz(c, start);
            case DUBLIN_TRANSFER -> engine.at(start, c, () -> engine.leaveAfterDublin(c));
            case SUSPENDED -> engine.suspended.computeIfAbsent(engine.suspensionKey(s), k -> new ArrayList<>()).add(c);
            case DECIDED -> engine.at(later(s.decidedOn().plusDays(engine.sc.cgvs().notificationDays()), start), c, () -> engine.notify(c));
            case NOTIFIED_NEGATIVE -> engine.afterNegativeNotice(c, eve);
            case PROTECTED -> engine.schedulePositiveExit(c);
            case REJECTED_FINAL, CASSATION_PENDING -> engine.at(start, c, () -> {   // the RvS is not simulated: a cassation stays pending
                if (c.state.orderToLeaveExpiresOn() == null) {
                    engine.finalNegative(c);
                } else {
                    engine.scheduleNegativeExit(c, engine.today());
                }
            });
            // Still in reception after the application ended otherwise: the aid ends on the first day.
            default -> engine.at(start, c, () -> engine.leave(c, LeaveReason.VOLUNTARY_DEPARTURE));
        }
    }

    /** Lodging, Dublin check and the transfer (or Dublin transfer) of a dossier carried over at the DVZ. */
    private void continueAtDvz(Case c, LocalDate start) {
        DossierState s = c.state;
        boolean outsideDublin = s.protectedInOtherEuState() || s.arrivedThrough() != null;
        if (s.entitled() == null) {
            engine.at(start, c, () -> engine.entitlement(c, engine.today()));
        }
        if (s.state() == ProcedureState.REGISTERED) {
            engine.at(start, c, () -> engine.emit(c, new ApplicationLodged(c.state.dossier(), engine.today())));
        }
        if (!outsideDublin && s.state() != ProcedureState.DUBLIN_CHECK) {
            engine.at(start, c, () -> engine.emit(c, new DublinCheckStarted(c.state.dossier(), engine.today())));
        }
        LocalDate due = s.arrivedThrough() != null ? s.registeredOn().plusDays(14) : remaining(engine.sc.dvz().registrationToTransfer(), s.registeredOn(), start);
        boolean dublin = !outsideDublin && s.dublinOutcome() == null && engine.rng.nextDouble() < engine.sc.dvz().dublinShare();
        engine.at(later(due, start), c, () -> {
            if (dublin) {
                engine.dublinTransfer(c);
            } else {
                engine.transfer(c);
            }
        });
    }

    /** The end of a delay begun on {@code since}, drawn given that it had not ended before {@code start} (else {@code start}). */
    private LocalDate remaining(Distribution delay, LocalDate since, LocalDate start) {
        for (int i = 0; i < 20; i++) {
            LocalDate end = since.plusDays(delay.days(engine.rng, 1));
            if (!end.isBefore(start)) {
                return end;
            }
        }
        return start;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Voluntary departures of the placed and drop-outs of the waiting, from the eve (monthly hazards, memoryless). */
    private void continueStay(Case c, LocalDate eve) {
        TreeSet<LocalDate> placed = new TreeSet<>();
        TreeSet<LocalDate> waiting = new TreeSet<>();
        for (Stay st : c.state.reception().values()) {
            if (st.placed()) {
                placed.add(st.enteredOn());
            } else if (st.waiting()) {
                waiting.add(st.enteredOn());
            }
        }
        placed.forEach(on -> engine.scheduleDeparture(c, on, eve));
        waiting.forEach(since -> engine.scheduleDropout(c, since, eve));
    }
}
