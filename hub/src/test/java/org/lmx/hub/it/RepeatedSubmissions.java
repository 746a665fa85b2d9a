package org.lmx.hub.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.lmx.hub.it.PartnerClient.Submitted;
import org.lmx.xsd.service.v1.ExchangePortType;

/**
 * Partners' gateways submitting signed documents over SOAP: a submission whose answer was lost (no connection, a
 * fault) is submitted again with the very same bytes until a receipt comes. Every ACCEPTED receipt is kept by
 * MessageId: the hub promised those documents.
 */
final class RepeatedSubmissions {

    /** A partner's signed document, and how many of its submissions lost their answer. */
    record Document(String messageId, byte[] signed, AtomicInteger lostAnswers) {
        Document(String messageId, byte[] signed) {
            this(messageId, signed, new AtomicInteger());
        }
    }

    final Map<String, Submitted> accepted = new ConcurrentHashMap<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    private final PartnerClient client;
    /** A SOAP client per thread (a CXF port is not shared between threads). */
    private final ThreadLocal<ExchangePortType> ports;
    private final Duration patience;

    RepeatedSubmissions(PartnerClient client, Duration patience) {
        this.client = client;
        this.ports = ThreadLocal.withInitial(() -> client.port("1.2"));
        this.patience = patience;
    }

    void submit(Document document) {
        RepeatUntilAnswered.repeat(() -> {
            Submitted answer;
            try {
                answer = client.submit(ports.get(), document.signed(), List.of());
            } catch (Exception e) {
                document.lostAnswers().incrementAndGet();
                ports.remove(); // a new client next time: this one may hold a connection to a killed hub
                return false;
            }
            if ("ACCEPTED".equals(answer.receipt().status())) {
                accepted.put(document.messageId(), answer);
            } else {
                refused.add(document.messageId() + " " + answer.receipt().code() + " " + answer.receipt().reason());
            }
            return true;
        }, patience);
    }
}
