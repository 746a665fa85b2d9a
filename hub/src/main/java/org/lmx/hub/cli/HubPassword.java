package org.lmx.hub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.lmx.hub.config.DevelopmentCredentials;

/** The development password of an admin API user, from the hub's data directory, for commands that call the hub. */
final class HubPassword {

    private HubPassword() {
    }

    static String development(Path dataDir, String user) throws CliFailure {
        Path file = dataDir.resolve(DevelopmentCredentials.FILE);
        if (!Files.isReadable(file)) {
            throw new CliFailure("no " + file + " to read the password of " + user + " from: give --password, or the hub's --data-dir");
        }
        DevelopmentCredentials credentials;
        try {
            credentials = DevelopmentCredentials.read(file);
        } catch (RuntimeException e) {
            throw new CliFailure(e.getMessage() + ": give --password");
        }
        return switch (user) {
            case DevelopmentCredentials.AUDITOR -> credentials.auditorPassword();
            case DevelopmentCredentials.OPERATOR -> credentials.operatorPassword();
            default -> throw new CliFailure(file + " has no password for " + user + ": give --password");
        };
    }
}
