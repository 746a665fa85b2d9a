package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lmx.hub.config.DevelopmentCredentials;

/**
 * Backup and restore on the embedded defaults, as the README tells an operator: the hub stopped, its whole data
 * directory archived with {@code tar} (the H2 database, the broker's journal, the PKI, agreements and credentials),
 * restored into a fresh directory, {@code lmx log verify} on it says INTACT, and a hub started on it carries on: the
 * documents that waited in the journal for the migration police reach it and are delivered, the accepted ones are
 * still there with the receipts the partner got.
 */
class BackupRestoreIT {

    private static final int WAITING = 5;

    @Test
    void aStoppedHubsDataDirectoryArchivedAndRestoredElsewhereVerifiesAndCarriesOn() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "backup-data-").toAbsolutePath();
        Path restored = dataDir.resolveSibling(dataDir.getFileName() + "-restored");
        Path archive = dataDir.resolveSibling(dataDir.getFileName() + ".tar.gz");
        HubProcess hub = new HubProcess(dataDir, HubProcess.freePort(), HubProcess.freePort());
        HubProcess again = new HubProcess(restored, HubProcess.freePort(), HubProcess.freePort());
        try {
            hub.start();
            hub.awaitReady(Duration.ofSeconds(90));
            DevelopmentCredentials login = DevelopmentCredentials.read(dataDir.resolve(DevelopmentCredentials.FILE));
            AdminApi operator = new AdminApi(hub.url(""), DevelopmentCredentials.OPERATOR, login.operatorPassword());
            AdminApi auditor = new AdminApi(hub.url(""), DevelopmentCredentials.AUDITOR, login.auditorPassword());

            // documents for the police that nobody takes yet: SENT, on lmx.agency.MIA.in in the broker's journal
            List<String> waiting = new ArrayList<>();
            for (int i = 0; i < WAITING; i++) {
                Map<String, Object> post = new LinkedHashMap<>();
                post.put("to", "KAZ:MIA");
                post.put("documentType", "ComplianceAlert");
                post.put("document", Parties.bodyOf("ComplianceAlert"));
                AdminApi.Answer issued = operator.postJson("/api/outbound", post, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                assertThat(issued.status()).as(issued.body()).isEqualTo(202);
                waiting.add(issued.json().get("messageId").asText());
            }
            // a partner's document accepted and dispatched
            Parties.Message pingMessage = Parties.message("Ping").from("KOR:MOEL").agreement("AGR-KOR-MOEL");
            String pingId = pingMessage.messageId();
            PartnerClient.Submitted accepted = new PartnerClient(hub.url(""), dataDir).submit("1.2",
                    pingMessage.signedBy(Parties.credential(dataDir, "KOR:MOEL")));
            assertThat(accepted.receipt().status()).isEqualTo("ACCEPTED");
            for (String id : waiting) {
                await().atMost(Duration.ofSeconds(30)).until(() -> state(auditor, id).equals("SENT"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> state(auditor, pingId).equals("DISPATCHED"));
            hub.stop();

            // the backup and the restore, with the commands of the README
            run(dataDir.getParent(), "tar", "-C", dataDir.toString(), "-czf", archive.toString(), ".");
            Files.createDirectories(restored);
            run(dataDir.getParent(), "tar", "-C", restored.toString(), "-xzf", archive.toString());
            String verified = run(dataDir.getParent(), java(), "-jar", Path.of("target", "lmx-hub.jar").toAbsolutePath()
                    .toString(), "log", "verify", "--data-dir", restored.toString());
            assertThat(verified).contains("INTACT: " + (WAITING + 1) + " entries");

            // a hub on the restored directory: the journal's documents reach the police and are delivered
            again.start();
            again.awaitReady(Duration.ofSeconds(90));
            AdminApi restoredAuditor = new AdminApi(again.url(""), DevelopmentCredentials.AUDITOR, login.auditorPassword());
            try (DeduplicatingAgency police = DeduplicatingAgency.start(again.amqpPort, restored, "MIA", "KAZ:MIA", "AGR-KAZ-MIA")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> police.effective().containsAll(waiting));
                for (String id : waiting) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> state(restoredAuditor, id).equals("DELIVERED"));
                }
                assertThat(police.problems).isEmpty();
            }
            AdminApi.Answer receipt = restoredAuditor.get("/api/messages/" + pingId + "/receipt");
            assertThat(receipt.status()).isEqualTo(200);
            assertThat(receipt.bytes()).isEqualTo(accepted.bytes());
            assertThat(state(restoredAuditor, pingId)).isEqualTo("DISPATCHED");
        } finally {
            hub.stop();
            again.stop();
        }
    }

    private static String state(AdminApi auditor, String id) throws Exception {
        return auditor.getJson("/api/messages/" + id).get("state").asText();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs a command to its end; its output (standard and error). Fails unless it exits with 0. */
    private static String run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + text).isZero();
        return text;
    }
}
