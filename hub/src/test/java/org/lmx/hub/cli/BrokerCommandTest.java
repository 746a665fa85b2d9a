package org.lmx.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.hub.broker.BrokerCredentials;

/** {@code lmx broker security}: the external broker's configuration for the agencies of a data directory's agreements. */
class BrokerCommandTest {

    private static final Path DEMO = Path.of("src/main/resources/demo/agreements");

    @RegisterExtension
    final Console console = new Console();

    @TempDir
    Path dir;

    @Test
    void everyQueueAgreementMakesAnAgencyWithAPasswordInTheDataDirectory() throws Exception {
        PkiDirectory.init(dir.resolve("pki"), URI.create("http://localhost:8080/pki/crl/hub-ca.crl"), false);
        Path agreements = Files.createDirectories(dir.resolve("agreements"));
        for (String file : new String[] {"queue-KAZ-MIA.xml", "queue-KAZ-BORDER.xml", "soap-push-KOR-MOEL.xml"}) {
            Files.copy(DEMO.resolve(file), agreements.resolve(file));
        }
        Files.writeString(agreements.resolve("queue-KAZ-BROKEN.xml"), Files.readString(DEMO.resolve("queue-KAZ-SRC.xml"))
                .replace("<Hub>KAZ:MLSP</Hub>", "<Hub>KAZ:SRC</Hub>"));

        assertThat(LmxCommand.run("broker", "security", "--data-dir", dir.toString())).isZero();

        BrokerCredentials credentials = BrokerCredentials.open(dir.resolve(BrokerCredentials.FILE));
        assertThat(console.out()).contains("2 agencies (BORDER, MIA)")
                .containsPattern("(?m)^MIA = ENC\\(").containsPattern("(?m)^BORDER = ENC\\(").containsPattern("(?m)^lmx-hub = ENC\\(")
                .contains("agency-MIA = MIA", "<security-setting match=\"lmx.agency.MIA.out\">", "<address name=\"lmx.agency.BORDER.dlq\">")
                .doesNotContain("KOR", "MOEL", "SRC", credentials.password("MIA"));
        assertThat(console.err()).contains("WARNING  queue-KAZ-BROKEN.xml refused");
    }

    @Test
    void withoutAgreementsItSaysWhatIsMissing() {
        assertThat(LmxCommand.run("broker", "security", "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(console.err()).contains("ERROR    no agreements directory " + dir.resolve("agreements"));
    }
}
