package org.lmx.routes.inbound;

import java.time.Instant;
import java.util.Optional;
import org.lmx.connectors.LmxException;

/**
 * What the front door made of one document: its header as read, the SHA-256 of its bytes, when it arrived,
 * the outcome, the rejection if any, and the hub's signed answer: the receipt (none for an offered Receipt),
 * or for a StatusRequest the StatusReport.
 */
public record InboundResult(Outcome outcome, ReceivedHeader header, String digest, Instant receivedAt,
                            Optional<LmxException> rejection, byte[] answer) {

    public enum Outcome {
        /** First seen, checked and logged; the receipt is new. */
        ACCEPTED,
        /** The same bytes under a logged MessageId: the receipt is the one first sent. */
        RESENT,
        /** Refused; the receipt says why, the rejection audit keeps a line. */
        REJECTED,
        /** A Receipt was offered as a document: receipts are reconciled, never receipted. */
        RECEIPT_OFFERED
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED || outcome == Outcome.RESENT;
    }
}
