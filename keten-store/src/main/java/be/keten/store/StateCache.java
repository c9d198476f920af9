package be.keten.store;

import be.keten.core.id.DossierId;
import be.keten.core.state.DossierState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The states of recently written dossiers, so a command on a dossier need not load and decode its
 * whole stream again. An entry is only a candidate: {@link #get} hands it out only for the version
 * the caller has just read from the log in its own transaction, so a dossier another writer (another
 * thread, process or server) has moved on is folded from the log again, never served stale. This
 * relies on the log being append-only: a stored version never changes.
 *
 * <p>Entries are offered after their transaction committed, and an older state never replaces a
 * newer one. The least recently used entries are dropped beyond {@code capacity}.
 */
final class StateCache {
    static final int DEFAULT_CAPACITY = 10_000;

    private final Map<DossierId, DossierState> states;

    StateCache(int capacity) {
        this.states = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<DossierId, DossierState> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached state of {@code dossier} if it is at {@code storedVersion}, the version just read from the log; else null. */
    synchronized DossierState get(DossierId dossier, int storedVersion) {
        DossierState s = states.get(dossier);
        return s != null && s.version() == storedVersion ? s : null;
    }

    /** Keeps a committed state, unless a newer one of the dossier is kept already. */
    synchronized void offer(DossierState state) {
        states.merge(state.dossier(), state, (kept, offered) -> offered.version() >= kept.version() ? offered : kept);
    }

    synchronized int size() {
        return states.size();
    }
}
