package org.lmx.routes.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.impl.DefaultCamelContext;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.lmx.routes.TestClock;
import org.lmx.routes.agreements.AgreementFiles;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.agreements.TestPki;
import org.lmx.routes.dispatch.OutboxDispatchRoute;
import org.lmx.routes.inbound.DocumentDraft;
import org.lmx.routes.inbound.ReceiptIssuer;
import org.lmx.routes.inbound.ReceivedHeader;
import org.lmx.routes.log.LogVerifier;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The outbound side of the hub over an in-memory database, under the committed example agreements (KOR:MOEL push,
 * UZB:MEHNAT pull, KAZ:MIA queue) and at a time the test controls: the outbound entry, the agency delivery with its
 * JMS send replaced by {@value #AGENCY} (AdviceWith on node {@code send-to-agency-in}), the inbound dispatcher, and the
 * receipt reconciler. Signatures are checked with the development CA's CRL, as the MIA agreement's hard-fail policy needs.
 */
final class OutboundBench implements AutoCloseable {

    static final String HUB = "KAZ:MLSP";
    static final String MIA = "KAZ:MIA";
    static final String AGENCY = "mock:agency-in";
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String LMX = "urn:lmx:exchange:1";

    final TestClock clock = new TestClock(NOW, ZoneOffset.ofHours(5));
    final RegistryDatabase.Database db = RegistryDatabase.pooled(10);
    final JdbcTemplate jdbc = db.jdbc();
    final AgreementRegistry registry;
    final MessageLog log;
    final SignatureVerifier verifier;
    final SignedReceiptReconciler reconciler;
    final DeliveryReceipts receipts;
    final DefaultCamelContext camel = new DefaultCamelContext();
    final PkiDirectory pki;

    OutboundBench(Path agreements) throws Exception {
        this(agreements, dir -> { });
    }

    /** @param adjust changes the copied example agreements before they are loaded */
    OutboundBench(Path agreements, java.util.function.Consumer<Path> adjust) throws Exception {
        pki = PkiDirectory.open(TestPki.dir());
        AgreementFiles.copyExamples(agreements);
        adjust.accept(agreements);
        registry = new AgreementRegistry(jdbc, agreements, TestPki.dir(), clock);
        assertThat(registry.reload("test").refused()).isEmpty();
        log = new MessageLog(jdbc, db.transactions(), clock);
        Optional<java.security.cert.X509CRL> crl = Optional.of(Pem.readCrl(pki.crlFile()));
        verifier = new SignatureVerifier(location -> crl);
        receipts = new DeliveryReceipts(jdbc);
        reconciler = new SignedReceiptReconciler(registry, verifier, log, receipts, db.transactions(), HUB, clock);
        Outbox outbox = new Outbox(jdbc, clock);
        camel.addRoutes(new OutboundRoute(new OutboundIssuer(registry, log, new OutboundRequestKeys(jdbc),
                db.transactions(), pki.credential(HUB), HUB, clock)));
        camel.addRoutes(new AgencyDeliveryRoute(new DeliveryAttempts(jdbc, clock), log, registry, db.transactions(), clock,
                "jms:queue:unused", 20, 10));
        camel.addRoutes(new OutboxDispatchRoute(outbox, log, db.transactions(), 20, 10));
        AdviceWith.adviceWith(camel, "agency-send", a -> a.weaveById("send-to-agency-in").replace().to(AGENCY));
    }

    /** Starts the routes; {@code stopped} route ids are left stopped. */
    OutboundBench start(String... stopped) throws Exception {
        for (String routeId : stopped) {
            camel.getRouteDefinition(routeId).autoStartup(false);
        }
        camel.start();
        return this;
    }

    Credential credential(String party) throws Exception {
        return pki.credential(party);
    }

    /** The Body's document of a committed sample, as the one element a caller of the outbound entry gives. */
    static byte[] bodyOf(String documentType) throws Exception {
        Document sample = SecureXml.parse(Files.readAllBytes(DocumentDraft.SAMPLES.resolve(documentType + ".xml")));
        Element body = child(sample.getDocumentElement(), "Body");
        Element element = null;
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                element = e;
                break;
            }
        }
        Document alone = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        alone.appendChild(alone.importNode(element, true));
        return XmlBytes.of(alone);
    }

    static OutboundRequest request(String to, String documentType, byte[] document) {
        return new OutboundRequest(to, documentType, null, null, null, document, List.of(), "test");
    }

    /** Through {@code direct:outbound}: the result, or the exception the route ended with. */
    Exchange send(OutboundRequest request) {
        return camel.createProducerTemplate().request(OutboundRoute.OUTBOUND, e -> e.getMessage().setBody(request));
    }

    OutboundResult issue(OutboundRequest request) {
        Exchange done = send(request);
        assertThat(done.getException()).as("the outbound entry's failure").isNull();
        return done.getMessage().getBody(OutboundResult.class);
    }

    /** A receipt from {@code signer}'s side for {@code sent}: ACCEPTED, or REJECTED with {@code code} and reason. */
    byte[] receipt(Credential signer, String signerParty, byte[] sent, String digest, String code) throws Exception {
        ReceiptIssuer issuer = new ReceiptIssuer(signer, signerParty, clock);
        Optional<org.lmx.connectors.LmxException> rejection = code == null ? Optional.empty()
                : Optional.of(new Refused(code, "the " + code + " check failed at the agency"));
        return issuer.issue(ReceivedHeader.of(SecureXml.parse(sent)), digest, clock.instant(), rejection);
    }

    byte[] accepted(byte[] sent) throws Exception {
        return receipt(credential(MIA), MIA, sent, Sha256.hex(sent), null);
    }

    byte[] rejected(byte[] sent, String code) throws Exception {
        return receipt(credential(MIA), MIA, sent, Sha256.hex(sent), code);
    }

    int count(String tableAndCondition) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + tableAndCondition, Integer.class);
        return n == null ? 0 : n;
    }

    boolean chainIntact() {
        return new LogVerifier(jdbc, log).verify().intact();
    }

    static String text(Document document, String localName) {
        return document.getElementsByTagNameNS(LMX, localName).item(0).getTextContent();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && LMX.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** A refusal as a recipient's receipt carries it. */
    private static final class Refused extends org.lmx.connectors.LmxException {
        private final String code;

        Refused(String code, String reason) {
            super(reason, null);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    @Override
    public void close() throws Exception {
        camel.close();
        db.close();
    }
}
