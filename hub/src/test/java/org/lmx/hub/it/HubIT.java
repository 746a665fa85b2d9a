package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lmx.hub.HubApplication;
import org.lmx.hub.camunda.DevelopmentCaseworkers;
import org.lmx.hub.config.DevelopmentCredentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the hub's integration tests: one real hub (HTTP on a random loopback port, H2 file database,
 * development PKI and demo agreements in a fresh data directory), started once and shared by every IT class.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class HubIT {

    static final Path DATA_DIR = newDataDir();
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("lmx.data-dir", DATA_DIR::toString);
        // the broker's acceptors on free ports, so that ITs never meet a broker already running here
        registry.add("lmx.broker.core-port", () -> 0);
        registry.add("lmx.broker.amqp-port", () -> 0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The admin API as the development user {@code operator}, with the password the hub generated. */
    TestRestTemplate asOperator() {
        return rest.withBasicAuth(DevelopmentCredentials.OPERATOR, credentials().operatorPassword());
    }

    /** The admin API as the development user {@code auditor}. */
    TestRestTemplate asAuditor() {
        return rest.withBasicAuth(DevelopmentCredentials.AUDITOR, credentials().auditorPassword());
    }

    /** The log entry of a message as an auditor reads it ({@code GET /api/messages/{id}}). */
    JsonNode message(String id) throws Exception {
        return JSON.readTree(asAuditor().getForObject(url("/api/messages/" + id), String.class));
    }

    String state(String id) throws Exception {
        return message(id).get("state").asText();
    }

    /** The states of a message's history, oldest first. */
    List<String> states(String id) throws Exception {
        List<String> states = new ArrayList<>();
        message(id).get("history").forEach(change -> states.add(change.get("state").asText()));
        return states;
    }

    /** The operator issues the committed sample's document of {@code documentType} to {@code to}; its MessageId. */
    String postOutbound(String to, String documentType) throws Exception {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("to", to);
        post.put("documentType", documentType);
        post.put("document", Parties.bodyOf(documentType));
        ResponseEntity<String> answer = asOperator().postForEntity(url("/api/outbound"), json(post), String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return JSON.readTree(answer.getBody()).get("messageId").asText();
    }

    /**
     * The next version of a demo push agreement, delivering to {@code endpoint} with {@code maxAttempts} and waits of
     * one second up to {@code maxBackoff}, reloaded by the operator. Each IT class that needs a partner points the
     * agreement at its own in turn (classes run one after the other).
     */
    void pointPushAgreementAt(String endpoint, String file, String agreementId, int maxAttempts, String maxBackoff)
            throws Exception {
        AgreementFiles.nextVersion(DATA_DIR, file, Map.of("Endpoint", endpoint,
                "MaxAttempts", Integer.toString(maxAttempts), "InitialBackoff", "PT1S", "MaxBackoff", maxBackoff));
        ResponseEntity<String> reload = asOperator().postForEntity(url("/api/agreements/reload"), null, String.class);
        assertThat(reload.getStatusCode()).as(reload.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(reload.getBody()).contains(agreementId);
    }

    /** Camunda's REST API and the admin API as the development caseworker {@code user} (e.g. {@code permit-officer}). */
    TestRestTemplate asCaseworker(String user) {
        return rest.withBasicAuth(user, DevelopmentCaseworkers.password(
                DATA_DIR.resolve(DevelopmentCaseworkers.FILE), user));
    }

    /** A JSON request body. */
    static HttpEntity<String> json(Map<String, Object> body) throws Exception {
        return json(body, null);
    }

    /** A JSON request body named by {@code key} (the Idempotency-Key header), or by nothing when null. */
    static HttpEntity<String> json(Map<String, Object> body, String key) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return new HttpEntity<>(JSON.writeValueAsString(body), headers);
    }

    static DevelopmentCredentials credentials() {
        return DevelopmentCredentials.read(DATA_DIR.resolve(DevelopmentCredentials.FILE));
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory(Path.of("target"), "it-data-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
