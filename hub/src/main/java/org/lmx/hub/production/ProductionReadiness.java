package org.lmx.hub.production;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.Pkcs12;
import org.lmx.connectors.pki.PkiException;
import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.hub.camunda.DevelopmentCaseworkers;
import org.lmx.hub.config.DataDirectory;
import org.lmx.hub.config.DevelopmentCredentials;
import org.lmx.hub.config.LmxProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Everything that makes a hub a development hub, looked for all at once so that the operator hears every reason in
 * one go: the development PKI, the demo, demo agreements, the generated development credentials, missing, default or
 * short passwords, the demo users in Camunda's identity tables, the simulators. Also reads the hub's signing key from
 * its PKCS#12 file (a reason too, if it cannot).
 */
public final class ProductionReadiness {

    /** Shorter passwords are refused: the API users' are checked by HTTP Basic on every call, without lockout. */
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Set<String> DEFAULT_PASSWORDS = Set.of("sa", "admin", "password", "changeit", "changeme",
            "secret", "guest", "artemis", "camunda", "demo", "operator", "auditor", "postgres", "root", "lmx",
            "123456", "12345678", "123456789012");

    /** The datasource's user and password as configured ({@code spring.datasource.*}). */
    public record Datasource(String url, String username, String password) {
    }

    private final LmxProperties properties;
    private final Path dataRoot;
    private final Secrets secrets;
    private final Datasource datasource;
    private final Supplier<List<String>> camundaUsers;
    private final List<String> reasons = new ArrayList<>();
    private Credential signing;

    /** @param camundaUsers the ids of the users in Camunda's identity tables (none before its first start) */
    public ProductionReadiness(LmxProperties properties, Secrets secrets, Datasource datasource,
                               Supplier<List<String>> camundaUsers) {
        this.properties = properties;
        this.dataRoot = properties.dataDir().toAbsolutePath().normalize();
        this.secrets = secrets;
        this.datasource = datasource;
        this.camundaUsers = camundaUsers;
    }

    /** Checks everything; the reasons to refuse, none if the hub may start in production. */
    public List<String> check() {
        reasons.clear();
        reasons.addAll(secrets.problems());
        if (properties.demo()) {
            reasons.add("lmx.demo=true: the demo (agreements, caseworkers) is for development; set lmx.demo=false");
        }
        if (properties.simulators().enabled()) {
            reasons.add("lmx.simulators.enabled=true: the simulated agencies and partner answer in their name with"
                    + " development keys; turn them off");
        }
        developmentPki();
        signingKey();
        demoAgreements();
        developmentFiles();
        passwords();
        dataKeys();
        demoUsers();
        return List.copyOf(reasons);
    }

    /** The hub's signing credential read by {@link #check()}, if it could be. */
    public Optional<Credential> signing() {
        return Optional.ofNullable(signing);
    }

    private void developmentPki() {
        Path pki = dataRoot.resolve("pki");
        if (Files.exists(pki.resolve(CertificateAuthority.KEY_FILE))) {
            reasons.add("the development PKI is in " + pki + " (its CA key " + CertificateAuthority.KEY_FILE
                    + " can issue a certificate for any party): remove the development CA's files (hub-ca.*) and the"
                    + " demo parties' keys; keep only the certificates your agreements name");
        }
    }

    private void signingKey() {
        Path keystore = properties.production().signingKeystore();
        if (keystore == null) {
            reasons.add("no signing key for the hub: set lmx.production.signing-keystore to its PKCS#12 file");
            return;
        }
        Optional<String> password = secrets.get(Secrets.SIGNING_KEYSTORE);
        if (password.isEmpty()) {
            reasons.add("no password for the signing keystore: " + secrets.where(Secrets.SIGNING_KEYSTORE));
            return;
        }
        try {
            Credential credential = Pkcs12.read(keystore, password.get().toCharArray());
            if (!credential.party().map(properties.hubParty()::equals).orElse(false)) {
                reasons.add("the signing certificate in " + keystore + " is not " + properties.hubParty() + "'s (it is "
                        + credential.party().orElse(credential.certificate().getSubjectX500Principal().getName()) + ")");
            }
            if (issuedByDevelopmentCa(credential.certificate())) {
                reasons.add("the signing certificate in " + keystore + " is issued by the development CA of "
                        + dataRoot.resolve("pki") + ": partners must not trust it; use a certificate of your CA");
            }
            signing = credential;
        } catch (PkiException e) {
            reasons.add("cannot read the signing keystore: " + e.getMessage());
        }
    }

