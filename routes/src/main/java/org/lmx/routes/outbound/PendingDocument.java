package org.lmx.routes.outbound;

import java.util.List;

/** A document fetched by a pull partner: the exact signed bytes the hub issued, and its attachments' contents. */
public record PendingDocument(String messageId, byte[] signed, List<Part> attachments) {

    public PendingDocument {
        attachments = List.copyOf(attachments);
    }

    /** One attachment: its Id as listed in the signed header, and its content. */
    public record Part(String id, byte[] content) {
    }
}
