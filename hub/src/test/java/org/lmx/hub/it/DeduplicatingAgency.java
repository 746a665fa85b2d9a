package org.lmx.hub.it;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.hub.broker.BrokerCredentials;

/**
 * A domestic agency as it would run against the hub: Qpid JMS over AMQP 1.0 with failover (it reconnects to the
 * same address when the hub comes back), one transacted session that takes a document from its {@code .in} and puts
 * its signed receipt on its {@code .out} in one commit. It de-duplicates by MessageId: a document is taken into effect
 * the first time it is answered with an ACCEPTED receipt (its signature checked against the hub CA first); every later
 * copy, on the wire again because a commit or an ack was lost, gets the very same receipt bytes and no new effect.
 */
final class DeduplicatingAgency implements AutoCloseable {

    private static final String HUB = "KAZ:MLSP";

    private final String code;
    private final String party;
    private final String agreementId;
    private final Credential credential;
    private final X509Certificate hubCa;
    private final SignatureVerifier verifier = new SignatureVerifier(CrlSource.NONE);
    private final Connection connection;
    private final Thread worker;
    private volatile boolean running = true;

    /** Copies on the wire per MessageId (every delivery, redeliveries included). */
    private final Map<String, AtomicInteger> copies = new ConcurrentHashMap<>();
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    /** The receipt each document was taken into effect with. */
    private final Map<String, byte[]> answered = new ConcurrentHashMap<>();
    private final AtomicInteger effects = new AtomicInteger();
    /** Whatever the agency could not take: not from the hub, other bytes under a seen MessageId, failures. */
    final List<String> problems = new CopyOnWriteArrayList<>();
    /** Commits that failed (the broker went away under the transaction): their messages come again. */
    final AtomicInteger rolledBack = new AtomicInteger();

    private DeduplicatingAgency(int amqpPort, Path dataDir, String code, String party, String agreementId) throws Exception {
        this.code = code;
        this.party = party;
        this.agreementId = agreementId;
        this.credential = Parties.credential(dataDir, party);
        this.hubCa = Pem.readCertificate(dataDir.resolve("pki/hub-ca.crt.pem"));
        String password = BrokerCredentials.open(dataDir.resolve(BrokerCredentials.FILE)).password(code);
        // reconnects forever, quickly: the hub is expected back on the same port
        JmsConnectionFactory factory = new JmsConnectionFactory("failover:(amqp://127.0.0.1:" + amqpPort + ")"
                + "?failover.initialReconnectDelay=100&failover.reconnectDelay=200&failover.useReconnectBackOff=false");
        this.connection = factory.createConnection(code, password);
        this.worker = new Thread(this::consume, "agency-" + code);
    }

    /** Connects as agency {@code code} (broker password from the data directory) and starts consuming its {@code .in}. */
    static DeduplicatingAgency start(int amqpPort, Path dataDir, String code, String party, String agreementId)
            throws Exception {
        DeduplicatingAgency agency = new DeduplicatingAgency(amqpPort, dataDir, code, party, agreementId);
        agency.connection.start();
        agency.worker.start();
        return agency;
    }

    private void consume() {
        try {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer in = session.createConsumer(session.createQueue(AgencyClient.in(code)));
            MessageProducer out = session.createProducer(session.createQueue(AgencyClient.out(code)));
            while (running) {
                Message message;
                try {
                    message = in.receive(200);
                    if (message == null) {
                        continue;
                    }
                    BytesMessage receipt = session.createBytesMessage();
                    receipt.writeBytes(answer(message));
                    out.send(receipt);
                    session.commit();
                } catch (JMSException | RuntimeException e) {
                    // the broker went away under the transaction (failover), or the document could not be answered
                    // (a problem noted): rolled back, the document comes again
                    rolledBack.incrementAndGet();
                    try {
                        session.rollback();
                    } catch (JMSException ignored) {
                        // the session recovers with the connection
                    }
                }
            }
        } catch (JMSException | RuntimeException e) {
            if (running) {
                problems.add("the agency's consumer stopped: " + e);
            }
        }
    }

    /** The receipt for a document taken from {@code .in}: the first copy takes effect, every other gets the same receipt. */
    private byte[] answer(Message message) throws JMSException {
        byte[] document = AgencyClient.bytes(message);
        String messageId = message.getStringProperty("lmxMessageId");
        String digest = Sha256.hex(document);
        copies.computeIfAbsent(messageId, id -> new AtomicInteger()).incrementAndGet();
        String first = digests.putIfAbsent(messageId, digest);
        if (first != null && !first.equals(digest)) {
            problems.add(messageId + " came again with other bytes");
        }
        byte[] before = answered.get(messageId);
        if (before != null) {
            return before;
        }
        try {
            verifier.verify(document, TrustAnchors.authority(hubCa), VerificationOptions.defaults().expectParty(HUB));
            byte[] receipt = Parties.receiptFor(document, party, agreementId, null).signedBy(credential);
            answered.put(messageId, receipt);
            effects.incrementAndGet();
            return receipt;
        } catch (Exception e) {
            problems.add(messageId + ": " + e);
            throw new IllegalStateException(e);
        }
    }

    /** Documents taken into effect (each once, by construction; see {@link #effective()} for which). */
    int effects() {
        return effects.get();
    }

    Set<String> effective() {
        return Set.copyOf(answered.keySet());
    }

    /** All copies that came over the wire, redeliveries included. */
    int wireCopies() {
        return copies.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** MessageIds that came more than once, with how many copies. */
    Map<String, Integer> duplicatesOnTheWire() {
        Map<String, Integer> more = new TreeMap<>();
        copies.forEach((id, n) -> {
            if (n.get() > 1) {
                more.put(id, n.get());
            }
        });
        return more;
    }

    /** What the agency's dead-letter queue holds (it may browse it), read on a connection of its own. */
    static int deadLetters(int amqpPort, Path dataDir, String code) throws Exception {
        try (AgencyClient agency = AgencyClient.connect(amqpPort, dataDir, code);
             QueueBrowser browser = agency.session.createBrowser(agency.session.createQueue("lmx.agency." + code + ".dlq"))) {
            int count = 0;
            for (var e = browser.getEnumeration(); e.hasMoreElements(); e.nextElement()) {
                count++;
            }
            return count;
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        worker.join(TimeUnit.SECONDS.toMillis(10));
        connection.close();
    }
}
