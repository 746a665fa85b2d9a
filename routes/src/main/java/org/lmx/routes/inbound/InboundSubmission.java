package org.lmx.routes.inbound;

import java.util.List;
import java.util.Optional;

/**
 * One signed document as it arrived, with the attachment parts of the same call.
 *
 * @param channel      where it came from, for the rejection audit and the logs (SOAP11, SOAP12, QUEUE:MIA)
 * @param channelParty the party the channel speaks for (an agency's own queue), who must then be the signer;
 *                     empty where the channel binds no party (SOAP: the agreement and the certificate decide)
 */
public record InboundSubmission(byte[] document, List<ReceivedAttachment> attachments, String channel,
                                Optional<String> channelParty) {

    public InboundSubmission {
        attachments = List.copyOf(attachments);
    }

    public InboundSubmission(byte[] document, List<ReceivedAttachment> attachments, String channel) {
        this(document, attachments, channel, Optional.empty());
    }

    public static InboundSubmission of(byte[] document, String channel) {
        return new InboundSubmission(document, List.of(), channel);
    }

    /** A document from the queue of {@code party}: only that party's own signed documents pass. */
    public static InboundSubmission from(byte[] document, String channel, String party) {
        return new InboundSubmission(document, List.of(), channel, Optional.of(party));
    }
}
