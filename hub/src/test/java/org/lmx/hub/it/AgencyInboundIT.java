package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;

/**
 * Agencies to the hub over the embedded broker, as an agency's own platform does it (Qpid JMS over AMQP 1.0): the
 * migration police (MIA) sends signed documents on {@code lmx.agency.MIA.out} and reads receipts signed by the hub on
 * its {@code .in} (or its own temporary queue), and what was refused on its {@code .dlq}; the border service (BORDER)
 * is the other agency it must not reach.
 */
class AgencyInboundIT extends HubIT {

    private static final String HUB = "KAZ:MLSP";
    private static final String LMX = "urn:lmx:exchange:1";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long to listen for what must not come, once the transaction that would have sent it has committed. */
    private static final long NOTHING_MS = 1000;

    private Credential police;
    private Credential border;

    @Autowired
    EmbeddedBroker broker;

    @Autowired
    MessageLog log;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    /** After the hub has started: it makes the development PKI on first start. */
    @BeforeEach
    void parties() throws Exception {
        police = Parties.credential(DATA_DIR, "KAZ:MIA");
        border = Parties.credential(DATA_DIR, "KAZ:BORDER");
    }

    @Test
    void aSignedDocumentGetsItsReceiptSignedByTheHubOnInCorrelatedByItsMessageIdAndIsLoggedOnce() throws Exception {
        Parties.Message result = Parties.message("IdentityCheckResult");
        byte[] document = result.signedBy(police);

        try (AgencyClient mia = connect("MIA"); MessageConsumer in = mia.consumer(AgencyClient.in("MIA"))) {
            mia.send(AgencyClient.out("MIA"), document, null);

            Document receipt = assertReceipt(receiptFor(in, result.messageId()), result.messageId(), document, "ACCEPTED");
            assertThat(text(receipt, "To")).isEqualTo("KAZ:MIA");
        }
        assertThat(new HubTables(jdbc).logged(result.messageId())).isEqualTo(1);
        assertThat(log.find(result.messageId()).orElseThrow().entry().from()).isEqualTo("KAZ:MIA");
        assertThat(log.body(result.messageId())).hasValue(document);
        assertThat(log.history(result.messageId()).get(0).note()).isEqualTo("received over QUEUE:MIA");
    }

    @Test
    void theReceiptGoesToTheAgencysOwnTemporaryQueueWhenItAsks() throws Exception {
        Parties.Message ping = Parties.message("Ping").from("KAZ:MIA").agreement("AGR-KAZ-MIA");
        byte[] document = ping.signedBy(police);

        try (AgencyClient mia = connect("MIA"); MessageConsumer in = mia.consumer(AgencyClient.in("MIA"))) {
            TemporaryQueue replies = mia.session.createTemporaryQueue();
            try (MessageConsumer own = mia.session.createConsumer(replies)) {
                mia.send(AgencyClient.out("MIA"), document, replies);

                assertReceipt(receiptFor(own, ping.messageId()), ping.messageId(), document, "ACCEPTED");
            }
            assertNoneFor(in, ping.messageId());
        }
    }

    @Test
    void anAgencyCannotConsumeAnotherAgencysTemporaryQueue() throws Exception {
        try (AgencyClient mia = connect("MIA"); AgencyClient bor = connect("BORDER")) {
            TemporaryQueue borderReplies = bor.session.createTemporaryQueue();

            assertThatThrownBy(() -> mia.consumer(borderReplies.getQueueName()))
                    .isInstanceOf(JMSException.class).hasMessageContaining("MIA");
            // its creator can
            try (MessageConsumer own = bor.session.createConsumer(borderReplies)) {
                assertThat(own.receiveNoWait()).isNull();
            }
        }
    }

    @Test
    void aReplyToAnotherAgencysQueueIsNotHonouredTheReceiptGoesToTheSendersIn() throws Exception {
        Parties.Message ping = Parties.message("Ping").from("KAZ:MIA").agreement("AGR-KAZ-MIA");
        byte[] document = ping.signedBy(police);

        try (AgencyClient mia = connect("MIA"); AgencyClient bor = connect("BORDER");
             MessageConsumer miaIn = mia.consumer(AgencyClient.in("MIA"));
             MessageConsumer borderIn = bor.consumer(AgencyClient.in("BORDER"))) {
            mia.send(AgencyClient.out("MIA"), document, mia.session.createQueue(AgencyClient.in("BORDER")));

            assertReceipt(receiptFor(miaIn, ping.messageId()), ping.messageId(), document, "ACCEPTED");
            assertNoneFor(borderIn, ping.messageId());
        }
    }

