/**
 * The event store on H2 or PostgreSQL (plain JDBC, Flyway migrations): {@link be.keten.store.Database}
 * opens and migrates; {@link be.keten.store.EventStore} appends with expected version and
 * idempotency key and reads the log; {@link be.keten.store.CaseService} runs commands through the
 * rulebook; {@link be.keten.store.Importer} and {@link be.keten.store.Exporter} move NDJSON;
 * {@link be.keten.store.Projections} keeps the dossier read model; {@link be.keten.store.AuditLog}
 * records every read of case data.
 */
package be.keten.store;
