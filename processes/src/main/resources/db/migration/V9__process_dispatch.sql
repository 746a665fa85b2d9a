-- Every document handed to the processes, once: a redelivered document (same MessageId) starts no second case and
-- completes no step twice. Written in the transaction that starts the process or correlates the message.
-- Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE process_dispatch (
    message_id           VARCHAR(36)   NOT NULL,
    -- STARTED, CORRELATED or UNMATCHED
    outcome              VARCHAR(20)   NOT NULL,
    process_instance_id  VARCHAR(64),
    note                 VARCHAR(1000),
    dispatched_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT process_dispatch_pk PRIMARY KEY (message_id),
    CONSTRAINT process_dispatch_outcome CHECK (outcome IN ('STARTED', 'CORRELATED', 'UNMATCHED'))
);
