/**
 * NDJSON form of the chain's events: {@link be.keten.io.events.EventCodec} (one event, one line),
 * {@link be.keten.io.events.EventReader} (streamed, numbered lines) and
 * {@link be.keten.io.events.EventWriter}. Errors name the line and the field path.
 */
package be.keten.io.events;
