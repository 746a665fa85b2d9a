package org.lmx.routes.outbound;

import jakarta.jws.WebService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.soap.PartnerExchangeServer;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.xsd.service.v1.Acknowledge;
import org.lmx.xsd.service.v1.AcknowledgeResponse;
import org.lmx.xsd.service.v1.AttachmentPart;
import org.lmx.xsd.service.v1.ExchangePortType;
import org.lmx.xsd.service.v1.FetchPending;
import org.lmx.xsd.service.v1.FetchPendingResponse;
import org.lmx.xsd.service.v1.GetStatus;
import org.lmx.xsd.service.v1.GetStatusResponse;
import org.lmx.xsd.service.v1.Submit;
import org.lmx.xsd.service.v1.SubmitResponse;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A push partner's Exchange service for tests: the WSDL's SOAP 1.2 port with MTOM at
 * {@code http://127.0.0.1:<random port>/services/exchange12} (a {@link PartnerExchangeServer} on loopback).
 * It fails the first {@link #failFirst} calls with a SOAP fault, or never answers while {@link #hang} is set;
 * otherwise it answers with the receipt {@link #answer} makes for the document it received.
 *
 * <p>Like a real partner it de-duplicates by MessageId: a document is taken into effect the first time it is
 * answered with an ACCEPTED receipt, and every later copy of it gets those very receipt bytes again, with no new
 * effect. It counts what came over the wire ({@link #wireCopies}, every call, failed or not, with its time) apart
 * from what took effect ({@link #effects}), so that tests can tell duplicates on the wire from duplicate effects.
 */
public final class PartnerTestServer implements AutoCloseable {

    /** Makes the partner's signed receipt for the received signed bytes. */
    public interface Answer {
        byte[] receipt(byte[] document, String digest) throws Exception;
    }

    /** One Submit as it reached the partner: the MessageId and SHA-256 of the document, and when it arrived. */
    public record Call(String messageId, String digest, Instant at, long nanoTime) {

        /** The time from {@code earlier}'s arrival to this one's (monotonic, whatever the wall clock does). */
        public Duration since(Call earlier) {
            return Duration.ofNanos(nanoTime - earlier.nanoTime);
        }
    }

    public final AtomicInteger calls = new AtomicInteger();
    /** Every call, in the order they arrived. */
    public final List<Call> wire = new CopyOnWriteArrayList<>();
    /** The ACCEPTED receipt each document was taken into effect with, by MessageId. */
    private final Map<String, byte[]> effective = new ConcurrentHashMap<>();
    /** How many times each MessageId was taken into effect (a correct partner: never more than once). */
    private final Map<String, AtomicInteger> effectCounts = new ConcurrentHashMap<>();
    /** MessageIds that came again with other bytes (the hub must send the same bytes on every attempt). */
    public final List<String> conflicts = new CopyOnWriteArrayList<>();
    public final List<Submit> received = new CopyOnWriteArrayList<>();
    /** Each received attachment part: its id and content, read when it arrived. */
    public final List<Map.Entry<String, byte[]>> parts = new CopyOnWriteArrayList<>();
    public volatile int failFirst;
    public volatile boolean hang;
    public volatile Answer answer;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final PartnerExchangeServer server;

    public PartnerTestServer() throws Exception {
        server = new PartnerExchangeServer("127.0.0.1", 0, new Partner());
    }

    public String endpoint() {
        return server.endpoint();
    }

    /** The calls that carried {@code messageId}, in the order they arrived. */
    public List<Call> callsOf(String messageId) {
        return wire.stream().filter(c -> c.messageId().equals(messageId)).toList();
    }

    /** How many copies of {@code messageId} came over the wire (failed calls included). */
    public int wireCopies(String messageId) {
        return callsOf(messageId).size();
    }

    /** How many times {@code messageId} was taken into effect. */
    public int effects(String messageId) {
        AtomicInteger count = effectCounts.get(messageId);
        return count == null ? 0 : count.get();
    }

    /** All effects: the number of documents taken into effect, counted once per effect. */
    public int effects() {
        return effectCounts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The MessageIds taken into effect. */
    public Set<String> effective() {
        return Set.copyOf(effective.keySet());
    }

    @WebService(endpointInterface = "org.lmx.xsd.service.v1.ExchangePortType", targetNamespace = "urn:lmx:exchange:wsdl:1",
            serviceName = "ExchangeService", portName = "ExchangeSoap12Port", wsdlLocation = "classpath:lmx/exchange.wsdl")
    public class Partner implements ExchangePortType {

        @Override
        public SubmitResponse submit(Submit submit) {
            int call = calls.incrementAndGet();
            String digest = Sha256.hex(submit.getDocument());
            String messageId = text(submit.getDocument(), "MessageId");
            if (wire.stream().anyMatch(c -> c.messageId().equals(messageId) && !c.digest().equals(digest))) {
                conflicts.add(messageId);
            }
            wire.add(new Call(messageId, digest, Instant.now(), System.nanoTime()));
            received.add(submit);
            for (AttachmentPart part : submit.getAttachment()) {
                try (java.io.InputStream in = part.getContent().getInputStream()) {
                    parts.add(Map.entry(part.getId(), in.readAllBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (hang) {
                try {
                    closing.await(30, TimeUnit.SECONDS); // the caller's receive timeout ends the call first
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the partner never answered");
            }
            if (call <= failFirst) {
                throw new IllegalStateException("the partner's back end is down (call " + call + ")");
            }
            SubmitResponse response = new SubmitResponse();
            response.setReceipt(answerOnce(messageId, submit.getDocument(), digest));
            return response;
        }

        /** The receipt a document was taken into effect with, if it was; else a new answer (an effect if ACCEPTED). */
        private byte[] answerOnce(String messageId, byte[] document, String digest) {
            // one copy at a time per MessageId: a resend may arrive while the copy before it is still being answered
            synchronized (effectCounts.computeIfAbsent(messageId, id -> new AtomicInteger())) {
                byte[] before = effective.get(messageId);
                if (before != null) {
                    return before;
                }
                byte[] receipt;
                try {
                    receipt = answer.receipt(document, digest);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                if ("ACCEPTED".equals(text(receipt, "Status"))) {
                    effective.put(messageId, receipt);
                    effectCounts.get(messageId).incrementAndGet();
                }
                return receipt;
            }
        }

        @Override
        public GetStatusResponse getStatus(GetStatus request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AcknowledgeResponse acknowledge(Acknowledge request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FetchPendingResponse fetchPending(FetchPending request) {
            throw new UnsupportedOperationException();
        }
    }

    /** The text of the first LMX element {@code localName} in {@code xml}, or null. */
    private static String text(byte[] xml, String localName) {
        try {
            Document document = SecureXml.parse(xml);
            NodeList nodes = document.getElementsByTagNameNS("urn:lmx:exchange:1", localName);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
        } catch (Exception e) {
            throw new IllegalStateException("the partner cannot read " + localName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.close();
    }
}
