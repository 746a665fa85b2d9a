package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.routes.outbound.PartnerTestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The end to end, with every part real: Korea's labour ministry (KOR:MOEL) applies over SOAP for an
 * intra-corporate transfer permit for a welding engineer; the migration police (KAZ:MIA) and state revenue
 * (KAZ:SRC) take the hub's identity and tax requests from their queues with their own AMQP client and answer
 * signed on theirs; the ministry's own Exchange service (a {@link PartnerTestServer} to which AGR-KOR-MOEL points)
 * receives the qualification request and the ministry answers over SOAP (those steps are {@link WorkPermitCases},
 * shared with {@link TasklistBrowserIT}); a permit officer approves through
 * Camunda's REST API; the signed PermitDecision reaches the ministry and the three agencies, the permit is in the
 * register, and the same application handed over again starts nothing.
 */
class WorkPermitIT extends HubIT {

    @Autowired
    EmbeddedBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWeldingEngineersApplicationIsCheckedByThePoliceTaxAndHisMinistryApprovedAndItsPermitSentToAll()
            throws Exception {
        try (WorkPermitCases cases = new WorkPermitCases(this);
             AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA");
             AgencyClient revenue = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "SRC")) {
            PartnerClient korea = cases.korea;
            // 1.-4. the application over SOAP starts a case; the police, state revenue and the ministry answer
            WorkPermitCases.Application application = cases.apply();
            String applicationId = application.applicationId();
            String conversation = application.conversation();
            String passport = application.passport();
            String instance = application.instance();
            String caseReference = cases.answerChecks(application, police, revenue);

            // 5. a permit officer finds the review in Camunda's REST API and approves; a consular officer sees nothing
            JsonNode review = await().atMost(Duration.ofSeconds(30)).until(() -> cases.reviewTasks("permit-officer",
                    applicationId), tasks -> tasks.size() == 1).get(0);
            assertThat(cases.reviewTasks("consular-officer", applicationId)).isEmpty();
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> completed = asCaseworker("permit-officer").postForEntity(
                    url("/engine-rest/task/" + review.get("id").asText() + "/complete"), new HttpEntity<>("""
                            {"variables": {"decision": {"value": "APPROVE", "type": "String"},
                                           "reasons": {"value": "Checks clear; a year with the parent company",
                                                       "type": "String"}}}""", json), String.class);
            assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

            // 6. the signed PermitDecision reaches the ministry and the three agencies
            WorkPermitCases.Received toMinistry = await().atMost(Duration.ofSeconds(30))
                    .until(() -> cases.pushed("PermitDecision", conversation), Optional::isPresent).get();
            assertThat(toMinistry.body("Decision")).isEqualTo("GRANTED");
            assertThat(toMinistry.header("InReplyTo")).isEqualTo(applicationId);
            String permitNumber = toMinistry.body("PermitNumber");
            assertThat(permitNumber).matches("KZ-WP-\\d{4}-\\d{6}");
            assertThat(WorkPermitCases.text(WorkPermitCases.first(toMinistry.root(), "DecidedBy"), "Name"))
                    .isEqualTo("permit-officer");
            List<String> decisions = new ArrayList<>(List.of(toMinistry.header("MessageId")));
            try (AgencyClient border = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "BORDER")) {
                for (Object[] agency : new Object[][] {{police, "KAZ:MIA", "AGR-KAZ-MIA"},
                        {revenue, "KAZ:SRC", "AGR-KAZ-SRC"}, {border, "KAZ:BORDER", "AGR-KAZ-BORDER"}}) {
                    AgencyClient client = (AgencyClient) agency[0];
                    WorkPermitCases.Received decision = cases.take(client, "PermitDecision", conversation);
                    assertThat(decision.header("To")).isEqualTo(agency[1]);
                    assertThat(decision.body("PermitNumber")).isEqualTo(permitNumber);
                    assertThat(decision.body("Decision")).isEqualTo("GRANTED");
                    WorkPermitCases.acknowledge(client, decision, (String) agency[1], (String) agency[2]);
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
            assertThat(permit.get("applicantPartner").asText()).isEqualTo(WorkPermitCases.KOR);
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
            JsonNode finished = cases.caseHistory(applicationId);
            assertThat(finished).hasSize(1);
            assertThat(finished.get(0).get("state").asText()).isEqualTo("COMPLETED");

            // 8. the holder enters Kazakhstan: the border service's signed BorderCrossingEvent on its queue is matched
            // to the permit by his passport and recorded on it (permit-tracking)
            String eventId = "ALA-2027-" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
            try (AgencyClient border = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "BORDER")) {
                Parties.Message crossing = Parties.message("BorderCrossingEvent").from("KAZ:BORDER")
                        .agreement("AGR-KAZ-BORDER").edit(dom -> {
                            WorkPermitCases.set(dom, "EventId", eventId);
                            WorkPermitCases.set(dom, "Number", passport);
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
            PartnerClient.Submitted resent = korea.submit("1.1", application.signed(),
                    PartnerClient.Part.of(application.passportScan()), PartnerClient.Part.of(application.diploma()));
            assertThat(resent.bytes()).isEqualTo(application.accepted().bytes());
            assertThat(jdbc.update("UPDATE outbox SET done_at = NULL WHERE message_id = ? AND kind = 'DISPATCH'",
                    applicationId)).isEqualTo(1);
            String again = await().atMost(Duration.ofSeconds(30)).until(() -> cases.lastNote(applicationId),
                    note -> note != null && note.startsWith("already dispatched"));
            assertThat(again).contains(instance);
            assertThat(states(applicationId)).containsExactly("ACCEPTED", "DISPATCHED", "DISPATCHED");
            assertThat(cases.caseHistory(applicationId)).hasSize(1);
            assertThat(loggedInConversation(conversation)).isEqualTo(documentsOfTheCase);
        }
    }

    private int loggedInConversation(String conversation) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM message_log WHERE conversation_id = ?", Integer.class,
                conversation);
        return n == null ? 0 : n;
    }
}
