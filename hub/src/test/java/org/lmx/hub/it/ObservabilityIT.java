package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lmx.connectors.pki.Credential;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.hub.config.DevelopmentCredentials;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What the operator on call sees: the health groups of the hub's dependencies (database, broker, process engine)
 * with their details for staff and only a status for a load balancer; Prometheus metrics that move as Korea's
 * ministry submits documents (accepted, rejected with their code) and as a compliance alert reaches the migration
 * police and is receipted; the hub's log lines naming the MessageId of the document they are about.
 * The groups this class owns are asserted, not the overall status (another IT may make a group of its own DOWN).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityIT extends HubIT {

    private static final String KOR = "KOR:MOEL";
    private static final String AGR_KOR = "AGR-KOR-MOEL";
    private static final String MIA = "KAZ:MIA";

    @Autowired
    EmbeddedBroker broker;

    private PartnerClient korea;
    private Credential koreanMinistry;

    @BeforeAll
    void partner() throws Exception {
        korea = new PartnerClient(url(""), DATA_DIR);
        koreanMinistry = Parties.credential(DATA_DIR, KOR);
    }

    @Test
    void eachDependencyHasAHealthGroupThatIsUpWithDetailsForStaff() throws Exception {
        JsonNode db = health("db");
        assertThat(db.get("status").asText()).isEqualTo("UP");
        assertThat(db.at("/components/db/details/database").asText()).isEqualTo("H2");

        JsonNode broker = health("broker");
        assertThat(broker.get("status").asText()).isEqualTo("UP");
        assertThat(broker.at("/components/broker/details/broker").asText()).isEqualTo("embedded");
        assertThat(broker.at("/components/broker/details/acceptors/amqp").asText())
                .isEqualTo("open on port " + this.broker.port("amqp"));

        JsonNode engine = health("engine");
        assertThat(engine.get("status").asText()).isEqualTo("UP");
        assertThat(engine.at("/components/engine/details/jobExecutor").asText()).isEqualTo("active");
        assertThat(engine.at("/components/engine/details/processes").asLong()).isPositive();
    }

    @Test
    void aLoadBalancerSeesTheStatusWithoutLoginButNoDetailsAndNoMetrics() throws Exception {
        ResponseEntity<String> health = rest.getForEntity(url("/actuator/health/broker"), String.class);
        assertThat(health.getStatusCode()).as(health.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode status = JSON.readTree(health.getBody());
        assertThat(status.get("status").asText()).isEqualTo("UP");
        assertThat(status.has("components")).as(health.getBody()).isFalse();

        ResponseEntity<String> readiness = rest.getForEntity(url("/actuator/health/readiness"), String.class);
        assertThat(readiness.getStatusCode()).as(readiness.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(readiness.getBody()).get("status").asText()).isEqualTo("UP");

        assertThat(rest.getForEntity(url("/actuator/prometheus"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity(url("/actuator/metrics"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(asAuditor().getForEntity(url("/actuator/prometheus"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPrometheusServerLogsInAsMonitoringAndSeesMetricsAndHealthButNothingOfTheAdminApi() throws Exception {
        TestRestTemplate monitoring = rest.withBasicAuth(DevelopmentCredentials.MONITORING,
                credentials().monitoringPassword());

        ResponseEntity<String> metrics = monitoring.getForEntity(url("/actuator/prometheus"), String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("lmx_messages_stuck");
        JsonNode engine = JSON.readTree(monitoring.getForObject(url("/actuator/health/engine"), String.class));
        assertThat(engine.at("/components/engine/details/jobExecutor").asText()).isEqualTo("active");

        assertThat(monitoring.getForEntity(url("/api/messages"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(monitoring.getForEntity(url("/api/agreements"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSignedDocumentMovesTheAcceptedCounterAndTheAcceptanceHistogramAndItsLogLinesNameIt() throws Exception {
        Map<String, String> accepted = Map.of("partner", KOR, "document_type", "Ping", "outcome", "accepted");
        Prometheus before = scrape();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try {
            Parties.Message ping = Parties.message("Ping").from(KOR).agreement(AGR_KOR);
            PartnerClient.Submitted submitted = korea.submit("1.1", ping.signedBy(koreanMinistry));

            assertThat(submitted.receipt().status()).isEqualTo("ACCEPTED");
            Prometheus after = scrape();
            assertThat(after.value("lmx_messages_in_total", accepted) - before.value("lmx_messages_in_total", accepted))
                    .isEqualTo(1);
            assertThat(after.value("lmx_inbound_acceptance_seconds_count", accepted)
                    - before.value("lmx_inbound_acceptance_seconds_count", accepted)).isEqualTo(1);
            assertThat(after.value("lmx_inbound_acceptance_seconds_bucket", with(accepted, "le", "+Inf"))
                    - before.value("lmx_inbound_acceptance_seconds_bucket", with(accepted, "le", "+Inf"))).isEqualTo(1);

            // the pipeline's line, and the dispatcher's on its own thread a moment later, carry the MessageId and
            // the ConversationId in the logging context (the log pattern prints them: LogPatternTest)
            String id = ping.messageId();
            String conversation = message(id).get("conversationId").asText();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(List.copyOf(log.list).stream()
                    .filter(event -> id.equals(event.getMDCPropertyMap().get("lmx.messageId"))
                            && conversation.equals(event.getMDCPropertyMap().get("lmx.conversationId")))
                    .map(ILoggingEvent::getFormattedMessage))
                    .anySatisfy(line -> assertThat(line).startsWith("SOAP11 " + id + " from " + KOR + " (Ping"))
                    .anySatisfy(line -> assertThat(line).startsWith("dispatching " + id)));
        } finally {
            root.detachAppender(log);
        }
    }

    @Test
    void aRejectedDocumentMovesTheRejectionCounterWithItsCode() throws Exception {
        Map<String, String> unsigned = Map.of("partner", KOR, "document_type", "Ping", "outcome", "rejected",
                "code", "LMX-SIG-MISSING");
        double before = scrape().value("lmx_messages_in_total", unsigned);

        PartnerClient.Submitted submitted = korea.submit("1.1",
                Parties.message("Ping").from(KOR).agreement(AGR_KOR).unsigned());

        assertThat(submitted.receipt().status()).isEqualTo("REJECTED");
        assertThat(scrape().value("lmx_messages_in_total", unsigned) - before).isEqualTo(1);
    }

    @Test
    void aRejectedDocumentClaimingAPartnerWithoutAgreementIsCountedAsUnknown() throws Exception {
        double before = scrape().value("lmx_messages_in_total", Map.of("partner", "unknown", "outcome", "rejected"));

        korea.submit("1.1", Parties.message("Ping").from("XXX:NOBODY").agreement(AGR_KOR).unsigned());

        Prometheus after = scrape();
        assertThat(after.value("lmx_messages_in_total", Map.of("partner", "unknown", "outcome", "rejected")) - before)
                .isEqualTo(1);
        assertThat(after.text()).doesNotContain("XXX:NOBODY");
    }

    @Test
    void aComplianceAlertDeliveredToThePoliceMovesTheOutboundCountersAndTheDeliveryHistogram() throws Exception {
        Map<String, String> alert = Map.of("partner", MIA, "document_type", "ComplianceAlert");
        Prometheus before = scrape();

        String id = postOutbound(MIA, "ComplianceAlert");
        byte[] received;
        try (AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA");
             MessageConsumer in = police.session.createConsumer(police.session.createQueue(AgencyClient.in("MIA")),
                     "lmxMessageId = '" + id + "'")) {
            Message message = in.receive(20_000);
            assertThat(message).as("the alert on lmx.agency.MIA.in").isNotNull();
            received = AgencyClient.bytes(message);
            Parties.Message receipt = Parties.receiptFor(received, MIA, "AGR-KAZ-MIA", null);
            police.send(AgencyClient.out("MIA"), receipt.signedBy(Parties.credential(DATA_DIR, MIA)), null);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> state(id).equals("DELIVERED"));

        Prometheus after = scrape();
        for (String state : new String[] {"queued", "sent", "delivered"}) {
            Map<String, String> tags = with(alert, "state", state);
            assertThat(after.value("lmx_messages_out_total", tags) - before.value("lmx_messages_out_total", tags))
                    .as(state).isEqualTo(1);
        }
        Map<String, String> delivered = with(alert, "outcome", "delivered");
        assertThat(after.value("lmx_delivery_latency_seconds_count", delivered)
                - before.value("lmx_delivery_latency_seconds_count", delivered)).isEqualTo(1);
        assertThat(after.value("lmx_delivery_latency_seconds_sum", delivered)
                - before.value("lmx_delivery_latency_seconds_sum", delivered)).isPositive();
    }

    @Test
    void whatThePoliceQueueCannotTakeIsCountedAsItsDeadLetterWithTheCode() throws Exception {
        Map<String, String> notBytes = Map.of("partner", MIA, "code", "LMX-MSG-NOT-BYTES");
        double before = scrape().value("lmx_agency_dead_letters_total", notBytes);

        try (AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA")) {
            Message text = police.session.createTextMessage("<not-a-bytes-message/>");
            police.session.createProducer(police.session.createQueue(AgencyClient.out("MIA"))).send(text);
            try (MessageConsumer dlq = police.session.createConsumer(police.session.createQueue("lmx.agency.MIA.dlq"),
                    "lmxErrorCode = 'LMX-MSG-NOT-BYTES'")) {
                assertThat(dlq.receive(20_000)).as("the text message on lmx.agency.MIA.dlq").isNotNull();
            }
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(scrape().value("lmx_agency_dead_letters_total", notBytes) - before).isEqualTo(1));
    }

    /** The shared hub's budget is left as it is (the default): only what a call leaves behind is asserted. */
    @Test
    void theAdmissionBudgetIsExportedAndACallGivesItsWeightBack() throws Exception {
        PartnerClient.Submitted submitted = korea.submit("1.2",
                Parties.message("Ping").from(KOR).agreement(AGR_KOR).signedBy(koreanMinistry));
        assertThat(submitted.receipt().status()).isEqualTo("ACCEPTED");

        Prometheus metrics = scrape();
        assertThat(metrics.value("lmx_admission_budget_bytes", Map.of())).isEqualTo(32.0 * 1024 * 1024);
        assertThat(metrics.text()).contains("lmx_admission_in_flight_bytes", "lmx_admission_waiting",
                "lmx_admission_refused_total");
        // the Ping's weight came back once its receipt was written (the scrape itself is not a SOAP call)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(scrape().value("lmx_admission_in_flight_bytes", Map.of())).isZero());
    }

    @Test
    void theGaugesOfStuckMessagesFailedDeliveriesAndOpenCasesAreExported() throws Exception {
        Prometheus metrics = scrape();

        assertThat(metrics.text()).contains("lmx_messages_stuck{", "direction=\"outbound\"", "state=\"retrying\"",
                "lmx_outbound_failed", "lmx_cases_open{", "process=\"work-permit\"");
    }

    // ---- helpers ----

    private JsonNode health(String group) throws Exception {
        ResponseEntity<String> answer = asOperator().getForEntity(url("/actuator/health/" + group), String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(answer.getBody());
    }

    private Prometheus scrape() {
        ResponseEntity<String> answer = asOperator().getForEntity(url("/actuator/prometheus"), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new Prometheus(answer.getBody());
    }

    private static Map<String, String> with(Map<String, String> tags, String key, String value) {
        Map<String, String> more = new java.util.HashMap<>(tags);
        more.put(key, value);
        return more;
    }

    /** The text a scrape returns; a series' value is the sum of the lines of that name carrying all given tags. */
    record Prometheus(String text) {
        double value(String name, Map<String, String> tags) {
            return text.lines()
                    .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .filter(line -> tags.entrySet().stream()
                            .allMatch(t -> line.contains(t.getKey() + "=\"" + t.getValue() + "\"")))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        }
    }
}
