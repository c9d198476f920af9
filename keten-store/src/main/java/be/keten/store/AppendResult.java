package be.keten.store;

import be.keten.core.id.DossierId;
import be.keten.core.procedure.ProcedureState;
import java.time.Instant;

/**
 * What an append stored: the dossier's versions {@code firstVersion..lastVersion}, the procedure
 * state they led to, and when. {@code replayed} is true when the idempotency key had been used
 * already: nothing new was stored and this is the original result.
 */
public record AppendResult(DossierId dossier, int firstVersion, int lastVersion, ProcedureState state, Instant recordedAt, boolean replayed) {
    /** The same result, as returned to a retry. */
    AppendResult asReplay() {
        return new AppendResult(dossier, firstVersion, lastVersion, state, recordedAt, true);
    }
}
