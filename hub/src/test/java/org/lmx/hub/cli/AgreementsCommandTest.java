package org.lmx.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.pki.PkiDirectory;

/** {@code lmx agreements validate}: the hub's import checks, offline, on the demo agreement of Korea. */
class AgreementsCommandTest {

    private static final Path KOREA = Path.of("src/main/resources/demo/agreements/soap-push-KOR-MOEL.xml");

    @RegisterExtension
    final Console console = new Console();

    @TempDir
    Path dir;

    @Test
    void aDemoAgreementIsValidAgainstTheDevelopmentPki() throws Exception {
        Path pki = pki();
        assertThat(LmxCommand.run("agreements", "validate", "--trust-dir", pki.toString(), KOREA.toString())).isZero();
        assertThat(console.out()).contains("VALID    " + KOREA + " (AGR-KOR-MOEL version 1)");
    }

    @Test
    void everyProblemOfABrokenFileIsListed() throws Exception {
        Path pki = pki();
        Path broken = Files.writeString(dir.resolve("broken.xml"), Files.readString(KOREA)
                .replace("<CertificateFile>KOR_MOEL.crt.pem</CertificateFile>", "<CertificateFile>KOR_NOPE.crt.pem</CertificateFile>")
                .replace("<Hub>KAZ:MLSP</Hub>", "<Hub>KAZ:MIA</Hub>"));
        assertThat(LmxCommand.run("agreements", "validate", "--trust-dir", pki.toString(), broken.toString())).isEqualTo(1);
        assertThat(console.out()).contains("INVALID  " + broken).contains("KOR_NOPE.crt.pem").contains("KAZ:MIA");
    }

    private Path pki() throws Exception {
        Path pki = dir.resolve("pki");
        PkiDirectory.init(pki, URI.create("http://localhost:8080/pki/crl/hub-ca.crl"), false);
        return pki;
    }
}
