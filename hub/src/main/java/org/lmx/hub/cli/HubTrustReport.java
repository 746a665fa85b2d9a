package org.lmx.hub.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.lmx.hub.trust.TrustReport;

/** The running hub's trust inventory: {@code GET /api/trust?expiringWithin=...}. */
final class HubTrustReport {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String hubUrl;

    HubTrustReport(String hubUrl) {
        this.hubUrl = hubUrl;
    }

    TrustReport fetch(String user, String password, Duration expiringWithin) throws CliFailure, InterruptedException {
        URI uri = HubGet.uri(hubUrl, "/api/trust?expiringWithin="
                + URLEncoder.encode(expiringWithin.toString(), StandardCharsets.UTF_8));
        return parse(uri, HubGet.get(uri, user, password, "read the trust inventory", Set.of(200)).text());
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
