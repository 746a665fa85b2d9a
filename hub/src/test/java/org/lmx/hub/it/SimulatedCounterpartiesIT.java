package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.hub.camunda.DevelopmentCaseworkers;
import org.lmx.hub.cli.LmxCommand;
import org.lmx.hub.config.DevelopmentCredentials;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import picocli.CommandLine;

/**
 * A newcomer's walkthrough on one machine, with the simulated counterparties on: the hub runs as
 * {@code lmx-hub.jar serve --lmx.simulators.enabled=true} in a JVM of its own; the sample WorkPermitApplication goes
 * in as Korea's labour ministry with {@code lmx send}; the migration police and state revenue (simulated, over the
 * broker's Core acceptor as their own users) and the ministry's Exchange service (the simulated demo partner, on
 * a free loopback port to which AGR-KOR-MOEL is pointed) answer the three checks; a permit officer asks the ministry
 * two questions, which it answers, then approves through /engine-rest; the signed PermitDecision to the ministry and the three agencies ends DELIVERED on their simulated
 * receipts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedCounterpartiesIT {

    private static final String KOR = "KOR:MOEL";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DATA_KEY = "it-1:" + java.util.Base64.getEncoder()
            .encodeToString(new java.security.SecureRandom().generateSeed(32));

    private HubProcess hub;
    private Path dataDir;
    private String partnerEndpoint;
    private final TestRestTemplate rest = new TestRestTemplate();

    @BeforeAll
    void hubWithSimulators() throws Exception {
        dataDir = Files.createTempDirectory(Path.of("target"), "simulators-data-").toAbsolutePath();
        partnerEndpoint = "http://127.0.0.1:" + HubProcess.freePort() + "/services/exchange12";
        hub = new HubProcess(dataDir, HubProcess.freePort(), HubProcess.freePort(), "--lmx.simulators.enabled=true",
                "--lmx.simulators.partner-endpoint=" + partnerEndpoint)
                // personal data at rest encrypted, as in production (a development hub does so when given a key)
                .environment(Map.of("LMX_DATA_KEY", DATA_KEY));
        hub.start();
        hub.awaitReady(Duration.ofSeconds(120));
        await("the simulators started (see " + hub.output() + ")").atMost(Duration.ofSeconds(30))
                .until(() -> log().contains("[simulator] the demo partner listens at " + partnerEndpoint)
                        && log().contains("[simulator] KAZ:SRC logged in to the broker"));
        // the demo agreement's partner endpoint is localhost:8091: this test's partner listens on a free port instead
        AgreementFiles.nextVersion(dataDir, "soap-push-KOR-MOEL.xml", Map.of("Endpoint", partnerEndpoint));
        ResponseEntity<String> reload = asOperator().postForEntity(hub.url("/api/agreements/reload"), null, String.class);
        assertThat(reload.getStatusCode()).as(reload.getBody()).isEqualTo(HttpStatus.OK);
    }

    @AfterAll
    void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void koreasSampleApplicationIsCheckedAndQuestionedThroughTheSimulatorsApprovedAndItsDecisionDelivered() throws Exception {
        // 1. `lmx send` the sample application as Korea's ministry, as the README tells a newcomer
        Path signed = dataDir.resolveSibling(dataDir.getFileName() + "-application.xml");
        int exit = new CommandLine(new LmxCommand()).execute("send", "--hub", hub.url(""), "--as", KOR,
                "--dir", dataDir.resolve("pki").toString(), "--signed-out", signed.toString(),
                Path.of("..", "examples", "documents", "WorkPermitApplication.xml").toString());
        assertThat(exit).as("lmx send exit code").isZero();
        String applicationId = header(Files.readAllBytes(signed), "MessageId");
        String conversation = header(Files.readAllBytes(signed), "ConversationId");

        // 2. the three checks answered by the simulators, each answer signed by the party asked and taken by the case
        for (String[] check : new String[][] {{"IdentityCheckResult", "KAZ:MIA"}, {"TaxStatusResult", "KAZ:SRC"},
                {"QualificationVerificationResult", KOR}}) {
            JsonNode answer = await(check[0] + " from " + check[1]).atMost(Duration.ofSeconds(60))
                    .until(() -> inConversation(check[0], conversation), list -> list.size() == 1).get(0);
            assertThat(answer.get("from").asText()).isEqualTo(check[1]);
            assertThat(answer.get("direction").asText()).isEqualTo("INBOUND");
            await(check[0] + " dispatched to the case").atMost(Duration.ofSeconds(30)).until(() ->
                    inConversation(check[0], conversation).get(0).get("state").asText().equals("DISPATCHED"));
        }

        // 3. the permit officer asks the ministry two questions; the simulated ministry answers them over SOAP
        JsonNode review = reviewTask(applicationId, null);
        complete(review, """
                {"variables": {"decision": {"value": "REQUEST_INFORMATION", "type": "String"},
                               "questions": {"value": "Is the welding certificate valid?\\nConfirm the employment from 2014.",
                                             "type": "String"}}}""");
        JsonNode response = await("InformationResponse from the ministry").atMost(Duration.ofSeconds(60))
                .until(() -> inConversation("InformationResponse", conversation), list -> list.size() == 1).get(0);
        assertThat(response.get("from").asText()).isEqualTo(KOR);

        // 4. the review comes back with the answers, and the permit officer approves through Camunda's REST API
        JsonNode again = reviewTask(applicationId, review.get("id").asText());
        complete(again, """
                {"variables": {"decision": {"value": "APPROVE", "type": "String"},
                               "reasons": {"value": "All checks clear (simulated counterparties)", "type": "String"}}}""");

        // 5. the signed PermitDecision to the ministry and the three agencies, each DELIVERED on its simulated receipt
        List<String> recipients = List.of(KOR, "KAZ:MIA", "KAZ:SRC", "KAZ:BORDER");
        List<JsonNode> decisions = await("PermitDecision to " + recipients).atMost(Duration.ofSeconds(60))
                .until(() -> inConversation("PermitDecision", conversation), list -> list.size() == recipients.size());
        List<String> to = new ArrayList<>();
        decisions.forEach(d -> to.add(d.get("to").asText()));
        assertThat(to).containsExactlyInAnyOrderElementsOf(recipients);
        await("every PermitDecision DELIVERED").atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> states = new ArrayList<>();
            inConversation("PermitDecision", conversation).forEach(d -> states.add(d.get("state").asText()));
            return states;
        }, states -> states.stream().allMatch("DELIVERED"::equals));

        // 6. the round trip, as a newcomer reads it in the hub's log
        assertThat(log()).contains("[simulator] KAZ:MIA took IdentityCheckRequest",
                "[simulator] KAZ:MIA answered IdentityCheckRequest",
                "[simulator] KAZ:SRC answered TaxStatusRequest",
                "[simulator] KOR:MOEL submitted QualificationVerificationResult",
                "[simulator] KOR:MOEL submitted InformationResponse",
                "the hub's signed receipt says ACCEPTED",
                "[simulator] KAZ:BORDER took PermitDecision");

        // 7. personal data: not in the hub's log, not in plain text in its database, yet the exact signed bytes to an auditor
        String application = Files.readString(Path.of("..", "examples", "documents", "WorkPermitApplication.xml"));
        for (String personal : new String[] {"PARK", "JIHOON", "박", "지훈", "M715B2046", "16201030411J"}) {
            assertThat(application).as("the sample names the applicant so").contains(personal);
        }
        assertThat(log()).contains("message bodies and attachments are encrypted at rest with data key it-1")
                .doesNotContain("JIHOON", "박", "지훈", "M715B2046", "16201030411J")
                .doesNotContainPattern("\\bPARK\\b");
        ResponseEntity<byte[]> body = asAuditor().getForEntity(hub.url("/api/messages/" + applicationId + "/body"), byte[].class);
        assertThat(body.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(body.getBody()).isEqualTo(Files.readAllBytes(signed));
        byte[] receipt = asOperator().getForObject(hub.url("/api/messages/" + applicationId + "/receipt"), byte[].class);
        byte[] database = Files.readAllBytes(dataDir.resolve("db").resolve("lmx.mv.db"));
        // the receipt is kept in plain text (no personal data): found in the file, so the search itself works
        assertThat(contains(database, signatureValue(receipt))).as("the receipt's SignatureValue in the H2 file").isTrue();
        assertThat(contains(database, signatureValue(Files.readAllBytes(signed))))
                .as("the application's SignatureValue in the H2 file").isFalse();
    }

    private static byte[] signatureValue(byte[] signed) {
        String text = new String(signed, StandardCharsets.UTF_8);
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("SignatureValue[^>]*>\\s*([A-Za-z0-9+/]{32})").matcher(text);
        assertThat(value.find()).as("a SignatureValue in " + text.substring(0, Math.min(200, text.length()))).isTrue();
        return value.group(1).getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private TestRestTemplate asAuditor() {
        return rest.withBasicAuth(DevelopmentCredentials.AUDITOR,
                DevelopmentCredentials.read(dataDir.resolve(DevelopmentCredentials.FILE)).auditorPassword());
    }

    // ---- the hub as its users see it ----

    /** The case's open review task, as the permit officer finds it (another than {@code done}, when given). */
    private JsonNode reviewTask(String applicationId, String done) {
        return await("the review task").atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(
                        asCaseworker("permit-officer").getForObject(hub.url("/engine-rest/task?taskDefinitionKey=review"
                                + "&processInstanceBusinessKey=" + applicationId), String.class)),
                tasks -> tasks.size() == 1 && !tasks.get(0).get("id").asText().equals(done)).get(0);
    }

    private void complete(JsonNode task, String variables) {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> completed = asCaseworker("permit-officer").postForEntity(
                hub.url("/engine-rest/task/" + task.get("id").asText() + "/complete"), new HttpEntity<>(variables, json),
                String.class);
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** The logged messages of {@code type} in the conversation, as an operator lists them. */
    private List<JsonNode> inConversation(String type, String conversation) throws Exception {
        JsonNode page = JSON.readTree(asOperator().getForObject(hub.url("/api/messages?type=" + type + "&size=100"),
                String.class));
        List<JsonNode> found = new ArrayList<>();
        page.get("items").forEach(m -> {
            if (conversation.equals(m.get("conversationId").asText())) {
                found.add(m);
            }
        });
        return found;
    }

    private TestRestTemplate asOperator() {
        return rest.withBasicAuth(DevelopmentCredentials.OPERATOR,
                DevelopmentCredentials.read(dataDir.resolve(DevelopmentCredentials.FILE)).operatorPassword());
    }

    private TestRestTemplate asCaseworker(String user) {
        return rest.withBasicAuth(user, DevelopmentCaseworkers.password(dataDir.resolve(DevelopmentCaseworkers.FILE), user));
    }

    private String log() throws Exception {
        return Files.readString(hub.output(), StandardCharsets.UTF_8);
    }

    private static String header(byte[] signed, String name) throws Exception {
        return SecureXml.parse(signed).getElementsByTagNameNS("urn:lmx:exchange:1", name).item(0).getTextContent().trim();
    }
}
