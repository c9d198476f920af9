package be.keten.store;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.rulebook.Rulebook;
import be.keten.core.rulebook.Verdict;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Operations on one dossier: load its state from the log, ask the rulebook, append. Reads of case
 * data go through {@link #read}, which writes the audit trail first.
 */
public final class CaseService {
    private final EventStore store;
    private final Rulebook rulebook;
    private final AuditLog audit;

    public CaseService(EventStore store, Rulebook rulebook, AuditLog audit) {
        this.store = store;
        this.rulebook = rulebook;
        this.audit = audit;
    }

    /**
     * Applies a command: all its events are accepted and stored together, or none is. A command
     * whose idempotency key was applied before is not run again: the retry gets the original result
     * (the state right after it), even if the dossier has moved on since. The key lookup, the load of
     * the dossier, the rulebook's decision and the append are one transaction.
     */
    public CaseResult submit(Command command) {
        return submit(command, null);
    }

    /**
     * As {@link #submit(Command)}, on behalf of {@code by.actor()}, with the outcome in the audit trail
     * under {@code action} and the dossier as subject. An accepted command's entry ({@code
     * result=accepted version=N}, or {@code result=replayed version=N} for a retry) is written in the
     * transaction that stores the events (or finds the original), so a command is never stored
     * without its entry, nor the entry without the command. A refused one ({@code result=rejected
     * rule=R}, {@code result=conflict expected=E actual=A}, {@code result=idempotency-key-reused})
     * stores nothing; its entry is written in a transaction of its own.
     *
     * @param by null for a command that is not audited (the command line's imports and tests)
     */
    public CaseResult submit(Command command, CommandAudit by) {
        CaseResult result;
        try {
            result = attempt(command, by);
            if (!(result instanceof CaseResult.Accepted)) {
                // A concurrent copy of this command may have been applied since the key lookup; then
                // this dossier's refusal or conflict is only the copy's doing, and its result is ours.
                Optional<AppendResult> earlier = replay(command);
                if (earlier.isEmpty()) {
                    earlier = alreadyStored(command);
                }
                if (earlier.isPresent()) {
                    result = accepted(earlier.get());
                }
                record(by, command, detail(result));
            }
        } catch (IdempotencyKeyReusedException e) {
            record(by, command, "result=idempotency-key-reused");
            throw e;
        }
        return result;
    }

    /** Who issues a command, and the action its audit entries name (e.g. {@code command.ApplicationLodged}); the subject is the command's dossier. */
    public record CommandAudit(Actor actor, String action) {
        public CommandAudit {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
        }
    }

    /** The audit detail of an outcome: never the events, only what became of them. */
    static String detail(CaseResult result) {
        if (result instanceof CaseResult.Accepted a) {
            return detail(a.append());
        } else if (result instanceof CaseResult.Rejected r) {
            return "result=rejected rule=" + r.rejection().rule().name();
        }
        CaseResult.Conflict c = (CaseResult.Conflict) result;
        return "result=conflict expected=" + c.expectedVersion() + " actual=" + c.actualVersion();
    }

    private static String detail(AppendResult append) {
        return "result=" + (append.replayed() ? "replayed" : "accepted") + " version=" + append.lastVersion();
    }

    private void record(CommandAudit by, Command command, String detail) {
        if (by != null) {
            audit.record(by.actor(), by.action(), command.dossier().value(), detail);
        }
    }

    /**
     * A keyed command whose exact events are the dossier's latest stored events has been applied,
     * by a concurrent copy of itself: its result is that append's. This does not depend on when the
     * copy's key row becomes visible to this reader (on H2 it may trail the events by a moment).
     */
    private Optional<AppendResult> alreadyStored(Command command) {
        if (command.idempotencyKey() == null) {
            return Optional.empty();
        }
        List<StoredEvent> stored = store.load(command.dossier());
        int n = command.events().size();
        if (stored.size() < n) {
            return Optional.empty();
        }
        List<StoredEvent> tail = stored.subList(stored.size() - n, stored.size());
        for (int i = 0; i < n; i++) {
            if (!tail.get(i).payload().equals(store.payload(command.events().get(i)))) {
                return Optional.empty();
            }
        }
        DossierState after = store.state(command.dossier());
        return Optional.of(new AppendResult(command.dossier(), tail.get(0).version(), tail.get(n - 1).version(), after.state(),
                tail.get(n - 1).recordedAt(), true));
    }

    private Optional<AppendResult> replay(Command command) {
        return command.idempotencyKey() == null ? Optional.empty()
                : store.replay(command.idempotencyKey(), command.dossier(), command.events());
    }

    /** One transaction: key lookup, load, expected version, rulebook, append, and the accepted command's audit entry. */
    private CaseResult attempt(Command command, CommandAudit by) {
        DossierId dossier = command.dossier();
        EventStore.InTransaction also = by == null ? null : audit.commandEntry(by.actor(), by.action(), dossier.value(), CaseService::detail);
        EventStore.Submission<CaseResult> s;
        try {
            s = store.submit(dossier, command.events(), command.idempotencyKey(), base -> refusal(command, base), also);
        } catch (ConcurrencyConflictException e) {
            return new CaseResult.Conflict(dossier, e.expectedVersion(), e.actualVersion());
        }
        return s.refusal() != null ? s.refusal() : new CaseResult.Accepted(s.state(), s.append());
    }

    /** Why the command may not go on {@code base}, or null when it may. */
    private CaseResult refusal(Command command, DossierState base) {
        if (command.expectedVersion() != null && command.expectedVersion() != base.version()) {
            return new CaseResult.Conflict(command.dossier(), command.expectedVersion(), base.version());
        }
        DossierState s = base;
        for (ChainEvent e : command.events()) {
            Verdict v = rulebook.decide(s, e);
            if (v instanceof Verdict.Rejected r) {
                return new CaseResult.Rejected(e, r.rejection());
            }
            s = ((Verdict.Accepted) v).state();
        }
        return null;
    }

    /** Shorthand for a single event applied on the current version. */
    public CaseResult submit(ChainEvent event, String idempotencyKey) {
        return submit(Command.of(event, idempotencyKey));
    }

    /**
     * The dossier's state, timeline and deadlines, read on behalf of {@code actor}. The read is
     * audited (whether or not the dossier exists) before any data is loaded.
     */
    public Optional<CaseView> read(DossierId dossier, String actor) {
        return read(dossier, Actor.local(actor));
    }

    /** As {@link #read(DossierId, String)}, for an actor with an origin (a server client). */
    public Optional<CaseView> read(DossierId dossier, Actor actor) {
        audit.record(actor, "case.read", dossier.value(), null);
        List<StoredEvent> events = store.load(dossier);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        DossierState state = Evolution.fold(dossier, events.stream().map(StoredEvent::event).toList());
        return Optional.of(new CaseView(state, events, rulebook.deadlines(state)));
    }

    /** The original result of a replayed command: the state right after its last event. */
    private CaseResult accepted(AppendResult earlier) {
        return new CaseResult.Accepted(store.state(earlier.dossier(), earlier.lastVersion()), earlier);
    }
}
