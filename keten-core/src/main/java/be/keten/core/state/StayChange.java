package be.keten.core.state;

import be.keten.core.id.PersonId;

/** One person's stay changing between two states of a dossier ({@link DossierState#forEachStayChange}). */
@FunctionalInterface
public interface StayChange {
    /** {@code person}'s stay went from {@code was} to {@code is}; either is null when the person had, or has, none. */
    void changed(PersonId person, Stay was, Stay is);
}
