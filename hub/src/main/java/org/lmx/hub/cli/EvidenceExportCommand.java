package org.lmx.hub.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
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
        URI uri = HubGet.uri(hub, "/api/evidence/" + conversation);
        String secret = password != null ? password : DevelopmentPasswords.of(dataDir, user);
        byte[] bundle = HubGet.get(uri, user, secret, "export evidence: auditors only", Set.of(200)).body();
        Path file = out != null ? out : Path.of("evidence-" + conversation + ".zip");
        Files.write(file, bundle);
        System.out.println("WROTE    " + file + " (" + bundle.length + " bytes, SHA-256 "
                + Sha256.hex(bundle) + "); check it with: lmx evidence verify " + file);
        return 0;
    }
}
