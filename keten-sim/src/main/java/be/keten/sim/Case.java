package be.keten.sim;

import be.keten.core.reception.Candidate;
import be.keten.core.reception.PlaceType;
import be.keten.core.state.DossierState;
import java.time.LocalDate;
import java.util.List;

/** A dossier being simulated: its state as the rulebook last accepted it, and what the allocation round keeps of it. */
final class Case {
    DossierState state;
    boolean waiting;   // someone of it is on the waiting list
    List<Candidate> queued = List.of();   // its households in the allocation queue
    private LocalDate movesOnFromFirstPhase;   // when someone in a first-phase place is due to move on; null: nobody is in one
    private LocalDate movesOnFromObservation;   // the same for an observation place

    Case(DossierState state) {
        this.state = state;
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
