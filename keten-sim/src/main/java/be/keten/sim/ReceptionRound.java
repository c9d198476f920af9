package be.keten.sim;

import be.keten.core.id.DossierId;
import be.keten.core.policy.Policy;
import be.keten.core.reception.Allocator;
import be.keten.core.reception.Candidate;
import be.keten.core.reception.PlaceType;
import be.keten.core.state.DossierState;
import be.keten.core.state.Stay;
import be.keten.core.state.StayChanges;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an allocation round acts on, kept up to date on every accepted event so that a round
 * neither re-reads the network's residents nor re-derives and sorts the waiting list: the
 * residents per facility, the dossiers with someone due to move on from a first-phase place and
 * those from an observation place (and, by day, those who will be), the dossiers with someone waiting, and the
 * queue of their households in the round's order, classified under {@link #queuePolicy} in the
 * year of {@link #queueDay} (rebuilt when a round falls under another policy or in another year).
 * Who moves on, and when, and how households queue are the core {@link Allocator}'s definitions.
 */
final class ReceptionRound {
    private final Allocator allocator;
    private final Map<String, Integer> occupied = new HashMap<>();
    private final StayChanges stayChanges = new StayChanges();
    private final Passing fromFirstPhase = new Passing(PlaceType.FIRST_PHASE);
    private final Passing fromObservation = new Passing(PlaceType.UAM_OBSERVATION_ORIENTATION);
    private final Map<DossierId, Case> waiting = new HashMap<>();
    private final WaitingQueue queue = new WaitingQueue();
    private Policy.ReceptionPriority queuePolicy;
    private LocalDate queueDay;

    ReceptionRound(Allocator allocator) {
        this.allocator = allocator;
    }

    /** Updates the occupancy and what the allocation round looks at after {@code c} changed from {@code before}. */
    void track(DossierState before, Case c, LocalDate today) {
        for (StayChanges ch = stayChanges.of(before, c.state); ch.next(); ) {
            Stay was = ch.was();
            Stay is = ch.is();
            if (was != null) {
                if (was.placed()) {
                    occupied.merge(was.facility(), -1, (x, y) -> x + y == 0 ? null : x + y);
                } else if (was.waiting()) {
                    c.waitingPersons--;
                }
            }
            if (is != null) {
                if (is.placed()) {
                    occupied.merge(is.facility(), 1, Integer::sum);
                } else if (is.waiting()) {
                    c.waitingPersons++;
                }
            }
        }
        boolean waits = c.waitingPersons > 0;
        fromFirstPhase.track(c, today);
        fromObservation.track(c, today);
        DossierId id = c.state.dossier();
        if (waits && !c.waiting) {
            waiting.put(id, c);
        } else if (!waits && c.waiting) {
            waiting.remove(id);
        }
        c.waiting = waits;
        requeue(c);
    }

    /** Puts {@code c}'s households in the allocation queue as they are now (none once nobody waits). */
    void requeue(Case c) {
        if (queuePolicy == null) {
            return;   // no round yet: the first one builds the queue
        }
        List<Candidate> now = c.waiting ? Allocator.queued(c.state, queueDay, queuePolicy) : List.of();
        if (!same(now, c.queued)) {
            for (int i = 0; i < c.queued.size(); i++) {   // indexed loops: List.of iterators are not free, and this runs per reception event
                queue.remove(c.queued.get(i));
            }
            for (int i = 0; i < now.size(); i++) {
                queue.add(now.get(i));
            }
            c.queued = now;
        }
    }

    /** {@code a.equals(b)}, without the iterators {@code List.equals} builds. */
    private static boolean same(List<Candidate> a, List<Candidate> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Classifies the queue under the priority policy in force on {@code d}, unless it already is for that policy and year. */
    void classify(LocalDate d) {
        Policy.ReceptionPriority policy = allocator.priority(d);
        if (!policy.equals(queuePolicy) || d.getYear() != queueDay.getYear()) {   // the priority groups may change: classify again
            queuePolicy = policy;
            queueDay = d;
            queue.clear();
            for (Case c : waiting.values()) {
                c.queued = List.of();
                requeue(c);
            }
        }
    }

    /** The dossiers with someone due to move on by {@code d}, as a round takes them. */
    Allocator.Due<Case> dueToMoveOn(LocalDate d) {
        fromFirstPhase.advance(d);
        fromObservation.advance(d);
        return new Allocator.Due<>(fromFirstPhase.due, fromObservation.due, c -> c.state);
    }

    /** The dossiers with someone due to move on from one place type, and by day those who will be. */
    private final class Passing {
        private final PlaceType from;
        private final TreeMap<DossierId, Case> due = new TreeMap<>();   // in dossier order, the order the round takes them in
        private final TreeMap<LocalDate, List<Case>> becomesDue = new TreeMap<>();   // may hold stale entries: checked when taken

        Passing(PlaceType from) {
            this.from = from;
        }

        void track(Case c, LocalDate today) {
            LocalDate was = c.movesOn(from);
            LocalDate on = allocator.movesOn(c.state, from);   // the core's definition of who moves on, and when; null: nobody
            c.movesOn(from, on);
            DossierId id = c.state.dossier();
            if (on != null && !today.isBefore(on)) {
                due.put(id, c);
            } else if (was != null && !today.isBefore(was)) {
                due.remove(id);
            }
            if (on != null && today.isBefore(on) && !on.equals(was)) {
                becomesDue.computeIfAbsent(on, k -> new ArrayList<>()).add(c);
            }
        }

        void advance(LocalDate d) {
            for (var first = becomesDue.firstEntry(); first != null && !first.getKey().isAfter(d); first = becomesDue.firstEntry()) {
                for (Case c : becomesDue.pollFirstEntry().getValue()) {
                    if (first.getKey().equals(c.movesOn(from))) {
                        due.put(c.state.dossier(), c);
                    }
                }
            }
        }
    }

    /** The dossier of a transfer of the last round: one with someone due to move on. */
    Case dueCase(DossierId id) {
        Case c = fromFirstPhase.due.get(id);
        return c != null ? c : Objects.requireNonNull(fromObservation.due.get(id), () -> "the round moved " + id + ", which is not due to move on");
    }

    /** The dossier of a placement of the last round: one with someone waiting. */
    Case waitingCase(DossierId id) {
        return Objects.requireNonNull(waiting.get(id), () -> "the round placed " + id + ", which has nobody waiting");
    }

    /** The waiting households in the round's order. */
    Iterable<Candidate> queue() {
        return queue;
    }

    /** Persons placed, by facility. */
    Map<String, Integer> occupied() {
        return occupied;
    }
}
