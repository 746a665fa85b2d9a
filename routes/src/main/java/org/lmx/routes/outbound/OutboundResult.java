package org.lmx.routes.outbound;

import org.lmx.routes.log.MessageState;

/**
 * A document the hub issued: logged and queued for delivery.
 *
 * @param created  Header/Created as written
 * @param digest   SHA-256 of the signed bytes, which the recipient's receipt must name
 * @param signed   the signed bytes, as they are logged and delivered
 * @param repeated whether the request repeated a keyed one: the document is the one issued then, in its state now
 */
public record OutboundResult(String messageId, String conversationId, String inReplyTo, String agreementId, String to,
                             String documentType, String created, String digest, MessageState state, byte[] signed,
                             boolean repeated) {
}
