-- The reception network: facilities and their capacity periods (reference data managed through
-- commands; loading a network file replaces it in one transaction).
CREATE TABLE facilities (
    facility_id VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    operator    VARCHAR(32)  NOT NULL,
    place_type  VARCHAR(40)  NOT NULL,
    region      VARCHAR(32)  NOT NULL
);

CREATE TABLE facility_capacity (
    facility_id VARCHAR(64) NOT NULL REFERENCES facilities (facility_id),
    period_no   INTEGER     NOT NULL,
    valid_from  DATE        NOT NULL,
    valid_until DATE,
    places      INTEGER     NOT NULL CHECK (places >= 0),
    kind        VARCHAR(16) NOT NULL,
    active_from DATE,
    PRIMARY KEY (facility_id, period_no)
);
