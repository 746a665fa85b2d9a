package org.lmx.routes.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.XmlSigner;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.routes.agreements.AgreementFiles;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.agreements.TestPki;
import org.w3c.dom.Document;

/**
 * The front door's header, agreement and replay rules on Korea's committed samples under the committed
 * Korea agreement, at a fixed time of receipt; every outcome is a receipt signed by the hub.
 */
class InboundPipelineTest {

    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z");
    private static final String LMX = "urn:lmx:exchange:1";

    @TempDir
    Path agreements;

    private InboundPipeline pipeline;
    private Credential korea;
    private TrustAnchors hubCa;

    @BeforeEach
    void setUp() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.ofHours(5));
        AgreementFiles.copyExamples(agreements);
        AgreementRegistry registry = new AgreementRegistry(RegistryDatabase.fresh(), agreements, TestPki.dir(), clock);
        assertThat(registry.reload("test").refused()).isEmpty();
        PkiDirectory pki = PkiDirectory.open(TestPki.dir());
        korea = pki.credential("KOR:MOEL");
        hubCa = TrustAnchors.authority(pki.ca().certificate());
        ReceiptIssuer receipts = new ReceiptIssuer(pki.credential("KAZ:MLSP"), "KAZ:MLSP", clock);
        pipeline = new InboundPipeline(registry, new SignatureVerifier(CrlSource.NONE), receipts, "KAZ:MLSP",
                SecureXml.DEFAULT_MAX_DOCUMENT_BYTES, clock);
    }

    @Test
    void aFreshPingIsAcceptedWithAReceiptSignedByTheHub() throws Exception {
        byte[] ping = sign(ping("2026-11-24T09:59:00+05:00"));
        InboundResult result = pipeline.receive(ping);
        assertThat(result.rejection()).isEmpty();
        assertThat(result.signer()).contains("KOR:MOEL");

        Document receipt = receipt(result);
        assertThat(text(receipt, "Status")).isEqualTo("ACCEPTED");
        assertThat(text(receipt, "InReplyTo")).isEqualTo(text(SecureXml.parse(ping), "MessageId"));
        assertThat(text(receipt, "ReceivedDigest")).isEqualTo(InboundPipeline.sha256(ping)).hasSize(64);
        assertThat(text(receipt, "ReceivedAt")).isEqualTo("2026-11-24T10:00:00+05:00");
    }

    @Test
    void aPingCreatedOutsideTheClockSkewWindowIsAReplay() throws Exception {
        InboundResult result = pipeline.receive(sign(ping("2026-11-22T09:00:00+05:00")));
        assertThat(result.rejection().orElseThrow().code()).isEqualTo("LMX-MSG-REPLAY");
        assertThat(text(receipt(result), "Code")).isEqualTo("LMX-MSG-REPLAY");
    }

    @Test
    void aDocumentTypeThatDoesNotNameTheBodyIsRejected() throws Exception {
        String xml = ping("2026-11-24T09:59:00+05:00")
                .replace("<DocumentType>Ping</DocumentType>", "<DocumentType>StatusRequest</DocumentType>");
        assertThat(pipeline.receive(sign(xml)).rejection().orElseThrow().code()).isEqualTo("LMX-HDR-DOCUMENT-TYPE");
    }

    @Test
    void aDocumentForAnotherPartyIsRejected() throws Exception {
        String xml = ping("2026-11-24T09:59:00+05:00").replace("<To>KAZ:MLSP</To>", "<To>KAZ:MIA</To>");
        assertThat(pipeline.receive(sign(xml)).rejection().orElseThrow().code()).isEqualTo("LMX-HDR-TO");
    }

    @Test
    void aDocumentTypeTheAgreementDoesNotAllowIsRejected() throws Exception {
        // Korea's agreement does not let Korea send the hub's own PermitDecision
        String decision = Files.readString(Path.of("..", "examples", "documents", "PermitDecision.xml"))
                .replaceFirst("<From>[^<]+</From>", "<From>KOR:MOEL</From>")
                .replaceFirst("<To>[^<]+</To>", "<To>KAZ:MLSP</To>")
                .replaceFirst("<AgreementId>[^<]+</AgreementId>", "<AgreementId>AGR-KOR-MOEL</AgreementId>")
                .replaceFirst("<Created>[^<]+</Created>", "<Created>2026-11-24T09:59:00+05:00</Created>");
        assertThat(pipeline.receive(sign(decision)).rejection().orElseThrow().code()).isEqualTo("LMX-AGR-DOCUMENT-TYPE");
    }

    @Test
    void bytesThatAreNotXmlStillGetASignedReceipt() throws Exception {
        InboundResult result = pipeline.receive("not xml at all".getBytes(StandardCharsets.UTF_8));
        Document receipt = receipt(result);
        assertThat(text(receipt, "Code")).isEqualTo("LMX-XML-MALFORMED");
        assertThat(text(receipt, "ReceivedMessageId")).isEqualTo(ReceiptIssuer.UNKNOWN_MESSAGE);
        assertThat(text(receipt, "To")).isEqualTo(ReceiptIssuer.UNKNOWN_PARTY);
    }

    // ---- helpers ----

    private Document receipt(InboundResult result) throws Exception {
        return new SignatureVerifier(CrlSource.NONE)
                .verify(result.receipt(), hubCa, VerificationOptions.defaults().at(NOW).expectParty("KAZ:MLSP")).document();
    }

    private static String ping(String created) throws Exception {
        return Files.readString(Path.of("..", "examples", "documents", "Ping.xml"))
                .replaceFirst("<MessageId>[^<]+</MessageId>", "<MessageId>" + UUID.randomUUID() + "</MessageId>")
                .replaceFirst("<Created>[^<]+</Created>", "<Created>" + created + "</Created>");
    }

    private byte[] sign(String xml) throws Exception {
        return XmlSigner.sign(xml.getBytes(StandardCharsets.UTF_8), korea);
    }

    private static String text(Document document, String localName) {
        return document.getElementsByTagNameNS(LMX, localName).item(0).getTextContent();
    }
}
