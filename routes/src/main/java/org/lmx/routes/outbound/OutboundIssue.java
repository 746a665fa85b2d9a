package org.lmx.routes.outbound;

import java.time.Instant;
import org.lmx.routes.agreements.CurrentAgreement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What the outbound route knows of one request so far; each step adds to it. One per exchange. */
final class OutboundIssue {

    final OutboundRequest request;
    /** The time of issue: Header/Created, the log's time and the validation time of the agreement. */
    final Instant issuedAt;
    String messageId;
    String conversationId;
    CurrentAgreement agreement;
    Element bodyDocument;
    String created;
    Document envelope;
    byte[] signed;
    /** The document a keyed request issued before, when this one repeats it: nothing more is done. */
    OutboundResult repeated;

    OutboundIssue(OutboundRequest request, Instant issuedAt) {
        this.request = request;
        this.issuedAt = issuedAt;
    }
}
