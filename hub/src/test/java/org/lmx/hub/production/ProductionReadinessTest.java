package org.lmx.hub.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.Pkcs12;
import org.lmx.hub.config.LmxProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ProductionReadinessTest {

    private static final String STRONG = "a-long-enough-secret";

    @TempDir
    Path dir;

    @Test
    void theEnvironmentWinsOverTheFileAndNamesFollowOneRule() throws Exception {
        Path file = ownerOnly("operator.password=" + STRONG + "\nbroker.MIA.password=from-the-file\n");
        Secrets secrets = Secrets.load(Map.of("LMX_OPERATOR_PASSWORD", "from-the-environment"), file);

        assertThat(secrets.get(Secrets.OPERATOR)).contains("from-the-environment");
        assertThat(secrets.get("broker.MIA.password")).contains("from-the-file");
        assertThat(secrets.get(Secrets.AUDITOR)).isEmpty();
        assertThat(Secrets.environmentName("broker.lmx-hub.password")).isEqualTo("LMX_BROKER_LMX_HUB_PASSWORD");
        assertThat(secrets.problems()).isEmpty();
    }

    @Test
    void aSecretsFileOthersMayReadIsAReason() throws Exception {
        Path file = dir.resolve("secrets.properties");
        Files.writeString(file, "operator.password=" + STRONG);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(Secrets.load(Map.of(), file).problems()).singleElement().asString()
                .contains("may be read or written by others than its owner", "chmod 600");
        assertThat(Secrets.load(Map.of(), dir.resolve("missing")).problems()).singleElement().asString()
                .contains("does not exist");
    }

    @Test
    void defaultShortAndUserNamedPasswordsAreWeak() {
        assertThat(ProductionReadiness.weak("changeit", null)).isTrue();
        assertThat(ProductionReadiness.weak("Password", null)).isTrue();
        assertThat(ProductionReadiness.weak("short-11-ch", null)).isTrue();
        assertThat(ProductionReadiness.weak("operator-operator", "operator-operator")).isTrue();
        assertThat(ProductionReadiness.weak(STRONG, "operator")).isFalse();
    }

    @Test
    void aCleanSetupHasNoReasonAndGivesTheSigningKey() throws Exception {
        Path keystore = keystoreOf(CertificateAuthority.create(dir.resolve("ministry-ca"), CertificateAuthority.DEFAULT_CRL_URL));
        Secrets secrets = Secrets.load(Map.of(), ownerOnly(allSecrets()));

        ProductionReadiness readiness = readiness(keystore, secrets, "db-" + STRONG, List.of());

        assertThat(readiness.check()).isEmpty();
        assertThat(readiness.signing()).get().extracting(c -> c.party().orElseThrow()).isEqualTo("KAZ:MLSP");
    }

    @Test
    void aSigningKeyOfTheDevelopmentCaWeakPasswordsAndDemoUsersAreReasons() throws Exception {
        Path data = dir.resolve("data");
        CertificateAuthority development = CertificateAuthority.create(data.resolve("pki"), CertificateAuthority.DEFAULT_CRL_URL);
        Path keystore = keystoreOf(development);
        Secrets secrets = Secrets.load(Map.of(), ownerOnly(allSecrets().replace("auditor.password=" + STRONG,
                "auditor.password=auditor")));

        List<String> reasons = readiness(keystore, secrets, "sa", List.of("permit-officer", "someone")).check();

        assertThat(reasons).anyMatch(r -> r.startsWith("the development PKI is in " + data.resolve("pki")))
                .anyMatch(r -> r.contains("is issued by the development CA"))
                .anyMatch(r -> r.equals("the password of the admin API's user auditor is a default one or shorter than 12"))
                .anyMatch(r -> r.startsWith("the database user sa has a default password"))
                .anyMatch(r -> r.startsWith("demo users in Camunda's identity tables: permit-officer ("))
                .hasSize(5);
    }

    @Test
    void theMetricsUserIsOptionalButNotWithAWeakPassword() throws Exception {
        Path keystore = keystoreOf(CertificateAuthority.create(dir.resolve("ministry-ca"), CertificateAuthority.DEFAULT_CRL_URL));

        Secrets strong = Secrets.load(Map.of(), ownerOnly(allSecrets() + "\nmonitoring.password=" + STRONG));
        Secrets weak = Secrets.load(Map.of(), ownerOnly(allSecrets() + "\nmonitoring.password=monitoring"));

        assertThat(readiness(keystore, strong, "db-" + STRONG, List.of()).check()).isEmpty();
        assertThat(readiness(keystore, weak, "db-" + STRONG, List.of()).check()).singleElement()
                .isEqualTo("the password of the metrics user monitoring is a default one or shorter than 12");
    }

    private ProductionReadiness readiness(Path keystore, Secrets secrets, String databasePassword, List<String> users) {
        LmxProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "lmx.data-dir", dir.resolve("data").toString(), "lmx.demo", "false",
                "lmx.production.signing-keystore", keystore.toString())))
                .bind("lmx", LmxProperties.class).get();
        return new ProductionReadiness(properties, secrets,
                new ProductionReadiness.Datasource("jdbc:h2:mem:x", "sa", databasePassword), () -> users);
    }

    private Path keystoreOf(CertificateAuthority ca) throws Exception {
        Credential hub = ca.issue("KAZ:MLSP", KeyAlgorithm.EC_P256, Duration.ofDays(30));
        Path keystore = dir.resolve("hub-" + System.nanoTime() + ".p12");
        Pkcs12.write(keystore, hub, ("keystore-" + STRONG).toCharArray());
        return keystore;
    }

    private static String allSecrets() {
        return String.join("\n", "operator.password=" + STRONG, "auditor.password=" + STRONG,
                "camunda.admin.password=" + STRONG, "signing.keystore.password=keystore-" + STRONG,
                "broker.lmx-hub.password=" + STRONG,
                "data.key=2026-1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
    }

    private Path ownerOnly(String content) throws Exception {
        Path file = dir.resolve("secrets-" + System.nanoTime() + ".properties");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
