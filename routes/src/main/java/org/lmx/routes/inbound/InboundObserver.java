package org.lmx.routes.inbound;

import java.time.Instant;

/**
 * Told of every document the inbound pipeline answered (route {@code inbound}), once its answer is ready: the
 * hub counts and times them for its metrics, without the routes knowing how. Called on the caller's thread; it must
 * be quick and must not throw.
 */
@FunctionalInterface
public interface InboundObserver {

    InboundObserver NONE = (submission, result, answeredAt) -> { };

    /**
     * @param submission what arrived (its channel: SOAP11, SOAP12, QUEUE:MIA)
     * @param result     the outcome, the header as read and when the document arrived
     * @param answeredAt when its answer was ready (after the commit, for an accepted one)
     */
    void answered(InboundSubmission submission, InboundResult result, Instant answeredAt);
}
