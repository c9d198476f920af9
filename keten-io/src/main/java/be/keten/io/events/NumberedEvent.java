package be.keten.io.events;

import be.keten.core.event.ChainEvent;

/** An event read from an NDJSON file, with the 1-based number of the line it was on. */
public record NumberedEvent(long line, ChainEvent event) {
}
