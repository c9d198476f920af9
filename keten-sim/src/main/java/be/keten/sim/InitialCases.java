package be.keten.sim;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.procedure.ProcedureState;
import be.keten.core.reception.PlaceType;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.core.state.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Real dossiers a simulation continues instead of building its start from the scenario's stocks
 * ({@code keten simulate --from-store}): each dossier's state at the end of the eve of the start
 * date, folded by the core's {@link Evolution}. The engine schedules their next steps as it does for
 * its own dossiers, through the same rulebook. Only open dossiers are carried: an application in
 * progress or someone waiting, placed or sponsored; the others have nothing left to simulate.
 */
public final class InitialCases {
    private final LocalDate start;
    private final List<DossierState> states;
    private final int finished;

    private InitialCases(LocalDate start, List<DossierState> states, int finished) {
        this.start = start;
        this.states = states;
        this.finished = finished;
    }

    /**
     * The open dossiers among {@code states}, which must all be dated before {@code start} (the
     * simulation takes over on the start date: nothing of a dossier may lie after it).
     */
    public static InitialCases of(LocalDate start, Collection<DossierState> states) {
        List<DossierState> open = new ArrayList<>();
        for (DossierState s : states) {
            if (s.lastDate() != null && !s.lastDate().isBefore(start)) {
                throw new IllegalArgumentException("dossier " + s.dossier() + " has an event dated " + s.lastDate()
                        + ", not before the start " + start);
            }
            if (open(s)) {
                open.add(s);
            }
        }
        // Dossier order: the engine's draws for them, hence the output, do not depend on the caller's order.
        open.sort(Comparator.comparing(DossierState::dossier));
        return new InitialCases(start, List.copyOf(open), states.size() - open.size());
    }

    /** Folds events (each dossier's in their order) into states; events dated on or after the start are left out and counted. */
    public static Builder builder(LocalDate start) {
        return new Builder(start);
    }

    /** Carried over: an application in progress (not ended, not protected), or someone in reception. */
    static boolean open(DossierState s) {
        if (!s.reception().isEmpty()) {
            return true;
        }
        ProcedureState p = s.state();
        return p != ProcedureState.NEW && p != ProcedureState.PROTECTED && !p.applicationEnded();
    }

    public LocalDate start() {
        return start;
    }

    /** The carried dossiers, in dossier order. */
    public List<DossierState> states() {
        return states;
    }

    /** Dossiers left out because nothing is left to simulate (closed, protected and out of reception, returned…). */
    public int finished() {
        return finished;
    }

    /** The carried dossiers as the scenario's start stocks (for the fluid model and for messages). */
    public Scenario.Initial stocks() {
        int cgvs = 0;
        int rvv = 0;
        int waiting = 0;
        Map<PlaceType, Integer> occupancy = new EnumMap<>(PlaceType.class);
        for (DossierState s : states) {
            cgvs += s.state().atCgvs() ? 1 : 0;
            rvv += s.state() == ProcedureState.APPEAL_PENDING ? 1 : 0;
            for (Stay st : s.reception().values()) {
                if (st.placed()) {
                    occupancy.merge(st.placeType(), 1, Integer::sum);
                } else if (st.waiting()) {
                    waiting++;
                }
            }
        }
        return new Scenario.Initial(cgvs, rvv, occupancy, waiting);
    }

    /** Folds a stream of events, dossier by dossier, without keeping the events. */
    public static final class Builder implements Consumer<ChainEvent> {
        private final LocalDate start;
        private final Map<DossierId, DossierState> folded = new HashMap<>();
        private long events;
        private long later;

        private Builder(LocalDate start) {
            this.start = start;
        }

        @Override
        public void accept(ChainEvent e) {
            if (!e.date().isBefore(start)) {
                later++;
                return;
            }
            events++;
            folded.compute(e.dossier(), (id, s) -> Evolution.apply(s == null ? DossierState.empty(id) : s, e));
        }

        /** Events folded (dated before the start). */
        public long events() {
            return events;
        }

        /** Events left out: dated on or after the start. */
        public long later() {
            return later;
        }

        public InitialCases build() {
            return of(start, folded.values());
        }
    }
}
