package be.keten.core.policy;

import java.time.LocalDate;

/**
 * The days on which a policy is in force: from {@code from} to {@code until}, both inclusive; a
 * null bound is open (in force since always, or still in force).
 */
public record Validity(LocalDate from, LocalDate until) {
    public Validity {
        if (from != null && until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("validity ends (" + until + ") before it starts (" + from + ")");
        }
    }

    public static Validity from(LocalDate from) {
        return new Validity(from, null);
    }

    public static Validity between(LocalDate from, LocalDate until) {
        return new Validity(from, until);
    }

    public static Validity always() {
        return new Validity(null, null);
    }

    public boolean covers(LocalDate d) {
        return (from == null || !d.isBefore(from)) && (until == null || !d.isAfter(until));
    }

    /** Sort key: an open start sorts first. */
    LocalDate start() {
        return from == null ? LocalDate.MIN : from;
    }

    @Override
    public String toString() {
        return (from == null ? "…" : from.toString()) + " – " + (until == null ? "…" : until.toString());
    }
}
