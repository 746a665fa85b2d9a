-- The contract register: every vetted employment contract of a citizen working abroad, with its verdict, written
-- when contract-vetting decides (one row per vetting case). Consular cases look the citizen's contract up here, by
-- IIN or travel document. Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE contract_register (
    case_reference          VARCHAR(64)   NOT NULL,
    registration_id         VARCHAR(36)   NOT NULL,
    registration_reference  VARCHAR(64)   NOT NULL,
    conversation_id         VARCHAR(36)   NOT NULL,
    sender                  VARCHAR(40)   NOT NULL,
    citizen_iin             VARCHAR(12),
    travel_document_number  VARCHAR(20)   NOT NULL,
    travel_document_state   VARCHAR(3)    NOT NULL,
    citizen_surname         VARCHAR(100)  NOT NULL,
    citizen_given_names     VARCHAR(100),
    host_country            VARCHAR(3)    NOT NULL,
    employer_name           VARCHAR(200)  NOT NULL,
    employer_registration   VARCHAR(200)  NOT NULL,
    contract_from           DATE          NOT NULL,
    contract_to             DATE          NOT NULL,
    verdict                 VARCHAR(24)   NOT NULL,
    -- the rule codes the vetting flagged, separated by a space; empty for a clean contract
    flags                   VARCHAR(400)  NOT NULL,
    decided_by              VARCHAR(100),
    country_pack            VARCHAR(40),
    vetted_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT contract_register_pk PRIMARY KEY (case_reference),
    CONSTRAINT contract_register_registration UNIQUE (registration_id),
    CONSTRAINT contract_register_verdict CHECK (verdict IN
        ('APPROVED', 'APPROVED_WITH_ADVICE', 'AMENDMENT_REQUIRED', 'REJECTED', 'NOT_VETTED'))
);
CREATE INDEX contract_register_iin ON contract_register (citizen_iin, vetted_at);
CREATE INDEX contract_register_travel_document ON contract_register (travel_document_number, vetted_at);
