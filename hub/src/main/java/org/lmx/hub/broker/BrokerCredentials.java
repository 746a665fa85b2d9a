package org.lmx.hub.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Properties;
import org.lmx.hub.config.PasswordFile;

/**
 * The broker users' passwords (the hub's own and one per agency), generated into the data directory when a user
 * first needs one (owner-only file): nothing secret is committed, each installation has its own, and an agency
 * added by a later agreement gets its password at that reload. Development credentials: a production broker
 * has its own user store.
 */
public final class BrokerCredentials {

    public static final String FILE = "broker-credentials.properties";
    public static final String HUB_USER = "lmx-hub";

    private final Path file;
    private final Properties passwords = new Properties();

    private BrokerCredentials(Path file) {
        this.file = file;
    }

    /** Reads the file (creating it with the hub's password on first start). */
    public static BrokerCredentials open(Path file) {
        BrokerCredentials credentials = new BrokerCredentials(file);
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                credentials.passwords.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the broker credentials " + file, e);
            }
        }
        credentials.ensure(java.util.List.of(HUB_USER));
        return credentials;
    }

    public Path file() {
        return file;
    }

    /** Gives every user that has none a new password, and writes the file if anything was added. */
    public synchronized void ensure(Collection<String> users) {
        boolean added = false;
        for (String user : users) {
            if (passwords.getProperty(key(user)) == null) {
                passwords.setProperty(key(user), PasswordFile.newPassword());
                added = true;
            }
        }
        if (added) {
            write();
        }
    }

    public synchronized String password(String user) {
        String password = passwords.getProperty(key(user));
        if (password == null) {
            throw new IllegalArgumentException("no broker password for " + user + " in " + file);
        }
        return password;
    }

    private static String key(String user) {
        return user + ".password";
    }

    private void write() {
        try {
            PasswordFile.write(file, passwords, "LMX Hub broker users: the hub (" + HUB_USER + ") and one per agency"
                    + " (generated; development only)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker credentials " + file, e);
        }
    }
}
