package org.lmx.routes.dispatch;

import org.lmx.routes.log.LoggedMessage;

/**
 * What the outbox dispatcher hands each accepted document to: in the hub, the case processes (ARCHITECTURE.md
 * "Modules": routes never import processes, so the hub implements this over them). It runs inside the transaction
 * that marks the document DISPATCHED, so whatever it writes commits with that mark or not at all; a failure leaves
 * the document in the outbox for the next round.
 */
@FunctionalInterface
public interface DocumentHandler {

    /** Only records the hand-over: what the exchange does while nothing takes documents (and in route tests). */
    DocumentHandler RECORD_ONLY = message -> "handed to " + OutboxDispatchRoute.DISPATCH;

    /**
     * @return what happened to it, in words, for the message's history (e.g. which process it started)
     */
    String handle(LoggedMessage message);
}
