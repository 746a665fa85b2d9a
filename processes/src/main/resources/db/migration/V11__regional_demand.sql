-- Regional demand for foreign labour (RegionalDemandReport from the akimats, KAZ:AKIMAT-<region>), read by the
-- quota-refresh process: one row per report line, keyed by the report's MessageId. A region's latest report for a
-- year replaces its earlier one (the earlier rows are deleted when the new one is recorded).
-- Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE regional_demand (
    message_id        VARCHAR(36)   NOT NULL,
    line_number       INTEGER       NOT NULL,
    demand_year       INTEGER       NOT NULL,
    region            VARCHAR(8)    NOT NULL,
    reported_by       VARCHAR(40)   NOT NULL,
    report_reference  VARCHAR(64)   NOT NULL,
    sector            VARCHAR(1)    NOT NULL,
    isco_code         VARCHAR(4)    NOT NULL,
    job_title         VARCHAR(200)  NOT NULL,
    requested         INTEGER       NOT NULL,
    local_candidates  INTEGER       NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT regional_demand_pk PRIMARY KEY (message_id, line_number),
    CONSTRAINT regional_demand_requested CHECK (requested > 0 AND local_candidates >= 0)
);
CREATE INDEX regional_demand_year ON regional_demand (demand_year, region);

-- The dispatcher records a report (outcome RECORDED) instead of starting or correlating a process.
ALTER TABLE process_dispatch DROP CONSTRAINT process_dispatch_outcome;
ALTER TABLE process_dispatch ADD CONSTRAINT process_dispatch_outcome
    CHECK (outcome IN ('STARTED', 'CORRELATED', 'UNMATCHED', 'RECORDED'));
