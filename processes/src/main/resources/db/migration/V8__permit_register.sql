-- The permit register: every work permit granted, as the PermitDecision states it. One permit per case.
-- Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE permit (
    permit_number           VARCHAR(20)   NOT NULL,
    case_reference          VARCHAR(64)   NOT NULL,
    application_id          VARCHAR(36)   NOT NULL,
    applicant_partner       VARCHAR(40)   NOT NULL,
    category                VARCHAR(32)   NOT NULL,
    holder_surname          VARCHAR(100)  NOT NULL,
    holder_given_names      VARCHAR(100),
    holder_birth_date       DATE          NOT NULL,
    holder_citizenship      VARCHAR(3)    NOT NULL,
    travel_document_kind    VARCHAR(32)   NOT NULL,
    travel_document_number  VARCHAR(20)   NOT NULL,
    travel_document_state   VARCHAR(3)    NOT NULL,
    employer_bin            VARCHAR(12)   NOT NULL,
    employer_name           VARCHAR(200)  NOT NULL,
    profession_isco         VARCHAR(4)    NOT NULL,
    job_title               VARCHAR(200)  NOT NULL,
    sector                  VARCHAR(1)    NOT NULL,
    -- the regions, in the application's order, separated by a space (each also a permit_region row)
    regions                 VARCHAR(200)  NOT NULL,
    valid_from              DATE          NOT NULL,
    valid_to                DATE          NOT NULL,
    -- local trainees the employer commits to mentor; NULL: no commitment
    mentored_trainees       INTEGER,
    decided_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT permit_pk PRIMARY KEY (permit_number),
    CONSTRAINT permit_case UNIQUE (case_reference),
    CONSTRAINT permit_validity CHECK (valid_from <= valid_to)
);
CREATE INDEX permit_travel_document ON permit (travel_document_number);
CREATE INDEX permit_partner ON permit (applicant_partner, decided_at);

-- Where a holder may work, one row per region: what a compliance check looks up.
CREATE TABLE permit_region (
    permit_number  VARCHAR(20)  NOT NULL,
    region         VARCHAR(8)   NOT NULL,
    CONSTRAINT permit_region_pk PRIMARY KEY (permit_number, region),
    CONSTRAINT permit_region_permit FOREIGN KEY (permit_number) REFERENCES permit (permit_number)
);

-- Yearly counters for the hub's numbers: case references (WP-2026-000001) and permit numbers
-- (KZ-WP-2026-000001). Taken by an UPDATE in the caller's transaction: a rolled-back case consumes no number.
CREATE TABLE register_counter (
    counter_name  VARCHAR(32)  NOT NULL,
    counter_year  INTEGER      NOT NULL,
    last_value    INTEGER      NOT NULL,
    CONSTRAINT register_counter_pk PRIMARY KEY (counter_name, counter_year)
);
