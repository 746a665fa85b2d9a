-- The national quota ledger (ARCHITECTURE.md "Processes"): places for foreign labour per year, sector (economic
-- section letter) and region (ISO 3166-2:KZ). A permit takes one place in every region it covers; a partner's
-- share (its agreement's <QuotaShares>) is a sub-limit counted over the reservations of its applications.
-- Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE quota_line (
    quota_year  INTEGER     NOT NULL,
    sector      VARCHAR(1)  NOT NULL,
    region      VARCHAR(8)  NOT NULL,
    places      INTEGER     NOT NULL,
    -- only ever changed by a conditional UPDATE ... WHERE taken < places, so parallel reservations never overbook
    taken       INTEGER     NOT NULL,
    CONSTRAINT quota_line_pk PRIMARY KEY (quota_year, sector, region),
    CONSTRAINT quota_line_places CHECK (places >= 0),
    CONSTRAINT quota_line_taken CHECK (taken >= 0)
);

-- One row per case and region while the case holds a place there; released_at set when it gives it back.
CREATE TABLE quota_reservation (
    case_reference  VARCHAR(64)  NOT NULL,
    region          VARCHAR(8)   NOT NULL,
    quota_year      INTEGER      NOT NULL,
    sector          VARCHAR(1)   NOT NULL,
    partner         VARCHAR(40)  NOT NULL,
    reserved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT quota_reservation_pk PRIMARY KEY (case_reference, region),
    CONSTRAINT quota_reservation_line FOREIGN KEY (quota_year, sector, region)
        REFERENCES quota_line (quota_year, sector, region)
);
CREATE INDEX quota_reservation_partner ON quota_reservation (partner, quota_year, sector, region, released_at);
