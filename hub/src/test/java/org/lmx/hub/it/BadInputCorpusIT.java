package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.HostileSigner;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.hub.it.Parties.Attachment;
import org.lmx.hub.it.PartnerClient.Part;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The bad-input corpus ({@code bad-input/cases.yaml}) against the shared hub: every case over SOAP as Korea and over
 * the agency queue as the migration police (MIA), each answered as the case expects (a REJECTED receipt signed by the
 * hub, with a dead letter on the queue, or a SOAP fault), nothing of a refused document in the message log (its
 * code in the rejection audit), and a valid Ping accepted right after on the same transport.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusIT extends HubIT {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Deep nesting is signed here, where the serializer's recursion needs more than a default stack. */
    private static final long SIGNER_STACK = 512L * 1024 * 1024;

    private static final Path ERROR_CODES = Path.of("..", "docs", "error-codes.md");
    /** Codes that depend on an agreement's state, the hub's health, the connection or another kind of message (cases.yaml says where). */
    private static final Set<String> NOT_BY_INPUT_ALONE = Set.of("LMX-AGR-NOT-ACTIVE", "LMX-AGR-OUT-OF-DATES",
            "LMX-AGR-TOO-LARGE", "LMX-CERT-REVOCATION-UNKNOWN", "LMX-AGR-NOT-PULL", "LMX-MSG-NOT-BYTES",
            "LMX-HUB-INTERNAL", "LMX-CERT-WRONG-PARTY", "LMX-TLS-CLIENT");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedBroker broker;

    private PartnerClient partner;
    private HubTables tables;
    private TestCertificates certificates;
    private AgencyClient mia;
    private MessageConsumer miaIn;
    private MessageConsumer miaDeadLetters;
    private final Set<String> exercised = ConcurrentHashMap.newKeySet();
    private int soapCalls;

    enum Transport {
        SOAP("KOR:MOEL", "AGR-KOR-MOEL"), QUEUE("KAZ:MIA", "AGR-KAZ-MIA");

        final String party;
        final String agreement;

        Transport(String party, String agreement) {
            this.party = party;
            this.agreement = agreement;
        }
    }

    @BeforeAll
    void clients() throws Exception {
        partner = new PartnerClient(url(""), DATA_DIR);
        tables = new HubTables(jdbc);
        certificates = new TestCertificates(DATA_DIR);
        mia = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA");
        miaIn = mia.consumer(AgencyClient.in("MIA"));
        miaDeadLetters = mia.consumer("lmx.agency.MIA.dlq");
    }

    @AfterAll
    void close() throws Exception {
        if (mia != null) {
            mia.close();
        }
    }

    Stream<Arguments> cases() {
        return BadInput.corpus().stream().flatMap(c -> Stream.of(Arguments.of(Transport.SOAP, c), Arguments.of(Transport.QUEUE, c)));
    }

    @ParameterizedTest(name = "{1} over {0}")
    @MethodSource("cases")
    void eachCaseIsAnsweredAsExpectedAndTheNextValidMessageFlows(Transport transport, BadInput c) throws Exception {
        BadInput.Expected expected = transport == Transport.SOAP ? c.soap() : c.queue();
        if (expected.kind() == BadInput.Expected.Kind.NOT_THIS_TRANSPORT) {
            return;
        }
        try {
            if (c.envelope() != null) {
                assertFault(postEnvelope(c), expected.code());
            } else {
                List<Part> parts = new ArrayList<>();
                byte[] sent = make(c, transport, parts);
                if (transport == Transport.SOAP) {
                    overSoap(sent, parts, expected, c.resend() == null);
                } else {
                    overQueue(sent, expected, c.resend() == null);
                }
            }
        } catch (AssertionError e) {
            if (c.defect() == null) {
                throw e;
            }
            aValidPingStillFlows(transport);
            Assumptions.abort("known defect: " + c.defect() + ". " + e.getMessage());
        }
        assertThat(c.defect()).as("the defect of case " + c.name() + " is mended: drop its `defect`").isNull();
        exercised.add(expected.code());
        aValidPingStillFlows(transport);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theCorpusCoversEveryCodeInputCanCause() throws Exception {
        Set<String> documented = new TreeSet<>();
        // the table of REJECTED receipts; the receipts an agency returns for what the hub sent have their own section
        String text = Files.readString(ERROR_CODES);
        String table = text.substring(text.indexOf("## REJECTED receipts"), text.indexOf("## SOAP faults"));
        Matcher row = Pattern.compile("(?m)^\\|\\s*`(LMX-[A-Z0-9-]+)`\\s*\\|").matcher(table);
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertThat(documented).contains("LMX-XML-TOO-LARGE", "LMX-ATT-ALTERED");
        documented.removeAll(NOT_BY_INPUT_ALONE);
        documented.removeAll(exercised);
        assertThat(documented).as("codes of docs/error-codes.md that no case of the corpus received").isEmpty();
    }

    // ---- the transports ----

    private void overSoap(byte[] sent, List<Part> parts, BadInput.Expected expected, boolean fresh) throws Exception {
        String port = soapCalls++ % 2 == 0 ? "1.1" : "1.2";
        long rejections = rejections();
        if (expected.kind() == BadInput.Expected.Kind.FAULT) {
            try {
                partner.submit(port, sent);
                fail("a SOAP fault was expected");
            } catch (SOAPFaultException e) {
                assertFaultCode(e.getFault().getFaultCodeAsQName().getLocalPart(), expected.code());
            } catch (WebServiceException e) {
                assertThat(e.getCause()).isInstanceOf(SoapFault.class);
                assertFaultCode(((SoapFault) e.getCause()).getFaultCode().getLocalPart(), expected.code());
            }
            assertThat(rejections()).as("a fault is not audited as a rejection").isEqualTo(rejections);
            return;
        }
        PartnerClient.Receipt receipt = partner.submit(port, sent, parts.toArray(Part[]::new)).receipt();
        assertThat(receipt.status()).isEqualTo("REJECTED");
        assertThat(receipt.code()).as(receipt.reason()).isEqualTo(expected.code());
        assertThat(receipt.reason()).isNotBlank();
        assertThat(receipt.digest()).isEqualTo(Sha256.hex(sent));
        assertNothingLogged(sent, expected.code(), fresh);
    }

    private void overQueue(byte[] sent, BadInput.Expected expected, boolean fresh) throws Exception {
        Message message = mia.send(AgencyClient.out("MIA"), sent, null);
        String jmsId = message.getJMSMessageID();
        String messageId = messageIdOf(sent);

        Message answer = next(miaIn, messageId == null ? Set.of(jmsId) : Set.of(jmsId, messageId));
        Document receipt = receiptOf(answer, sent);
        assertThat(text(receipt, "Status")).isEqualTo("REJECTED");
        assertThat(text(receipt, "Code")).as(text(receipt, "Reason")).isEqualTo(expected.code());

        Message letter = nextLetter(jmsId);
        assertThat(letter.getStringProperty("lmxErrorCode")).isEqualTo(expected.code());
        assertThat(letter.getStringProperty("lmxDigest")).isEqualTo(Sha256.hex(sent));
        assertThat(AgencyClient.bytes(letter)).isEqualTo(sent);
        assertNothingLogged(sent, expected.code(), fresh);
    }

    private void aValidPingStillFlows(Transport transport) throws Exception {
        Credential sender = Parties.credential(DATA_DIR, transport.party);
        Parties.Message ping = Parties.message("Ping").from(transport.party).agreement(transport.agreement);
        byte[] signed = ping.signedBy(sender);
        if (transport == Transport.SOAP) {
            PartnerClient.Receipt receipt = partner.submit(soapCalls++ % 2 == 0 ? "1.1" : "1.2", signed).receipt();
            assertThat(receipt.status()).as(receipt.code() + " " + receipt.reason()).isEqualTo("ACCEPTED");
        } else {
            mia.send(AgencyClient.out("MIA"), signed, null);
            Document receipt = receiptOf(next(miaIn, Set.of(ping.messageId())), signed);
            assertThat(text(receipt, "Status")).isEqualTo("ACCEPTED");
        }
        assertThat(tables.logged(ping.messageId())).isEqualTo(1);
    }

    /**
     * No log entry with these bytes; the rejection audit holds them under the code. A {@code fresh} MessageId (not one
     * accepted before, as a conflict's is) has no log entry and no outbox row either.
     */
    private void assertNothingLogged(byte[] sent, String code, boolean fresh) {
        String digest = Sha256.hex(sent);
        assertThat(tables.loggedWithDigest(digest)).isZero();
        assertThat(tables.rejectionCodes(digest)).contains(code);
        String messageId = messageIdOf(sent);
        if (messageId != null && fresh) {
            assertThat(tables.logged(messageId)).isZero();
            assertThat(tables.outbox(messageId)).isZero();
        }
    }

    // ---- making a case's bytes ----

    /** The case's bytes for {@code transport}: the template edited, signed and broken as the case says. */
    private byte[] make(BadInput c, Transport transport, List<Part> parts) throws Exception {
        if ("none".equals(c.sign())) {
            // an unsigned document still gets the sender's header, so that only the missing signature is wrong
            return looksLikeADocument(c) ? document(c, transport).unsigned() : c.templateBytes();
        }
        // signing a 10 000-deep document recurses per level: a thread with a stack for it
        CompletableFuture<byte[]> made = new CompletableFuture<>();
        Thread signer = new Thread(null, () -> {
            try {
                made.complete(signAndBreak(c, transport, parts));
            } catch (Throwable e) {
                made.completeExceptionally(e);
            }
        }, "corpus-signer", SIGNER_STACK);
        signer.start();
        try {
            return made.get();
        } catch (ExecutionException e) {
            throw new AssertionError("case " + c.name() + " could not be made", e.getCause());
        }
    }

    private byte[] signAndBreak(BadInput c, Transport transport, List<Part> parts) throws Exception {
        Parties.Message document = document(c, transport);
        for (String edit : c.edit()) {
            edit(document, edit, transport);
        }
        if (c.attach() != null) {
            Attachment contract = Attachment.pdf("contract", randomBytes(c.attach()));
            document.attachments(contract);
            parts.addAll(parts(contract, c.parts()));
        }
        byte[] signed = sign(document, c.sign(), transport);
        if ("this-hub".equals(c.crl())) {
            crlAtThisHub(transport);
        }
        if (c.resend() != null) {
            // the same MessageId was accepted before with other bytes
            Parties.Message first = document(c, transport).messageId(document.messageId());
            byte[] accepted = first.edit(d -> pingText(d).setTextContent("the first text")).signedBy(sender(transport));
            acceptedBefore(accepted, transport);
        }
        for (String change : c.breaks()) {
            signed = breakSigned(signed, change, transport);
        }
        return signed;
    }

    private Parties.Message document(BadInput c, Transport transport) throws Exception {
        return Parties.template(c.templateBytes()).from(transport.party).agreement(transport.agreement);
    }

    private static boolean looksLikeADocument(BadInput c) {
        String text = new String(c.templateBytes(), StandardCharsets.UTF_8);
        return text.contains("<ExchangeMessage") && !text.contains("<!DOCTYPE") && !text.contains("UTF-16");
    }

    private void edit(Parties.Message document, String edit, Transport transport) {
        String[] words = edit.split("\\s+", 3);
        switch (words[0]) {
            case "set" -> document.edit(d -> header(d, words[1]).setTextContent(words[2].replace("{sender}", transport.party)));
            case "created" -> document.created(OffsetDateTime.now().minusDays(Long.parseLong(words[1].replaceAll("[^0-9]", ""))));
            case "attribute" -> document.edit(d -> bodyDocument(d).setAttribute("note", "A".repeat(Integer.parseInt(words[1]))));
            case "pad" -> document.edit(d -> bodyDocument(d).appendChild(d.createComment("x".repeat(Integer.parseInt(words[1])))));
            case "nest" -> document.edit(d -> {
                Node parent = pingText(d);
                for (int i = 0; i < Integer.parseInt(words[1]); i++) {
                    parent = parent.appendChild(d.createElementNS(Parties.LMX, "Nested"));
                }
            });
            default -> throw new IllegalArgumentException("edit " + edit);
        }
    }

    private byte[] sign(Parties.Message document, String how, Transport transport) throws Exception {
        String party = transport.party;
        if (how.startsWith("hostile:")) {
            HostileSigner hostile = switch (how.substring("hostile:".length())) {
                case "object" -> HostileSigner.like().withObject();
                case "inclusive-c14n" -> HostileSigner.like().signedInfoCanonicalization(CanonicalizationMethod.INCLUSIVE);
                case "prefix-list" -> HostileSigner.like().prefixList("lmx");
                case "rsa-sha1" -> HostileSigner.like().signatureMethod(SignatureMethod.RSA_SHA1);
                case "second-reference" -> HostileSigner.like().secondReference();
                case "enveloped-only" -> HostileSigner.like().envelopedTransformOnly();
                case "sha1-digest" -> HostileSigner.like().digest(DigestMethod.SHA1);
                case "no-key-info" -> HostileSigner.like().withoutKeyInfo();
                default -> throw new IllegalArgumentException("sign " + how);
            };
            return hostile.sign(document.unsigned(), sender(transport));
        }
        Credential signer = switch (how) {
            case "sender" -> sender(transport);
            case "other-party" -> Parties.credential(DATA_DIR, "DEU:BMAS");
            case "rogue-ca" -> TestCertificates.fromRogueCa(party);
            case "expired" -> certificates.expired(party);
            case "not-yet-valid" -> certificates.notYetValid(party);
            case "revoked" -> certificates.revoked(party);
            case "no-party-uri" -> certificates.withoutPartyUri();
            case "no-signature-key-usage" -> certificates.withoutSignatureKeyUsage(party);
            default -> throw new IllegalArgumentException("sign " + how);
        };
        return document.signedBy(signer);
    }

    private byte[] breakSigned(byte[] signed, String change, Transport transport) throws Exception {
        String[] words = change.split("\\s+");
        if (words[0].equals("truncate")) {
            return Arrays.copyOf(signed, signed.length - Integer.parseInt(words[1]));
        }
        Document d = SecureXml.parse(signed, Long.MAX_VALUE);
        Element signature = dsig(d, "Signature");
        switch (words[0]) {
            case "alter-text" -> pingText(d).setTextContent("changed in transit");
            case "alter-signature-value" -> {
                Element value = dsig(d, "SignatureValue");
                byte[] raw = Base64.getMimeDecoder().decode(value.getTextContent().trim());
                raw[raw.length - 1] ^= 0x01;
                value.setTextContent(Base64.getEncoder().encodeToString(raw));
            }
            case "graft-signature" -> {
                // a valid signature by the same sender, over another document
                Parties.Message other = Parties.message("Ping").from(transport.party).agreement(transport.agreement);
                Document donor = SecureXml.parse(other.signedBy(sender(transport)));
                signature.getParentNode().replaceChild(d.importNode(dsig(donor, "Signature"), true), signature);
            }
            case "remove-signature-value" -> signature.removeChild(dsig(d, "SignatureValue"));
            case "signature-first" -> d.getDocumentElement().insertBefore(signature, d.getDocumentElement().getFirstChild());
            case "duplicate-signature" -> d.getDocumentElement().appendChild(signature.cloneNode(true));
            case "reference-uri" -> dsig(d, "Reference").setAttribute("URI", "#Body");
            default -> throw new IllegalArgumentException("break " + change);
        }
        return XmlBytes.of(d);
    }

    private void acceptedBefore(byte[] accepted, Transport transport) throws Exception {
        if (transport == Transport.SOAP) {
            assertThat(partner.submit("1.1", accepted).receipt().status()).isEqualTo("ACCEPTED");
        } else {
            mia.send(AgencyClient.out("MIA"), accepted, null);
            assertThat(text(receiptOf(next(miaIn, Set.of(messageIdOf(accepted))), accepted), "Status")).isEqualTo("ACCEPTED");
        }
    }

    private static List<Part> parts(Attachment declared, String which) {
        Part part = Part.of(declared);
        return switch (which) {
            case "declared" -> List.of(part);
            case "none" -> List.of();
            case "altered" -> {
                byte[] altered = declared.content().clone();
                altered[0] ^= 0x01;
                yield List.of(new Part(declared.id(), altered));
            }
            case "extra" -> List.of(part, new Part("passport-copy", randomBytes(1000)));
            case "twice" -> List.of(part, part);
            default -> throw new IllegalArgumentException("parts " + which);
        };
    }

    /**
     * The sender's agreement, in a new version, takes its CRLs from this hub at an address not asked before: the
     * hub keeps a CRL it fetched until its nextUpdate, so a revocation just made is seen only at a fresh address.
     */
    private void crlAtThisHub(Transport transport) throws Exception {
        String file = (transport == Transport.SOAP ? "soap-push-" : "queue-") + transport.party.replace(':', '-') + ".xml";
        Path path = DATA_DIR.resolve("agreements").resolve(file);
        String text = Files.readString(path);
        Matcher version = Pattern.compile("<Version>(\\d+)</Version>").matcher(text);
        assertThat(version.find()).as(file).isTrue();
        String next = Long.toString(Long.parseLong(version.group(1)) + 1);
        String crl = url("/pki/crl/hub-ca.crl?corpus=" + UUID.randomUUID());
        text = version.replaceFirst("<Version>" + next + "</Version>").replaceAll("<CrlUrl>[^<]*</CrlUrl>",
                Matcher.quoteReplacement("<CrlUrl>" + crl + "</CrlUrl>"));
        assertThat(text).as(file).contains(crl);
        Files.writeString(path, text);
        assertThat(asOperator().postForEntity(url("/api/agreements/reload"), null, String.class).getStatusCode().is2xxSuccessful())
                .isTrue();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private Credential sender(Transport transport) throws Exception {
        return Parties.credential(DATA_DIR, transport.party);
    }

    // ---- raw SOAP calls ----

    private HttpResponse<String> postEnvelope(BadInput c) throws Exception {
        boolean soap11 = "soap11".equals(c.envelope());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(soap11 ? "/services/exchange" : "/services/exchange12")))
                .timeout(WAIT).POST(HttpRequest.BodyPublishers.ofByteArray(c.templateBytes()));
        if (soap11) {
            request.header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"");
        } else {
            request.header("Content-Type", "application/soap+xml; charset=UTF-8");
        }
        long before = rejections();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rejections()).as("a call that is no document is not audited").isEqualTo(before);
        return response;
    }

    private static void assertFault(HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).contains("Fault");
        assertFaultCode(response.body(), code);
    }

    /** SOAP 1.2 calls Client "Sender". */
    private static void assertFaultCode(String text, String code) {
        if (code.equals("Client")) {
            assertThat(text).containsAnyOf("Client", "Sender");
        } else {
            assertThat(text).contains(code);
        }
    }

    // ---- reading answers ----

    private static Message next(MessageConsumer consumer, Set<String> correlationIds) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Message message = consumer.receive(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
            if (message != null && correlationIds.contains(message.getJMSCorrelationID())) {
                return message;
            }
        }
        return fail("nothing correlated with " + correlationIds + " within " + WAIT);
    }

    private Message nextLetter(String jmsId) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Message letter = miaDeadLetters.receive(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
            if (letter != null && jmsId.equals(letter.getStringProperty("lmxOriginalJmsMessageId"))) {
                return letter;
            }
        }
        return fail("no dead letter for " + jmsId + " within " + WAIT);
    }

    /** A receipt signed by the hub about exactly {@code sent}. */
    private Document receiptOf(Message message, byte[] sent) throws Exception {
        assertThat(message).isInstanceOf(BytesMessage.class);
        Document receipt = partner.verified(AgencyClient.bytes(message)).getOwnerDocument();
        assertThat(text(receipt, "DocumentType")).isEqualTo("Receipt");
        assertThat(text(receipt, "ReceivedDigest")).isEqualTo(Sha256.hex(sent));
        return receipt;
    }

    /** The MessageId a hub can read from {@code bytes}, or null. */
    private static String messageIdOf(byte[] bytes) {
        try {
            Document d = SecureXml.parse(bytes, Long.MAX_VALUE);
            Node id = d.getElementsByTagNameNS(Parties.LMX, "MessageId").item(0);
            return id == null ? null : id.getTextContent();
        } catch (Exception e) {
            return null;
        }
    }

    private long rejections() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rejection", Long.class);
    }

    private static String text(Document document, String localName) {
        Node node = document.getElementsByTagNameNS(Parties.LMX, localName).item(0);
        return node == null ? null : node.getTextContent();
    }

    private static Element header(Document d, String field) {
        return Parties.child(Parties.child(d.getDocumentElement(), "Header"), field);
    }

    private static Element bodyDocument(Document d) {
        for (Node n = Parties.child(d.getDocumentElement(), "Body").getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalStateException("no document in the Body");
    }

    private static Element pingText(Document d) {
        return Parties.child(bodyDocument(d), "Text");
    }

    private static Element dsig(Document d, String localName) {
        return (Element) d.getElementsByTagNameNS(DSIG, localName).item(0);
    }
}
