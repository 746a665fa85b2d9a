package org.lmx.routes.outbound;

import java.util.List;

/**
 * What the hub is asked to send (by a process, or by an operator through {@code POST /api/outbound}); the
 * {@link OutboundRoute} makes it a signed ExchangeMessage.
 *
 * @param to             the recipient party, e.g. {@code KAZ:MIA}
 * @param documentType   the catalogue name of the document, which is also the local name of {@code document}
 * @param conversationId the case thread; null: a new conversation
 * @param inReplyTo      the MessageId this document answers, or null
 * @param agreementId    the agreement to send under; null: the recipient's agreement
 * @param document       one document element of the catalogue as XML, e.g. {@code <PermitDecision
 *                       xmlns="urn:lmx:exchange:1">...</PermitDecision>}; it becomes the envelope's Body
 * @param attachments    listed in the signed header in this order
 * @param origin         who asked (an operator's name, a process), for the message's history
 */
public record OutboundRequest(String to, String documentType, String conversationId, String inReplyTo,
                              String agreementId, byte[] document, List<OutboundAttachment> attachments,
                              String origin) {

    public OutboundRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
