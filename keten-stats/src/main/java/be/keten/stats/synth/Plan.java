package be.keten.stats.synth;

import be.keten.core.person.Nationality;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import java.time.LocalDate;

/**
 * What the generator decides about one dossier before writing its events: who (size, nationality),
 * which application and when, whether the file reaches the CGVS and when, and which decisions fall on
 * which day. Decisions are fixed first (they carry the published figures); registration and transfer
 * dates are fitted around them.
 */
final class Plan {
    enum Fate { CGVS, DUBLIN_TRANSFER, WITHDRAWN, STATUS_HOLDER }

    /** What happened before the window: nothing, a rejected application (for a subsequent one), or a status granted. */
    enum Before { NONE, REJECTED, PROTECTED }

    final int seq;
    final int size;
    Nationality nationality;
    ApplicationType type;
    boolean protectedElsewhere;
    LocalDate registered;
    Fate fate = Fate.CGVS;
    Before before = Before.NONE;
    /** Transfer date the DVZ steps would give without constraints. */
    LocalDate naturalTransfer;
    /** Transfer may not be before this (raised when a workload date must not count the file). */
    LocalDate earliestTransfer;
    /** The transfer date chosen; null while open, or when the file does not reach the CGVS in the window. */
    LocalDate transfer;
    boolean transferChosen;
    LocalDate interim;
    LocalDate decided;
    DecisionType decision;
    LocalDate statusEnded;
    DecisionType statusEnd;
    /** The publication row (index of DecisionRow) the decision counts in, -1 for none; used while assigning nationalities. */
    int row = -1;

    Plan(int seq, int size) {
        this.seq = seq;
        this.size = size;
    }

    /** The first CGVS decision: the file is at the CGVS from its transfer until then at least. */
    LocalDate firstDecision() {
        return interim != null ? interim : decided;
    }

    /** The day the file leaves the CGVS (its final decision), null if it stays. */
    LocalDate leavesCgvs() {
        return decided;
    }

    /** The month of its published decision (interim, final or status-ending), for nationality tables. */
    LocalDate decisionDate() {
        return interim != null ? interim : decided != null ? decided : statusEnded;
    }
}
