-- Server accounts: one role each (dvz, cgvs, rvv, fedasil, analyst, admin). Only a hash of the
-- password is kept (Argon2id, PHC string); accounts are disabled, never deleted, so the audit
-- trail keeps naming someone who existed.
CREATE TABLE users (
    username      VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled      BOOLEAN      DEFAULT FALSE NOT NULL
);

-- Where an audited action came from (the client's address for the server; 'cli' for the command line).
ALTER TABLE audit_log ADD COLUMN origin VARCHAR(64);
CREATE INDEX audit_log_by_id_desc ON audit_log (id);

-- Facts about the installation, such as which dataset it holds (e.g. synthetic 2022-2023 data,
-- shown on every page of the dashboard).
CREATE TABLE settings (
    setting_name  VARCHAR(64)   PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);
