package be.keten.core.reception;

import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of one allocation round: transfers out of first-phase places, placements, and the
 * households left waiting — each with the reason a case worker can read out.
 */
public record Allocation(LocalDate date, List<Transfer> transfers, List<Placement> placements, List<Waiting> waiting,
                         int capacity, int occupiedBefore, int occupiedAfter) {
    public Allocation {
        transfers = List.copyOf(transfers);
        placements = List.copyOf(placements);
        waiting = List.copyOf(waiting);
    }

    public record Placement(DossierId dossier, List<PersonId> persons, String facility, PlaceType placeType, PriorityGroup group, String reason) {
    }

    public record Transfer(DossierId dossier, List<PersonId> persons, String from, String facility, PlaceType placeType, String reason) {
    }

    public record Waiting(DossierId dossier, List<PersonId> persons, PriorityGroup group, String reason) {
    }
}
