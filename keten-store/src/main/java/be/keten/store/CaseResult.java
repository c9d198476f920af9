package be.keten.store;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.rulebook.Rejection;
import be.keten.core.state.DossierState;

/** What became of a {@link Command}. */
public sealed interface CaseResult {
    /** Stored (or, for a retry, stored earlier): the dossier's state after the command. */
    record Accepted(DossierState state, AppendResult append) implements CaseResult {
    }

    /** Refused by the rulebook; nothing stored. {@code event} is the first one refused. */
    record Rejected(ChainEvent event, Rejection rejection) implements CaseResult {
    }

    /** The dossier was changed by someone else since the expected version; nothing stored. */
    record Conflict(DossierId dossier, int expectedVersion, int actualVersion) implements CaseResult {
        public String message() {
            return "dossier " + dossier + " is at version " + actualVersion + ", not the expected " + expectedVersion
                    + ": it was changed concurrently; nothing was stored";
        }
    }
}
