-- Outbound documents (ARCHITECTURE.md "Flows", "Reliability contract"): the hub's own documents are logged and
-- queued for delivery in one transaction, like accepted inbound documents are queued for dispatch; the
-- recipients' signed receipts are kept beside the log. Runs unchanged on H2 2.x and PostgreSQL.

-- What an outbox row asks for: DISPATCH an accepted inbound document to its process (every row so far), or
-- DELIVER a document the hub issued to its recipient. Each kind has its own drainer.
ALTER TABLE outbox ADD COLUMN kind VARCHAR(16) DEFAULT 'DISPATCH' NOT NULL;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind CHECK (kind IN ('DISPATCH', 'DELIVER'));
DROP INDEX outbox_pending;
CREATE INDEX outbox_pending ON outbox (kind, done_at, id);

-- The recipient's signed receipt for an outbound message, one per message, exactly as received. It is not part
-- of the log's chain (it arrives after the entry is chained); its signature is its own evidence.
CREATE TABLE delivery_receipt (
    message_id     VARCHAR(36)   NOT NULL PRIMARY KEY,
    -- SHA-256 of the receipt's bytes: the same receipt again is recognised, another one is refused
    digest         VARCHAR(64)   NOT NULL,
    receipt        BYTEA         NOT NULL,
    signer         VARCHAR(40)   NOT NULL,
    status         VARCHAR(8)    NOT NULL,
    code           VARCHAR(64),
    reason         VARCHAR(4000),
    -- Receipt/ReceivedAt as the recipient wrote it
    received_at    VARCHAR(64)   NOT NULL,
    reconciled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT delivery_receipt_message FOREIGN KEY (message_id) REFERENCES message_log (message_id),
    CONSTRAINT delivery_receipt_status CHECK (status IN ('ACCEPTED', 'REJECTED'))
);
