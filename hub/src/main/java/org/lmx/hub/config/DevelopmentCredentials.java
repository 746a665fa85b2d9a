package org.lmx.hub.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The development users of the admin API, with passwords generated at first start into the data directory
 * (owner-only): nothing secret is committed, and each installation has its own.
 *
 * @param operatorPassword for the user {@code operator} (role OPERATOR: may change things, e.g. reload agreements)
 * @param auditorPassword  for the user {@code auditor} (role AUDITOR: reads everything, changes nothing)
 * @param monitoringPassword for the user {@code monitoring} (role MONITORING: health details and metrics only, for
 *                         a Prometheus server), or null: no such user
 */
public record DevelopmentCredentials(String operatorPassword, String auditorPassword, String monitoringPassword) {

    public DevelopmentCredentials(String operatorPassword, String auditorPassword) {
        this(operatorPassword, auditorPassword, null);
    }

    public static final String FILE = "credentials.properties";
    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";
    public static final String MONITORING = "monitoring";

    /** @return true if the file was created, or a user added to it (a data directory older than that user), now */
    static boolean createIfMissing(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
        }
        boolean added = false;
        for (String user : new String[] {OPERATOR, AUDITOR, MONITORING}) {
            if (p.getProperty(user + ".password") == null) {
                p.setProperty(user + ".password", PasswordFile.newPassword());
                added = true;
            }
        }
        if (added) {
            PasswordFile.write(file, p, "LMX Hub development credentials of the admin API (generated; development only)");
        }
        return added;
    }

    public static DevelopmentCredentials read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credentials file " + file, e);
        }
        return new DevelopmentCredentials(required(p, OPERATOR, file), required(p, AUDITOR, file),
                p.getProperty(MONITORING + ".password"));
    }

    private static String required(Properties p, String user, Path file) {
        String password = p.getProperty(user + ".password");
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(file + " has no " + user + ".password");
        }
        return password;
    }
}
