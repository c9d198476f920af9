-- Projections kept as checkpoints (the chain statistics, say): what was folded, as a position in
-- the log (every event up to through_seq, except the sequence numbers listed in gaps, which were
-- not committed when the checkpoint was taken), and the folded result, serialised by its owner.
CREATE TABLE projection_checkpoints (
    name        VARCHAR(64)    PRIMARY KEY,
    through_seq BIGINT         NOT NULL,
    gaps        VARCHAR(100000) NOT NULL,
    payload     BLOB           NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
