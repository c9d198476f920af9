package be.keten.sim;

import be.keten.core.id.DossierId;
import be.keten.core.reception.Candidate;
import be.keten.core.reception.PlaceType;
import be.keten.core.state.DossierState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** A dossier being simulated: its state as the rulebook last accepted it, and what the allocation round keeps of it. */
final class Case {
    DossierState state;
    boolean waiting;   // someone of it is on the waiting list
    int waitingPersons;   // how many: kept by the allocation round from each change of stay
    List<Candidate> queued = List.of();   // its households in the allocation queue
    private LocalDate movesOnFromFirstPhase;   // when someone in a first-phase place is due to move on; null: nobody is in one
    private LocalDate movesOnFromObservation;   // the same for an observation place

    Case(DossierState state) {
        this.state = state;
    }

    /**
     * Puts {@code cases} first come, first served: by the day {@code since} gives, then by dossier.
     * Each state is read once (a comparator over the cases would read two at every comparison).
     */
    static void firstComeFirstServed(List<Case> cases, Function<DossierState, LocalDate> since) {
        record Keyed(long day, DossierId dossier, Case c) {
        }
        List<Keyed> keyed = new ArrayList<>(cases.size());
        for (Case c : cases) {
            keyed.add(new Keyed(since.apply(c.state).toEpochDay(), c.state.dossier(), c));
        }
        keyed.sort(Comparator.comparingLong(Keyed::day).thenComparing(Keyed::dossier));
        for (int i = 0; i < keyed.size(); i++) {
            cases.set(i, keyed.get(i).c());
        }
    }

    LocalDate movesOn(PlaceType from) {
        return from == PlaceType.FIRST_PHASE ? movesOnFromFirstPhase : movesOnFromObservation;
    }

    void movesOn(PlaceType from, LocalDate on) {
        if (from == PlaceType.FIRST_PHASE) {
            movesOnFromFirstPhase = on;
        } else {
            movesOnFromObservation = on;
        }
    }
}
