package be.keten.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.person.LanguageRole;
import be.keten.core.reception.Allocator;
import be.keten.core.reception.Candidate;
import be.keten.core.reception.PriorityGroup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The round's waiting queue behaves exactly as a sorted set in the core's queue order. */
class WaitingQueueTest {
    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    @Property(tries = 300)
    void addsTakesOutAndIteratesAsASortedSetInTheQueueOrder(@ForAll long seed) {
        Random rng = new Random(seed);
        WaitingQueue queue = new WaitingQueue();
        TreeSet<Candidate> reference = new TreeSet<>(Allocator.QUEUE_ORDER);
        List<Candidate> added = new ArrayList<>();
        for (int step = 0; step < 400; step++) {
            int op = rng.nextInt(10);
            if (op < 5 || added.isEmpty()) {
                Candidate c = candidate(rng);
                assertThat(queue.add(c)).isEqualTo(reference.add(c));
                added.add(c);
            } else {
                Candidate c = added.get(rng.nextInt(added.size()));
                if (op == 9) {   // a household the order finds equal, not the object queued (other persons: not even equals)
                    c = new Candidate(c.dossier(), rng.nextBoolean() ? c.persons() : List.of(PersonId.of("P-OTHER")), c.group(),
                            c.waitingSince(), c.languageRole(), c.unaccompaniedMinors(), c.resettled());
                }
                assertThat(queue.remove(c)).isEqualTo(reference.remove(c));
            }
            if (step % 20 == 0 || step == 399) {
                assertThat(queue).containsExactlyElementsOf(reference);
                assertThat(queue.size()).isEqualTo(reference.size());
            }
            if (rng.nextInt(200) == 0) {
                queue.clear();
                reference.clear();
                assertThat(queue).isEmpty();
            }
        }
    }

    /**
     * A household of a small pool of dossiers (so that equal ones are added and taken out again),
     * waiting since a day that may lie years before or after the first one seen (the calendar grows
     * both ways).
     */
    private static Candidate candidate(Random rng) {
        PriorityGroup group = PriorityGroup.values()[rng.nextInt(PriorityGroup.values().length)];
        int spread = rng.nextInt(10) == 0 ? 4000 : 30;
        LocalDate since = START.plusDays(rng.nextInt(2 * spread) - spread);
        boolean minors = rng.nextBoolean();
        String dossier = String.format("D-%04d", rng.nextInt(60));
        return new Candidate(DossierId.of(dossier), List.of(PersonId.of("P-" + dossier.substring(2))), group, since, LanguageRole.FR, minors,
                false);
    }

    @Test
    void anIteratorAtItsEndStaysThere() {
        WaitingQueue queue = new WaitingQueue();
        assertThat(queue.iterator().hasNext()).isFalse();
        Candidate c = candidate(new Random(2));
        queue.add(c);
        Iterator<Candidate> it = queue.iterator();
        assertThat(it.hasNext()).isTrue();
        assertThat(it.hasNext()).isTrue();
        assertThat(it.next()).isSameAs(c);
        assertThat(it.hasNext()).isFalse();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aRoundReadingTheQueueSeesAnyChangeAsAnError() {
        WaitingQueue queue = new WaitingQueue();
        Random rng = new Random(1);
        for (int i = 0; i < 5; i++) {
            queue.add(candidate(rng));
        }
        Iterator<Candidate> it = queue.iterator();
        it.next();
        queue.add(candidate(rng));
        assertThatThrownBy(it::hasNext).isInstanceOf(ConcurrentModificationException.class);
    }
}
