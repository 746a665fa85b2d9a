package org.lmx.hub.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Properties;

/**
 * The broker users' passwords (the hub's own and one per agency), generated into the data directory when a user
 * first needs one (owner-only file): nothing secret is committed, each installation has its own, and an agency
 * added by a later agreement gets its password at that reload. Development credentials: a production broker
 * has its own user store.
 */
public final class BrokerCredentials {

    public static final String FILE = "broker-credentials.properties";
    public static final String HUB_USER = "lmx-hub";

    private static final SecureRandom RANDOM = new SecureRandom();

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
                passwords.setProperty(key(user), newPassword());
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
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            }
            try (Writer w = Files.newBufferedWriter(tmp)) {
                passwords.store(w, "LMX Hub broker users: the hub (" + HUB_USER + ") and one per agency"
                        + " (generated; development only)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker credentials " + file, e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
