package be.keten.core.state;

import be.keten.core.id.PersonId;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The stays of a dossier's persons ({@link DossierState#reception()}): an immutable map, in person
 * order, whose entries are built once. The JDK's immutable maps build an entry (and, for one
 * entry, a set and its iterator) on every iteration, and the stays are iterated on every reception
 * event by the rulebook, the allocation round and the statistics: 12 % of the bytes a simulation
 * allocated. Person order also makes the iteration order the same from run to run.
 */
final class Stays extends AbstractMap<PersonId, Stay> {
    private static final Stays EMPTY = new Stays(entries(0));

    private final Map.Entry<PersonId, Stay>[] entries;   // sorted by person
    private final Set<Map.Entry<PersonId, Stay>> entrySet = new EntrySet();

    private Stays(Map.Entry<PersonId, Stay>[] entries) {
        this.entries = entries;
    }

    /** {@code stays} as a {@code Stays}: itself when it is one; nulls refused, as {@link Map#copyOf} does. */
    static Map<PersonId, Stay> copyOf(Map<PersonId, Stay> stays) {
        if (stays instanceof Stays s) {
            return s;
        }
        if (stays.isEmpty()) {
            return EMPTY;
        }
        Map.Entry<PersonId, Stay>[] es = entries(stays.size());
        int i = 0;
        for (Map.Entry<PersonId, Stay> e : stays.entrySet()) {
            es[i++] = new SimpleImmutableEntry<>(Objects.requireNonNull(e.getKey(), "person"), Objects.requireNonNull(e.getValue(), "stay"));
        }
        Arrays.sort(es, Map.Entry.comparingByKey());
        return new Stays(es);
    }

    /** These stays with {@code person}'s set to {@code stay} (an event changes a stay or two: no map is copied to do it). */
    Stays with(PersonId person, Stay stay) {
        Map.Entry<PersonId, Stay> e = new SimpleImmutableEntry<>(Objects.requireNonNull(person, "person"), Objects.requireNonNull(stay, "stay"));
        int i = indexOf(person);
        if (i >= 0) {
            Map.Entry<PersonId, Stay>[] es = entries.clone();
            es[i] = e;
            return new Stays(es);
        }
        int at = -i - 1;
        Map.Entry<PersonId, Stay>[] es = entries(entries.length + 1);
        System.arraycopy(entries, 0, es, 0, at);
        es[at] = e;
        System.arraycopy(entries, at, es, at + 1, entries.length - at);
        return new Stays(es);
    }

    /** These stays without {@code person}'s. */
    Stays without(PersonId person) {
        int i = indexOf(person);
        if (i < 0) {
            return this;
        }
        if (entries.length == 1) {
            return EMPTY;
        }
        Map.Entry<PersonId, Stay>[] es = entries(entries.length - 1);
        System.arraycopy(entries, 0, es, 0, i);
        System.arraycopy(entries, i + 1, es, i, entries.length - i - 1);
        return new Stays(es);
    }

    /** The entries, sorted by person, for {@link StayChanges}: not to be changed. */
    Map.Entry<PersonId, Stay>[] entries() {
        return entries;
    }

    /** The index of {@code person}'s entry, or (-(insertion point) - 1), as {@link Arrays#binarySearch} gives it; a scan, households are small. */
    private int indexOf(PersonId person) {
        for (int i = 0; i < entries.length; i++) {
            int c = entries[i].getKey().compareTo(person);
            if (c == 0) {
                return i;
            }
            if (c > 0) {
                return -i - 1;
            }
        }
        return -entries.length - 1;
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<PersonId, Stay>[] entries(int n) {
        return (Map.Entry<PersonId, Stay>[]) new Map.Entry<?, ?>[n];
    }

    @Override
    public Stay get(Object person) {
        for (Map.Entry<PersonId, Stay> e : entries) {   // households are small: a scan beats hashing
            if (e.getKey().equals(person)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object person) {
        return get(person) != null;
    }

    @Override
    public int size() {
        return entries.length;
    }

    @Override
    public boolean isEmpty() {
        return entries.length == 0;
    }

    @Override
    public Set<Map.Entry<PersonId, Stay>> entrySet() {
        return entrySet;
    }

    private final class EntrySet extends AbstractSet<Map.Entry<PersonId, Stay>> {
        @Override
        public Iterator<Map.Entry<PersonId, Stay>> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < entries.length;
                }

                @Override
                public Map.Entry<PersonId, Stay> next() {
                    if (next == entries.length) {
                        throw new NoSuchElementException();
                    }
                    return entries[next++];
                }
            };
        }

        @Override
        public int size() {
            return entries.length;
        }
    }
}
