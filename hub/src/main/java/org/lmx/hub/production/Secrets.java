package org.lmx.hub.production;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The production secrets: each named like {@code operator.password}, taken from the environment variable of the same
 * name in upper case with {@code LMX_} before it and every other character than a letter or digit as {@code _}
 * ({@code LMX_OPERATOR_PASSWORD}), else from the secrets file (a properties file only its owner may read). The
 * environment wins, so that an orchestrator's secret overrides a file. Nothing here is ever generated.
 */
public final class Secrets {

    public static final String OPERATOR = "operator.password";
    public static final String AUDITOR = "auditor.password";
    /** Optional: without it there is no {@code monitoring} user (Prometheus then needs another way in). */
    public static final String MONITORING = "monitoring.password";
    public static final String CAMUNDA_ADMIN = "camunda.admin.password";
    public static final String SIGNING_KEYSTORE = "signing.keystore.password";

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final Map<String, String> environment;
    private final Properties file = new Properties();
    private final Path path;
    private final List<String> problems = new ArrayList<>();

    private Secrets(Map<String, String> environment, Path path) {
        this.environment = environment;
        this.path = path;
    }

    /** @param path the secrets file, or null: the environment only */
    public static Secrets load(Map<String, String> environment, Path path) {
        Secrets secrets = new Secrets(Map.copyOf(environment), path);
        if (path != null) {
            secrets.read();
        }
        return secrets;
    }

    private void read() {
        if (!Files.isRegularFile(path)) {
            problems.add("the secrets file " + path + " does not exist");
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                problems.add("the secrets file " + path + " may be read or written by others than its owner"
                        + " (chmod 600 " + path + ")");
            }
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this file system: nothing to check
        } catch (IOException e) {
            problems.add("cannot read the permissions of the secrets file " + path + ": " + e.getMessage());
        }
        try (Reader reader = Files.newBufferedReader(path)) {
            file.load(reader);
        } catch (IOException e) {
            problems.add("cannot read the secrets file " + path + ": " + e.getMessage());
        }
    }

    /** The environment variable that holds secret {@code name}. */
    public static String environmentName(String name) {
        return "LMX_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public Optional<String> get(String name) {
        String value = environment.get(environmentName(name));
        if (value == null || value.isEmpty()) {
            value = file.getProperty(name);
        }
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The secret, which {@link ProductionReadiness} has made sure is there. */
    public String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("no secret " + name));
    }

    /** Where a secret is looked for, for messages: {@code set LMX_OPERATOR_PASSWORD or operator.password in FILE}. */
    public String where(String name) {
        return "set " + environmentName(name) + " or " + name + " in "
                + (path == null ? "a secrets file (LMX_SECRETS_FILE)" : path);
    }

    /** What is wrong with the secrets file itself (missing, readable by others). */
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
