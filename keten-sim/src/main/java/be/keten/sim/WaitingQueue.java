package be.keten.sim;

import be.keten.core.reception.Allocator;
import be.keten.core.reception.Candidate;
import be.keten.core.reception.PriorityGroup;
import java.util.Arrays;
import java.util.BitSet;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The waiting households of an allocation round in its order, {@link Allocator#QUEUE_ORDER}
 * (priority group, waiting since, then dossier), kept up to date as the engine's events change them.
 *
 * <p>A balanced tree in that order spent about a tenth of a replication taking households out: each
 * of its comparisons read a household queued weeks before, and the objects it points to. Here a
 * household is found by its group and the day it waits since (the comparator's first two keys), then
 * among that day's few households by identity; only a day's households are put in order by the
 * comparator. As a sorted set, it holds no two households the comparator finds equal.
 */
final class WaitingQueue implements Iterable<Candidate> {
    private final Group[] groups = new Group[PriorityGroup.values().length];
    private int size;
    private int changes;   // for the iterator: the queue must not change while a round reads it

    WaitingQueue() {
        for (int g = 0; g < groups.length; g++) {
            groups[g] = new Group();
        }
    }

    /** Adds {@code c}, unless a household the comparator finds equal is queued already; true if added. */
    boolean add(Candidate c) {
        Day day = groups[c.group().ordinal()].dayForAdding(c.waitingSince().toEpochDay());
        int i = day.search(c);
        if (i >= 0) {
            return false;
        }
        day.insert(-i - 1, c);
        size++;
        changes++;
        return true;
    }

    /** Takes out {@code c}, or the household the comparator finds equal to it; true if one was queued. */
    boolean remove(Candidate c) {
        Group g = groups[c.group().ordinal()];
        long d = c.waitingSince().toEpochDay();
        Day day = g.day(d);
        if (day == null) {
            return false;
        }
        int i = day.indexOf(c);   // the household queued is nearly always this very object
        if (i < 0) {
            i = day.search(c);
            if (i < 0) {
                return false;
            }
        }
        day.delete(i);
        if (day.n == 0) {
            g.emptied(d);
        }
        size--;
        changes++;
        return true;
    }

    void clear() {
        for (int g = 0; g < groups.length; g++) {
            groups[g] = new Group();
        }
        size = 0;
        changes++;
    }

    int size() {
        return size;
    }

    @Override
    public Iterator<Candidate> iterator() {
        return new Iterator<>() {
            private final int expected = changes;
            private int group = -1;
            private int dayIndex = -1;
            private Day day;
            private int next;

            @Override
            public boolean hasNext() {
                if (expected != changes) {
                    throw new ConcurrentModificationException("the waiting queue changed while a round read it");
                }
                while (day == null || next >= day.n) {
                    if (group >= groups.length) {
                        return false;   // asked again after the end
                    }
                    Group g = group >= 0 ? groups[group] : null;
                    int i = g == null ? -1 : g.nonEmpty.nextSetBit(dayIndex + 1);
                    if (i >= 0) {
                        dayIndex = i;
                        day = g.days[i];
                        next = 0;
                    } else if (++group < groups.length) {
                        dayIndex = -1;
                        day = null;
                    } else {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public Candidate next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return day.items[next++];
            }
        };
    }

    /** One priority group's households, by the day they wait since: a calendar over the days seen, grown as needed. */
    private static final class Group {
        private long origin;   // the epoch day of days[0]
        private Day[] days = new Day[0];
        private BitSet nonEmpty = new BitSet();

        Day day(long d) {
            long i = d - origin;
            return i >= 0 && i < days.length ? days[(int) i] : null;
        }

        Day dayForAdding(long d) {
            if (days.length == 0) {
                origin = d;
                days = new Day[64];
            } else if (d < origin || d - origin >= days.length) {
                grow(d);
            }
            int i = (int) (d - origin);
            Day day = days[i];
            if (day == null) {
                day = days[i] = new Day();
            }
            nonEmpty.set(i);
            return day;
        }

        void emptied(long d) {
            int i = (int) (d - origin);
            days[i] = null;
            nonEmpty.clear(i);
        }

        /** Widens the calendar to hold day {@code d}, with room for as many days again on the side it grew. */
        private void grow(long d) {
            long from = Math.min(origin, d);
            long to = Math.max(origin + days.length, d + 1);   // exclusive
            long span = to - from;
            long newFrom = d < origin ? from - span : from;
            long newTo = d < origin ? to : to + span;
            Day[] grown = new Day[Math.toIntExact(newTo - newFrom)];
            int shift = (int) (origin - newFrom);
            System.arraycopy(days, 0, grown, shift, days.length);
            BitSet moved = new BitSet(grown.length);
            for (int i = nonEmpty.nextSetBit(0); i >= 0; i = nonEmpty.nextSetBit(i + 1)) {
                moved.set(i + shift);
            }
            origin = newFrom;
            days = grown;
            nonEmpty = moved;
        }
    }

    /** The households of one group waiting since one day, in the comparator's order. */
    private static final class Day {
        Candidate[] items = new Candidate[4];
        int n;

        /** As {@link Arrays#binarySearch}: the index of an equal household, else {@code -(insertion point) - 1}. */
        int search(Candidate c) {
            return Arrays.binarySearch(items, 0, n, c, Allocator.QUEUE_ORDER);
        }

        int indexOf(Candidate c) {
            for (int i = 0; i < n; i++) {
                if (items[i] == c) {
                    return i;
                }
            }
            return -1;
        }

        void insert(int at, Candidate c) {
            if (n == items.length) {
                items = Arrays.copyOf(items, 2 * n);
            }
            System.arraycopy(items, at, items, at + 1, n - at);
            items[at] = c;
            n++;
        }

        void delete(int at) {
            System.arraycopy(items, at + 1, items, at, n - at - 1);
            items[--n] = null;
        }
    }
}
