package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.HostileSigner;
import org.lmx.connectors.signature.SignatureError;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.lmx.connectors.xml.XmlRejectedException;
import org.lmx.hub.it.Parties.Attachment;
import org.lmx.hub.it.PartnerClient.Part;
import org.lmx.hub.it.PartnerClient.Receipt;
import org.lmx.hub.it.PartnerClient.StatusAnswer;
import org.lmx.hub.it.PartnerClient.Submitted;
import org.lmx.routes.inbound.InboundRule;
import org.lmx.routes.inbound.ReceiptIssuer;
import org.lmx.routes.log.LoggedAttachment;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The inbound pipeline as a partner ministry meets it over SOAP (both ports): what it accepts, logs and
 * dispatches; resends and conflicts; a signed REJECTED receipt with its own code for every rule a document can
 * break, each leaving nothing in the message log or the outbox and one line in the rejection audit; GetStatus.
 * Agreements changed here belong to partners no other IT uses (USA, ARE, TJK, KGZ, MNG).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboundIT extends HubIT {

    private static final String KOR = "KOR:MOEL";
    private static final String AGR_KOR = "AGR-KOR-MOEL";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String CONTRACT = "EmploymentContractRegistration";
    /** Hub CRL URL in the demo agreements (port 8080); an IT hub listens elsewhere. */
    private static final String DEMO_CRL_URL = "http://localhost:8080/pki/crl/hub-ca.crl";

    /**
     * Codes that cannot arrive as a receipt over SOAP, and why; every other code of InboundRule, SignatureError
     * and XmlRejectedException must be exercised by this class.
     */
    private static final Map<String, String> NOT_OVER_SOAP = Map.of(
            InboundRule.INTERNAL.code(), "a defect of the hub; no well-behaved partner call can cause it",
            SignatureError.CERT_WRONG_PARTY.code(), "the pipeline does not ask the verifier for an expected party; a "
                    + "signer of another party is LMX-HDR-FROM or LMX-AGR-PARTY",
            InboundRule.CHANNEL_NOT_SIGNER.code(), "only over an agency's queue (AgencyInboundIT)",
            InboundRule.NOT_BYTES_MESSAGE.code(), "only over an agency's queue (AgencyInboundIT)",
            InboundRule.TLS_CLIENT.code(), "only on a hub serving TLS, under an agreement that pins a TLS client "
                    + "certificate (TlsClientCertificateIT)",
            InboundRule.NOT_PULL_PARTNER.code(), "only a FetchRequest, as a fault of FetchPending, under an agreement that "
                    + "lists FetchRequest but is not SOAP_PULL (no demo agreement does; InboundRouteTest)");

    private final Set<String> exercised = ConcurrentHashMap.newKeySet();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageLog log;

    private PartnerClient partner;
    private HubTables tables;
    private TestCertificates certificates;
    private Credential korea;

    @BeforeAll
    void agreementsAndParties() throws Exception {
        partner = new PartnerClient(url(""), DATA_DIR);
        tables = new HubTables(jdbc);
        certificates = new TestCertificates(DATA_DIR);
        korea = credential(KOR);

        // each change serves one rejection case below
        String yesterday = LocalDate.now().minusDays(1).toString();
        AgreementFiles.rewrite(DATA_DIR, "soap-push-ARE-MOHRE.xml", "<Version>1</Version>", "<Version>2</Version>",
                "<From>2025-01-01</From>", "<From>2025-01-01</From><To>" + yesterday + "</To>");
        // hard-fail revocation with no CRL to be had
        AgreementFiles.rewrite(DATA_DIR, "soap-pull-TJK-MLME.xml", "<Version>1</Version>", "<Version>2</Version>",
                "<RevocationPolicy>CRL_SOFT_FAIL</RevocationPolicy>", "<RevocationPolicy>CRL_HARD_FAIL</RevocationPolicy>",
                DEMO_CRL_URL, "http://127.0.0.1:9/pki/crl/hub-ca.crl");
        // the CRL at this hub's own port, so that a revocation is seen
        AgreementFiles.rewrite(DATA_DIR, "soap-pull-KGZ-MLSSM.xml", "<Version>1</Version>", "<Version>2</Version>",
                DEMO_CRL_URL, url("/pki/crl/hub-ca.crl"));
        AgreementFiles.rewrite(DATA_DIR, "soap-pull-MNG-MLSP.xml", "<Version>1</Version>", "<Version>2</Version>",
                "<MaxDocumentBytes>10485760</MaxDocumentBytes>", "<MaxDocumentBytes>2048</MaxDocumentBytes>");
        reload();
        for (String id : List.of("AGR-ARE-MOHRE", "AGR-TJK-MLME", "AGR-KGZ-MLSSM", "AGR-MNG-MLSP")) {
            assertThat(asAuditor().getForObject(url("/api/agreements/" + id), String.class)).as(id)
                    .contains("\"currentVersion\":2");
        }
    }

    // ---- accepted, resent, conflicting ----

    @Test
    void aContractRegistrationWithAnAttachmentIsAcceptedLoggedDispatchedAndItsResendGetsTheSameReceipt() throws Exception {
        Attachment contract = Attachment.pdf("contract", randomBytes(180_000));
        Parties.Message message = Parties.message(CONTRACT).from(KOR).agreement(AGR_KOR).attachments(contract);
        String id = message.messageId();
        byte[] signed = message.signedBy(korea);

        Submitted first = partner.submit("1.2", signed, Part.of(contract));
        assertAccepted(first.receipt(), signed, id, KOR);

        // the log holds it once with its declared attachment and the content; the outbox row is there
        LoggedMessage logged = log.find(id).orElseThrow();
        assertThat(logged.entry().digest()).isEqualTo(Sha256.hex(signed));
        assertThat(logged.entry().from()).isEqualTo(KOR);
        assertThat(logged.entry().documentType()).isEqualTo(CONTRACT);
        assertThat(logged.entry().attachments()).containsExactly(new LoggedAttachment("contract", "contract.pdf",
                "application/pdf", contract.size(), contract.sha256()));
        assertThat(log.body(id)).hasValue(signed);
        assertThat(log.attachment(contract.sha256())).hasValue(contract.content());
        assertThat(log.receipt(id)).hasValue(first.bytes());
        assertThat(tables.logged(id)).isEqualTo(1);
        assertThat(tables.outbox(id)).isEqualTo(1);
        assertThat(tables.rejectionCodesOf(id)).isEmpty();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(log.find(id).orElseThrow().state()).isEqualTo(MessageState.DISPATCHED));
        assertThat(log.history(id)).extracting(h -> h.state())
                .containsExactly(MessageState.ACCEPTED, MessageState.DISPATCHED);

        // the same bytes again, on the other port: the receipt first sent, byte for byte, and nothing new logged
        Submitted resent = partner.submit("1.1", signed, Part.of(contract));
        assertThat(resent.bytes()).isEqualTo(first.bytes());
        Submitted resentWithoutPart = partner.submit("1.2", signed);
        assertThat(resentWithoutPart.bytes()).isEqualTo(first.bytes());
        assertThat(tables.logged(id)).isEqualTo(1);
        assertThat(tables.outbox(id)).isEqualTo(1);

        // the same MessageId with other bytes is a conflict, and the logged entry stays as it was
        byte[] other = Parties.message(CONTRACT).messageId(id).from(KOR).agreement(AGR_KOR).attachments(contract)
                .created(OffsetDateTime.now().minusMinutes(1)).signedBy(korea);
        Receipt conflict = partner.submit("1.1", other, Part.of(contract)).receipt();
        assertRejected(conflict, "LMX-MSG-CONFLICT", other, KOR);
        assertThat(conflict.reason()).contains(Sha256.hex(other)).contains("new MessageId").doesNotContain(Sha256.hex(signed));
        assertThat(tables.logged(id)).isEqualTo(1);
        assertThat(log.find(id).orElseThrow().entry().digest()).isEqualTo(Sha256.hex(signed));
        assertThat(tables.outbox(id)).isEqualTo(1);
        assertThat(tables.loggedWithDigest(Sha256.hex(other))).isZero();
        assertThat(tables.rejectionCodes(Sha256.hex(other))).containsExactly("LMX-MSG-CONFLICT");
        exercised.add("LMX-MSG-CONFLICT");
    }

    @Test
    void aResendAfterTheAgreementWasSuspendedStillGetsItsReceiptButANewMessageIsRejected() throws Exception {
        Credential usa = credential("USA:DOL");
        byte[] ping = Parties.ping("USA:DOL", "AGR-USA-DOL", usa);
        Submitted first = partner.submit("1.2", ping);
        assertThat(first.receipt().status()).isEqualTo("ACCEPTED");

        AgreementFiles.rewrite(DATA_DIR, "soap-push-USA-DOL.xml", "<Version>1</Version>", "<Version>2</Version>",
                "<Status>ACTIVE</Status>", "<Status>SUSPENDED</Status>");
        reload();
        assertThat(asAuditor().getForObject(url("/api/agreements/AGR-USA-DOL"), String.class)).contains("\"currentVersion\":2");

        assertThat(partner.submit("1.1", ping).bytes()).isEqualTo(first.bytes());
        assertThat(partner.submit("1.2", ping).bytes()).isEqualTo(first.bytes());

        byte[] fresh = Parties.ping("USA:DOL", "AGR-USA-DOL", usa);
        Receipt rejected = partner.submit("1.1", fresh).receipt();
        assertRejected(rejected, "LMX-AGR-NOT-ACTIVE", fresh, "USA:DOL");
        assertThat(rejected.reason()).contains("SUSPENDED");
        assertNothingKept(fresh, rejected, "LMX-AGR-NOT-ACTIVE");
    }

    @Test
    void aRejectedMessageLeavesNothingBehindAndItsCorrectedResendIsAccepted() throws Exception {
        // the call lacked the part its signed header lists: the same signed bytes with the part are accepted
        Attachment contract = Attachment.pdf("contract", randomBytes(40_000));
        Parties.Message registration = Parties.message(CONTRACT).from(KOR).agreement(AGR_KOR).attachments(contract);
        byte[] signed = registration.signedBy(korea);
        Receipt missing = partner.submit("1.1", signed).receipt();
        assertRejected(missing, "LMX-ATT-MISSING", signed, KOR);
        assertNothingKept(signed, missing, "LMX-ATT-MISSING");

        Submitted accepted = partner.submit("1.2", signed, Part.of(contract));
        assertAccepted(accepted.receipt(), signed, registration.messageId(), KOR);
        assertThat(tables.logged(registration.messageId())).isEqualTo(1);
        assertThat(tables.outbox(registration.messageId())).isEqualTo(1);

        // a header error, corrected in a newly signed document under the same MessageId
        Parties.Message ping = Parties.message("Ping").from(KOR).agreement(AGR_KOR).to("KAZ:MIA");
        byte[] wrong = ping.signedBy(korea);
        Receipt notForHub = partner.submit("1.2", wrong).receipt();
        assertRejected(notForHub, "LMX-HDR-TO", wrong, KOR);
        assertNothingKept(wrong, notForHub, "LMX-HDR-TO");

        byte[] corrected = ping.to("KAZ:MLSP").signedBy(korea);
        Submitted correctedAnswer = partner.submit("1.1", corrected);
        assertAccepted(correctedAnswer.receipt(), corrected, ping.messageId(), KOR);
        assertThat(tables.logged(ping.messageId())).isEqualTo(1);
        assertThat(tables.rejectionCodesOf(ping.messageId())).containsExactly("LMX-HDR-TO");
        // and the rejected bytes sent again are now a conflict with the accepted ones
        assertThat(partner.submit("1.2", wrong).receipt().code()).isEqualTo("LMX-MSG-CONFLICT");
    }

    // ---- every rejection, each over SOAP ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void everyRejectionIsASignedReceiptWithItsCodeAndLeavesNothingInTheLog(Rejection rejection) throws Exception {
        Call call = rejection.call().make();
        Submitted answer = partner.submit(partner.port(rejection.soapVersion(), call.mtom()), call.document(), call.parts());
        assertRejected(answer.receipt(), rejection.code(), call.document(), rejection.sender());
        assertNothingKept(call.document(), answer.receipt(), rejection.code());
    }

    Stream<Rejection> rejections() {
        String unknown = ReceiptIssuer.UNKNOWN_PARTY;
        return Stream.of(
                // hostile or broken XML, refused before anything is read
                new Rejection("LMX-XML-MALFORMED", "truncated document", "1.1", unknown, () -> {
                    byte[] signed = koreanPing().signedBy(korea);
                    return Call.of(Arrays.copyOf(signed, signed.length - 40));
                }),
                new Rejection("LMX-XML-DOCTYPE", "external entity (XXE)", "1.2", unknown, () -> Call.of(utf8(
                        "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<ExchangeMessage xmlns=\"urn:lmx:exchange:1\">&x;</ExchangeMessage>"))),
                new Rejection("LMX-XML-DOCTYPE", "entity expansion (billion laughs)", "1.1", unknown,
                        () -> Call.of(utf8(billionLaughs()))),
                new Rejection("LMX-XML-TOO-LARGE", "signed document over 10 MiB, as MTOM", "1.2", unknown, () -> {
                    byte[] padded = koreanPing().edit(d -> body(d).appendChild(d.createComment("x".repeat(10_500_000))))
                            .signedBy(korea);
                    assertThat(padded.length).isGreaterThan(10 * 1024 * 1024);
                    return new Call(padded, List.of(), true);
                }),
                new Rejection("LMX-XML-SCHEMA-INVALID", "an element the schema does not know", "1.1", KOR, () -> Call.of(
                        koreanPing().edit(d -> bodyDocument(d).appendChild(d.createElementNS(Parties.LMX, "Unexpected")))
                                .signedBy(korea))),

                // the signature rules, before any cryptography
                new Rejection("LMX-SIG-MISSING", "unsigned", "1.2", KOR, () -> Call.of(koreanPing().unsigned())),
                new Rejection("LMX-SIG-MULTIPLE", "signed twice", "1.1", KOR, () -> {
                    Document d = SecureXml.parse(koreanPing().signedBy(korea));
                    HostileSigner.like().sign(d, korea);
                    return Call.of(XmlBytes.of(d));
                }),
                new Rejection("LMX-SIG-NOT-LAST", "signature moved before the header", "1.2", KOR, () -> signedAndChanged(d -> {
                    Element root = d.getDocumentElement();
                    root.insertBefore(signature(d), root.getFirstChild());
                })),
                new Rejection("LMX-SIG-MALFORMED", "SignatureValue removed", "1.1", KOR, () -> signedAndChanged(d ->
                        signature(d).removeChild(dsig(d, "SignatureValue")))),
                new Rejection("LMX-SIG-UNEXPECTED-CONTENT", "a ds:Object in the signature", "1.2", KOR, () -> Call.of(
                        HostileSigner.like().withObject().sign(koreanPing().unsigned(), korea))),
                new Rejection("LMX-SIG-C14N", "inclusive c14n for SignedInfo", "1.1", KOR, () -> Call.of(
                        HostileSigner.like().signedInfoCanonicalization(CanonicalizationMethod.INCLUSIVE)
                                .sign(koreanPing().unsigned(), korea))),
                new Rejection("LMX-SIG-PREFIX-LIST", "InclusiveNamespaces prefix list", "1.2", KOR, () -> Call.of(
                        HostileSigner.like().prefixList("lmx").sign(koreanPing().unsigned(), korea))),
                new Rejection("LMX-SIG-SIGNATURE-ALGORITHM", "RSA-SHA1", "1.1", KOR, () -> Call.of(
                        HostileSigner.like().signatureMethod(SignatureMethod.RSA_SHA1).sign(koreanPing().unsigned(), korea))),
                new Rejection("LMX-SIG-REFERENCE-COUNT", "a second reference (wrapping)", "1.2", KOR, () -> Call.of(
                        HostileSigner.like().secondReference().sign(koreanPing().unsigned(), korea))),
                new Rejection("LMX-SIG-REFERENCE-URI", "a reference to part of the document", "1.1", KOR, () ->
                        signedAndChanged(d -> dsig(d, "Reference").setAttribute("URI", "#Body"))),
                new Rejection("LMX-SIG-TRANSFORMS", "enveloped-signature transform only", "1.2", KOR, () -> Call.of(
                        HostileSigner.like().envelopedTransformOnly().sign(koreanPing().unsigned(), korea))),
                new Rejection("LMX-SIG-DIGEST-ALGORITHM", "SHA-1 digest", "1.1", KOR, () -> Call.of(
                        HostileSigner.like().digest(DigestMethod.SHA1).sign(koreanPing().unsigned(), korea))),
                new Rejection("LMX-SIG-NO-CERTIFICATE", "no KeyInfo", "1.2", KOR, () -> Call.of(
                        HostileSigner.like().withoutKeyInfo().sign(koreanPing().unsigned(), korea))),

                // the signature itself
                new Rejection("LMX-SIG-DIGEST-MISMATCH", "body changed after signing", "1.1", KOR, () ->
                        signedAndChanged(d -> Parties.child(bodyDocument(d), "Text").setTextContent("changed in transit"))),
                new Rejection("LMX-SIG-INVALID", "signature value altered", "1.2", KOR, () -> signedAndChanged(d -> {
                    Element value = dsig(d, "SignatureValue");
                    byte[] raw = Base64.getMimeDecoder().decode(value.getTextContent().trim());
                    raw[raw.length - 1] ^= 0x01;
                    value.setTextContent(Base64.getEncoder().encodeToString(raw));
                })),

                // the signer's certificate against the agreement's trust
                new Rejection("LMX-CERT-UNTRUSTED", "look-alike from a rogue CA", "1.1", KOR, () ->
                        Call.of(koreanPing().signedBy(TestCertificates.fromRogueCa(KOR)))),
                new Rejection("LMX-CERT-EXPIRED", "certificate expired a year ago", "1.2", KOR, () ->
                        Call.of(koreanPing().signedBy(certificates.expired(KOR)))),
                new Rejection("LMX-CERT-NOT-YET-VALID", "certificate valid from tomorrow", "1.1", KOR, () ->
                        Call.of(koreanPing().signedBy(certificates.notYetValid(KOR)))),
                new Rejection("LMX-CERT-REVOKED", "revoked, on the CRL the agreement names", "1.2", "KGZ:MLSSM", () ->
                        Call.of(Parties.ping("KGZ:MLSSM", "AGR-KGZ-MLSSM", certificates.revoked("KGZ:MLSSM")))),
                new Rejection("LMX-CERT-REVOCATION-UNKNOWN", "hard-fail policy, no CRL to be had", "1.1", "TJK:MLME", () ->
                        Call.of(Parties.ping("TJK:MLME", "AGR-TJK-MLME", credential("TJK:MLME")))),
                new Rejection("LMX-CERT-KEY-USAGE", "certificate for key encipherment only", "1.2", KOR, () ->
                        Call.of(koreanPing().signedBy(certificates.withoutSignatureKeyUsage(KOR)))),
                new Rejection("LMX-CERT-NO-PARTY", "certificate naming no party", "1.1", KOR, () ->
                        Call.of(koreanPing().signedBy(certificates.withoutPartyUri()))),

                // header and body
                new Rejection("LMX-HDR-DOCUMENT-TYPE", "header says BusinessNotice, the body is a Ping", "1.2", KOR, () ->
                        Call.of(koreanPing().documentType("BusinessNotice").signedBy(korea))),
                new Rejection("LMX-HDR-TO", "addressed to the migration police", "1.1", KOR, () ->
                        Call.of(koreanPing().to("KAZ:MIA").signedBy(korea))),
                new Rejection("LMX-HDR-FROM", "From Korea, signed by Germany", "1.2", KOR, () ->
                        Call.of(koreanPing().signedBy(credential("DEU:BMAS")))),

                // the agreement
                new Rejection("LMX-AGR-UNKNOWN", "no such agreement", "1.1", KOR, () ->
                        Call.of(koreanPing().agreement("AGR-KOR-NOBODY").signedBy(korea))),
                new Rejection("LMX-AGR-PARTY", "Germany under Korea's agreement", "1.2", "DEU:BMAS", () ->
                        Call.of(Parties.ping("DEU:BMAS", AGR_KOR, credential("DEU:BMAS")))),
                new Rejection("LMX-AGR-OUT-OF-DATES", "agreement ended yesterday", "1.1", "ARE:MOHRE", () ->
                        Call.of(Parties.ping("ARE:MOHRE", "AGR-ARE-MOHRE", credential("ARE:MOHRE")))),
                new Rejection("LMX-AGR-DOCUMENT-TYPE", "a push partner's FetchRequest", "1.2", KOR, () ->
                        Call.of(Parties.message("FetchRequest").from(KOR).agreement(AGR_KOR).signedBy(korea))),
                new Rejection("LMX-AGR-TOO-LARGE", "over the agreement's 2048-byte document limit", "1.1", "MNG:MLSP", () ->
                        Call.of(Parties.ping("MNG:MLSP", "AGR-MNG-MLSP", credential("MNG:MLSP")))),

                // the message
                new Rejection("LMX-MSG-REPLAY", "created two days ago", "1.2", KOR, () ->
                        Call.of(koreanPing().created(OffsetDateTime.now().minusDays(2)).signedBy(korea))),

                // attachments against the signed header
                new Rejection("LMX-ATT-MISSING", "listed attachment not sent", "1.1", KOR, () ->
                        new Call(koreanContract(contract()).signedBy(korea), List.of(), true)),
                new Rejection("LMX-ATT-ALTERED", "attachment changed after signing", "1.2", KOR, () -> {
                    Attachment contract = contract();
                    byte[] altered = contract.content().clone();
                    altered[0] ^= 0x01;
                    return new Call(koreanContract(contract).signedBy(korea), List.of(new Part(contract.id(), altered)), true);
                }),
                new Rejection("LMX-ATT-TOO-LARGE", "a 25 MiB + 1 byte part, over the hub's ceiling", "1.2", KOR, () -> {
                    Attachment big = Attachment.pdf("contract", randomBytes(25 * 1024 * 1024 + 1));
                    return new Call(koreanContract(big).signedBy(korea), List.of(Part.of(big)), true);
                }),
                new Rejection("LMX-ATT-UNDECLARED", "a part the header does not list", "1.1", KOR, () -> {
                    Attachment contract = contract();
                    return new Call(koreanContract(contract).signedBy(korea),
                            List.of(Part.of(contract), new Part("passport-copy", randomBytes(1000))), true);
                }),
                new Rejection("LMX-ATT-UNDECLARED", "the same part twice", "1.2", KOR, () -> {
                    Attachment contract = contract();
                    return new Call(koreanContract(contract).signedBy(korea),
                            List.of(Part.of(contract), Part.of(contract)), true);
                }));
    }

    // ---- GetStatus ----

    @Test
    void getStatusAnswersWithASignedReportOfTheRequestersOwnMessages() throws Exception {
        byte[] ping = koreanPing().signedBy(korea);
        String accepted = partner.submit("1.1", ping).receipt().receivedMessageId();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(log.find(accepted).orElseThrow().state()).isEqualTo(MessageState.DISPATCHED));
        byte[] germanPing = Parties.ping("DEU:BMAS", "AGR-DEU-BMAS", credential("DEU:BMAS"));
        String germans = partner.submit("1.2", germanPing).receipt().receivedMessageId();
        String unknown = UUID.randomUUID().toString();

        Parties.Message request = Parties.message("StatusRequest").from(KOR).agreement(AGR_KOR)
                .edit(d -> asksAbout(d, accepted, unknown, germans));
        StatusAnswer report = partner.getStatus("1.2", request.signedBy(korea));
        assertThat(report.documentType()).isEqualTo("StatusReport");
        assertThat(report.to()).isEqualTo(KOR);
        assertThat(report.inReplyTo()).isEqualTo(request.messageId());
        // another party's message is as unknown to Korea as one that does not exist
        assertThat(report.states()).containsExactly(Map.entry(accepted, "DISPATCHED"), Map.entry(unknown, "UNKNOWN"),
                Map.entry(germans, "UNKNOWN"));
        assertThat(tables.logged(request.messageId())).as("a StatusRequest is answered, not logged").isZero();

        // a StatusRequest signed by someone else than its From is answered with a signed REJECTED receipt
        byte[] forged = Parties.message("StatusRequest").from(KOR).agreement(AGR_KOR)
                .edit(d -> asksAbout(d, accepted)).signedBy(credential("DEU:BMAS"));
        StatusAnswer refused = partner.getStatus("1.1", forged);
        assertThat(refused.documentType()).isEqualTo("Receipt");
        assertThat(refused.rejection().code()).isEqualTo("LMX-HDR-FROM");
        assertThat(refused.states()).isEmpty();
    }

    // ---- coverage ----

    @Test
    @Order(Integer.MAX_VALUE)
    void everyCodeThatCanArriveOverSoapWasExercised() throws Exception {
        Set<String> codes = new TreeSet<>();
        Arrays.stream(InboundRule.values()).map(InboundRule::code).forEach(codes::add);
        Arrays.stream(SignatureError.values()).map(SignatureError::code).forEach(codes::add);
        for (Field field : XmlRejectedException.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                codes.add((String) field.get(null));
            }
        }
        assertThat(codes).contains("LMX-XML-TOO-LARGE", "LMX-SIG-MISSING", "LMX-AGR-NOT-ACTIVE");
        codes.removeAll(NOT_OVER_SOAP.keySet());
        codes.removeAll(exercised);
        assertThat(codes).as("codes no case of this class received over SOAP").isEmpty();
    }

    // ---- assertions ----

    private void assertAccepted(Receipt receipt, byte[] sent, String messageId, String sender) {
        assertThat(receipt.status()).as(receipt.code() + " " + receipt.reason()).isEqualTo("ACCEPTED");
        assertThat(receipt.code()).isNull();
        assertThat(receipt.digest()).isEqualTo(Sha256.hex(sent));
        assertThat(receipt.receivedMessageId()).isEqualTo(messageId);
        assertThat(receipt.inReplyTo()).isEqualTo(messageId);
        assertThat(receipt.to()).isEqualTo(sender);
    }

    /** A receipt the hub signed (PartnerClient verified it), REJECTED with {@code code}, to the sender, about these bytes. */
    private void assertRejected(Receipt receipt, String code, byte[] sent, String sender) {
        assertThat(receipt.status()).isEqualTo("REJECTED");
        assertThat(receipt.code()).as(receipt.reason()).isEqualTo(code);
        assertThat(receipt.reason()).isNotBlank();
        assertThat(receipt.digest()).isEqualTo(Sha256.hex(sent));
        assertThat(receipt.to()).isEqualTo(sender);
    }

    /** No log entry and no outbox row; one line in the rejection audit, with the code. */
    private void assertNothingKept(byte[] sent, Receipt receipt, String code) {
        String digest = Sha256.hex(sent);
        assertThat(tables.loggedWithDigest(digest)).isZero();
        assertThat(tables.rejectionCodes(digest)).containsExactly(code);
        String messageId = receipt.receivedMessageId();
        if (!ReceiptIssuer.UNKNOWN_MESSAGE.equals(messageId)) {
            assertThat(tables.logged(messageId)).isZero();
            assertThat(tables.outbox(messageId)).isZero();
        }
        exercised.add(code);
    }

    // ---- documents ----

    private Parties.Message koreanPing() throws Exception {
        return Parties.message("Ping").from(KOR).agreement(AGR_KOR);
    }

    private Parties.Message koreanContract(Attachment contract) throws Exception {
        return Parties.message(CONTRACT).from(KOR).agreement(AGR_KOR).attachments(contract);
    }

    private static Attachment contract() {
        return Attachment.pdf("contract", randomBytes(20_000));
    }

    /** A correctly signed Korean Ping, changed after signing. */
    private Call signedAndChanged(Consumer<Document> change) throws Exception {
        Document d = SecureXml.parse(koreanPing().signedBy(korea));
        change.accept(d);
        return Call.of(XmlBytes.of(d));
    }

    private static void asksAbout(Document d, String... messageIds) {
        Element request = bodyDocument(d);
        while (request.getFirstChild() != null) {
            request.removeChild(request.getFirstChild());
        }
        for (String id : messageIds) {
            request.appendChild(d.createElementNS(Parties.LMX, "MessageId")).setTextContent(id);
        }
    }

    private static Element body(Document d) {
        return Parties.child(d.getDocumentElement(), "Body");
    }

    private static Element bodyDocument(Document d) {
        NodeList children = body(d).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e) {
                return e;
            }
        }
        throw new IllegalStateException("no document in the Body");
    }

    private static Element signature(Document d) {
        return dsig(d, "Signature");
    }

    private static Element dsig(Document d, String localName) {
        return (Element) d.getElementsByTagNameNS(DSIG, localName).item(0);
    }

    private static String billionLaughs() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        return laughs.append("]><lolz>&lol9;</lolz>").toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static Credential credential(String party) throws Exception {
        return Parties.credential(DATA_DIR, party);
    }

    private void reload() {
        asOperator().postForEntity(url("/api/agreements/reload"), null, String.class);
    }

    // ---- cases ----

    /** One rejection case: the code it must get, what it is, the SOAP port, the party the receipt must go to. */
    record Rejection(String code, String what, String soapVersion, String sender, CallMaker call) {
        @Override
        public String toString() {
            return code + ": " + what + " (SOAP " + soapVersion + ")";
        }
    }

    /** Builds a case's call when the case runs (after the agreements were prepared). */
    @FunctionalInterface
    interface CallMaker {
        Call make() throws Exception;
    }

    /** The signed document and the MTOM parts of one Submit call. */
    record Call(byte[] document, List<Part> parts, boolean mtom) {
        static Call of(byte[] document) {
            return new Call(document, List.of(), false);
        }
    }
}
