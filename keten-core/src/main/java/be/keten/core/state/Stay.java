package be.keten.core.state;

import be.keten.core.reception.PlaceType;
import java.time.LocalDate;

/**
 * A person's current place in reception: waiting for a place, or placed in a facility.
 * {@code enteredOn} is the day the person entered the network (or the waiting list) and survives
 * transfers between facilities, so the length of stay is measured on the whole stay.
 */
public record Stay(Status status, String facility, PlaceType placeType, LocalDate enteredOn) {
    public enum Status { WAITING, PLACED }

    public static Stay waiting(LocalDate since) {
        return new Stay(Status.WAITING, null, null, since);
    }

    public boolean placed() {
        return status == Status.PLACED;
    }
}
