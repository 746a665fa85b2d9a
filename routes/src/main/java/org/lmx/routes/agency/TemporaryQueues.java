package org.lmx.routes.agency;

/**
 * Which temporary queues an agency created itself: only those may receive its receipts instead of its {@code .in}.
 * Only the broker knows (the embedded one says; for an external broker the hub cannot tell, and only {@code .in} is
 * honoured).
 */
@FunctionalInterface
public interface TemporaryQueues {

    /** An external broker: no temporary queue is known to be the agency's. */
    TemporaryQueues UNKNOWN = (queue, agency) -> false;

    boolean isTemporaryQueueOf(String queue, AgencyQueues agency);
}
