package org.lmx.hub.cli;

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
import java.util.Set;

/**
 * A GET on a running hub's admin API as one of its users (HTTP Basic), for the commands that ask the hub ({@code
 * lmx log verify --hub}, {@code lmx trust list --hub}, {@code lmx evidence export}): every failure is one clear line.
 */
final class HubGet {

    /** What the hub answered with a status the caller accepts. */
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private HubGet() {
    }

    /** {@code hubUrl} (with or without a trailing slash) and the path, as a URI, or a usage failure naming --hub. */
    static URI uri(String hubUrl, String pathAndQuery) throws CliFailure {
        try {
            return URI.create(hubUrl.replaceAll("/+$", "") + pathAndQuery);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--hub " + hubUrl + " is not a URL: " + e.getMessage());
        }
    }

    /**
     * @param forbidden what the user may not do, for the 403 line (e.g. "verify the log")
     * @param accepted  the statuses whose answer the caller reads (e.g. 200, and 409 for a broken log)
     */
    static Answer get(URI uri, String user, String password, String forbidden, Set<Integer> accepted)
            throws CliFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, application/zip")
                .timeout(Duration.ofMinutes(5))
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliFailure("cannot reach the hub at " + uri + ": " + (e.getMessage() == null ? e : e.getMessage()));
        } catch (IOException | IllegalArgumentException e) {
            throw new CliFailure("GET " + uri + " failed: " + e.getMessage());
        }
        int status = response.statusCode();
        if (accepted.contains(status)) {
            return new Answer(status, response.body());
        }
        throw switch (status) {
            case 401 -> new CliFailure("the hub refused the login of " + user + " (HTTP 401): check --user and --password");
            case 403 -> new CliFailure("the hub does not let " + user + " " + forbidden + " (HTTP 403)");
            default -> new CliFailure("GET " + uri + " answered HTTP " + status + ": "
                    + new String(response.body(), StandardCharsets.UTF_8).strip());
        };
    }
}
