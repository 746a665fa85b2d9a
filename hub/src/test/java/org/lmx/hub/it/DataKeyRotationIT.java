package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.pki.Credential;
import org.lmx.hub.config.DevelopmentCredentials;
import org.lmx.routes.log.DataCipher;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Encryption at rest across a key rotation, in a hub JVM of its own: a document received under the first data key
 * is still served byte for byte after the hub restarted with a new current key and the first one as previous; in the
 * database each body is sealed with the key of its time; {@code lmx log verify} offline, given the keys the same
 * way, finds the chain INTACT, and without the previous key says which entry it cannot decrypt.
 */
class DataKeyRotationIT {

    private static final String KOR = "KOR:MOEL";
    private static final Path JAR = Path.of("target", "lmx-hub.jar").toAbsolutePath();

    @Test
    void rowsSealedWithThePreviousKeyStayReadableAndVerifiable() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "rotation-data-").toAbsolutePath();
        String first = key("2025-1");
        String second = key("2026-1");
        HubProcess hub = new HubProcess(dataDir, HubProcess.freePort(), HubProcess.freePort())
                .environment(Map.of("LMX_DATA_KEY", first));
        byte[] before;
        byte[] after;
        String beforeId;
        String afterId;
        try (hub) {
            hub.start();
            hub.awaitReady(Duration.ofSeconds(120));
            Credential korea = Parties.credential(dataDir, KOR);
            Parties.Message ping = Parties.message("Ping").from(KOR).agreement("AGR-KOR-MOEL");
            beforeId = ping.messageId();
            before = ping.signedBy(korea);
            assertThat(new PartnerClient(hub.url(""), dataDir).submit("1.2", before).receipt().status()).isEqualTo("ACCEPTED");
            hub.stop();

            // the rotation: a new current key, the old one kept to open what it sealed
            hub.environment(Map.of("LMX_DATA_KEY", second, "LMX_DATA_KEYS_PREVIOUS", first));
            hub.start();
            hub.awaitReady(Duration.ofSeconds(120));
            assertThat(Files.readString(hub.output())).contains("encrypted at rest with data key 2026-1");
            Parties.Message later = Parties.message("Ping").from(KOR).agreement("AGR-KOR-MOEL");
            afterId = later.messageId();
            after = later.signedBy(korea);
            assertThat(new PartnerClient(hub.url(""), dataDir).submit("1.2", after).receipt().status()).isEqualTo("ACCEPTED");

            TestRestTemplate auditor = new TestRestTemplate().withBasicAuth(DevelopmentCredentials.AUDITOR,
                    DevelopmentCredentials.read(dataDir.resolve(DevelopmentCredentials.FILE)).auditorPassword());
            ResponseEntity<byte[]> old = auditor.getForEntity(hub.url("/api/messages/" + beforeId + "/body"), byte[].class);
            assertThat(old.getBody()).isEqualTo(before);
            assertThat(auditor.getForEntity(hub.url("/api/messages/" + afterId + "/body"), byte[].class).getBody())
                    .isEqualTo(after);
        }

        // at rest, each body sealed with the key of its time, none in plain text
        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("lmx") + ";IFEXISTS=TRUE";
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             PreparedStatement query = db.prepareStatement("SELECT body FROM message_log WHERE message_id = ?")) {
            assertThat(DataCipher.keyIdOf(body(query, beforeId))).contains("2025-1");
            assertThat(DataCipher.keyIdOf(body(query, afterId))).contains("2026-1");
            assertThat(new String(body(query, beforeId), StandardCharsets.ISO_8859_1)).doesNotContain("ExchangeMessage");
        }

        Map<String, String> keys = new HashMap<>(Map.of("LMX_DATA_KEY", second, "LMX_DATA_KEYS_PREVIOUS", first));
        Verified intact = verifyOffline(dataDir, keys);
        assertThat(intact.exit()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("INTACT: 2 entries");
        Verified withoutPrevious = verifyOffline(dataDir, Map.of("LMX_DATA_KEY", second));
        assertThat(withoutPrevious.exit()).as(withoutPrevious.output()).isEqualTo(2);
        assertThat(withoutPrevious.output()).contains("BROKEN", beforeId, "cannot be decrypted", "data key 2025-1");
    }

    private record Verified(int exit, String output) {
    }

    /** {@code lmx log verify --data-dir DIR} as an operator runs it, with the data keys in its environment. */
    private static Verified verifyOffline(Path dataDir, Map<String, String> environment) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", JAR.toString(), "log", "verify",
                "--data-dir", dataDir.toString())).redirectErrorStream(true);
        builder.environment().remove("LMX_DATA_KEY");
        builder.environment().remove("LMX_DATA_KEYS_PREVIOUS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Verified(process.exitValue(), output.strip());
    }

    private static byte[] body(PreparedStatement query, String messageId) throws Exception {
        query.setString(1, messageId);
        try (ResultSet rs = query.executeQuery()) {
            assertThat(rs.next()).as(messageId).isTrue();
            return rs.getBytes(1);
        }
    }

    private static String key(String id) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }
}
