-- The log and the audit trail refuse UPDATE and DELETE, whoever connects (H2: a Java trigger).
CREATE TRIGGER events_append_only BEFORE UPDATE, DELETE ON events FOR EACH ROW CALL "be.keten.store.AppendOnlyTrigger";
CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log FOR EACH ROW CALL "be.keten.store.AppendOnlyTrigger";
