package org.lmx.hub.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.lmx.routes.log.LogVerification;

/** The hub's own verification of its log: {@code GET /api/log/verify}, 200 when intact, 409 when broken. */
final class HubLogVerification {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;

    HubLogVerification(String hubUrl) throws CliFailure {
        this.uri = HubGet.uri(hubUrl, "/api/log/verify");
    }

    LogVerification fetch(String user, String password) throws CliFailure, InterruptedException {
        // 409: the hub's answer for a broken log, which is a verification like any other
        return parse(HubGet.get(uri, user, password, "verify the log", Set.of(200, 409)).text());
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
