package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.lmx.connectors.pki.Credential;
import org.lmx.routes.outbound.PartnerTestServer;
import org.lmx.xsd.service.v1.Submit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The steps that bring a work-permit case to its review on the shared hub, every party real, for the ITs that go
 * on from there ({@link WorkPermitIT} through Camunda's REST API, {@link TasklistBrowserIT} through Tasklist in a
 * browser): Korea's labour ministry (KOR:MOEL) applies over SOAP for an intra-corporate transfer of a welding
 * engineer (the committed sample, with a fresh passport number and conversation); the migration police (KAZ:MIA)
 * and state revenue (KAZ:SRC) take the hub's requests from their queues and answer signed on theirs; the
 * ministry's own Exchange service (a {@link PartnerTestServer} to which AGR-KOR-MOEL is pointed) receives the
 * qualification request and the ministry answers CONFIRMED over SOAP.
 */
final class WorkPermitCases implements AutoCloseable {

    static final String HUB = "KAZ:MLSP";
    static final String KOR = "KOR:MOEL";
    static final String AGREEMENT = "AGR-KOR-MOEL";

    /** The ministry's endpoint: it receipts every document and keeps what it received. */
    final PartnerTestServer ministry;
    final PartnerClient korea;
    final Credential koreasKey;
    private final HubIT hub;

    /** A document the hub sent, as its recipient verified and read it. */
    record Received(byte[] bytes, Element root) {
        String header(String name) {
            return text(root, name);
        }

        String body(String name) {
            return text(root, name);
        }
    }

    /** An application accepted by the hub, and the case it started. */
    record Application(String applicationId, String conversation, String passport, byte[] signed,
                       Parties.Attachment passportScan, Parties.Attachment diploma, PartnerClient.Submitted accepted,
                       String instance) {
    }

    /** The ministry's endpoint started and AGR-KOR-MOEL pointed at it (each IT class in turn). */
    WorkPermitCases(HubIT hub) throws Exception {
        this.hub = hub;
        this.ministry = new PartnerTestServer();
        ministry.answer = (document, digest) -> Parties.receiptFor(document, KOR, AGREEMENT, null)
                .signedBy(Parties.credential(HubIT.DATA_DIR, KOR));
        hub.pointPushAgreementAt(ministry.endpoint(), "soap-push-KOR-MOEL.xml", AGREEMENT, 3, "PT2S");
        this.korea = new PartnerClient(hub.url(""), HubIT.DATA_DIR);
        this.koreasKey = Parties.credential(HubIT.DATA_DIR, KOR);
    }

    @Override
    public void close() {
        ministry.close();
    }

    /**
     * The ministry's signed application over SOAP 1.2 with the passport scan and diploma: ACCEPTED and handed to
     * the processes, which start a case. A secondment from March 2027 for two years (the quota of 2027, seeded by
     * application.yml).
     */
    Application apply() throws Exception {
        String conversation = UUID.randomUUID().toString();
        String passport = "M" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
        Parties.Attachment passportScan = Parties.Attachment.pdf("passport", pdf("passport " + passport));
        Parties.Attachment diploma = Parties.Attachment.pdf("diploma", pdf("diploma of " + passport));
        Parties.Message application = Parties.message("WorkPermitApplication").from(KOR).agreement(AGREEMENT)
                .attachments(passportScan, diploma).edit(dom -> {
                    set(dom, "ConversationId", conversation);
                    set(first(dom, "TravelDocument"), "Number", passport);
                    Element period = first(dom, "EmploymentPeriod");
                    set(period, "From", "2027-03-01");
                    set(period, "To", "2029-02-28");
                });
        String applicationId = application.messageId();
        byte[] signed = application.signedBy(koreasKey);

        PartnerClient.Submitted accepted = korea.submit("1.2", signed, PartnerClient.Part.of(passportScan),
                PartnerClient.Part.of(diploma));
        assertThat(accepted.receipt().status()).isEqualTo("ACCEPTED");
        String started = await().atMost(Duration.ofSeconds(30)).until(() -> lastNote(applicationId),
                note -> note != null && note.startsWith("started process work-permit "));
        return new Application(applicationId, conversation, passport, signed, passportScan, diploma, accepted,
                started.substring("started process work-permit ".length()));
    }