    @Test
    void anAgencyCannotSendOnAnotherAgencysQueues() throws Exception {
        Parties.Message ping = Parties.message("Ping").from("KAZ:MIA").agreement("AGR-KAZ-MIA");
        byte[] document = ping.signedBy(police);

        try (AgencyClient mia = connect("MIA")) {
            assertThatThrownBy(() -> mia.send(AgencyClient.out("BORDER"), document, null))
                    .isInstanceOf(JMSException.class).hasMessageContaining("BORDER");
            assertThatThrownBy(() -> mia.send(AgencyClient.in("BORDER"), document, null))
                    .isInstanceOf(JMSException.class).hasMessageContaining("BORDER");
        }
        try (AgencyClient bor = connect("BORDER"); MessageConsumer borderIn = bor.consumer(AgencyClient.in("BORDER"))) {
            assertNoneFor(borderIn, ping.messageId());
        }
        // the hub never saw it either: it would have been logged, or refused with a receipt
        assertThat(new HubTables(jdbc).logged(ping.messageId())).isZero();
        assertThat(new HubTables(jdbc).rejectionCodesOf(ping.messageId())).isEmpty();
    }

    @Test
    void poisonIsDeadLetteredWithItsReasonWhileTheNextGoodDocumentFlows() throws Exception {
        Parties.Message good = Parties.message("IdentityCheckResult");
        byte[] document = good.signedBy(police);
        byte[] garbage = "%PDF-1.7 not a signed document".getBytes(StandardCharsets.UTF_8);

        try (AgencyClient mia = connect("MIA"); MessageConsumer in = mia.consumer(AgencyClient.in("MIA"));
             MessageConsumer dlq = mia.consumer("lmx.agency.MIA.dlq");
             MessageProducer out = mia.session.createProducer(mia.session.createQueue(AgencyClient.out("MIA")))) {
            TextMessage text = mia.session.createTextMessage("<ExchangeMessage xmlns=\"urn:lmx:exchange:1\"/>");
            out.send(text);
            Message bytes = mia.send(AgencyClient.out("MIA"), garbage, null);
            mia.send(AgencyClient.out("MIA"), document, null);

            Document textReceipt = assertReceipt(receiptFor(in, text.getJMSMessageID()), null,
                    text.getText().getBytes(StandardCharsets.UTF_8), "REJECTED");
            assertThat(text(textReceipt, "Code")).isEqualTo("LMX-MSG-NOT-BYTES");
            Document garbageReceipt = assertReceipt(receiptFor(in, bytes.getJMSMessageID()), null, garbage, "REJECTED");
            assertThat(text(garbageReceipt, "Code")).isEqualTo("LMX-XML-MALFORMED");
            assertReceipt(receiptFor(in, good.messageId()), good.messageId(), document, "ACCEPTED");

            Message textLetter = receiptFor(dlq, text.getJMSMessageID());
            assertThat(textLetter.getStringProperty("lmxErrorCode")).isEqualTo("LMX-MSG-NOT-BYTES");
            assertThat(textLetter.getStringProperty("lmxErrorReason")).contains("TextMessage");
            assertThat(textLetter.getStringProperty("lmxOriginalKind")).isEqualTo("TextMessage");
            assertThat(AgencyClient.bytes(textLetter)).isEqualTo(text.getText().getBytes(StandardCharsets.UTF_8));
            Message garbageLetter = receiptFor(dlq, bytes.getJMSMessageID());
            assertThat(garbageLetter.getStringProperty("lmxErrorCode")).isEqualTo("LMX-XML-MALFORMED");
            assertThat(garbageLetter.getStringProperty("lmxErrorReason")).contains("not well-formed");
            assertThat(AgencyClient.bytes(garbageLetter)).isEqualTo(garbage);
        }
        assertThat(log.find(good.messageId()).orElseThrow().state()).isIn(MessageState.ACCEPTED, MessageState.DISPATCHED);
    }

    @Test
    void aDocumentSignedByAnotherPartyIsRejectedOnTheAgencysQueue() throws Exception {
        Parties.Message crossing = Parties.message("BorderCrossingEvent");
        byte[] document = crossing.signedBy(border);

        try (AgencyClient mia = connect("MIA"); MessageConsumer in = mia.consumer(AgencyClient.in("MIA"));
             MessageConsumer dlq = mia.consumer("lmx.agency.MIA.dlq")) {
            mia.send(AgencyClient.out("MIA"), document, null);

            Document receipt = assertReceipt(receiptFor(in, crossing.messageId()), crossing.messageId(), document, "REJECTED");
            assertThat(text(receipt, "Code")).isEqualTo("LMX-HDR-CHANNEL");
            assertThat(text(receipt, "Reason")).contains("KAZ:BORDER", "KAZ:MIA");
            Message letter = receiptFor(dlq, crossing.messageId());
            assertThat(letter.getStringProperty("lmxErrorCode")).isEqualTo("LMX-HDR-CHANNEL");
            assertThat(AgencyClient.bytes(letter)).isEqualTo(document);
        }
        assertThat(new HubTables(jdbc).logged(crossing.messageId())).isZero();
        assertThat(new HubTables(jdbc).rejectionCodesOf(crossing.messageId())).containsExactly("LMX-HDR-CHANNEL");
    }

