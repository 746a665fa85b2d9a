package org.lmx.routes.log;

import java.time.Instant;

/**
 * A rejected inbound document as far as it could be read: never its body. Fields other than the time, the
 * channel, the digest, the size, the code and the reason are null when unreadable.
 */
public record Rejection(Long id, Instant receivedAt, String channel, String digest, long size, String messageId,
                        String agreementId, String from, String documentType, String signer, String code,
                        String reason) {
}
