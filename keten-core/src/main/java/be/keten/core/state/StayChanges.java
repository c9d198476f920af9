package be.keten.core.state;

import be.keten.core.id.PersonId;
import java.util.Map;

/**
 * The persons whose stay differs between two states of a dossier, in person order, each with the
 * stay it had and the stay it has (null: none): the one definition of a change of stay that the
 * statistics and the simulation's allocation round count.
 *
 * <p>An entry both states share is a stay the event left alone ({@link Stays#with} and
 * {@link Stays#without} keep the other persons' entries): it is passed over without reading the
 * stay, which is often long unread. A cursor, reused by its one owner from event to event: a
 * callback per change would allocate on every reception event.
 */
public final class StayChanges {
    private Map.Entry<PersonId, Stay>[] from;
    private Map.Entry<PersonId, Stay>[] to;
    private int i;
    private int j;
    private PersonId person;
    private Stay was;
    private Stay is;

    /** Starts on the changes from {@code before} to {@code after}, two states of one dossier. */
    public StayChanges of(DossierState before, DossierState after) {
        return of(before.reception(), after.reception());   // a state's stays are always a Stays (its constructor makes them one)
    }

    StayChanges of(Map<PersonId, Stay> before, Map<PersonId, Stay> after) {
        from = ((Stays) before).entries();
        to = ((Stays) after).entries();
        i = 0;
        j = 0;
        return this;
    }

    /** Moves to the next person whose stay changed; false when there is none left. */
    public boolean next() {
        while (i < from.length || j < to.length) {
            Map.Entry<PersonId, Stay> x = i < from.length ? from[i] : null;
            Map.Entry<PersonId, Stay> y = j < to.length ? to[j] : null;
            if (x == y) {
                i++;
                j++;
                continue;
            }
            int c = x == null ? 1 : y == null ? -1 : x.getKey().compareTo(y.getKey());
            if (c < 0) {
                return at(x.getKey(), x.getValue(), null, 1, 0);
            }
            if (c > 0) {
                return at(y.getKey(), null, y.getValue(), 0, 1);
            }
            i++;
            j++;
            if (!x.getValue().equals(y.getValue())) {
                return at(x.getKey(), x.getValue(), y.getValue(), 0, 0);
            }
        }
        return false;
    }

    private boolean at(PersonId p, Stay had, Stay has, int di, int dj) {
        person = p;
        was = had;
        is = has;
        i += di;
        j += dj;
        return true;
    }

    /** The person whose stay changed. */
    public PersonId person() {
        return person;
    }

    /** The stay the person had; null: none. */
    public Stay was() {
        return was;
    }

    /** The stay the person has; null: none. */
    public Stay is() {
        return is;
    }
}
