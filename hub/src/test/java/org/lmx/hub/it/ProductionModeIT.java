package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.Pkcs12;
import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.hub.camunda.DevelopmentCaseworkers;
import org.lmx.hub.config.DevelopmentCredentials;

/**
 * The production profile as an operator meets it, in a hub JVM of its own: a data directory a development start has
 * made is refused with every reason and exit code 1; a clean one with a secrets file and a signing key of the
 * ministry's own CA starts, and takes its users' passwords from the secrets, generating nothing.
 */
class ProductionModeIT {

    private static final Duration START = Duration.ofSeconds(120);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDevelopmentDataDirectoryIsRefusedWithEveryReason() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "production-refused-").toAbsolutePath();
        try (HubProcess development = new HubProcess(dataDir, HubProcess.freePort(), HubProcess.freePort())) {
            development.start();
            development.awaitReady(START);
        }
        HubProcess production = new HubProcess(dataDir, HubProcess.freePort(), HubProcess.freePort(),
                "--spring.profiles.active=production", "--lmx.demo=true", "--lmx.simulators.enabled=true");
        production.start();

        assertThat(production.awaitExit(START)).as("exit code").isEqualTo(1);
        String output = Files.readString(production.output());
        assertThat(output).contains("APPLICATION FAILED TO START", "LMX Hub refuses to start in production")
                .contains("the development PKI is in " + dataDir.resolve("pki"))
                .contains("lmx.demo=true", "lmx.simulators.enabled=true")
                .contains("demo agreements in " + dataDir.resolve("agreements"), "queue-KAZ-MIA.xml")
                .contains("development credentials " + dataDir.resolve(DevelopmentCredentials.FILE))
                .contains("development credentials " + dataDir.resolve(DevelopmentCaseworkers.FILE))
                .contains("development credentials " + dataDir.resolve(BrokerCredentials.FILE))
                .contains("the database user sa has an empty password (H2's default user sa)")
                .contains("no password for the admin API's user operator: set LMX_OPERATOR_PASSWORD or operator.password in a secrets file")
                .contains("no password for Camunda's administrator lmx-admin: set LMX_CAMUNDA_ADMIN_PASSWORD")
                .contains("no signing key for the hub")
                .contains("no data key to encrypt message bodies and attachments at rest: set LMX_DATA_KEY")
                .contains("demo users in Camunda's identity tables: admin, consular-officer, permit-officer,"
                        + " quota-officer, supervisor")
                .contains("ERROR    the hub refuses to start in production, for 15 reason(s) listed above")
                // one clear report, not a stack trace
                .doesNotContain("\tat org.springframework");
    }

    @Test
    void aCleanDataDirectoryStartsWithTheSecretsAndItsOwnSigningKey() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "production-clean-").toAbsolutePath();
        Path outside = Files.createTempDirectory(Path.of("target"), "production-secrets-").toAbsolutePath();
        // the ministry's own CA, nowhere in the data directory
        CertificateAuthority ministryCa = CertificateAuthority.create(outside.resolve("ca"), CertificateAuthority.DEFAULT_CRL_URL);
        Credential hub = ministryCa.issue("KAZ:MLSP", KeyAlgorithm.EC_P256, Duration.ofDays(365));
        String keystorePassword = "keystore-" + System.nanoTime();
        Path keystore = outside.resolve("hub-signing.p12");
        Pkcs12.write(keystore, hub, keystorePassword.toCharArray());
        String operatorPassword = "operator-" + System.nanoTime();
        String adminPassword = "admin-" + System.nanoTime();
        Path secrets = outside.resolve("secrets.properties");
        Files.writeString(secrets, String.join("\n",
                "operator.password=" + operatorPassword,
                "auditor.password=auditor-" + System.nanoTime(),
                "camunda.admin.password=" + adminPassword,
                "signing.keystore.password=" + keystorePassword,
                "broker.lmx-hub.password=broker-" + System.nanoTime(),
                "data.key=2026-1:" + Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32))),
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));

        try (HubProcess production = new HubProcess(dataDir, HubProcess.freePort(), HubProcess.freePort(),
                "--spring.profiles.active=production", "--lmx.production.secrets-file=" + secrets,
                "--lmx.production.signing-keystore=" + keystore,
                "--spring.datasource.password=database-" + System.nanoTime())) {
            production.start();
            production.awaitReady(START);

            assertThat(get(production.url("/api/agreements"), "operator", operatorPassword)).isEqualTo(200);
            assertThat(get(production.url("/api/agreements"), "operator", "not-" + operatorPassword)).isEqualTo(401);
            assertThat(get(production.url("/engine-rest/user?id=lmx-admin"), "lmx-admin", adminPassword)).isEqualTo(200);
            assertThat(get(production.url("/engine-rest/user?id=lmx-admin"), "admin", adminPassword)).isEqualTo(401);
            assertThat(dataDir.resolve(DevelopmentCredentials.FILE)).doesNotExist();
            assertThat(dataDir.resolve(DevelopmentCaseworkers.FILE)).doesNotExist();
            assertThat(dataDir.resolve(BrokerCredentials.FILE)).doesNotExist();
            assertThat(dataDir.resolve("pki").resolve(CertificateAuthority.KEY_FILE)).doesNotExist();
            try (var agreements = Files.list(dataDir.resolve("agreements"))) {
                assertThat(agreements).as("demo agreements").isEmpty();
            }
            assertThat(Files.readString(production.output())).contains("production mode: no development PKI")
                    .contains("created Camunda's first administrator lmx-admin")
                    .contains("message bodies and attachments are encrypted at rest with data key 2026-1")
                    .doesNotContain(operatorPassword, adminPassword, keystorePassword);
        }
    }

    private int get(String url, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
