package org.lmx.routes.log;

/** One state machine per message (ARCHITECTURE.md "Flows"); the names are the contract's MessageState values. */
public enum MessageState {
    /** Inbound: received, checked and stored durably. */
    ACCEPTED,
    /** Inbound: its process was started or correlated. */
    DISPATCHED,
    QUEUED,
    SENT,
    DELIVERED,
    REJECTED_BY_RECIPIENT,
    RETRYING,
    FAILED
}
