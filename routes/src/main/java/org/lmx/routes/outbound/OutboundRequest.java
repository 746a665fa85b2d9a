package org.lmx.routes.outbound;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lmx.connectors.Sha256;

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
 * @param requestKey     the caller's name for this request, or null: asked again with the same key and the same
 *                       request, the entry returns the document it issued the first time instead of a second one
 */
public record OutboundRequest(String to, String documentType, String conversationId, String inReplyTo,
                              String agreementId, byte[] document, List<OutboundAttachment> attachments,
                              String origin, String requestKey) {

    public OutboundRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A request without a key: each call issues a new document. */
    public OutboundRequest(String to, String documentType, String conversationId, String inReplyTo, String agreementId,
                           byte[] document, List<OutboundAttachment> attachments, String origin) {
        this(to, documentType, conversationId, inReplyTo, agreementId, document, attachments, origin, null);
    }

    public OutboundRequest withRequestKey(String key) {
        return new OutboundRequest(to, documentType, conversationId, inReplyTo, agreementId, document, attachments,
                origin, key);
    }

    /**
     * SHA-256 over what the request asks for (not who asked, nor its key): equal for a repeat, different when any
     * field, the document's bytes or an attachment differ.
     */
    public String fingerprint() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : new String[] {to, documentType, conversationId, inReplyTo, agreementId}) {
            field(out, field == null ? null : field.getBytes(StandardCharsets.UTF_8));
        }
        field(out, document);
        for (OutboundAttachment a : attachments) {
            field(out, String.join("\n", a.id(), a.fileName(), a.mimeType(),
                    a.content() == null ? "" : Sha256.hex(a.content())).getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(out.toByteArray());
    }

    /** Length-prefixed, so that no two different requests serialize alike; -1 for an absent field. */
    private static void field(ByteArrayOutputStream out, byte[] value) {
        int length = value == null ? -1 : value.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        if (value != null) {
            out.writeBytes(value);
        }
    }
}
