package org.lmx.processes.exchange;

/**
 * Seam 2: an accepted document the exchange hands to the processes (from its outbox, once it is logged).
 *
 * @param signed the signed ExchangeMessage as received; its Body holds the one document
 */
public record ReceivedDocument(String messageId, String conversationId, String inReplyTo, String agreementId,
                               String from, String documentType, byte[] signed) {
}
