package org.lmx.hub.camunda;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.lmx.hub.config.PasswordFile;

/**
 * The development users of Tasklist, Cockpit and {@code /engine-rest}: one per caseworker group and an administrator,
 * with passwords generated at first start into {@value #FILE} of the data directory (owner-only), like the admin
 * API's. Development only: a hub that does not install the demo ({@code lmx.demo=false}) creates none. A user
 * already in the identity service is left as it is (an administrator may have changed its password).
 */
public final class DevelopmentCaseworkers {

    public static final String FILE = "caseworker-credentials.properties";

    /** A development user and the group it belongs to. */
    public record Caseworker(String id, String firstName, String lastName, String group) {
    }

    public static final List<Caseworker> USERS = List.of(
            new Caseworker("permit-officer", "Permit", "Officer", CaseworkerGroup.PERMIT_OFFICERS.id()),
            new Caseworker("supervisor", "Case", "Supervisor", CaseworkerGroup.SUPERVISORS.id()),
            new Caseworker("consular-officer", "Consular", "Officer", CaseworkerGroup.CONSULAR_OFFICERS.id()),
            new Caseworker("quota-officer", "Quota", "Officer", CaseworkerGroup.QUOTA_OFFICERS.id()),
            new Caseworker("admin", "Camunda", "Administrator", Groups.CAMUNDA_ADMIN));

    private DevelopmentCaseworkers() {
    }

    /**
     * Gives every development user a password in {@code file} (keeping those already there) and creates the users
     * missing from the identity service with them.
     *
     * @return the users created now
     */
    public static List<String> ensure(IdentityService identity, Path file) {
        Properties passwords = read(file);
        boolean generated = false;
        for (Caseworker user : USERS) {
            if (passwords.getProperty(key(user.id()), "").isBlank()) {
                passwords.setProperty(key(user.id()), PasswordFile.newPassword());
                generated = true;
            }
        }
        if (generated) {
            try {
                PasswordFile.write(file, passwords, "LMX Hub development caseworkers of Tasklist and /engine-rest"
                        + " (generated; development only)");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
        List<String> created = new ArrayList<>();
        for (Caseworker user : USERS) {
            if (identity.createUserQuery().userId(user.id()).count() == 0) {
                User u = identity.newUser(user.id());
                u.setFirstName(user.firstName());
                u.setLastName(user.lastName());
                u.setPassword(passwords.getProperty(key(user.id())));
                identity.saveUser(u);
                identity.createMembership(user.id(), user.group());
                created.add(user.id());
            }
        }
        return created;
    }

    /** The password of development user {@code userId} from {@code file}. */
    public static String password(Path file, String userId) {
        String password = read(file).getProperty(key(userId));
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException(file + " has no password for " + userId);
        }
        return password;
    }

    private static String key(String userId) {
        return userId + ".password";
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return p;
    }
}
