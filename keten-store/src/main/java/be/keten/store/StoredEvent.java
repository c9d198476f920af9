package be.keten.store;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An event as stored: its place in the global order ({@code sequence}) and in its dossier's stream
 * ({@code version}, from 1), the event itself, its NDJSON form and when the store recorded it.
 */
public record StoredEvent(long sequence, int version, ChainEvent event, String payload, Instant recordedAt) {
    public DossierId dossier() {
        return event.dossier();
    }

    public LocalDate date() {
        return event.date();
    }

    public String type() {
        return event.type();
    }
}
