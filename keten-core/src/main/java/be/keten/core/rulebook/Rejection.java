package be.keten.core.rulebook;

import be.keten.core.procedure.ProcedureState;

/**
 * Why the rulebook refused an event: the rule, the dossier's state, and what about the event broke
 * it. {@link #field} names the event field at fault where there is one.
 */
public record Rejection(String eventType, Rule rule, ProcedureState state, String field, String detail) {
    public String message() {
        return eventType + " rejected in state " + state + ": " + detail + " [rule " + rule + ": " + rule.text() + "]";
    }

    @Override
    public String toString() {
        return message();
    }
}
