package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Issue 10's end to end, every part real. Korea's labour ministry (KOR:MOEL) registers over SOAP the contract of a
 * Kazakh welder at an Ulsan shipyard that lets the employer keep his passport; the rules flag it, a consular officer
 * rejects it through Camunda's REST API, and the signed ContractVettingResult, naming the Korean information pack
 * that {@code /api/country-packs} serves, reaches the ministry's own Exchange service (a {@link PartnerTestServer})
 * and the consular service's queue (KAZ:MFA). Later the consul reports the welder over MFA's queue: the case links
 * to his vetted contract, the officer's triage asks the ministry, whose signed InformationResponse comes back over
 * SOAP and correlates; the officer plans and closes, and the signed CaseOutcome reaches the consul and the ministry.
 * Queue reads are filtered by type and conversation, because other ITs share the queues.
 */
class CitizensAbroadIT extends HubIT {

    private static final String HUB = "KAZ:MLSP";
    private static final String KOR = "KOR:MOEL";
    private static final String AGREEMENT = "AGR-KOR-MOEL";
    private static final String MFA = "KAZ:MFA";
    private static PartnerTestServer ministry;

    @Autowired
    EmbeddedBroker broker;

    /** A document the hub sent, as its recipient verified and read it. */
    private record Received(byte[] bytes, Element root) {
        String text(String name) {
            return CitizensAbroadIT.text(root, name);
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
    void aWeldersContractKeepingHisPassportIsRejectedByTheConsulAndHisLaterCaseIsWorkedWithKoreasMinistry()
            throws Exception {
        pointPushAgreementAt(ministry.endpoint(), "soap-push-KOR-MOEL.xml", AGREEMENT, 3, "PT2S");
        PartnerClient korea = new PartnerClient(url(""), DATA_DIR);
        Credential koreasKey = Parties.credential(DATA_DIR, KOR);
        // a citizen of this run only: the contract register is searched by citizen, and other ITs send the samples
        String iin = "8904123" + (10_000 + ThreadLocalRandom.current().nextInt(90_000));
        String passport = "N" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
        String vettingConversation = UUID.randomUUID().toString();
        Parties.Attachment contract = Parties.Attachment.pdf("contract", pdf("EPS contract of " + passport));
        Parties.Message registration = Parties.message("EmploymentContractRegistration-passport-retention")
                .from(KOR).agreement(AGREEMENT).attachments(contract).edit(dom -> {
                    set(dom, "ConversationId", vettingConversation);
                    set(dom, "Iin", iin);
                    set(first(dom, "TravelDocument"), "Number", passport);
                });
        String registrationId = registration.messageId();

        // 1. the registration over SOAP: ACCEPTED, and a contract-vetting case starts
        PartnerClient.Submitted accepted = korea.submit("1.2", registration.signedBy(koreasKey),
                PartnerClient.Part.of(contract));
        assertThat(accepted.receipt().status()).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> lastNote(registrationId),
                note -> note != null && note.startsWith("started process contract-vetting "));

        // 2. flagged for the passport clause: the consular officer's task shows why; a permit officer sees nothing
        JsonNode vet = await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks("consular-officer", "vetContract", registrationId), t -> t.size() == 1).get(0);
        assertThat(tasks("permit-officer", "vetContract", registrationId)).isEmpty();
        JsonNode variables = JSON.readTree(asCaseworker("consular-officer").getForObject(
                url("/engine-rest/task/" + vet.get("id").asText() + "/variables"), String.class));
        assertThat(variables.get("flags").get("value").asText()).contains("PASSPORT_RETENTION");
        assertThat(variables.get("flagReasons").get("value").asText()).containsIgnoringCase("passport");
        complete("consular-officer", vet, """
                {"variables": {"decision": {"value": "REJECT", "type": "String"},
                               "reasons": {"value": "Clause 9 keeps the passport with the employer", "type": "String"}}}""");

