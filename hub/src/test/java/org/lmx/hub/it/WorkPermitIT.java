package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.pki.Credential;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.routes.outbound.PartnerTestServer;
import org.lmx.xsd.service.v1.Submit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The end to end, with every part real: Korea's labour ministry (KOR:MOEL) applies over SOAP for an
 * intra-corporate transfer permit for a welding engineer; the migration police (KAZ:MIA) and state revenue
 * (KAZ:SRC) take the hub's identity and tax requests from their queues with their own AMQP client and answer
 * signed on theirs; the ministry's own Exchange service (a {@link PartnerTestServer} to which AGR-KOR-MOEL points)
 * receives the qualification request and the ministry answers over SOAP; a permit officer approves through
 * Camunda's REST API; the signed PermitDecision reaches the ministry and the three agencies, the permit is in the
 * register, and the same application handed over again starts nothing.
 */
class WorkPermitIT extends HubIT {

    private static final String HUB = "KAZ:MLSP";
    private static final String KOR = "KOR:MOEL";
    private static final String AGREEMENT = "AGR-KOR-MOEL";
    private static PartnerTestServer ministry;

    @Autowired
    EmbeddedBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    /** A document the hub sent, as its recipient verified and read it. */
    private record Received(byte[] bytes, Element root) {
        String header(String name) {
            return text(root, name);
        }

        String body(String name) {
            return text(root, name);
        }
    }

    @BeforeAll
    static void ministry() throws Exception {
        ministry = new PartnerTestServer();
        ministry.answer = (document, digest) -> Parties.receiptFor(document, KOR, AGREEMENT, null)
                .signedBy(Parties.credential(DATA_DIR, KOR));
    }

    @AfterAll
    static void stopMinistry() {
        ministry.close();
    }

