package be.keten.core.rulebook;

import java.time.LocalDate;

/** A date by which something must or may happen on a dossier, with the rule that sets it. */
public record Deadline(String what, LocalDate date, String basis) {
}
