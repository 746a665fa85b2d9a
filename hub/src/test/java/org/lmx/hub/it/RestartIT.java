package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmx.hub.HubApplication;
import org.lmx.hub.config.DataDirectory;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.AgreementSummary;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An operator restarts the hub on the same data directory: the PKI, the credentials and the agreements are
 * the same afterwards; nothing is generated again.
 */
class RestartIT {

    @Test
    void aRestartKeepsPkiCredentialsAndAgreements() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-data-").toAbsolutePath();

        Snapshot first;
        try (ConfigurableApplicationContext hub = start(dataDir)) {
            assertThat(hub.getBean(DataDirectory.class).createdNow()).hasSize(3);
            first = Snapshot.of(dataDir, hub);
        }
        try (ConfigurableApplicationContext hub = start(dataDir)) {
            assertThat(hub.getBean(DataDirectory.class).createdNow()).as("nothing created on a restart").isEmpty();
            Snapshot second = Snapshot.of(dataDir, hub);
            assertThat(second).isEqualTo(first);
        }
    }

    /** A hub of its own, beside the one the other ITs share in this JVM (see SecondHub). */
    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(HubApplication.class)
                .run(SecondHub.arguments("--lmx.data-dir=" + dataDir, "--server.port=0", "--server.address=127.0.0.1",
                        "--lmx.broker.core-port=0", "--lmx.broker.amqp-port=0"));
    }

    /** What must not change across a restart. */
    record Snapshot(String hubCa, String hubKey, String koreaCertificate, String credentials, List<AgreementSummary> agreements) {
        static Snapshot of(Path dataDir, ConfigurableApplicationContext hub) throws Exception {
            return new Snapshot(Files.readString(dataDir.resolve("pki/hub-ca.crt.pem")),
                    Files.readString(dataDir.resolve("pki/KAZ_MLSP.key.pem")),
                    Files.readString(dataDir.resolve("pki/KOR_MOEL.crt.pem")),
                    Files.readString(dataDir.resolve("credentials.properties")),
                    hub.getBean(AgreementRegistry.class).list());
        }
    }
}
