package be.keten.store;

/**
 * What an import stored: events, over how many dossiers (new or continued), how many lines were
 * skipped because they repeat events already stored, and the time taken.
 */
public record ImportResult(long events, int dossiers, long skipped, long millis) {
}
