package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.lmx.routes.outbound.OutboundAttachment;
import org.lmx.routes.outbound.OutboundRequest;

/**
 * {@code POST /api/outbound}: a document the hub is to issue, sign and deliver.
 *
 * @param document the one document element of the catalogue as XML text, e.g.
 *                 {@code <PermitDecision xmlns="urn:lmx:exchange:1">...</PermitDecision>}
 */
@Schema(description = "A document for the hub to issue: it builds the envelope, signs it as KAZ:MLSP, logs it and"
        + " queues it for delivery to the recipient")
record OutboundPost(
        @Schema(description = "the recipient party", example = "KAZ:MIA", requiredMode = Schema.RequiredMode.REQUIRED) String to,
        @Schema(description = "the document type, the local name of the document element", example = "PermitDecision",
                requiredMode = Schema.RequiredMode.REQUIRED) String documentType,
        @Schema(description = "the case thread (a lower-case UUID); a new one when absent") String conversationId,
        @Schema(description = "the MessageId this document answers") String inReplyTo,
        @Schema(description = "the agreement to send under; the recipient's agreement when absent") String agreementId,
        @Schema(description = "the document element as XML text, in namespace urn:lmx:exchange:1",
                requiredMode = Schema.RequiredMode.REQUIRED) String document,
        List<Attachment> attachments) {

    /** An attachment, listed in the signed header with its size and SHA-256. */
    record Attachment(@Schema(example = "permit") String id, @Schema(example = "permit.pdf") String fileName,
                      @Schema(example = "application/pdf") String mimeType,
                      @Schema(description = "the content, base64") String contentBase64) {
    }

    OutboundRequest toRequest(String operator) {
        List<OutboundAttachment> parts = new ArrayList<>();
        if (attachments != null) {
            for (int i = 0; i < attachments.size(); i++) {
                Attachment a = attachments.get(i);
                if (a == null || a.contentBase64() == null) {
                    throw ApiProblem.badRequest("attachments[" + i + "].contentBase64 is required");
                }
                byte[] content;
                try {
                    content = Base64.getMimeDecoder().decode(a.contentBase64());
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.badRequest("attachments[" + i + "].contentBase64 is not base64: " + e.getMessage());
                }
                parts.add(new OutboundAttachment(a.id(), a.fileName(), a.mimeType(), content));
            }
        }
        byte[] xml = document == null ? null : document.getBytes(StandardCharsets.UTF_8);
        return new OutboundRequest(to, documentType, conversationId, inReplyTo, agreementId, xml, parts,
                operator + " (POST /api/outbound)");
    }
}