    @Test
    void aWeldingEngineersApplicationIsCheckedByThePoliceTaxAndHisMinistryApprovedAndItsPermitSentToAll()
            throws Exception {
        pointPushAgreementAt(ministry.endpoint(), "soap-push-KOR-MOEL.xml", AGREEMENT, 3, "PT2S");
        PartnerClient korea = new PartnerClient(url(""), DATA_DIR);
        Credential koreasKey = Parties.credential(DATA_DIR, KOR);
        String conversation = UUID.randomUUID().toString();
        String passport = "M" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
        Parties.Attachment passportScan = Parties.Attachment.pdf("passport", pdf("passport " + passport));
        Parties.Attachment diploma = Parties.Attachment.pdf("diploma", pdf("diploma of " + passport));
        Parties.Message application = Parties.message("WorkPermitApplication").from(KOR).agreement(AGREEMENT)
                .attachments(passportScan, diploma).edit(dom -> {
                    set(dom, "ConversationId", conversation);
                    set(first(dom, "TravelDocument"), "Number", passport);
                    // a secondment from next March, for two years: the quota of 2027 (seeded by application.yml)
                    Element period = first(dom, "EmploymentPeriod");
                    set(period, "From", "2027-03-01");
                    set(period, "To", "2029-02-28");
                });
        String applicationId = application.messageId();
        byte[] signedApplication = application.signedBy(koreasKey);

        // 1. the application over SOAP: ACCEPTED, and handed to the processes, which start a case
        PartnerClient.Submitted accepted = korea.submit("1.2", signedApplication, PartnerClient.Part.of(passportScan),
                PartnerClient.Part.of(diploma));
        assertThat(accepted.receipt().status()).isEqualTo("ACCEPTED");
        String started = await().atMost(Duration.ofSeconds(30)).until(() -> lastNote(applicationId),
                note -> note != null && note.startsWith("started process work-permit "));
        String instance = started.substring("started process work-permit ".length());

        try (AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA");
             AgencyClient revenue = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "SRC")) {
            // 2. the identity check on the police's queue; the police acknowledges it and answers CLEAR
            Received identityRequest = take(police, "IdentityCheckRequest", conversation);
            String caseReference = identityRequest.body("CaseReference");
            assertThat(text(first(identityRequest.root(), "TravelDocument"), "Number")).isEqualTo(passport);
            acknowledge(police, identityRequest, "KAZ:MIA", "AGR-KAZ-MIA");
            String identityAnswer = answerOnQueue(police, "KAZ:MIA", "AGR-KAZ-MIA", identityRequest,
                    Parties.message("IdentityCheckResult").edit(dom -> {
                        set(dom, "CaseReference", caseReference);
                        set(dom, "Outcome", "CLEAR");
                        remove(dom, "Finding");
                    }));

            // 3. the employer's tax standing on state revenue's queue; answered GOOD_STANDING
            Received taxRequest = take(revenue, "TaxStatusRequest", conversation);
            assertThat(taxRequest.body("CaseReference")).isEqualTo(caseReference);
            acknowledge(revenue, taxRequest, "KAZ:SRC", "AGR-KAZ-SRC");
            String taxAnswer = answerOnQueue(revenue, "KAZ:SRC", "AGR-KAZ-SRC", taxRequest,
                    Parties.message("TaxStatusResult").edit(dom -> {
                        set(dom, "CaseReference", caseReference);
                        set(dom, "EmployerBin", taxRequest.body("EmployerBin"));
                    }));

            // 4. the qualification request reaches the ministry's own endpoint; its answer comes back over SOAP
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
                        note -> note != null && note.startsWith("correlated with process work-permit " + instance));
            }

            // 5. a permit officer finds the review in Camunda's REST API and approves; a consular officer sees nothing
            JsonNode review = await().atMost(Duration.ofSeconds(30)).until(() -> reviewTasks("permit-officer",
                    applicationId), tasks -> tasks.size() == 1).get(0);
            assertThat(reviewTasks("consular-officer", applicationId)).isEmpty();
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> completed = asCaseworker("permit-officer").postForEntity(
                    url("/engine-rest/task/" + review.get("id").asText() + "/complete"), new HttpEntity<>("""
                            {"variables": {"decision": {"value": "APPROVE", "type": "String"},
                                           "reasons": {"value": "Checks clear; a year with the parent company",
                                                       "type": "String"}}}""", json), String.class);
            assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

            // 6. the signed PermitDecision reaches the ministry and the three agencies
            Received toMinistry = await().atMost(Duration.ofSeconds(30))
                    .until(() -> pushed("PermitDecision", conversation), Optional::isPresent).get();
            assertThat(toMinistry.body("Decision")).isEqualTo("GRANTED");
            assertThat(toMinistry.header("InReplyTo")).isEqualTo(applicationId);
            String permitNumber = toMinistry.body("PermitNumber");
            assertThat(permitNumber).matches("KZ-WP-\\d{4}-\\d{6}");
            assertThat(text(first(toMinistry.root(), "DecidedBy"), "Name")).isEqualTo("permit-officer");
            List<String> decisions = new ArrayList<>(List.of(toMinistry.header("MessageId")));
            try (AgencyClient border = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "BORDER")) {
                for (Object[] agency : new Object[][] {{police, "KAZ:MIA", "AGR-KAZ-MIA"},
                        {revenue, "KAZ:SRC", "AGR-KAZ-SRC"}, {border, "KAZ:BORDER", "AGR-KAZ-BORDER"}}) {
                    AgencyClient client = (AgencyClient) agency[0];
                    Received decision = take(client, "PermitDecision", conversation);
                    assertThat(decision.header("To")).isEqualTo(agency[1]);
                    assertThat(decision.body("PermitNumber")).isEqualTo(permitNumber);
                    assertThat(decision.body("Decision")).isEqualTo("GRANTED");
                    acknowledge(client, decision, (String) agency[1], (String) agency[2]);
                    decisions.add(decision.header("MessageId"));
                }
            }
            for (String decision : decisions) {
                await().atMost(Duration.ofSeconds(30)).until(() -> state(decision).equals("DELIVERED"));
            }

            // 7. the permit is in the register, as the decision states it, for permit officers to read
            JsonNode page = JSON.readTree(asCaseworker("permit-officer").getForObject(
                    url("/api/permits?travelDocument=" + passport), String.class));
            assertThat(page.get("total").asLong()).isEqualTo(1);
            JsonNode permit = page.get("items").get(0);
            assertThat(permit.get("number").asText()).isEqualTo(permitNumber);
            assertThat(permit.get("caseReference").asText()).isEqualTo(caseReference);
            assertThat(permit.get("applicationId").asText()).isEqualTo(applicationId);
            assertThat(permit.get("applicantPartner").asText()).isEqualTo(KOR);
            assertThat(permit.get("category").asText()).isEqualTo(toMinistry.body("Category"));
            assertThat(permit.get("sector").asText()).isEqualTo("F");
            assertThat(permit.get("regions")).extracting(JsonNode::asText).containsExactly("KZ-23", "KZ-47");
            assertThat(permit.get("holder").get("surname").asText()).isEqualTo("PARK");
            assertThat(permit.get("validFrom").asText()).isEqualTo("2027-03-01");
            // the employer's commitment in the application: two local welding graduates work beside the engineer
            assertThat(permit.get("mentoredTrainees").asInt()).isEqualTo(2);
            ResponseEntity<String> one = asOperator().getForEntity(url("/api/permits/" + permitNumber), String.class);
            assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(JSON.readTree(one.getBody()).get("holder").get("travelDocumentNumber").asText()).isEqualTo(passport);
            JsonNode finished = caseHistory(applicationId);
            assertThat(finished).hasSize(1);
            assertThat(finished.get(0).get("state").asText()).isEqualTo("COMPLETED");

            // 8. the holder enters Kazakhstan: the border service's signed BorderCrossingEvent on its queue is matched
            // to the permit by his passport and recorded on it (permit-tracking)
            String eventId = "ALA-2027-" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
            try (AgencyClient border = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "BORDER")) {
                Parties.Message crossing = Parties.message("BorderCrossingEvent").from("KAZ:BORDER")
                        .agreement("AGR-KAZ-BORDER").edit(dom -> {
                            set(dom, "EventId", eventId);
                            set(dom, "Number", passport);
                        });
                border.send(AgencyClient.out("BORDER"), crossing.signedBy(Parties.credential(DATA_DIR, "KAZ:BORDER")), null);
            }
            JsonNode movements = await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(
                    asCaseworker("permit-officer").getForObject(url("/api/permits/" + permitNumber + "/movements"),
                            String.class)), crossings -> crossings.size() == 1);
            assertThat(movements.get(0).get("eventId").asText()).isEqualTo(eventId);
            assertThat(movements.get(0).get("direction").asText()).isEqualTo("ENTRY");

            // 9. the application again: the ministry's resend gets its first receipt, and the exchange handing it to
            // the processes a second time (as a redelivery would) starts nothing and sends nothing
            int documentsOfTheCase = loggedInConversation(conversation);
            PartnerClient.Submitted resent = korea.submit("1.1", signedApplication, PartnerClient.Part.of(passportScan),
                    PartnerClient.Part.of(diploma));
            assertThat(resent.bytes()).isEqualTo(accepted.bytes());
            assertThat(jdbc.update("UPDATE outbox SET done_at = NULL WHERE message_id = ? AND kind = 'DISPATCH'",
                    applicationId)).isEqualTo(1);
            String again = await().atMost(Duration.ofSeconds(30)).until(() -> lastNote(applicationId),
                    note -> note != null && note.startsWith("already dispatched"));
            assertThat(again).contains(instance);
            assertThat(states(applicationId)).containsExactly("ACCEPTED", "DISPATCHED", "DISPATCHED");
            assertThat(caseHistory(applicationId)).hasSize(1);
            assertThat(loggedInConversation(conversation)).isEqualTo(documentsOfTheCase);
        }
    }

    // ---- the parties' side ----

    /** The hub's document of {@code type} in the conversation, from the agency's {@code .in}, verified. */
    private Received take(AgencyClient agency, String type, String conversation) throws Exception {
        try (MessageConsumer in = agency.session.createConsumer(agency.session.createQueue(AgencyClient.in(agency.code)),
                "lmxDocumentType = '" + type + "' AND lmxConversationId = '" + conversation + "'")) {
            Message message = in.receive(30_000);
            assertThat(message).as(type + " on " + AgencyClient.in(agency.code)).isNotNull();
            return verified(AgencyClient.bytes(message));
        }
    }

    /** The hub's document of {@code type} in the conversation that the ministry's endpoint received, if any yet. */
    private Optional<Received> pushed(String type, String conversation) throws Exception {
        for (Submit submit : ministry.received) {
            Received document = verified(submit.getDocument());
            if (document.header("DocumentType").equals(type) && document.header("ConversationId").equals(conversation)) {
                return Optional.of(document);
            }
        }
        return Optional.empty();
    }

    private Received verified(byte[] signed) throws Exception {
        Element root = new PartnerClient(url(""), DATA_DIR).verified(signed);
        assertThat(text(root, "From")).isEqualTo(HUB);
        return new Received(signed, root);
    }

    /** The agency's signed ACCEPTED receipt for the hub's document, on its {@code .out}. */
    private static void acknowledge(AgencyClient agency, Received document, String party, String agreementId)
            throws Exception {
        agency.send(AgencyClient.out(agency.code), Parties.receiptFor(document.bytes(), party, agreementId, null)
                .signedBy(Parties.credential(DATA_DIR, party)), null);
    }

    /** The agency's signed answer to {@code request} on its {@code .out}; its MessageId. */
    private static String answerOnQueue(AgencyClient agency, String party, String agreementId, Received request,
                                        Parties.Message answer) throws Exception {
        reply(answer, party, agreementId, request);
        agency.send(AgencyClient.out(agency.code), answer.signedBy(Parties.credential(DATA_DIR, party)), null);
        return answer.messageId();
    }

    /** An answer in the request's conversation, InReplyTo its MessageId. */
    private static Parties.Message reply(Parties.Message answer, String from, String agreementId, Received request) {
        return answer.from(from).agreement(agreementId).edit(dom -> {
            set(dom, "ConversationId", request.header("ConversationId"));
            set(dom, "InReplyTo", request.header("MessageId"));
        });
    }

    // ---- what the hub shows ----

    /** The note of the message's latest state, as an auditor reads it. */
    private String lastNote(String messageId) throws Exception {
        ResponseEntity<String> found = asAuditor().getForEntity(url("/api/messages/" + messageId), String.class);
        if (found.getStatusCode() != HttpStatus.OK) {
            return null;
        }
        JsonNode history = JSON.readTree(found.getBody()).get("history");
        return history.get(history.size() - 1).get("note").asText();
    }

    private JsonNode reviewTasks(String caseworker, String applicationId) throws Exception {
        ResponseEntity<String> tasks = asCaseworker(caseworker).getForEntity(url("/engine-rest/task?taskDefinitionKey=review"
                + "&processInstanceBusinessKey=" + applicationId), String.class);
        assertThat(tasks.getStatusCode()).as(tasks.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(tasks.getBody());
    }

    /** The work-permit cases of the application, as a permit officer reads their history. */
    private JsonNode caseHistory(String applicationId) throws Exception {
        return JSON.readTree(asCaseworker("permit-officer").getForObject(url("/engine-rest/history/process-instance"
                + "?processDefinitionKey=work-permit&processInstanceBusinessKey=" + applicationId), String.class));
    }

    private int loggedInConversation(String conversation) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM message_log WHERE conversation_id = ?", Integer.class,
                conversation);
        return n == null ? 0 : n;
    }

    // ---- XML ----

    private static byte[] pdf(String content) {
        return ("%PDF-1.7 " + content).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Element root, String localName) {
        Element element = first(root, localName);
        return element == null ? null : element.getTextContent();
    }

    private static Element first(Node scope, String localName) {
        org.w3c.dom.NodeList nodes = scope instanceof Document d ? d.getElementsByTagNameNS(Parties.LMX, localName)
                : ((Element) scope).getElementsByTagNameNS(Parties.LMX, localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    /** Sets the text of the first element named {@code localName} under {@code scope}; it must be there. */
    private static void set(Node scope, String localName, String value) {
        Element element = first(scope, localName);
        if (element == null) {
            throw new IllegalStateException("no " + localName + " to set");
        }
        element.setTextContent(value);
    }

    /** Removes every element named {@code localName}. */
    private static void remove(Document dom, String localName) {
        for (Element e = first(dom, localName); e != null; e = first(dom, localName)) {
            e.getParentNode().removeChild(e);
        }
    }
}
