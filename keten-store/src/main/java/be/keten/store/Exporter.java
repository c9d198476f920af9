package be.keten.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * Writes the log as NDJSON in global order, one stored event per line exactly as stored, so an
 * export imported into an empty store and exported again gives the same bytes. An export is a read
 * of all case data and is audited.
 */
public final class Exporter {
    private final EventStore store;
    private final AuditLog audit;

    public Exporter(EventStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /**
     * Writes the events dated {@code from..to} (inclusive; null for no bound) to {@code out} and
     * flushes it; the caller closes it.
     *
     * @return the number of events written
     */
    public long export(Writer out, LocalDate from, LocalDate to, String actor) throws IOException {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        audit.record(actor, "events.export", AuditLog.ALL, "from=" + (from == null ? "start" : from) + " to=" + (to == null ? "end" : to));
        long n;
        try {
            n = store.forEachPayload(from, to, payload -> {
                try {
                    out.write(payload);
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return n;
    }
}
