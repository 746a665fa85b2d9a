package org.lmx.hub.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lmx.hub.config.DevelopmentCredentials;
import org.lmx.routes.log.LogVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lmx log verify}: walks the message log's hash chain and re-hashes every stored body, receipt and
 * attachment, through a running hub or offline on a stopped hub's data directory, and names the first broken
 * entry.
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        // 2 means broken here, so a usage error must not look like one
        exitCodeOnInvalidInput = 1,
        description = {"Verify the message log's hash chain and stored contents.",
                "Walks the chain over every entry and re-hashes every stored body, receipt and",
                "attachment against its digest, through a running hub (--hub) or offline on a",
                "stopped hub's data directory.",
                "Exit code 0 intact, 2 broken (the first broken entry is named), 1 error or usage error."})
final class LogVerifyCommand implements Callable<Integer> {

    @Option(names = "--hub", paramLabel = "URL", description = "a running hub, e.g. http://localhost:8080 (GET /api/log/verify)")
    String hub;

    @Option(names = "--user", paramLabel = "U", defaultValue = DevelopmentCredentials.AUDITOR,
            description = "the admin API user with --hub (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", paramLabel = "P",
            description = "its password (default: the development password in DATA_DIR/" + DevelopmentCredentials.FILE + ")")
    String password;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "the hub's data directory: its database offline, its credentials with --hub (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC",
            description = {"offline on another database than DATA_DIR's H2, e.g. a restored PostgreSQL:",
                    "jdbc:postgresql://HOST:5432/lmx (user and password: --db-user, --db-password,",
                    "or SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD)"})
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "U", defaultValue = "${env:SPRING_DATASOURCE_USERNAME}",
            description = "the database user with --db-url")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "P", defaultValue = "${env:SPRING_DATASOURCE_PASSWORD}",
            description = "its password with --db-url")
    String dbPassword;

    @Override
    public Integer call() throws Exception {
        LogVerification verification = hub != null
                ? new HubLogVerification(hub).fetch(user, password != null ? password : DevelopmentPasswords.of(dataDir, user))
                : dbUrl != null ? OfflineLogVerification.verify(dbUrl, dbUser, dbPassword)
                : OfflineLogVerification.verify(dataDir);
        System.out.println(verification.summary());
        return verification.intact() ? 0 : 2;
    }
}
