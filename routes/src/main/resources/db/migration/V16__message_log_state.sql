-- Messages by state and how long they have been in it: the stuck-message and dead-letter gauges of the hub's
-- metrics (lmx_messages_stuck, lmx_outbound_failed) and /api/messages?state= stay cheap on a log of millions.
CREATE INDEX message_log_state ON message_log (state, state_at);
