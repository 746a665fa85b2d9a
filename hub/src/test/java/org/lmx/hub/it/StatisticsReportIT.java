package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.hub.broker.EmbeddedBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The statistics bureau's monthly report on the real hub: Korea's ministry applies for a welding engineer's permit,
 * the checks come back clear and a permit officer approves; an operator sends the month's StatisticsReport over
 * REST; the bureau (KAZ:BNS) takes it from its queue, signed by the hub, valid against the contract, with the
 * permit counted, and the REST view gives the same values. A month is reported once, when it is over: the case is
 * decided today, so the test moves its permit's decision into June 2019, a month no other IT touches.
 */
class StatisticsReportIT extends HubIT {

    private static final YearMonth MONTH = YearMonth.of(2019, 6);

    @Autowired
    EmbeddedBroker broker;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWeldingEngineersPermitIsCountedInTheMonthsReportToTheStatisticsBureau() throws Exception {
        String permitNumber = grantAPermit();
        jdbc.update("UPDATE permit SET decided_at = ? WHERE permit_number = ?",
                OffsetDateTime.of(2019, 6, 14, 11, 0, 0, 0, ZoneOffset.ofHours(5)), permitNumber);
        JsonNode permit = JSON.readTree(asOperator().getForObject(url("/api/permits/" + permitNumber), String.class));

        // the REST view of June 2019: this permit and no other
        JsonNode view = JSON.readTree(asAuditor().getForObject(url("/api/statistics?month=" + MONTH), String.class));
        assertThat(view.get("report").isNull()).isTrue();
        Map<String, String> rest = restValues(view);
        assertThat(rest).containsEntry("PERMITS_GRANTED", "1")
                .containsEntry("PERMITS_GRANTED Category=" + permit.get("category").asText(), "1")
                .containsEntry("PERMITS_GRANTED Sector=" + permit.get("sector").asText(), "1")
                .containsEntry("PERMITS_GRANTED Citizenship=KOR", "1")
                .containsEntry("PERMITS_GRANTED_SKILLED", "1")
                .containsEntry("PERMITS_GRANTED_SKILLED_SHARE", "100");
        permit.get("regions").forEach(r -> assertThat(rest).containsEntry("PERMITS_GRANTED Region=" + r.asText(), "1"));

        // only an operator sends, only a month that is over, and once
        assertThat(asAuditor().postForEntity(url("/api/statistics/report"), json(Map.of("month", MONTH.toString())),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> notOver = asOperator().postForEntity(url("/api/statistics/report"),
                json(Map.of("month", YearMonth.now(ZoneOffset.ofHours(5)).toString())), String.class);
        assertThat(notOver.getStatusCode()).as(notOver.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(asOperator().postForEntity(url("/api/statistics/report"), json(Map.of("month", "June")),
                String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> sent = asOperator().postForEntity(url("/api/statistics/report"),
                json(Map.of("month", MONTH.toString())), String.class);
        assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.CREATED);
        String messageId = JSON.readTree(sent.getBody()).get("messageId").asText();
        String conversation = JSON.readTree(sent.getBody()).get("conversationId").asText();
        ResponseEntity<String> again = asOperator().postForEntity(url("/api/statistics/report"),
                json(Map.of("month", MONTH.toString())), String.class);
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains(messageId);

        // the bureau takes it from its queue: signed by the hub, valid, the permit counted, the REST view's values
        try (AgencyClient bureau = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "BNS");
             MessageConsumer in = bureau.session.createConsumer(bureau.session.createQueue(AgencyClient.in("BNS")),
                     "lmxDocumentType = 'StatisticsReport' AND lmxConversationId = '" + conversation + "'")) {
            Message message = in.receive(30_000);
            assertThat(message).as("StatisticsReport on " + AgencyClient.in("BNS")).isNotNull();
            byte[] signed = AgencyClient.bytes(message);
            Element root = new PartnerClient(url(""), DATA_DIR).verified(signed);
            ContractSchema.EXCHANGE.validate(SecureXml.parse(signed));
            assertThat(WorkPermitCases.text(root, "MessageId")).isEqualTo(messageId);
            assertThat(WorkPermitCases.text(root, "To")).isEqualTo("KAZ:BNS");
            assertThat(WorkPermitCases.text(root, "ReportReference")).isEqualTo("BNS-STAT-2019-06");
            assertThat(WorkPermitCases.text(WorkPermitCases.first(root, "Period"), "From")).isEqualTo("2019-06-01");
            assertThat(WorkPermitCases.text(WorkPermitCases.first(root, "Period"), "To")).isEqualTo("2019-06-30");
            Map<String, String> reported = documentValues(root);
            assertThat(reported).containsEntry("PERMITS_GRANTED", "1").isEqualTo(rest);
            bureau.send(AgencyClient.out("BNS"), Parties.receiptFor(signed, "KAZ:BNS", "AGR-KAZ-BNS", null)
                    .signedBy(Parties.credential(DATA_DIR, "KAZ:BNS")), null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(asAuditor().getForObject(
                url("/api/messages/" + messageId), String.class)).get("state").asText().equals("DELIVERED"));
        JsonNode after = JSON.readTree(asAuditor().getForObject(url("/api/statistics?month=" + MONTH), String.class));
        assertThat(after.get("report").get("messageId").asText()).isEqualTo(messageId);
        assertThat(asAuditor().getForObject(url("/api/audit?limit=1000"), String.class))
                .contains("\"action\":\"statistics.report\"", "\"target\":\"statistics-report-2019-06\"");
    }

    /** A work-permit case through to its decision (as WorkPermitIT), the decisions acknowledged; its permit number. */
    private String grantAPermit() throws Exception {
        try (WorkPermitCases cases = new WorkPermitCases(this);
             AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA");
             AgencyClient revenue = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "SRC");
             AgencyClient border = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "BORDER")) {
            WorkPermitCases.Application application = cases.apply();
            cases.answerChecks(application, police, revenue);
            JsonNode review = await().atMost(Duration.ofSeconds(30)).until(() -> cases.reviewTasks("permit-officer",
                    application.applicationId()), tasks -> tasks.size() == 1).get(0);
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> completed = asCaseworker("permit-officer").postForEntity(
                    url("/engine-rest/task/" + review.get("id").asText() + "/complete"), new HttpEntity<>("""
                            {"variables": {"decision": {"value": "APPROVE", "type": "String"},
                                           "reasons": {"value": "Checks clear", "type": "String"}}}""", headers),
                    String.class);
            assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            WorkPermitCases.Received decision = await().atMost(Duration.ofSeconds(30))
                    .until(() -> cases.pushed("PermitDecision", application.conversation()), Optional::isPresent).get();
            assertThat(decision.body("Decision")).isEqualTo("GRANTED");
            for (Object[] agency : new Object[][] {{police, "KAZ:MIA", "AGR-KAZ-MIA"},
                    {revenue, "KAZ:SRC", "AGR-KAZ-SRC"}, {border, "KAZ:BORDER", "AGR-KAZ-BORDER"}}) {
                WorkPermitCases.acknowledge((AgencyClient) agency[0], cases.take((AgencyClient) agency[0],
                        "PermitDecision", application.conversation()), (String) agency[1], (String) agency[2]);
            }
            return decision.body("PermitNumber");
        }
    }

    /** The REST view's indicators as "CODE" or "CODE Element=key" -> value, keyed like the document's. */
    private static Map<String, String> restValues(JsonNode view) {
        Map<String, String> values = new java.util.TreeMap<>();
        view.get("indicators").forEach(i -> {
            String by = i.get("by").asText();
            String key = by.equals("TOTAL") ? i.get("code").asText()
                    : i.get("code").asText() + " " + ELEMENTS.get(by) + "=" + i.get("key").asText();
            assertThat(values.put(key, number(i.get("value").asText()))).as(key).isNull();
        });
        return values;
    }

    private static final Map<String, String> ELEMENTS = Map.of("REGION", "Region", "SECTOR", "Sector", "CITIZENSHIP",
            "Citizenship", "CATEGORY", "Category", "ALERT_TYPE", "AlertType", "CONSULAR_INDICATOR",
            "ConsularIndicator", "CONSULAR_OUTCOME", "ConsularOutcome", "CONTRACT_VERDICT", "ContractVerdict",
            "CONTRACT_RULE", "ContractRule");

    /** 100.00 in the document, 100.0 or 100 in JSON: the same value. */
    private static String number(String text) {
        return new java.math.BigDecimal(text).stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> documentValues(Element root) {
        Map<String, String> values = new java.util.TreeMap<>();
        NodeList indicators = root.getElementsByTagNameNS(Parties.LMX, "Indicator");
        for (int i = 0; i < indicators.getLength(); i++) {
            String code = null;
            String value = null;
            String breakdown = "";
            for (Node c = indicators.item(i).getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e) {
                    switch (e.getLocalName()) {
                        case "Code" -> code = e.getTextContent();
                        case "Value" -> value = e.getTextContent();
                        default -> breakdown = " " + e.getLocalName() + "=" + e.getTextContent();
                    }
                }
            }
            assertThat(values.put(code + breakdown, number(value))).as(code + breakdown).isNull();
        }
        return values;
    }
}
