package org.lmx.hub.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.lmx.hub.trust.TrustReport;

/** The running hub's trust inventory: {@code GET /api/trust?expiringWithin=...}. */
final class HubTrustReport {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String base;

    HubTrustReport(String hubUrl) {
        this.base = hubUrl.replaceAll("/+$", "") + "/api/trust";
    }

    TrustReport fetch(String user, String password, Duration expiringWithin) throws CliFailure, InterruptedException {
        URI uri;
        try {
            uri = URI.create(base + "?expiringWithin=" + URLEncoder.encode(expiringWithin.toString(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--hub " + base + " is not a URL: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET().build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliFailure("cannot reach the hub at " + uri + ": " + (e.getMessage() == null ? e : e.getMessage()));
        } catch (IOException | IllegalArgumentException e) {
            throw new CliFailure("GET " + uri + " failed: " + e.getMessage());
        }
        return switch (response.statusCode()) {
            case 200 -> parse(uri, response.body());
            case 401 -> throw new CliFailure("the hub refused the login of " + user + " (HTTP 401): check --user and --password");
            case 403 -> throw new CliFailure("the hub does not let " + user + " read the trust inventory (HTTP 403)");
            default -> throw new CliFailure("GET " + uri + " answered HTTP " + response.statusCode());
        };
    }

    private static TrustReport parse(URI uri, String body) throws CliFailure {
        try {
            TrustReport report = JSON.readValue(body, TrustReport.class);
            if (report.certificates() == null) {
                throw new CliFailure("GET " + uri + " answered without a trust inventory");
            }
            return report;
        } catch (IOException e) {
            throw new CliFailure("GET " + uri + " answered something that is not a trust inventory: " + e.getMessage());
        }
    }
}
