package org.lmx.hub.process;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.exchange.Sent;
import org.lmx.routes.outbound.OutboundRefusal;
import org.lmx.routes.outbound.OutboundRequest;
import org.lmx.routes.outbound.OutboundResult;
import org.lmx.routes.outbound.OutboundRoute;

/**
 * Seam 1, the hub's side: a process's document goes through the exchange's one outbound entry
 * ({@code direct:outbound}), which signs it as the hub, logs it and queues it. Camel's direct endpoint runs in the
 * caller's thread, so the document is logged in the engine's transaction: a step that rolls back issues nothing, and
 * a step run again after a failure gets, through its request key, the document issued the first time.
 */
public final class ExchangeDocumentSender implements DocumentSender {

    private final ProducerTemplate producer;

    public ExchangeDocumentSender(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public Sent send(OutgoingDocument document) {
        OutboundRequest request = new OutboundRequest(document.to(), document.documentType(), document.conversationId(),
                document.inReplyTo(), null, document.document(), List.of(), "process step " + document.requestKey())
                .withRequestKey(document.requestKey());
        Exchange done = producer.request(OutboundRoute.OUTBOUND, e -> e.getMessage().setBody(request));
        Exception failure = done.getException();
        if (failure instanceof OutboundRefusal refusal) {
            throw new IllegalStateException(refusal.code() + ": the exchange refused " + document.documentType()
                    + " to " + document.to() + ": " + refusal.getMessage(), refusal);
        }
        if (failure != null) {
            throw new IllegalStateException("the hub could not issue " + document.documentType() + " to "
                    + document.to() + ": " + failure, failure);
        }
        OutboundResult issued = done.getMessage().getBody(OutboundResult.class);
        return new Sent(issued.messageId(), issued.conversationId());
    }
}
