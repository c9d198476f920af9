package be.keten.store;

import java.time.Instant;

/**
 * One line of the audit trail: {@code actor} did {@code action} on {@code subject} (a dossier id,
 * or {@value AuditLog#ALL} for all case data) at {@code at}. {@code detail} holds no personal data;
 * {@code origin} is where the action came from (a client address, or {@value Actor#COMMAND_LINE}).
 */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, String detail, String origin) {
}