        // 3. the signed result reaches the ministry's endpoint and the consular service's queue, naming the pack
        // the hub serves for Korea today
        String pack = JSON.readTree(rest.getForObject(url("/api/country-packs/KOR"), String.class)).get("id").asText();
        assertThat(pack).startsWith("INFO-KOR-v");
        Received result = await().atMost(Duration.ofSeconds(30))
                .until(() -> pushed("ContractVettingResult", vettingConversation), Optional::isPresent).get();
        assertThat(result.text("InReplyTo")).isEqualTo(registrationId);
        assertThat(result.text("Verdict")).isEqualTo("REJECTED");
        assertThat(result.text("RuleCode")).isEqualTo("PASSPORT_RETENTION");
        assertThat(result.text("CountryInformationPack")).isEqualTo(pack);
        assertThat(new String(result.bytes(), StandardCharsets.UTF_8)).contains("country information pack " + pack);
        String vettingCase = result.text("CaseReference");
        try (AgencyClient mfa = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MFA")) {
            Received toConsul = take(mfa, "ContractVettingResult", vettingConversation);
            assertThat(toConsul.text("To")).isEqualTo(MFA);
            assertThat(toConsul.text("CaseReference")).isEqualTo(vettingCase);

            // 4. the register has the contract for consular officers, not for permit officers
            JsonNode contracts = JSON.readTree(asCaseworker("consular-officer").getForObject(
                    url("/api/contracts?citizen=" + passport), String.class));
            assertThat(contracts).hasSize(1);
            assertThat(contracts.get(0).get("caseReference").asText()).isEqualTo(vettingCase);
            assertThat(contracts.get(0).get("verdict").asText()).isEqualTo("REJECTED");
            assertThat(contracts.get(0).get("countryPack").asText()).isEqualTo(pack);
            assertThat(contracts.get(0).get("decidedBy").asText()).isEqualTo("consular-officer");
            assertThat(asCaseworker("permit-officer").getForEntity(url("/api/contracts?citizen=" + passport),
                    String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

            // 5. the consul reports the welder, now at the shipyard on 14-hour shifts, over MFA's queue
            String caseConversation = UUID.randomUUID().toString();
            Parties.Message notice = Parties.message("ConsularCaseNotice").from(MFA).agreement("AGR-KAZ-MFA")
                    .attachments().edit(dom -> {
                        set(dom, "ConversationId", caseConversation);
                        set(dom, "CaseReference", "SEL-CS-2026-" + ThreadLocalRandom.current().nextInt(1000, 9999));
                        set(dom, "Surname", "SERIKBAYEV");
                        set(dom, "GivenNames", "DAUREN");
                        remove(dom, "NativeName");
                        set(dom, "Iin", iin);
                        Element location = first(dom, "CurrentLocation");
                        set(location, "Country", "KOR");
                        set(location, "AdministrativeArea", "Ulsan");
                        set(location, "Locality", "Ulsan");
                        set(location, "Street", "Hanbada shipyard dormitory 3");
                        remove(dom, "Employer");
                        Element indicators = first(dom, "Indicators");
                        while (indicators.getFirstChild() != null) {
                            indicators.removeChild(indicators.getFirstChild());
                        }
                        indicators.appendChild(dom.createElementNS(Parties.LMX, "Indicator"))
                                .setTextContent("EXCESSIVE_HOURS");
                        set(dom, "ImmediateDanger", "false");
                        remove(dom, "UnpaidWages");
                        set(dom, "Narrative", "The welder works 14-hour shifts six days a week since March.");
                    });
            String noticeId = notice.messageId();
            mfa.send(AgencyClient.out("MFA"), notice.signedBy(Parties.credential(DATA_DIR, MFA)), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> lastNote(noticeId),
                    note -> note != null && note.startsWith("started process consular-protection "));

            // 6. triage: the case links to his vetted contract; the officer asks the ministry; permit officers see
            // neither the case nor its task
            JsonNode triage = await().atMost(Duration.ofSeconds(30))
                    .until(() -> tasks("consular-officer", "triage", noticeId), t -> t.size() == 1).get(0);
            assertThat(tasks("permit-officer", "triage", noticeId)).isEmpty();
            assertThat(JSON.readTree(asCaseworker("permit-officer").getForObject(url(
                    "/engine-rest/process-instance?processDefinitionKey=consular-protection&businessKey=" + noticeId),
                    String.class))).isEmpty();
            JsonNode linked = JSON.readTree(asCaseworker("consular-officer").getForObject(
                    url("/engine-rest/task/" + triage.get("id").asText() + "/variables/linkedContract"), String.class));
            assertThat(linked.get("value").asText()).isEqualTo(vettingCase);
            complete("consular-officer", triage, """
                    {"variables": {"requestInformation": {"value": true, "type": "Boolean"},
                                   "questions": {"value": "Has the labour inspectorate visited the shipyard?", "type": "String"},
                                   "triageNotes": {"value": "Hours far over the limit; ask MOEL", "type": "String"}}}""");

            // 7. the InformationRequest reaches the ministry's endpoint; its signed answer comes back over SOAP
            Received request = await().atMost(Duration.ofSeconds(30))
                    .until(() -> pushed("InformationRequest", caseConversation), Optional::isPresent).get();
            assertThat(request.text("To")).isEqualTo(KOR);
            String consularCase = request.text("CaseReference");
            Parties.Message answer = Parties.message("InformationResponse").from(KOR).agreement(AGREEMENT)
                    .attachments().edit(dom -> {
                        set(dom, "ConversationId", caseConversation);
                        set(dom, "InReplyTo", request.text("MessageId"));
                        set(dom, "CaseReference", consularCase);
                        set(dom, "Answer", "Yes, on 20 November; the employer was ordered to pay the overtime.");
                        Element second = (Element) dom.getElementsByTagNameNS(Parties.LMX, "Answer").item(1);
                        second.getParentNode().removeChild(second);
                    });
            assertThat(korea.submit("1.2", answer.signedBy(koreasKey)).receipt().status()).isEqualTo("ACCEPTED");
            await().atMost(Duration.ofSeconds(30)).until(() -> lastNote(answer.messageId()),
                    note -> note != null && note.startsWith("correlated with process consular-protection "));

            // 8. the action plan and the outcome, through Camunda's REST API
            JsonNode plan = await().atMost(Duration.ofSeconds(30))
                    .until(() -> tasks("consular-officer", "actionPlan", noticeId), t -> t.size() == 1).get(0);
            complete("consular-officer", plan, """
                    {"variables": {"actionPlan": {"value": "Consul meets the employer with MOEL's inspector", "type": "String"}}}""");
            JsonNode close = await().atMost(Duration.ofSeconds(30))
                    .until(() -> tasks("consular-officer", "closeCase", noticeId), t -> t.size() == 1).get(0);
            complete("consular-officer", close, """
                    {"variables": {"outcomes": {"value": "EMPLOYER_SANCTIONED", "type": "String"},
                                   "outcomeSummary": {"value": "Overtime paid, shifts back to 8 hours", "type": "String"}}}""");

            // 9. the signed CaseOutcome reaches the consul's queue and the ministry
            Received toMfa = take(mfa, "CaseOutcome", caseConversation);
            assertThat(toMfa.text("To")).isEqualTo(MFA);
            assertThat(toMfa.text("CaseReference")).isEqualTo(consularCase);
            assertThat(toMfa.text("Outcome")).isEqualTo("EMPLOYER_SANCTIONED");
            Received toMinistry = await().atMost(Duration.ofSeconds(30))
                    .until(() -> pushed("CaseOutcome", caseConversation), Optional::isPresent).get();
            assertThat(toMinistry.text("CaseReference")).isEqualTo(consularCase);
            JsonNode finished = JSON.readTree(asCaseworker("consular-officer").getForObject(url(
                    "/engine-rest/history/process-instance?processDefinitionKey=consular-protection"
                            + "&processInstanceBusinessKey=" + noticeId), String.class));
            assertThat(finished).hasSize(1);
            assertThat(finished.get(0).get("state").asText()).isEqualTo("COMPLETED");
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
            if (document.text("DocumentType").equals(type) && document.text("ConversationId").equals(conversation)) {
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

    /** The open tasks of {@code taskKey} in the case started by {@code businessKey}, as {@code caseworker} sees them. */
    private JsonNode tasks(String caseworker, String taskKey, String businessKey) throws Exception {
        ResponseEntity<String> tasks = asCaseworker(caseworker).getForEntity(url("/engine-rest/task?taskDefinitionKey="
                + taskKey + "&processInstanceBusinessKey=" + businessKey), String.class);
        assertThat(tasks.getStatusCode()).as(tasks.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(tasks.getBody());
    }

    private void complete(String caseworker, JsonNode task, String body) {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> completed = asCaseworker(caseworker).postForEntity(
                url("/engine-rest/task/" + task.get("id").asText() + "/complete"), new HttpEntity<>(body, json),
                String.class);
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
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
