package org.lmx.hub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.VerifiedDocument;
import org.lmx.connectors.signature.XmlSigner;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.xsd.service.v1.Submit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each simulated counterparty's answer to the hub's documents: valid against the contract, signed by the party the
 * hub asked, in the request's conversation and InReplyTo it; and the receipts for the exact bytes received.
 */
class CounterpartyAnswersTest {

    private static final String LMX = "urn:lmx:exchange:1";
    private static final String HUB = "KAZ:MLSP";

    @TempDir
    static Path dir;
    private static PkiDirectory pki;
    private static SimulatedParties parties;

    @BeforeAll
    static void developmentPki() throws Exception {
        pki = PkiDirectory.init(dir.resolve("pki"), URI.create("http://localhost:8080/pki/crl/hub-ca.crl"), false);
        parties = SimulatedParties.open(dir.resolve("pki"), HUB, Clock.system(CurrentAgreement.HUB_ZONE),
                Set.of("LBG0312874"));
    }

    @Test
    void thePoliceClearAKandasReturneesIdentityCheckSignedAsKazMiaInReplyToTheRequest() throws Exception {
        Request request = sample("IdentityCheckRequest", "KAZ:MIA", "AGR-KAZ-MIA", HUB,
                dom -> dom.getElementsByTagNameNS(LMX, "Number").item(0).setTextContent("N12345678"));
        byte[] answer = parties.as("KAZ:MIA").answer(request.document(), request.bytes()).orElseThrow();

        Element root = verifiedAs(answer, "KAZ:MIA");
        assertAnswers(root, request, "IdentityCheckResult", "AGR-KAZ-MIA");
        assertThat(text(root, "Outcome")).isEqualTo("CLEAR");
        assertThat(text(root, "CaseReference")).isEqualTo(text(request.document().getDocumentElement(), "CaseReference"));
    }

    @Test
    void byTheDemoRuleThePoliceFindAPriorOverstayOfAStatelessApplicantOnTheList() throws Exception {
        Request request = hubSends("IdentityCheckRequest", "KAZ:MIA", "AGR-KAZ-MIA"); // the sample: LBG0312874
        byte[] answer = parties.as("KAZ:MIA").answer(request.document(), request.bytes()).orElseThrow();

        Element root = verifiedAs(answer, "KAZ:MIA");
        assertAnswers(root, request, "IdentityCheckResult", "AGR-KAZ-MIA");
        assertThat(text(root, "Outcome")).isEqualTo("HIT");
        assertThat(text(root, "Kind")).isEqualTo("PRIOR_OVERSTAY");
        assertThat(text(root, "InForce")).isEqualTo("false");
    }

    @Test
    void stateRevenueFindsTheEmployerOfASkillsVisaEngineerInGoodStanding() throws Exception {
        Request request = hubSends("TaxStatusRequest", "KAZ:SRC", "AGR-KAZ-SRC");
        byte[] answer = parties.as("KAZ:SRC").answer(request.document(), request.bytes()).orElseThrow();

        Element root = verifiedAs(answer, "KAZ:SRC");
        assertAnswers(root, request, "TaxStatusResult", "AGR-KAZ-SRC");
        assertThat(text(root, "Standing")).isEqualTo("GOOD_STANDING");
        assertThat(text(root, "EmployerBin")).isEqualTo(text(request.document().getDocumentElement(), "EmployerBin"));
    }

    @Test
    void koreasMinistryConfirmsTheWeldingEngineersQualification() throws Exception {
        Request request = hubSends("QualificationVerificationRequest", "KOR:MOEL", "AGR-KOR-MOEL");
        byte[] answer = parties.as("KOR:MOEL").answer(request.document(), request.bytes()).orElseThrow();

        Element root = verifiedAs(answer, "KOR:MOEL");
        assertAnswers(root, request, "QualificationVerificationResult", "AGR-KOR-MOEL");
        assertThat(text(root, "Outcome")).isEqualTo("CONFIRMED");
    }