    @Test
    void aReceiptFromTheAgencyIsNeverReceipted() throws Exception {
        // a receipt for a message the hub never sent: it does not reconcile, and is kept on the dead letters
        Parties.Message receipt = Parties.message("Receipt").from("KAZ:MIA").to(HUB).agreement("AGR-KAZ-MIA");
        byte[] document = receipt.signedBy(police);

        try (AgencyClient mia = connect("MIA"); MessageConsumer in = mia.consumer(AgencyClient.in("MIA"));
             MessageConsumer dlq = mia.consumer("lmx.agency.MIA.dlq")) {
            mia.send(AgencyClient.out("MIA"), document, null);

            Message letter = receiptFor(dlq, receipt.messageId());
            assertThat(letter.getStringProperty("lmxErrorCode")).startsWith("LMX-");
            assertThat(AgencyClient.bytes(letter)).isEqualTo(document);
            assertNoneFor(in, receipt.messageId());
        }
        assertThat(new HubTables(jdbc).logged(receipt.messageId())).isZero();
    }

    @Test
    void anAgencyOfANewAgreementIsServedAfterTheReload() throws Exception {
        PkiDirectory pki = PkiDirectory.open(DATA_DIR.resolve("pki"));
        Credential akimat = pki.issue("KAZ:AKIMAT-47", KeyAlgorithm.EC_P256, Duration.ofDays(30));
        String agreement = Files.readString(DATA_DIR.resolve("agreements/queue-KAZ-AKIMAT-75.xml"))
                .replace("AKIMAT-75", "AKIMAT-47").replace("akimat-75", "akimat-47");
        assertThat(camel.getRoute("agency-AKIMAT-47-out")).isNull();
        Files.writeString(DATA_DIR.resolve("agreements/queue-KAZ-AKIMAT-47.xml"), agreement);

        assertThat(asOperator().postForEntity(url("/api/agreements/reload"), null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(camel.getRoute("agency-AKIMAT-47-out")).isNotNull();
        Parties.Message ping = Parties.message("Ping").from("KAZ:AKIMAT-47").agreement("AGR-KAZ-AKIMAT-47");
        byte[] document = ping.signedBy(akimat);
        try (AgencyClient region = connect("AKIMAT-47"); MessageConsumer in = region.consumer(AgencyClient.in("AKIMAT-47"))) {
            region.send(AgencyClient.out("AKIMAT-47"), document, null);

            assertReceipt(receiptFor(in, ping.messageId()), ping.messageId(), document, "ACCEPTED");
        }
    }

    // ---- helpers ----

    private AgencyClient connect(String code) throws JMSException {
        return AgencyClient.connect(broker.port("amqp"), DATA_DIR, code);
    }

    /** The next message correlated with {@code correlationId}; others (left by earlier tests) are passed over. */
    private static Message receiptFor(MessageConsumer consumer, String correlationId) throws JMSException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Message message = consumer.receive(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
            if (message != null && correlationId.equals(message.getJMSCorrelationID())) {
                return message;
            }
        }
        return fail("nothing correlated with " + correlationId + " within " + WAIT);
    }

    private static void assertNoneFor(MessageConsumer consumer, String correlationId) throws JMSException {
        for (Message m = consumer.receive(NOTHING_MS); m != null; m = consumer.receive(NOTHING_MS)) {
            assertThat(m.getJMSCorrelationID()).isNotEqualTo(correlationId);
        }
    }

    /** A BytesMessage holding a Receipt signed by the hub (checked against its CA) for {@code sent}. */
    private static Document assertReceipt(Message message, String messageId, byte[] sent, String status) throws Exception {
        assertThat(message).isInstanceOf(BytesMessage.class);
        TrustAnchors hubCa = TrustAnchors.authority(Pem.readCertificate(DATA_DIR.resolve("pki/hub-ca.crt.pem")));
        Document receipt = new SignatureVerifier(CrlSource.NONE).verify(AgencyClient.bytes(message), hubCa,
                VerificationOptions.defaults().expectParty(HUB)).document();
        assertThat(text(receipt, "DocumentType")).isEqualTo("Receipt");
        assertThat(text(receipt, "Status")).isEqualTo(status);
        assertThat(text(receipt, "ReceivedDigest")).isEqualTo(Sha256.hex(sent));
        if (messageId != null) {
            assertThat(text(receipt, "ReceivedMessageId")).isEqualTo(messageId);
            assertThat(text(receipt, "InReplyTo")).isEqualTo(messageId);
        }
        return receipt;
    }

    private static String text(Document document, String localName) {
        return document.getElementsByTagNameNS(LMX, localName).item(0).getTextContent();
    }
}
