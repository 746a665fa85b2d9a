package org.lmx.routes.inbound;

import java.time.Instant;
import java.util.Optional;
import org.lmx.connectors.LmxException;

/**
 * What the front door made of one document: its header as read, the SHA-256 of its bytes, when it arrived,
 * the signer's party if the signature held, the rejection if any, and the signed receipt that answers it.
 */
public record InboundResult(ReceivedHeader header, String digest, Instant receivedAt, Optional<String> signer,
                            Optional<LmxException> rejection, byte[] receipt) {

    public boolean accepted() {
        return rejection.isEmpty();
    }
}
