package be.keten.core.event;

import be.keten.core.id.DossierId;
import java.time.LocalDate;

/**
 * Something that happened to a dossier, on a date. Every step of the chain is one record of this
 * sealed hierarchy; the registry appends them to the store and the simulator to memory, and both
 * feed the same statistics.
 */
public sealed interface ChainEvent permits ProcedureEvent, DecisionEvent, AppealEvent, PathwayEvent, ReceptionEvent, ReturnEvent {
    DossierId dossier();

    LocalDate date();

    /** The stable name of the event type, as written in NDJSON files and the store. */
    default String type() {
        return getClass().getSimpleName();
    }
}
