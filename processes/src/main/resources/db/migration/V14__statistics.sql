-- Indicators for the statistics bureau (KAZ:BNS). Runs unchanged on H2 2.x and PostgreSQL.

-- Every ComplianceAlert the permit tracking raised, one row per alert reference (a sending step run again records
-- it once): the overstay and illegal-employment flags of the monthly StatisticsReport. No personal data: the
-- permit number leads to the holder for those allowed to look.
CREATE TABLE compliance_alert (
    alert_reference  VARCHAR(64)  NOT NULL,
    alert_type       VARCHAR(40)  NOT NULL,
    permit_number    VARCHAR(20),
    region           VARCHAR(8),
    message_id       VARCHAR(36)  NOT NULL,
    raised_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT compliance_alert_pk PRIMARY KEY (alert_reference)
);
CREATE INDEX compliance_alert_time ON compliance_alert (raised_at);

-- One StatisticsReport per month: the primary key is what makes two nodes, a timer and an operator's request send
-- a month once. message_id is set when the report has been issued.
CREATE TABLE statistics_report (
    report_month         VARCHAR(7)   NOT NULL,
    report_reference     VARCHAR(64)  NOT NULL,
    process_instance_id  VARCHAR(64)  NOT NULL,
    message_id           VARCHAR(36),
    conversation_id      VARCHAR(36)  NOT NULL,
    claimed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at              TIMESTAMP WITH TIME ZONE,
    CONSTRAINT statistics_report_pk PRIMARY KEY (report_month)
);
