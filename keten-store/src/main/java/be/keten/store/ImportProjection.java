package be.keten.store;

import be.keten.core.event.ChainEvent;
import be.keten.core.state.DossierState;

/**
 * A checkpointed projection kept current by an import: it is given every imported event with the
 * dossier's state before and after it, and its checkpoint is stored in the import's own
 * transaction, so that events and projection commit together or not at all.
 */
public interface ImportProjection {
    /** The checkpoint's name (see {@link Checkpoints}). */
    String name();

    /**
     * What the projection had read before the import, as stored in its checkpoint. If the log moved
     * on since (another writer), the import does not store the checkpoint; the next read folds the
     * import's dossiers. An import that fails leaves the projection changed: do not reuse it.
     */
    LogPosition position();

    void accept(ChainEvent event, DossierState before, DossierState after);

    /** The projection after the import, as stored in the checkpoint. */
    byte[] payload();
}
