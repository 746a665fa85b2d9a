package org.lmx.hub.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.lmx.connectors.Sha256;
import org.lmx.hub.config.DevelopmentCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lmx evidence export}: a case's bundle from a running hub ({@code GET /api/evidence/{id}}, auditors). */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Export the evidence bundle of a case from a running hub (auditor).",
                "Writes one ZIP: every document in and out (the exact signed bytes), attachments,",
                "receipts, the chain proof, certificates, CRLs and the hub's signed manifest.",
                "Check it with: lmx evidence verify FILE. Exit code 0 written, 1 error."})
final class EvidenceExportCommand implements Callable<Integer> {

    @Option(names = "--conversation", required = true, paramLabel = "ID", description = "the case's ConversationId")
    String conversation;

    @Option(names = "--hub", required = true, paramLabel = "URL", description = "the running hub, e.g. http://localhost:8080")
    String hub;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write it (default: evidence-ID.zip)")
    Path out;

    @Option(names = "--user", paramLabel = "U", defaultValue = DevelopmentCredentials.AUDITOR,
            description = "an auditor of the admin API (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", paramLabel = "P",
            description = "its password (default: the development password in DATA_DIR/" + DevelopmentCredentials.FILE + ")")
    String password;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "the hub's data directory, for the development password (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        URI uri;
        try {
            uri = URI.create(hub.replaceAll("/+$", "") + "/api/evidence/" + conversation);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--hub " + hub + " is not a URL: " + e.getMessage());
        }
        String secret = password != null ? password : DevelopmentPasswords.of(dataDir, user);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliFailure("cannot reach the hub at " + uri + ": " + (e.getMessage() == null ? e : e.getMessage()));
        } catch (IOException e) {
            throw new CliFailure("GET " + uri + " failed: " + e.getMessage());
        }
        switch (response.statusCode()) {
            case 200 -> { }
            case 401 -> throw new CliFailure("the hub refused the login of " + user + " (HTTP 401): check --user and --password");
            case 403 -> throw new CliFailure("the hub does not let " + user + " export evidence (HTTP 403): auditors only");
            default -> throw new CliFailure("GET " + uri + " answered HTTP " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8).strip());
        }
        Path file = out != null ? out : Path.of("evidence-" + conversation + ".zip");
        Files.write(file, response.body());
        System.out.println("WROTE    " + file + " (" + response.body().length + " bytes, SHA-256 "
                + Sha256.hex(response.body()) + "); check it with: lmx evidence verify " + file);
        return 0;
    }
}
