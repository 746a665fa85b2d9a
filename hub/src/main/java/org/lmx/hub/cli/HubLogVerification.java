package org.lmx.hub.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.lmx.routes.log.LogVerification;

/** The hub's own verification of its log: {@code GET /api/log/verify}, 200 when intact, 409 when broken. */
final class HubLogVerification {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;

    HubLogVerification(String hubUrl) throws CliFailure {
        try {
            this.uri = URI.create(hubUrl.replaceAll("/+$", "") + "/api/log/verify");
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--hub " + hubUrl + " is not a URL: " + e.getMessage());
        }
    }

    LogVerification fetch(String user, String password) throws CliFailure, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliFailure("cannot reach the hub at " + uri + ": " + (e.getMessage() == null ? e : e.getMessage()));
        } catch (IOException | IllegalArgumentException e) {
            throw new CliFailure("GET " + uri + " failed: " + e.getMessage());
        }
        return switch (response.statusCode()) {
            case 200, 409 -> parse(response.body());
            case 401 -> throw new CliFailure("the hub refused the login of " + user + " (HTTP 401): check --user and --password");
            case 403 -> throw new CliFailure("the hub does not let " + user + " verify the log (HTTP 403)");
            default -> throw new CliFailure("GET " + uri + " answered HTTP " + response.statusCode());
        };
    }

    private LogVerification parse(String body) throws CliFailure {
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode firstBreak = json.path("firstBreak");
            Optional<LogVerification.Break> broken = firstBreak.isObject()
                    ? Optional.of(new LogVerification.Break(firstBreak.path("seq").asLong(),
                            textOrNull(firstBreak.path("messageId")), firstBreak.path("problem").asText()))
                    : Optional.empty();
            if (!json.has("entriesVerified")) {
                throw new CliFailure("GET " + uri + " answered without a log verification: " + abbreviated(body));
            }
            return new LogVerification(json.path("entriesVerified").asLong(), json.path("contentsVerified").asLong(),
                    json.path("bodiesPurged").asLong(),
                    textOrNull(json.path("headHash")), broken);
        } catch (IOException e) {
            throw new CliFailure("GET " + uri + " answered something that is not JSON: " + abbreviated(body));
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static String abbreviated(String body) {
        String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
