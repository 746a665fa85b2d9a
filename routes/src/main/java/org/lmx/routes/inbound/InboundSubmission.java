package org.lmx.routes.inbound;

import java.util.List;

/**
 * One signed document as it arrived, with the attachment parts of the same call.
 *
 * @param channel where it came from, for the rejection audit and the logs (SOAP11, SOAP12, a queue)
 */
public record InboundSubmission(byte[] document, List<ReceivedAttachment> attachments, String channel) {

    public InboundSubmission {
        attachments = List.copyOf(attachments);
    }

    public static InboundSubmission of(byte[] document, String channel) {
        return new InboundSubmission(document, List.of(), channel);
    }
}
