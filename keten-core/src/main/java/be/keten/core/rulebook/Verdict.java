package be.keten.core.rulebook;

import be.keten.core.state.DossierState;

/** The rulebook's answer to a proposed event: the new state, or the reason it is refused. */
public sealed interface Verdict {
    record Accepted(DossierState state) implements Verdict {
    }

    record Rejected(Rejection rejection) implements Verdict {
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
