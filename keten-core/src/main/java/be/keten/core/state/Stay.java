package be.keten.core.state;

import be.keten.core.reception.PlaceType;
import java.time.LocalDate;

/**
 * A person's current place in reception: waiting for a place, placed in a facility, or received
 * outside the network by community sponsorship (GUIDE §7.1). {@code enteredOn} is the day the
 * person entered the network (or the waiting list, or the sponsorship) and survives transfers
 * between facilities, so the length of stay is measured on the whole stay.
 *
 * @param facility  the facility where placed; for a sponsored person the partner organisation
 * @param placeType the place type where placed; null otherwise
 * @param until     the planned end of a community sponsorship; null otherwise
 */
public record Stay(Status status, String facility, PlaceType placeType, LocalDate enteredOn, LocalDate until) {
    /**
     * {@code WAITING}: on the waiting list; {@code PLACED}: in a network place; {@code SPONSORED}:
     * received by a community sponsorship, outside the network — no place occupied, not waiting.
     */
    public enum Status { WAITING, PLACED, SPONSORED }

    public static Stay waiting(LocalDate since) {
        return new Stay(Status.WAITING, null, null, since, null);
    }

    public static Stay placed(String facility, PlaceType placeType, LocalDate since) {
        return new Stay(Status.PLACED, facility, placeType, since, null);
    }

    public static Stay sponsored(String partner, LocalDate since, LocalDate until) {
        return new Stay(Status.SPONSORED, partner, null, since, until);
    }

    /** In a place of the network. */
    public boolean placed() {
        return status == Status.PLACED;
    }

    /** On the waiting list (not merely "not placed": a sponsored person is neither). */
    public boolean waiting() {
        return status == Status.WAITING;
    }

    /** Received by a community sponsorship, outside the network. */
    public boolean sponsored() {
        return status == Status.SPONSORED;
    }

    /** The partner organisation of a community sponsorship; null for other stays. */
    public String partner() {
        return sponsored() ? facility : null;
    }
}
