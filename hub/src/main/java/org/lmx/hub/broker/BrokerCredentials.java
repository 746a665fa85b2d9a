package org.lmx.hub.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
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
    /** In production: where the passwords come from (the secrets); nothing is generated or written then. */
    private final Function<String, Optional<String>> given;

    private BrokerCredentials(Path file, Function<String, Optional<String>> given) {
        this.file = file;
        this.given = given;
    }

    /**
     * Production: the passwords as {@code given} (the secrets) has them, none ever generated; a user without one
     * cannot log in. {@code file} is only named in messages (where the development hub would keep them).
     */
    public static BrokerCredentials given(Path file, Function<String, Optional<String>> given) {
        return new BrokerCredentials(file, given);
    }

    /** Reads the file (creating it with the hub's password on first start). */
    public static BrokerCredentials open(Path file) {
        BrokerCredentials credentials = new BrokerCredentials(file, null);
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
        if (given != null) {
            return;
        }
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
        return find(user).orElseThrow(() -> new IllegalArgumentException("no broker password for " + user
                + (given != null ? " in the secrets" : " in " + file)));
    }

    /** The user's password, if it has one. */
    public synchronized Optional<String> find(String user) {
        return given != null ? given.apply(user) : Optional.ofNullable(passwords.getProperty(key(user)));
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
