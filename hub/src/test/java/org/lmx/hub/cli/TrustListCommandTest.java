package org.lmx.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiDirectory;

/**
 * {@code lmx trust list} offline on a data directory: Korea's ministry's agreement as the hub would import it, with
 * its signing certificate valid, about to expire, or expired; and the hub's own PKI.
 */
class TrustListCommandTest {

    private static final Path KOREA = Path.of("src/main/resources/demo/agreements/soap-push-KOR-MOEL.xml");
    private static final String KOREA_ENTRY = "<CertificateFile>KOR_MOEL.crt.pem</CertificateFile>";

    @RegisterExtension
    final Console console = new Console();

    @TempDir
    Path dataDir;

    private PkiDirectory pki;

    @BeforeEach
    void dataDirectory() throws Exception {
        pki = PkiDirectory.init(dataDir.resolve("pki"), URI.create("http://localhost:8080/pki/crl/hub-ca.crl"), false);
        Files.createDirectories(dataDir.resolve("agreements"));
    }

    @Test
    void aDataDirectoryWithValidCertificatesListsThemAllAndExitsZero() throws Exception {
        Files.copy(KOREA, dataDir.resolve("agreements/soap-push-KOR-MOEL.xml"));

        assertThat(LmxCommand.run("trust", "list", "--data-dir", dataDir.toString())).isZero();

        String korea = Sha256.hex(pki.currentCertificate("KOR:MOEL").orElseThrow().getEncoded());
        assertThat(console.out())
                .containsPattern("VALID +\\d+ +KOR:MOEL +AGR-KOR-MOEL v1 +CA +LMX development hub CA")
                .containsPattern("VALID +\\d+ +KOR:MOEL +AGR-KOR-MOEL v1 +PINNED +KOR:MOEL signing certificate")
                .contains(korea.substring(0, 16))
                .containsPattern("VALID +\\d+ +KAZ:MLSP +\\(hub\\) +HUB_SIGNING")
                .containsPattern("VALID +\\d+ +KAZ:MLSP +\\(hub\\) +HUB_CA +development hub CA")
                .contains("4 certificates, 0 of agreements in force or of the hub EXPIRING (within P30D) or EXPIRED");
    }

    @Test
    void aPartnerCertificateEndingWithinTheWindowIsExpiringAndExitsThree() throws Exception {
        Credential soon = pki.ca().issue("KOR:MOEL", KeyAlgorithm.EC_P256, Instant.now().minus(Duration.ofDays(355)),
                Instant.now().plus(Duration.ofDays(10)));
        agreementPinning(soon, "KOR_MOEL-2025.crt.pem");

        assertThat(LmxCommand.run("trust", "list", "--data-dir", dataDir.toString())).isEqualTo(3);
        assertThat(console.out()).containsPattern("EXPIRING +(9|10) +KOR:MOEL +AGR-KOR-MOEL v1 +PINNED")
                .contains("1 of agreements in force or of the hub EXPIRING (within P30D) or EXPIRED");

        // a narrower window: nothing to do yet
        assertThat(LmxCommand.run("trust", "list", "--data-dir", dataDir.toString(), "--expiring-within", "P5D")).isZero();
    }

    @Test
    void anExpiredPartnerCertificateIsExpiredAndExitsThreeAndJsonSaysTheSame() throws Exception {
        Credential expired = pki.ca().issue("KOR:MOEL", KeyAlgorithm.EC_P256, Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(2)));
        agreementPinning(expired, "KOR_MOEL-2024.crt.pem");

        assertThat(LmxCommand.run("trust", "list", "--data-dir", dataDir.toString())).isEqualTo(3);
        assertThat(console.out()).containsPattern("EXPIRED +-[23] +KOR:MOEL +AGR-KOR-MOEL v1 +PINNED");

        assertThat(LmxCommand.run("trust", "list", "--data-dir", dataDir.toString(), "--json")).isEqualTo(3);
        assertThat(console.out()).contains("\"state\" : \"EXPIRED\"")
                .contains("\"sha256\" : \"" + Sha256.hex(expired.certificate().getEncoded()) + "\"");
    }

    @Test
    void badInputIsAUsageErrorOrARefusal() throws Exception {
        assertThat(LmxCommand.run("trust", "list", "--data-dir", dataDir.toString(), "--expiring-within", "thirty days"))
                .isEqualTo(2);
        assertThat(console.err()).contains("--expiring-within");
        assertThat(LmxCommand.run("trust", "list", "--data-dir", dataDir.resolve("nowhere").toString())).isEqualTo(1);
        assertThat(console.err()).contains("no directory").contains("nowhere");
    }

    /** Korea's demo agreement with its PINNED entry on {@code credential}'s certificate, written as {@code file}. */
    private void agreementPinning(Credential credential, String file) throws Exception {
        Pem.writeCertificate(dataDir.resolve("pki").resolve(file), credential.certificate());
        Files.writeString(dataDir.resolve("agreements/soap-push-KOR-MOEL.xml"), Files.readString(KOREA)
                .replace(KOREA_ENTRY, "<CertificateFile>" + file + "</CertificateFile>"));
    }
}