    @Test
    void koreasMinistryAnswersEveryQuestionOfAPermitOfficersInformationRequest() throws Exception {
        Request request = hubSends("InformationRequest", "KOR:MOEL", "AGR-KOR-MOEL");
        byte[] answer = parties.as("KOR:MOEL").answer(request.document(), request.bytes()).orElseThrow();

        Element root = verifiedAs(answer, "KOR:MOEL");
        assertAnswers(root, request, "InformationResponse", "AGR-KOR-MOEL");
        List<String> answered = new ArrayList<>();
        NodeList answers = root.getElementsByTagNameNS(LMX, "Answer");
        for (int i = 0; i < answers.getLength(); i++) {
            answered.add(((Element) answers.item(i)).getAttribute("questionId"));
        }
        assertThat(answered).containsExactly("q1", "q2");
    }

    @Test
    void koreasMinistryAnswersAConsularOfficersQuestionAboutAWelderInTheCasesConversation() throws Exception {
        Request request = sample("InformationRequest", "KOR:MOEL", "AGR-KOR-MOEL", HUB, dom -> {
            Element body = dom.getDocumentElement();
            body.getElementsByTagNameNS(LMX, "CaseKind").item(0).setTextContent("CONSULAR_PROTECTION");
            body.getElementsByTagNameNS(LMX, "CaseReference").item(0).setTextContent("CP-2026-000042");
            Element second = (Element) body.getElementsByTagNameNS(LMX, "Question").item(1);
            second.getParentNode().removeChild(second);
        });
        byte[] answer = parties.as("KOR:MOEL").answer(request.document(), request.bytes()).orElseThrow();

        Element root = verifiedAs(answer, "KOR:MOEL");
        assertAnswers(root, request, "InformationResponse", "AGR-KOR-MOEL");
        assertThat(text(root, "CaseReference")).isEqualTo("CP-2026-000042");
        assertThat(root.getElementsByTagNameNS(LMX, "Answer").getLength()).isEqualTo(1);
        assertThat(((Element) root.getElementsByTagNameNS(LMX, "Answer").item(0)).getAttribute("questionId"))
                .isEqualTo("q1");
    }

    @Test
    void theBorderServiceReceiptsAPermitDecisionAndHasNothingElseToSay() throws Exception {
        Request request = hubSends("PermitDecision", "KAZ:BORDER", "AGR-KAZ-BORDER");
        CounterpartyAnswers border = parties.as("KAZ:BORDER");

        assertThat(border.answer(request.document(), request.bytes())).isEmpty();
        Element receipt = verifiedAs(border.receipt(request.document(), request.bytes()), "KAZ:BORDER");
        assertThat(text(receipt, "DocumentType")).isEqualTo("Receipt");
        assertThat(text(receipt, "Status")).isEqualTo("ACCEPTED");
        assertThat(text(receipt, "ReceivedMessageId")).isEqualTo(request.messageId());
        assertThat(text(receipt, "ReceivedDigest")).isEqualTo(Sha256.hex(request.bytes()));
        assertThat(text(receipt, "To")).isEqualTo(HUB);
        assertThat(text(receipt, "AgreementId")).isEqualTo("AGR-KAZ-BORDER");
    }

    @Test
    void onlyTheHubsSignatureIsTrustedAsTheHubs() throws Exception {
        Request forged = sample("IdentityCheckRequest", "KAZ:MIA", "AGR-KAZ-MIA", "KOR:MOEL");
        assertThatThrownBy(() -> parties.fromHub(forged.bytes())).isInstanceOf(LmxException.class);
        assertThat(parties.fromHub(hubSends("IdentityCheckRequest", "KAZ:MIA", "AGR-KAZ-MIA").bytes()).party())
                .isEqualTo(HUB);
    }

