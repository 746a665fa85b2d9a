-- Retention (issue 12, ARCHITECTURE.md "Agreements"): signed bodies and attachment contents are purged at the end of
-- their agreement's Retention/MessageBodies; the chain covers metadata and digests only, so it still verifies. Each
-- purge is recorded here, so that a verifier can tell a body purged on schedule from a body someone deleted.

CREATE TABLE retention_purge (
    message_id         VARCHAR(36) NOT NULL PRIMARY KEY,
    purged_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    agreement_id       VARCHAR(64) NOT NULL,
    -- the agreement's Retention/MessageBodies that applied, e.g. P10Y
    retention          VARCHAR(32) NOT NULL,
    body_bytes         BIGINT      NOT NULL,
    attachments_purged INTEGER     NOT NULL,
    CONSTRAINT retention_purge_message FOREIGN KEY (message_id) REFERENCES message_log (message_id)
);

-- set when a content was purged (a content kept again for a newer message keeps the date; its bytes are back)
ALTER TABLE attachment_content ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
