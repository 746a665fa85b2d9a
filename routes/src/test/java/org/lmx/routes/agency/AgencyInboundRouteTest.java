package org.lmx.routes.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.routes.TestClock;
import org.lmx.routes.agreements.AgreementFiles;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.agreements.SizeLimits;
import org.lmx.routes.agreements.TestPki;
import org.lmx.routes.inbound.DocumentDraft;
import org.lmx.routes.inbound.InboundChecks;
import org.lmx.routes.inbound.InboundResult;
import org.lmx.routes.inbound.InboundRoute;
import org.lmx.routes.inbound.InboundSubmission;
import org.lmx.routes.inbound.ReceiptIssuer;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.RejectionAudit;
import org.lmx.routes.outbound.ReceiptReconciler;
import org.lmx.routes.outbound.ReceiptReconciler.Reconciliation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.w3c.dom.Document;

/**
 * Route {@code agency-MIA-out} against a real Artemis broker (in-VM, as the hub's own) and the real inbound pipeline
 * over an in-memory database: the migration police (KAZ:MIA) sends on its {@code .out} as a client would, and reads
 * its receipts and dead letters as it would. Documents are the committed samples, signed at run time.
 */
class AgencyInboundRouteTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String HUB = "KAZ:MLSP";
    private static final String LMX = "urn:lmx:exchange:1";
    private static final AgencyQueues MIA = AgencyQueues.of("KAZ:MIA");
    private static final AtomicInteger BROKERS = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** How long a test waits for something that must not come; the transaction that would send it has committed. */
    private static final long NOTHING_MS = 300;
    private static final int MAX_DELIVERIES = 3;

    private static Credential police;
    private static Credential korea;
    private static TrustAnchors hubCa;

    @TempDir
    Path agreements;

    private final Set<String> policeTemporaryQueues = new CopyOnWriteArraySet<>();
    private final StubReconciler reconciler = new StubReconciler();
    private TestClock clock;
    private RegistryDatabase.Database db;
    private JdbcTemplate jdbc;
    private MessageLog log;
    private EmbeddedActiveMQ broker;
    private String brokerUrl;
    private CachingConnectionFactory hubConnections;
    private CamelContext camel;
    private Connection client;
    private Session session;

    @BeforeAll
    static void parties() throws Exception {
        PkiDirectory pki = PkiDirectory.open(TestPki.dir());
        police = pki.credential("KAZ:MIA");
        korea = pki.credential("KOR:MOEL");
        hubCa = TrustAnchors.authority(pki.ca().certificate());
    }

    @BeforeEach
    void start() throws Exception {
        clock = new TestClock(NOW, ZoneOffset.ofHours(5));
        db = RegistryDatabase.pooled(10);
        jdbc = db.jdbc();
        AgreementFiles.copyExamples(agreements);
        // no CRL in these tests: the example's hard-fail policy would refuse every document
        AgreementFiles.write(agreements, AgreementFiles.MIA,
                AgreementFiles.edit(AgreementFiles.example(AgreementFiles.MIA), "CRL_HARD_FAIL", "CRL_SOFT_FAIL"));
        AgreementRegistry registry = new AgreementRegistry(jdbc, agreements, TestPki.dir(), clock);
        assertThat(registry.reload("test").refused()).isEmpty();
        log = new MessageLog(jdbc, db.transactions(), clock);

        brokerUrl = "vm://" + (100 + BROKERS.incrementAndGet());
        Configuration config = new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", brokerUrl);
        // as the hub's broker has it, with a short delay: the broker's own dead-lettering comes after the route's
        config.addAddressSetting(MIA.out(), new AddressSettings().setDeadLetterAddress(SimpleString.of(MIA.deadLetters()))
                .setMaxDeliveryAttempts(MAX_DELIVERIES + 2).setRedeliveryDelay(50));
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();

        hubConnections = new CachingConnectionFactory(new ActiveMQConnectionFactory(brokerUrl));
        hubConnections.setCacheConsumers(false);
        camel = new DefaultCamelContext();
        camel.addComponent("jms", JmsComponent.jmsComponent(hubConnections));
        InboundChecks checks = new InboundChecks(registry, new SignatureVerifier(CrlSource.NONE), HUB, SizeLimits.DEFAULTS);
        ReceiptIssuer receipts = new ReceiptIssuer(PkiDirectory.open(TestPki.dir()).credential(HUB), HUB, clock);
        RejectionAudit rejections = new RejectionAudit(jdbc);
        camel.addRoutes(new InboundRoute(checks, log, rejections, receipts, clock));
        camel.addRoutes(new AgencyInboundRoute(MIA, new AgencyInbound(receipts, rejections, () -> Optional.of(reconciler),
                (queue, agency) -> agency.equals(MIA) && policeTemporaryQueues.contains(queue), clock, MAX_DELIVERIES)));
        camel.start();

        client = new ActiveMQConnectionFactory(brokerUrl).createConnection();
        session = client.createSession(false, Session.AUTO_ACKNOWLEDGE);
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        camel.close();
        hubConnections.destroy();
        broker.stop();
        db.close();
    }

    // ---- accepted ----

    @Test
    void aSignedDocumentIsAcceptedLoggedAndItsReceiptComesBackOnInCorrelatedByMessageId() throws Exception {
        DocumentDraft draft = identityCheckResult();
        byte[] document = draft.signedBy(police);
        String id = draft.header("MessageId");

        send(document, null);

        try (MessageConsumer in = consumer(MIA.in())) {
            Message receipt = in.receive(WAIT.toMillis());
            assertReceipt(receipt, id, document, "ACCEPTED");
            assertThat(log.find(id).orElseThrow().state()).isEqualTo(MessageState.ACCEPTED);
            assertThat(log.body(id)).hasValue(document);
            assertThat(jdbc.queryForObject("SELECT note FROM message_event WHERE message_id = ?", String.class, id))
                    .isEqualTo("received over QUEUE:MIA");

            // the same bytes again (the agency unsure whether its receipt came): the first receipt, byte for byte
            send(document, null);
            Message again = in.receive(WAIT.toMillis());
            assertThat(again.getJMSCorrelationID()).isEqualTo(id);
            assertThat(bytes(again)).isEqualTo(bytes(receipt));
        }
        assertThat(count("message_log")).isEqualTo(1);
        assertNoDeadLetters();
    }

    // ---- only the agency's own documents ----

    @Test
    void aDocumentSignedByAnotherPartyIsRejectedWithLmxHdrChannelAndDeadLettered() throws Exception {
        DocumentDraft draft = koreanPing();
        byte[] document = draft.signedBy(korea);
        String id = draft.header("MessageId");

        send(document, null);

        Document receipt = assertReceipt(receiveOn(MIA.in()), id, document, "REJECTED");
        assertThat(text(receipt, "Code")).isEqualTo("LMX-HDR-CHANNEL");
        assertThat(text(receipt, "Reason")).contains("KOR:MOEL", "KAZ:MIA");
        assertDeadLetter(receiveOn(MIA.deadLetters()), "LMX-HDR-CHANNEL", id, document, "BytesMessage");
        assertThat(count("message_log")).isZero();
        assertThat(jdbc.queryForList("SELECT channel || ' ' || code FROM rejection", String.class))
                .containsExactly("QUEUE:MIA LMX-HDR-CHANNEL");
    }

    @Test
    void anotherPartysAcceptedDocumentSentAgainOverTheQueueDoesNotGetItsReceipt() throws Exception {
        DocumentDraft draft = koreanPing();
        byte[] document = draft.signedBy(korea);
        String id = draft.header("MessageId");
        ProducerTemplate soap = camel.createProducerTemplate();
        InboundResult overSoap = soap.requestBody(InboundRoute.INBOUND, InboundSubmission.of(document, "SOAP12"),
                InboundResult.class);
        assertThat(overSoap.outcome()).isEqualTo(InboundResult.Outcome.ACCEPTED);

        send(document, null);

        Message answer = receiveOn(MIA.in());
        assertThat(bytes(answer)).isNotEqualTo(overSoap.answer());
        assertThat(text(assertReceipt(answer, id, document, "REJECTED"), "Code")).isEqualTo("LMX-HDR-CHANNEL");
        assertDeadLetter(receiveOn(MIA.deadLetters()), "LMX-HDR-CHANNEL", id, document, "BytesMessage");
        assertThat(count("message_log")).isEqualTo(1);
    }

    // ---- poison never blocks the queue ----

    @Test
    void poisonIsRejectedAndDeadLetteredWithItsReasonWhileTheNextDocumentFlows() throws Exception {
        MessageProducer out = session.createProducer(session.createQueue(MIA.out()));
        Message text = session.createTextMessage("<ExchangeMessage/>");
        out.send(text);
        Message garbage = send("%PDF-1.7 not a document".getBytes(StandardCharsets.UTF_8), null);
        Message empty = send(new byte[0], null);
        DocumentDraft draft = identityCheckResult();
        byte[] good = draft.signedBy(police);
        send(good, null);

        try (MessageConsumer in = consumer(MIA.in()); MessageConsumer dlq = consumer(MIA.deadLetters())) {
            Message first = in.receive(WAIT.toMillis());
            assertThat(first.getJMSCorrelationID()).isEqualTo(text.getJMSMessageID());
            assertThat(text(assertReceipt(first, null, "<ExchangeMessage/>".getBytes(StandardCharsets.UTF_8), "REJECTED"), "Code"))
                    .isEqualTo("LMX-MSG-NOT-BYTES");
            Message second = in.receive(WAIT.toMillis());
            assertThat(second.getJMSCorrelationID()).isEqualTo(garbage.getJMSMessageID());
            assertThat(text(assertReceipt(second, null, "%PDF-1.7 not a document".getBytes(StandardCharsets.UTF_8),
                    "REJECTED"), "Code")).isEqualTo("LMX-XML-MALFORMED");
            Message third = in.receive(WAIT.toMillis());
            assertThat(third.getJMSCorrelationID()).isEqualTo(empty.getJMSMessageID());
            assertThat(text(assertReceipt(third, null, new byte[0], "REJECTED"), "Code")).isEqualTo("LMX-XML-MALFORMED");
            assertReceipt(in.receive(WAIT.toMillis()), draft.header("MessageId"), good, "ACCEPTED");

            assertDeadLetter(dlq.receive(WAIT.toMillis()), "LMX-MSG-NOT-BYTES", null,
                    "<ExchangeMessage/>".getBytes(StandardCharsets.UTF_8), "TextMessage");
            assertDeadLetter(dlq.receive(WAIT.toMillis()), "LMX-XML-MALFORMED", null,
                    "%PDF-1.7 not a document".getBytes(StandardCharsets.UTF_8), "BytesMessage");
            assertDeadLetter(dlq.receive(WAIT.toMillis()), "LMX-XML-MALFORMED", null, new byte[0], "BytesMessage");
            assertThat(dlq.receive(NOTHING_MS)).isNull();
        }
        assertThat(jdbc.queryForList("SELECT code FROM rejection ORDER BY id", String.class))
                .containsExactly("LMX-MSG-NOT-BYTES", "LMX-XML-MALFORMED", "LMX-XML-MALFORMED");
    }

    // ---- where the receipt goes ----

    @Test
    void theReceiptGoesToTheAgencysOwnTemporaryQueueWhenItAsks() throws Exception {
        TemporaryQueue replies = session.createTemporaryQueue();
        policeTemporaryQueues.add(replies.getQueueName());
        DocumentDraft draft = identityCheckResult();
        byte[] document = draft.signedBy(police);

        send(document, replies);

        try (MessageConsumer own = session.createConsumer(replies)) {
            assertReceipt(own.receive(WAIT.toMillis()), draft.header("MessageId"), document, "ACCEPTED");
        }
        assertNothingOn(MIA.in());
    }

    @Test
    void aReplyToAnyOtherQueueIsNotHonouredTheReceiptGoesToIn() throws Exception {
        TemporaryQueue someoneElses = session.createTemporaryQueue();
        DocumentDraft first = identityCheckResult();
        byte[] toBorder = first.signedBy(police);
        DocumentDraft second = identityCheckResult();
        byte[] toTemporary = second.signedBy(police);

        send(toBorder, session.createQueue("lmx.agency.BORDER.in"));
        send(toTemporary, someoneElses);

        try (MessageConsumer in = consumer(MIA.in())) {
            assertReceipt(in.receive(WAIT.toMillis()), first.header("MessageId"), toBorder, "ACCEPTED");
            assertReceipt(in.receive(WAIT.toMillis()), second.header("MessageId"), toTemporary, "ACCEPTED");
        }
        assertNothingOn("lmx.agency.BORDER.in");
        try (MessageConsumer other = session.createConsumer(someoneElses)) {
            assertThat(other.receive(NOTHING_MS)).isNull();
        }
    }

    // ---- receipts from the agency ----

    @Test
    void aReceiptIsReconciledForTheAgencyAndNeverReceipted() throws Exception {
        byte[] receipt = policeReceipt().signedBy(police);
        reconciler.answer = new Reconciliation(Reconciliation.Status.RECONCILED, UUID.randomUUID().toString(), null, null);

        send(receipt, null);

        await().atMost(WAIT).until(() -> reconciler.calls.size() == 1);
        assertThat(reconciler.calls.get(0).signedReceipt()).isEqualTo(receipt);
        assertThat(reconciler.calls.get(0).channelParty()).isEqualTo("KAZ:MIA");
        assertNothingOn(MIA.in());
        assertNoDeadLetters();
        assertThat(count("message_log")).isZero();
        assertThat(count("rejection")).isZero();
    }

    @Test
    void aReceiptThatDoesNotReconcileIsDeadLetteredWithTheReconciliationsReason() throws Exception {
        DocumentDraft draft = policeReceipt();
        byte[] receipt = draft.signedBy(police);
        reconciler.answer = new Reconciliation(Reconciliation.Status.INVALID, UUID.randomUUID().toString(),
                "LMX-SIG-INVALID", "the receipt's signature does not verify");

        send(receipt, null);

        Message letter = receiveOn(MIA.deadLetters());
        assertDeadLetter(letter, "LMX-SIG-INVALID", draft.header("MessageId"), receipt, "BytesMessage");
        assertThat(letter.getStringProperty(AgencyInbound.ERROR_REASON)).isEqualTo("the receipt's signature does not verify");
        assertNothingOn(MIA.in());
    }

    // ---- failures of the hub itself ----

    @Test
    void whenTheHubFailsTheMessageIsRolledBackAndTakenAgainUntilItIsAccepted() throws Exception {
        DocumentDraft draft = identityCheckResult();
        byte[] document = draft.signedBy(police);
        NotifyBuilder rolledBack = new NotifyBuilder(camel).fromRoute(AgencyInboundRoute.routeId(MIA)).whenFailed(1).create();
        databaseDown();

        send(document, null);

        assertThat(rolledBack.matches(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        databaseUp();
        assertReceipt(receiveOn(MIA.in()), draft.header("MessageId"), document, "ACCEPTED");
        assertThat(count("message_log")).isEqualTo(1);
        assertNoDeadLetters();
    }

    @Test
    void atTheLastDeliveryAFailureOfTheHubIsAnsweredAndDeadLettered() throws Exception {
        DocumentDraft draft = identityCheckResult();
        byte[] document = draft.signedBy(police);
        NotifyBuilder rolledBack = new NotifyBuilder(camel).fromRoute(AgencyInboundRoute.routeId(MIA))
                .whenExactlyFailed(MAX_DELIVERIES - 1).create();
        databaseDown();

        send(document, null);

        Document receipt = assertReceipt(receiveOn(MIA.in()), draft.header("MessageId"), document, "REJECTED");
        assertThat(text(receipt, "Code")).isEqualTo("LMX-HUB-INTERNAL");
        Message letter = receiveOn(MIA.deadLetters());
        assertDeadLetter(letter, "LMX-HUB-INTERNAL", draft.header("MessageId"), document, "BytesMessage");
        assertThat(letter.getStringProperty(AgencyInbound.ERROR_REASON)).contains("failed");
        assertThat(rolledBack.matches()).as("rolled back before the last delivery, then answered").isTrue();
        databaseUp();
        assertThat(count("message_log")).isZero();
    }

    @Test
    void theReceiptAndTheDeadLetterAreSentInTheTransactionThatConsumesTheMessage() throws Exception {
        AtomicBoolean crashed = new AtomicBoolean();
        AdviceWith.adviceWith(camel, AgencyInboundRoute.routeId(MIA), route -> route
                .weaveById(AgencyInboundRoute.routeId(MIA) + "-send-dead-letter").after().process(e -> {
                    if (crashed.compareAndSet(false, true)) {
                        throw new IllegalStateException("the hub stops right after sending the dead letter");
                    }
                }));
        DocumentDraft draft = koreanPing();
        byte[] document = draft.signedBy(korea);

        send(document, null);

        // the first try's receipt and dead letter were rolled back with it: one of each, from the second try
        try (MessageConsumer in = consumer(MIA.in()); MessageConsumer dlq = consumer(MIA.deadLetters())) {
            assertThat(text(assertReceipt(in.receive(WAIT.toMillis()), draft.header("MessageId"), document, "REJECTED"),
                    "Code")).isEqualTo("LMX-HDR-CHANNEL");
            assertDeadLetter(dlq.receive(WAIT.toMillis()), "LMX-HDR-CHANNEL", draft.header("MessageId"), document,
                    "BytesMessage");
            assertThat(crashed).isTrue();
            assertThat(count("rejection")).as("the pipeline ran twice: the message came again").isEqualTo(2);
            assertThat(in.receive(NOTHING_MS)).isNull();
            assertThat(dlq.receive(NOTHING_MS)).isNull();
        }
    }

    // ---- helpers ----

    private DocumentDraft identityCheckResult() {
        return DocumentDraft.sample("IdentityCheckResult.xml").header("MessageId", UUID.randomUUID().toString())
                .header("Created", created());
    }

    private DocumentDraft koreanPing() {
        return DocumentDraft.sample("Ping.xml").header("MessageId", UUID.randomUUID().toString())
                .header("From", "KOR:MOEL").header("AgreementId", "AGR-KOR-MOEL").header("Created", created());
    }

    private DocumentDraft policeReceipt() {
        return DocumentDraft.sample("Receipt.xml").header("MessageId", UUID.randomUUID().toString())
                .header("From", "KAZ:MIA").header("To", HUB).header("AgreementId", "AGR-KAZ-MIA").header("Created", created());
    }

    private String created() {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(5)));
    }

    private Message send(byte[] content, Destination replyTo) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(content);
        message.setJMSReplyTo(replyTo);
        try (MessageProducer producer = session.createProducer(session.createQueue(MIA.out()))) {
            producer.send(message);
        }
        return message;
    }

    private MessageConsumer consumer(String queue) throws JMSException {
        return session.createConsumer(session.createQueue(queue));
    }

    private Message receiveOn(String queue) throws JMSException {
        try (MessageConsumer consumer = consumer(queue)) {
            Message message = consumer.receive(WAIT.toMillis());
            assertThat(message).as("a message on " + queue).isNotNull();
            return message;
        }
    }

    private void assertNothingOn(String queue) throws JMSException {
        try (MessageConsumer consumer = consumer(queue)) {
            assertThat(consumer.receive(NOTHING_MS)).as("nothing on " + queue).isNull();
        }
    }

    private void assertNoDeadLetters() throws JMSException {
        assertNothingOn(MIA.deadLetters());
    }

    /** A BytesMessage with the hub's signed receipt for {@code sent}, correlated by its MessageId (if it had one). */
    private Document assertReceipt(Message message, String messageId, byte[] sent, String status) throws Exception {
        assertThat(message).as("a receipt").isInstanceOf(BytesMessage.class);
        if (messageId != null) {
            assertThat(message.getJMSCorrelationID()).isEqualTo(messageId);
        }
        Document receipt = new SignatureVerifier(CrlSource.NONE).verify(bytes(message), hubCa,
                VerificationOptions.defaults().at(clock.instant()).expectParty(HUB)).document();
        assertThat(text(receipt, "DocumentType")).isEqualTo("Receipt");
        assertThat(text(receipt, "Status")).isEqualTo(status);
        assertThat(text(receipt, "ReceivedDigest")).isEqualTo(Sha256.hex(sent));
        assertThat(text(receipt, "ReceivedMessageId")).isEqualTo(messageId == null ? ReceiptIssuer.UNKNOWN_MESSAGE : messageId);
        return receipt;
    }

    private static void assertDeadLetter(Message letter, String code, String messageId, byte[] original, String kind)
            throws JMSException {
        assertThat(letter).as("a dead letter").isInstanceOf(BytesMessage.class);
        assertThat(bytes(letter)).isEqualTo(original);
        assertThat(letter.getStringProperty(AgencyInbound.ERROR_CODE)).isEqualTo(code);
        assertThat(letter.getStringProperty(AgencyInbound.ERROR_REASON)).isNotBlank();
        assertThat(letter.getStringProperty(AgencyInbound.AGENCY)).isEqualTo("KAZ:MIA");
        assertThat(letter.getStringProperty(AgencyInbound.ORIGINAL_KIND)).isEqualTo(kind);
        assertThat(letter.getStringProperty(AgencyInbound.ORIGINAL_JMS_MESSAGE_ID)).isNotBlank();
        assertThat(letter.getStringProperty(AgencyInbound.DIGEST)).isEqualTo(Sha256.hex(original));
        assertThat(letter.getStringProperty(AgencyInbound.MESSAGE_ID)).isEqualTo(messageId);
        if (messageId != null) {
            assertThat(letter.getJMSCorrelationID()).isEqualTo(messageId);
        }
    }

    private static byte[] bytes(Message message) throws JMSException {
        BytesMessage bytes = (BytesMessage) message;
        bytes.reset();
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return body;
    }

    private static String text(Document document, String localName) {
        return document.getElementsByTagNameNS(LMX, localName).item(0).getTextContent();
    }

    /** The message log's table gone, as good as a database that is down for the pipeline's transaction. */
    private void databaseDown() {
        jdbc.execute("ALTER TABLE message_log RENAME TO message_log_away");
    }

    private void databaseUp() {
        jdbc.execute("ALTER TABLE message_log_away RENAME TO message_log");
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    /** Answers what the test sets, and remembers what it was given. */
    static final class StubReconciler implements ReceiptReconciler {

        record Call(byte[] signedReceipt, String channelParty) {
        }

        final List<Call> calls = new CopyOnWriteArrayList<>();
        volatile Reconciliation answer;

        @Override
        public Reconciliation reconcile(byte[] signedReceipt, String channelParty) {
            calls.add(new Call(signedReceipt, channelParty));
            return answer;
        }
    }
}
