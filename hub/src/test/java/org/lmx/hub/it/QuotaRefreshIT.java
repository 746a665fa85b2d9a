package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lmx.hub.broker.EmbeddedBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The yearly quota on the real hub: Atyrau's akimat (KAZ:AKIMAT-23) reports its demand for 2031 signed over its
 * queue; a quota officer starts the 2031 refresh over REST, finds the proposal in Camunda's REST API, lowers the
 * welders' line and approves; the signed QuotaNotice goes to the agencies and the partners with quota shares, and the
 * ledger shows 2031. (2031: no other IT uses that year. The notices are taken by type and conversation, so no other
 * IT reading the agencies' queues meets them by mistake, nor does this one meet theirs.)
 */
class QuotaRefreshIT extends HubIT {

    private static final int YEAR = 2031;
    private static final String ATYRAU = "KAZ:AKIMAT-23";

    @Autowired
    EmbeddedBroker broker;

    @Test
    void atyrausDemandBecomesThe2031QuotaApprovedByAQuotaOfficerAndNotifiedToAgenciesAndPartners() throws Exception {
        // 1. Atyrau's signed demand report for 2031 over its queue: recorded for the refresh
        Parties.Message report = Parties.message("RegionalDemandReport").from(ATYRAU).agreement("AGR-KAZ-AKIMAT-23")
                .edit(dom -> dom.getElementsByTagNameNS(Parties.LMX, "Year").item(0).setTextContent("" + YEAR));
        try (AgencyClient atyrau = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "AKIMAT-23")) {
            atyrau.send(AgencyClient.out("AKIMAT-23"), report.signedBy(Parties.credential(DATA_DIR, ATYRAU)), null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lastNote(report.messageId()),
                note -> ("recorded 5 demand lines of KZ-23 for " + YEAR + " (report ATR-DEM-2026)").equals(note));

        // 2. the refresh of 2031 started over REST by a quota officer; a second start is refused; permit officers may not
        ResponseEntity<String> refused = asCaseworker("permit-officer").postForEntity(url("/api/quotas/refresh"),
                json(Map.of("year", YEAR)), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> started = asCaseworker("quota-officer").postForEntity(url("/api/quotas/refresh"),
                json(Map.of("year", YEAR)), String.class);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
        String instance = JSON.readTree(started.getBody()).get("processInstanceId").asText();
        assertThat(JSON.readTree(started.getBody()).get("businessKey").asText()).isEqualTo("quota-refresh-" + YEAR);
        ResponseEntity<String> again = asOperator().postForEntity(url("/api/quotas/refresh"), json(Map.of("year", YEAR)),
                String.class);
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.CONFLICT);

        // 3. the quota officer's review: the proposal from Atyrau's demand; a permit officer does not see it
        JsonNode tasks = reviewTasks("quota-officer");
        assertThat(tasks).hasSize(1);
        assertThat(reviewTasks("permit-officer")).isEmpty();
        String task = tasks.get(0).get("id").asText();
        JsonNode variables = JSON.readTree(asCaseworker("quota-officer").getForObject(
                url("/engine-rest/task/" + task + "/variables"), String.class));
        assertThat(variables.get("quotaLines").get("value").asText()).isEqualTo("B KZ-23 7\nC KZ-23 23\nF KZ-23 946");
        assertThat(variables.get("ranking").get("value").asText()).startsWith("1. 2144 Welding engineer: weight 3");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> claimed = asCaseworker("quota-officer").postForEntity(url("/engine-rest/task/" + task
                + "/claim"), new HttpEntity<>("{\"userId\": \"quota-officer\"}", headers), String.class);
        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> completed = asCaseworker("quota-officer").postForEntity(url("/engine-rest/task/" + task
                + "/complete"), new HttpEntity<>("""
                {"variables": {"decision": {"value": "APPROVE", "type": "String"},
                               "quotaLines": {"value": "F KZ-23 900\\nB KZ-23 7\\nC KZ-23 23", "type": "String"},
                               "reasons": {"value": "Welders capped at 900 after the employers' hearing",
                                           "type": "String"}}}""", headers), String.class);
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        // 4. the signed QuotaNotice in the log, to the agencies and the partners with quota shares
        String conversation = JSON.readTree(asCaseworker("quota-officer").getForObject(url(
                "/engine-rest/history/variable-instance?processInstanceId=" + instance + "&variableName=conversationId"),
                String.class)).get(0).get("value").asText();
        List<String> recipients = await().atMost(Duration.ofSeconds(30)).until(() -> noticesTo(conversation),
                to -> to.containsAll(List.of("KAZ:MIA", "KAZ:BNS", ATYRAU, "KAZ:AKIMAT-75", "UZB:MEHNAT")));
        assertThat(recipients).doesNotHaveDuplicates().doesNotContain("KOR:MOEL", "KAZ:BORDER");

        // Atyrau's akimat takes its notice from its queue, signed by the hub
        try (AgencyClient atyrau = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "AKIMAT-23");
             MessageConsumer in = atyrau.session.createConsumer(atyrau.session.createQueue(AgencyClient.in("AKIMAT-23")),
                     "lmxDocumentType = 'QuotaNotice' AND lmxConversationId = '" + conversation + "'")) {
            Message message = in.receive(30_000);
            assertThat(message).as("QuotaNotice on " + AgencyClient.in("AKIMAT-23")).isNotNull();
            Element root = new PartnerClient(url(""), DATA_DIR).verified(AgencyClient.bytes(message));
            assertThat(texts(root, "NoticeReference")).containsExactly("QN-" + YEAR + "-01");
            assertThat(texts(root, "Limit")).containsExactly("7", "23", "900");
            assertThat(texts(root, "IscoCode")).startsWith("2144", "7212");
        }

        // 5. the ledger shows 2031, to a permit officer too
        ResponseEntity<String> ledger = asCaseworker("permit-officer").getForEntity(url("/api/quotas?year=" + YEAR),
                String.class);
        assertThat(ledger.getStatusCode()).as(ledger.getBody()).isEqualTo(HttpStatus.OK);
        List<String> lines = new ArrayList<>();
        JSON.readTree(ledger.getBody()).forEach(l -> lines.add(l.get("sector").asText() + " " + l.get("region").asText()
                + " " + l.get("places").asInt() + " " + l.get("taken").asInt() + " " + l.get("remaining").asInt()));
        assertThat(lines).containsExactly("B KZ-23 7 0 7", "C KZ-23 23 0 23", "F KZ-23 900 0 900");
        assertThat(asAuditor().getForObject(url("/api/audit?limit=1000"), String.class))
                .contains("\"action\":\"quotas.refresh\"", "\"target\":\"quota-refresh-" + YEAR + "\"");
    }

    private JsonNode reviewTasks(String caseworker) throws Exception {
        ResponseEntity<String> tasks = asCaseworker(caseworker).getForEntity(url("/engine-rest/task?taskDefinitionKey="
                + "reviewQuota&processInstanceBusinessKey=quota-refresh-" + YEAR), String.class);
        assertThat(tasks.getStatusCode()).as(tasks.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(tasks.getBody());
    }

    /** The recipients of the QuotaNotices of the conversation in the message log, as an auditor reads it. */
    private List<String> noticesTo(String conversation) throws Exception {
        JsonNode page = JSON.readTree(asAuditor().getForObject(url("/api/messages?type=QuotaNotice&size=100"),
                String.class));
        List<String> to = new ArrayList<>();
        page.get("items").forEach(m -> {
            if (conversation.equals(m.get("conversationId").asText())) {
                to.add(m.get("to").asText());
            }
        });
        return to;
    }

    private String lastNote(String messageId) throws Exception {
        ResponseEntity<String> found = asAuditor().getForEntity(url("/api/messages/" + messageId), String.class);
        if (found.getStatusCode() != HttpStatus.OK) {
            return null;
        }
        JsonNode history = JSON.readTree(found.getBody()).get("history");
        return history.get(history.size() - 1).get("note").asText();
    }

    private static List<String> texts(Element root, String localName) {
        NodeList nodes = root.getElementsByTagNameNS(Parties.LMX, localName);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