    @Test
    void aDataDirectoryWithoutTheDevelopmentPkiIsRefused() throws Exception {
        Path production = Files.createDirectories(dir.resolve("production-pki"));
        Files.copy(pki.certificateFile(HUB), production.resolve(pki.certificateFile(HUB).getFileName()));

        assertThatThrownBy(() -> SimulatedParties.open(production, HUB, Clock.systemUTC(), Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lmx.simulators.enabled=true is refused")
                .hasMessageContaining("no development PKI");
    }

    @Test
    void theDemoPartnerReceiptsAResendWithTheSameBytesAndAnswersItsRequestOnce() throws Exception {
        List<Runnable> answers = new ArrayList<>();
        SimulatedPartner partner = new SimulatedPartner(parties, () -> "http://127.0.0.1:1", answers::add);
        Request request = hubSends("QualificationVerificationRequest", "KOR:MOEL", "AGR-KOR-MOEL");
        Submit submit = new Submit();
        submit.setDocument(request.bytes());

        byte[] first = partner.submit(submit).getReceipt();
        byte[] again = partner.submit(submit).getReceipt();

        assertThat(again).isEqualTo(first);
        Element receipt = verifiedAs(first, "KOR:MOEL");
        assertThat(text(receipt, "ReceivedDigest")).isEqualTo(Sha256.hex(request.bytes()));
        assertThat(answers).as("one answer for the request, however often it came").hasSize(1);
    }

    // ---- the hub's side ----

    private record Request(Document document, byte[] bytes, String messageId, String conversationId) {
    }

    /** The committed sample of {@code type} as the hub's signed document to {@code to}. */
    private static Request hubSends(String type, String to, String agreementId) throws Exception {
        return sample(type, to, agreementId, HUB);
    }

    private static Request sample(String type, String to, String agreementId, String signer) throws Exception {
        return sample(type, to, agreementId, signer, dom -> { });
    }

    private static Request sample(String type, String to, String agreementId, String signer, Consumer<Document> edit)
            throws Exception {
        Document document = SecureXml.parse(Files.readAllBytes(Path.of("..", "examples", "documents", type + ".xml")));
        edit.accept(document);
        Element root = document.getDocumentElement();
        String messageId = UUID.randomUUID().toString();
        String conversationId = UUID.randomUUID().toString();
        set(root, "MessageId", messageId);
        set(root, "ConversationId", conversationId);
        set(root, "AgreementId", agreementId);
        set(root, "From", HUB);
        set(root, "To", to);
        set(root, "Created", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)));
        Element inReplyTo = child(root, "InReplyTo");
        if (inReplyTo != null) {
            inReplyTo.getParentNode().removeChild(inReplyTo);
        }
        XmlSigner.sign(document, pki.credential(signer));
        byte[] bytes = XmlBytes.of(document);
        return new Request(SecureXml.parse(bytes), bytes, messageId, conversationId);
    }

    // ---- what the hub checks of an answer ----

    private static Element verifiedAs(byte[] signed, String party) throws Exception {
        VerifiedDocument verified = new SignatureVerifier(CrlSource.NONE).verify(signed,
                TrustAnchors.authority(pki.ca().certificate()), VerificationOptions.defaults().expectParty(party));
        ContractSchema.EXCHANGE.validate(verified.document());
        Element root = verified.document().getDocumentElement();
        assertThat(text(root, "From")).isEqualTo(party);
        return root;
    }

    private static void assertAnswers(Element answer, Request request, String type, String agreementId) {
        assertThat(text(answer, "DocumentType")).isEqualTo(type);
        assertThat(text(answer, "InReplyTo")).isEqualTo(request.messageId());
        assertThat(text(answer, "ConversationId")).isEqualTo(request.conversationId());
        assertThat(text(answer, "To")).isEqualTo(HUB);
        assertThat(text(answer, "AgreementId")).isEqualTo(agreementId);
        assertThat(child(child(answer, "Body"), type)).as("the Body holds a " + type).isNotNull();
    }

    private static String text(Element root, String localName) {
        return root.getElementsByTagNameNS(LMX, localName).item(0).getTextContent().trim();
    }

    private static void set(Element root, String localName, String value) {
        child(child(root, "Header"), localName).setTextContent(value);
    }

    private static Element child(Element parent, String localName) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && LMX.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
