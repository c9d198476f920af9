package be.keten.store;

/** What an import stored: events, over how many dossiers (new or continued), with the time taken. */
public record ImportResult(long events, int dossiers, long millis) {
}
