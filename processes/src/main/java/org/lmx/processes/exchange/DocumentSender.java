package org.lmx.processes.exchange;

/**
 * Seam 1 (ARCHITECTURE.md "Modules"): how a delegate sends a document. The hub implements it with a
 * ProducerTemplate on the exchange's one outbound entry ({@code direct:outbound}), which signs, logs and queues it
 * in the caller's transaction. A refusal comes back as an {@link IllegalStateException} naming the entry's code.
 */
public interface DocumentSender {

    Sent send(OutgoingDocument document);
}
