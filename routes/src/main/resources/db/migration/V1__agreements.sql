-- The agreement registry (ARCHITECTURE.md "Agreements"). Agreement files are the source; each (id, version)
-- is imported once and never changed afterwards, so what was in force at any time can be shown later.
-- Runs unchanged on H2 2.x and PostgreSQL: TEXT is unbounded text on both.

CREATE TABLE agreement_version (
    agreement_id      VARCHAR(64)  NOT NULL,
    version           BIGINT       NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    partner           VARCHAR(40)  NOT NULL,
    hub_party         VARCHAR(40)  NOT NULL,
    transport         VARCHAR(16)  NOT NULL,
    valid_from        DATE         NOT NULL,
    valid_to          DATE,
    revocation_policy VARCHAR(16)  NOT NULL,
    file_name         VARCHAR(255) NOT NULL,
    -- SHA-256 of the file's bytes, lower-case hex: a re-import with other bytes under the same version is refused
    sha256            VARCHAR(64)  NOT NULL,
    -- the file's exact bytes (UTF-8); the version in force is read from here, never from the file again
    content           TEXT         NOT NULL,
    imported_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by       VARCHAR(100) NOT NULL,
    CONSTRAINT agreement_version_pk PRIMARY KEY (agreement_id, version),
    CONSTRAINT agreement_version_status CHECK (status IN ('DRAFT', 'ACTIVE', 'SUSPENDED', 'TERMINATED')),
    CONSTRAINT agreement_version_transport CHECK (transport IN ('SOAP_PUSH', 'SOAP_PULL', 'QUEUE')),
    CONSTRAINT agreement_version_revocation CHECK (revocation_policy IN ('NONE', 'CRL_SOFT_FAIL', 'CRL_HARD_FAIL')),
    CONSTRAINT agreement_version_validity CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE INDEX agreement_version_partner ON agreement_version (partner);

-- The trust of a version, with certificates resolved at import: a certificate named by file is stored here as
-- PEM, so that changing the trust directory later never changes a version in force.
CREATE TABLE agreement_trust (
    agreement_id    VARCHAR(64)   NOT NULL,
    version         BIGINT        NOT NULL,
    position        INTEGER       NOT NULL,
    role            VARCHAR(8)    NOT NULL,
    label           VARCHAR(100),
    certificate_pem TEXT          NOT NULL,
    -- where the certificate came from: the file under the trust directory, or null when inline
    certificate_file VARCHAR(255),
    crl_url         VARCHAR(2048),
    not_after       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT agreement_trust_pk PRIMARY KEY (agreement_id, version, position),
    CONSTRAINT agreement_trust_version FOREIGN KEY (agreement_id, version)
        REFERENCES agreement_version (agreement_id, version),
    CONSTRAINT agreement_trust_role CHECK (role IN ('CA', 'PINNED'))
);
