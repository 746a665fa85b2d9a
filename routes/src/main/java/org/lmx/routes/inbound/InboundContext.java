package org.lmx.routes.inbound;

import java.time.Instant;
import java.util.List;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.signature.VerifiedDocument;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.routes.log.LoggedAttachment;
import org.w3c.dom.Document;

/** What the inbound route knows of one document so far; each step adds to it. One per exchange. */
final class InboundContext {

    final InboundSubmission submission;
    final Instant receivedAt;
    final String digest;
    /** The SHA-256 of the TLS client certificate the call came with (SOAP over TLS), or null. */
    String tlsClient;
    ReceivedHeader header = ReceivedHeader.unreadable();
    Document document;
    CurrentAgreement agreement;
    VerifiedDocument verified;
    List<LoggedAttachment> declaredAttachments = List.of();

    InboundContext(InboundSubmission submission, Instant receivedAt) {
        this.submission = submission;
        this.receivedAt = receivedAt;
        this.digest = Sha256.hex(submission.document());
    }

    byte[] signed() {
        return submission.document();
    }
}
