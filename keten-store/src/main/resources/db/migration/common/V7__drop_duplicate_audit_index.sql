-- audit_log_by_id_desc (V5) indexed the primary key a second time: both databases scan a primary
-- key's index in either direction, so every audited read only paid for keeping the copy up to date.
DROP INDEX audit_log_by_id_desc;
