-- Delivery to push partners (ARCHITECTURE.md "Reliability contract"): each DELIVER row counts its attempts, says
-- when the next one is due (exponential backoff from the agreement's Delivery) and keeps the last error, so that a
-- restarted hub resumes where it stopped. Runs unchanged on H2 2.x and PostgreSQL.
ALTER TABLE outbox ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
-- null: due now
ALTER TABLE outbox ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox ADD COLUMN last_error VARCHAR(2000);