    /**
     * The three checks answered with nothing to flag: the police's identity check CLEAR, the employer in GOOD_STANDING
     * with state revenue, the qualification CONFIRMED by the ministry; each answer correlated with the case. Returns
     * the case reference.
     */
    String answerChecks(Application application, AgencyClient police, AgencyClient revenue) throws Exception {
        String conversation = application.conversation();
        // the identity check on the police's queue; the police acknowledges it and answers CLEAR
        Received identityRequest = take(police, "IdentityCheckRequest", conversation);
        String caseReference = identityRequest.body("CaseReference");
        assertThat(text(first(identityRequest.root(), "TravelDocument"), "Number")).isEqualTo(application.passport());
        acknowledge(police, identityRequest, "KAZ:MIA", "AGR-KAZ-MIA");
        String identityAnswer = answerOnQueue(police, "KAZ:MIA", "AGR-KAZ-MIA", identityRequest,
                Parties.message("IdentityCheckResult").edit(dom -> {
                    set(dom, "CaseReference", caseReference);
                    set(dom, "Outcome", "CLEAR");
                    remove(dom, "Finding");
                }));

        // the employer's tax standing on state revenue's queue; answered GOOD_STANDING
        Received taxRequest = take(revenue, "TaxStatusRequest", conversation);
        assertThat(taxRequest.body("CaseReference")).isEqualTo(caseReference);
        acknowledge(revenue, taxRequest, "KAZ:SRC", "AGR-KAZ-SRC");
        String taxAnswer = answerOnQueue(revenue, "KAZ:SRC", "AGR-KAZ-SRC", taxRequest,
                Parties.message("TaxStatusResult").edit(dom -> {
                    set(dom, "CaseReference", caseReference);
                    set(dom, "EmployerBin", taxRequest.body("EmployerBin"));
                }));

        // the qualification request reaches the ministry's own endpoint; its answer comes back over SOAP
        Received qualificationRequest = await().atMost(Duration.ofSeconds(30))
                .until(() -> pushed("QualificationVerificationRequest", conversation), Optional::isPresent).get();
        assertThat(qualificationRequest.header("To")).isEqualTo(KOR);
        Parties.Message qualification = reply(Parties.message("QualificationVerificationResult"), KOR, AGREEMENT,
                qualificationRequest).edit(dom -> {
                    set(dom, "CaseReference", caseReference);
                    set(dom, "Outcome", "CONFIRMED");
                    remove(dom, "Discrepancy");
                });
        assertThat(korea.submit("1.2", qualification.signedBy(koreasKey)).receipt().status()).isEqualTo("ACCEPTED");

        for (String answer : List.of(identityAnswer, taxAnswer, qualification.messageId())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> lastNote(answer),
                    note -> note != null && note.startsWith("correlated with process work-permit "
                            + application.instance()));
        }
        return caseReference;
    }

    // ---- the parties' side ----

    /** The hub's document of {@code type} in the conversation, from the agency's {@code .in}, verified. */
    Received take(AgencyClient agency, String type, String conversation) throws Exception {
        try (MessageConsumer in = agency.session.createConsumer(agency.session.createQueue(AgencyClient.in(agency.code)),
                "lmxDocumentType = '" + type + "' AND lmxConversationId = '" + conversation + "'")) {
            Message message = in.receive(30_000);
            assertThat(message).as(type + " on " + AgencyClient.in(agency.code)).isNotNull();
            return verified(AgencyClient.bytes(message));
        }
    }

    /** The hub's document of {@code type} in the conversation that the ministry's endpoint received, if any yet. */
    Optional<Received> pushed(String type, String conversation) throws Exception {
        for (Submit submit : ministry.received) {
            Received document = verified(submit.getDocument());
            if (document.header("DocumentType").equals(type) && document.header("ConversationId").equals(conversation)) {
                return Optional.of(document);
            }
        }
        return Optional.empty();
    }

    /** The document's signature verified as the hub's. */
    Received verified(byte[] signed) throws Exception {
        Element root = new PartnerClient(hub.url(""), HubIT.DATA_DIR).verified(signed);
        assertThat(text(root, "From")).isEqualTo(HUB);
        return new Received(signed, root);
    }

    /** The agency's signed ACCEPTED receipt for the hub's document, on its {@code .out}. */
    static void acknowledge(AgencyClient agency, Received document, String party, String agreementId)
            throws Exception {
        agency.send(AgencyClient.out(agency.code), Parties.receiptFor(document.bytes(), party, agreementId, null)
                .signedBy(Parties.credential(HubIT.DATA_DIR, party)), null);
    }

    /** The agency's signed answer to {@code request} on its {@code .out}; its MessageId. */
    static String answerOnQueue(AgencyClient agency, String party, String agreementId, Received request,
                                Parties.Message answer) throws Exception {
        reply(answer, party, agreementId, request);
        agency.send(AgencyClient.out(agency.code), answer.signedBy(Parties.credential(HubIT.DATA_DIR, party)), null);
        return answer.messageId();
    }

    /** An answer in the request's conversation, InReplyTo its MessageId. */
    static Parties.Message reply(Parties.Message answer, String from, String agreementId, Received request) {
        return answer.from(from).agreement(agreementId).edit(dom -> {
            set(dom, "ConversationId", request.header("ConversationId"));
            set(dom, "InReplyTo", request.header("MessageId"));
        });
    }

    // ---- what the hub shows ----

    /** The note of the message's latest state, as an auditor reads it. */
    String lastNote(String messageId) throws Exception {
        ResponseEntity<String> found = hub.asAuditor().getForEntity(hub.url("/api/messages/" + messageId), String.class);
        if (found.getStatusCode() != HttpStatus.OK) {
            return null;
        }
        JsonNode history = HubIT.JSON.readTree(found.getBody()).get("history");
        return history.get(history.size() - 1).get("note").asText();
    }

    /** The review tasks of the application that {@code caseworker} sees in Camunda's REST API. */
    JsonNode reviewTasks(String caseworker, String applicationId) throws Exception {
        ResponseEntity<String> tasks = hub.asCaseworker(caseworker).getForEntity(hub.url(
                "/engine-rest/task?taskDefinitionKey=review&processInstanceBusinessKey=" + applicationId), String.class);
        assertThat(tasks.getStatusCode()).as(tasks.getBody()).isEqualTo(HttpStatus.OK);
        return HubIT.JSON.readTree(tasks.getBody());
    }

    /** The work-permit cases of the application, as a permit officer reads their history. */
    JsonNode caseHistory(String applicationId) throws Exception {
        return HubIT.JSON.readTree(hub.asCaseworker("permit-officer").getForObject(hub.url(
                "/engine-rest/history/process-instance?processDefinitionKey=work-permit&processInstanceBusinessKey="
                        + applicationId), String.class));
    }

    // ---- XML ----

    static byte[] pdf(String content) {
        return ("%PDF-1.7 " + content).getBytes(StandardCharsets.UTF_8);
    }

    static String text(Element root, String localName) {
        Element element = first(root, localName);
        return element == null ? null : element.getTextContent();
    }

    static Element first(Node scope, String localName) {
        org.w3c.dom.NodeList nodes = scope instanceof Document d ? d.getElementsByTagNameNS(Parties.LMX, localName)
                : ((Element) scope).getElementsByTagNameNS(Parties.LMX, localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    /** Sets the text of the first element named {@code localName} under {@code scope}; it must be there. */
    static void set(Node scope, String localName, String value) {
        Element element = first(scope, localName);
        if (element == null) {
            throw new IllegalStateException("no " + localName + " to set");
        }
        element.setTextContent(value);
    }

    /** Removes every element named {@code localName}. */
    static void remove(Document dom, String localName) {
        for (Element e = first(dom, localName); e != null; e = first(dom, localName)) {
            e.getParentNode().removeChild(e);
        }
    }
}
