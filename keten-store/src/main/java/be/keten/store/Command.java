package be.keten.store;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import java.util.List;
import java.util.Objects;

/**
 * A command to a dossier: events proposed together (all accepted or none), optionally the version
 * the sender last saw (optimistic concurrency) and an idempotency key (safe retries).
 *
 * @param expectedVersion null to apply on whatever the current version is
 * @param idempotencyKey  null for a command that must not be retried blindly
 */
public record Command(DossierId dossier, List<ChainEvent> events, Integer expectedVersion, String idempotencyKey) {
    public Command {
        Objects.requireNonNull(dossier, "dossier");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a command proposes at least one event");
        }
        for (ChainEvent e : events) {
            if (!e.dossier().equals(dossier)) {
                throw new IllegalArgumentException(e.type() + " names dossier " + e.dossier() + " in a command to " + dossier);
            }
        }
        if (expectedVersion != null && expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must be 0 or more");
        }
    }

    /** One event, applied on the current version. */
    public static Command of(ChainEvent event, String idempotencyKey) {
        return new Command(event.dossier(), List.of(event), null, idempotencyKey);
    }

    /** One event, applied only if the dossier is still at {@code expectedVersion}. */
    public static Command at(int expectedVersion, ChainEvent event, String idempotencyKey) {
        return new Command(event.dossier(), List.of(event), expectedVersion, idempotencyKey);
    }
}
