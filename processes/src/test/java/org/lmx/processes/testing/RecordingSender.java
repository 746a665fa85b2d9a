package org.lmx.processes.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.exchange.Sent;

/**
 * A DocumentSender that records what the processes send, each document checked against the contract, and answers
 * like the hub's outbound entry: a new MessageId per request, the first one again for a repeated request key, and
 * a refusal (IllegalStateException, as the hub's LMX-OUT-KEY-CONFLICT) when a key comes back with other content,
 * which is what a step whose document is not deterministic would cause.
 */
public final class RecordingSender implements DocumentSender {

    public record Issued(String messageId, OutgoingDocument document) {
    }

    private final List<Issued> issued = new ArrayList<>();
    private final Map<String, Issued> byKey = new ConcurrentHashMap<>();
    private final List<Issued> repeats = new ArrayList<>();
    private String refuseOnceTo;
    private String loseAnswerOnceTo;

    /**
     * The next document to this party is issued, but its caller never hears so (an exception after the entry
     * committed, as when the answer is lost): the step fails and runs again.
     */
    public synchronized void loseAnswerOnce(String to) {
        loseAnswerOnceTo = to;
    }

    /** The next document to this party is refused, as the hub refuses one whose agreement is suspended. */
    public synchronized void refuseOnce(String to) {
        refuseOnceTo = to;
    }

    @Override
    public synchronized Sent send(OutgoingDocument document) {
        ContractSchema.validateElement(document);
        if (document.to().equals(refuseOnceTo)) {
            refuseOnceTo = null;
            throw new IllegalStateException("LMX-OUT-AGREEMENT-NOT-ACTIVE: the agreement with " + document.to()
                    + " is not ACTIVE");
        }
        if (document.requestKey() != null) {
            Issued first = byKey.get(document.requestKey());
            if (first != null) {
                if (!same(first.document(), document)) {
                    throw new IllegalStateException("LMX-OUT-KEY-CONFLICT: request key " + document.requestKey()
                            + " names an earlier request that asked for something else");
                }
                repeats.add(first);
                return new Sent(first.messageId(), document.conversationId());
            }
        }
        Issued sent = new Issued(UUID.randomUUID().toString(), document);
        issued.add(sent);
        if (document.requestKey() != null) {
            byKey.put(document.requestKey(), sent);
        }
        if (document.to().equals(loseAnswerOnceTo)) {
            loseAnswerOnceTo = null;
            throw new IllegalStateException("the answer for " + sent.messageId() + " was lost");
        }
        return new Sent(sent.messageId(), document.conversationId());
    }

    /** Every document issued once (repeats of a request key not counted), in order. */
    public synchronized List<Issued> issued() {
        return List.copyOf(issued);
    }

    public synchronized List<Issued> ofType(String documentType) {
        return issued.stream().filter(i -> i.document().documentType().equals(documentType)).toList();
    }

    public synchronized List<Issued> ofType(String documentType, String conversationId) {
        return issued.stream().filter(i -> i.document().documentType().equals(documentType)
                && conversationId.equals(i.document().conversationId())).toList();
    }

    public synchronized List<Issued> repeats() {
        return List.copyOf(repeats);
    }

    public synchronized void clear() {
        issued.clear();
        byKey.clear();
        repeats.clear();
        refuseOnceTo = null;
        loseAnswerOnceTo = null;
    }

    private static boolean same(OutgoingDocument a, OutgoingDocument b) {
        return a.to().equals(b.to()) && a.documentType().equals(b.documentType())
                && String.valueOf(a.conversationId()).equals(String.valueOf(b.conversationId()))
                && String.valueOf(a.inReplyTo()).equals(String.valueOf(b.inReplyTo()))
                && Arrays.equals(a.document(), b.document());
    }
}
