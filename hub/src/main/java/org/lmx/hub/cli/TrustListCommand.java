package org.lmx.hub.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.lmx.hub.config.DevelopmentCredentials;
import org.lmx.hub.trust.HubPki;
import org.lmx.hub.trust.HubTrust;
import org.lmx.hub.trust.TrustInventory;
import org.lmx.hub.trust.TrustReport;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.FileReport;
import org.lmx.routes.agreements.ReloadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code lmx trust list}: every certificate of the agreements and of the hub's PKI with its state, offline on a data
 * directory (the agreement files as the hub would import them) or through a running hub ({@code GET /api/trust}).
 */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        // 2 is a usage error, 3 means something expires: keep them apart
        description = {"List every certificate the hub trusts or signs with, and its state:",
                "VALID, EXPIRING (within --expiring-within), EXPIRED, NOT_YET_VALID, ENTRY_ENDED.",
                "Offline on a data directory (its agreement files, imported into a scratch database",
                "as the hub would, and its pki/), or through a running hub with --hub (GET /api/trust,",
                "which adds the CRL locations the hub has asked).",
                "Exit code 0 nothing to do, 3 a certificate of an agreement in force or of the hub is",
                "EXPIRING or EXPIRED, 1 error, 2 usage error."})
final class TrustListCommand implements Callable<Integer> {

    static final int ATTENTION = 3;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "the hub's data directory: agreements/ and pki/ offline, credentials with --hub (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--hub", paramLabel = "URL", description = "a running hub, e.g. http://localhost:8080 (GET /api/trust)")
    String hub;

    @Option(names = "--user", paramLabel = "U", defaultValue = DevelopmentCredentials.AUDITOR,
            description = "the admin API user with --hub (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", paramLabel = "P",
            description = "its password (default: the development password in DATA_DIR/" + DevelopmentCredentials.FILE + ")")
    String password;

    @Option(names = "--expiring-within", paramLabel = "DURATION", defaultValue = "P30D", converter = IsoDuration.class,
            description = "the warning window, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration expiringWithin;

    @Option(names = "--hub-party", paramLabel = "PARTY", defaultValue = "KAZ:MLSP",
            description = "offline: whose certificate in DIR/pki is the hub's signing certificate (default: ${DEFAULT-VALUE})")
    String hubParty;

    @Option(names = "--json", description = "print the inventory as JSON (the shape of GET /api/trust) instead of a table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        TrustReport report = hub != null
                ? new HubTrustReport(hub).fetch(user, password != null ? password : DevelopmentPasswords.of(dataDir, user),
                        expiringWithin)
                : offline();
        if (json) {
            System.out.println(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            TrustTable.print(report, System.out);
        }
        return report.needsAttention() ? ATTENTION : 0;
    }

    /** The agreement files imported into a scratch database as the hub would, and the hub's certificates in DIR/pki. */
    private TrustReport offline() throws CliFailure {
        Path agreements = dataDir.resolve("agreements");
        Path pki = dataDir.resolve("pki");
        if (!Files.isDirectory(agreements)) {
            throw new CliFailure("no directory " + agreements + ": give the hub's --data-dir, or --hub");
        }
        AgreementRegistry registry = new AgreementRegistry(ScratchDatabase.create(), agreements, pki, Clock.systemUTC());
        ReloadReport reload = registry.reload("lmx trust list");
        for (FileReport refused : reload.refused()) {
            System.err.println("NOTE     " + refused.fileName() + " would be refused by the hub (it keeps the version it "
                    + "has): " + refused.problems());
        }
        Instant now = Instant.now();
        return new TrustReport(now, TrustInventory.iso(expiringWithin), TrustInventory.of(HubTrust.current(registry),
                HubPki.ofPkiDirectory(pki, hubParty), hubParty, now, expiringWithin), List.of());
    }

    /** ISO-8601 (P30D, PT12H), not negative. */
    static final class IsoDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration duration = Duration.parse(value);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
            return duration;
        }
    }
}
