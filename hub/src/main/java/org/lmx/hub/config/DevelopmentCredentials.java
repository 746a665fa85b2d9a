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
 */
public record DevelopmentCredentials(String operatorPassword, String auditorPassword) {

    public static final String FILE = "credentials.properties";
    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";

    /** @return true if the file was created now */
    static boolean createIfMissing(Path file) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Properties p = new Properties();
        p.setProperty(OPERATOR + ".password", PasswordFile.newPassword());
        p.setProperty(AUDITOR + ".password", PasswordFile.newPassword());
        PasswordFile.write(file, p, "LMX Hub development credentials of the admin API (generated; development only)");
        return true;
    }

    public static DevelopmentCredentials read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credentials file " + file, e);
        }
        return new DevelopmentCredentials(required(p, OPERATOR, file), required(p, AUDITOR, file));
    }

    private static String required(Properties p, String user, Path file) {
        String password = p.getProperty(user + ".password");
        if (password == null || password.isBlank()) {
            throw new IllegalStateException(file + " has no " + user + ".password");
        }
        return password;
    }
}
