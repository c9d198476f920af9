package be.keten.store;

import be.keten.core.rulebook.Deadline;
import be.keten.core.state.DossierState;
import java.util.List;

/** A dossier as shown to a reader: current state, timeline of stored events, and what is due by when. */
public record CaseView(DossierState state, List<StoredEvent> timeline, List<Deadline> deadlines) {
}