    private boolean issuedByDevelopmentCa(X509Certificate certificate) {
        Path caFile = dataRoot.resolve("pki").resolve(CertificateAuthority.CERTIFICATE_FILE);
        if (!Files.exists(caFile)) {
            return false;
        }
        try {
            X509Certificate ca = Pem.readCertificate(caFile);
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (PkiException | java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private void demoAgreements() {
        Path agreements = dataRoot.resolve("agreements");
        if (!Files.isDirectory(agreements)) {
            return;
        }
        Map<String, byte[]> demo = new HashMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(DataDirectory.DEMO_AGREEMENTS)) {
                try (InputStream in = file.getInputStream()) {
                    demo.put(file.getFilename(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo agreements of the classpath", e);
        }
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(agreements, "*.xml")) {
            for (Path file : files) {
                byte[] content = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                if (demo.containsKey(name) || demo.values().stream().anyMatch(d -> Arrays.equals(d, content))) {
                    found.add(name);
                }
            }
        } catch (IOException e) {
            reasons.add("cannot read the agreements in " + agreements + ": " + e.getMessage());
        }
        if (!found.isEmpty()) {
            found.sort(null);
            reasons.add(found.size() + " demo agreements in " + agreements + " (" + String.join(", ", found)
                    + "): remove them, write your own");
        }
    }

    private void developmentFiles() {
        for (String name : List.of(DevelopmentCredentials.FILE, DevelopmentCaseworkers.FILE, BrokerCredentials.FILE)) {
            Path file = dataRoot.resolve(name);
            if (Files.exists(file)) {
                reasons.add("development credentials " + file + " (generated at a development start): remove the"
                        + " file; in production passwords come from the environment or the secrets file");
            }
        }
    }

    private void passwords() {
        secret(Secrets.OPERATOR, "the admin API's user operator");
        secret(Secrets.AUDITOR, "the admin API's user auditor");
        secret(Secrets.CAMUNDA_ADMIN, "Camunda's administrator " + properties.production().camundaAdmin());
        if (secrets.get(Secrets.MONITORING).isPresent()) {
            secret(Secrets.MONITORING, "the metrics user monitoring");
        }
        Optional<String> signingPassword = secrets.get(Secrets.SIGNING_KEYSTORE);
        if (signingPassword.isPresent() && weak(signingPassword.get(), null)) {
            reasons.add("the signing keystore's password is a default one or shorter than " + MIN_PASSWORD_LENGTH);
        }
        if (datasource.password() == null || datasource.password().isEmpty()) {
            reasons.add("the database user " + datasource.username() + " has an empty password"
                    + ("sa".equalsIgnoreCase(datasource.username()) ? " (H2's default user sa)" : "")
                    + ": set spring.datasource.username and spring.datasource.password (SPRING_DATASOURCE_PASSWORD)");
        } else if (weak(datasource.password(), datasource.username())) {
            reasons.add("the database user " + datasource.username() + " has a default password or one shorter than "
                    + MIN_PASSWORD_LENGTH);
        }
        LmxProperties.Broker broker = properties.broker();
        if (broker.embedded()) {
            secret(BrokerSecrets.name(BrokerCredentials.HUB_USER), "the embedded broker's user " + BrokerCredentials.HUB_USER);
        } else if (broker.password() == null || broker.password().isEmpty()) {
            reasons.add("the hub's user at the external broker has no password: set lmx.broker.password (LMX_BROKER_PASSWORD)");
        } else if (weak(broker.password(), broker.user())) {
            reasons.add("the hub's user at the external broker has a default password or one shorter than "
                    + MIN_PASSWORD_LENGTH);
        }
    }

    /** Personal data at rest is always encrypted in production. */
    private void dataKeys() {
        try {
            if (!DataKeys.cipher(secrets).encrypts()) {
                reasons.add("no data key to encrypt message bodies and attachments at rest: " + secrets.where(DataKeys.CURRENT)
                        + " (id:base64 of 32 random bytes, e.g. 2026-1:$(openssl rand -base64 32))");
            }
        } catch (IllegalArgumentException e) {
            reasons.add("the data keys: " + e.getMessage());
        }
    }

    private void secret(String name, String whose) {
        Optional<String> value = secrets.get(name);
        if (value.isEmpty()) {
            reasons.add("no password for " + whose + ": " + secrets.where(name));
        } else if (weak(value.get(), name.substring(0, name.indexOf('.')))) {
            reasons.add("the password of " + whose + " is a default one or shorter than " + MIN_PASSWORD_LENGTH);
        }
    }

    static boolean weak(String password, String user) {
        String lower = password.toLowerCase(Locale.ROOT);
        return password.length() < MIN_PASSWORD_LENGTH || DEFAULT_PASSWORDS.contains(lower)
                || (user != null && lower.equals(user.toLowerCase(Locale.ROOT)));
    }

    private void demoUsers() {
        String admin = properties.production().camundaAdmin();
        List<String> demo = DevelopmentCaseworkers.USERS.stream().map(DevelopmentCaseworkers.Caseworker::id)
                .filter(id -> !id.equals(admin)).toList();
        List<String> found = camundaUsers.get().stream().filter(demo::contains).sorted().toList();
        if (!found.isEmpty()) {
            reasons.add("demo users in Camunda's identity tables: " + String.join(", ", found)
                    + " (delete them in Camunda Admin or with the identity service)");
        }
    }
}
