package be.keten.sim;

import be.keten.core.reception.Candidate;
import be.keten.core.state.DossierState;
import java.time.LocalDate;
import java.util.List;

/** A dossier being simulated: its state as the rulebook last accepted it, and what the allocation round keeps of it. */
final class Case {
    DossierState state;
    boolean waiting;   // someone of it is on the waiting list
    List<Candidate> queued = List.of();   // its households in the allocation queue
    LocalDate movesOn;   // when someone in a first-phase or observation place is due to move on; null: nobody is in one

    Case(DossierState state) {
        this.state = state;
    }
}
