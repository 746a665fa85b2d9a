-- Idempotent outbound requests: a caller (an operator's Idempotency-Key, a process step) names its request, so
-- that asking again after a lost answer returns the document already issued instead of issuing a second one.
-- The row is written in the transaction that logs the document. Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE outbound_request (
    request_key  VARCHAR(200) NOT NULL,
    fingerprint  CHAR(64)     NOT NULL,
    message_id   VARCHAR(36)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT outbound_request_pk PRIMARY KEY (request_key),
    CONSTRAINT outbound_request_message FOREIGN KEY (message_id) REFERENCES message_log (message_id)
);
