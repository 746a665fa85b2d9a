package org.lmx.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.Pkcs12;
import org.lmx.connectors.pki.RevocationReason;

/**
 * {@code lmx sign} and {@code lmx verify} as Korea's integration engineer uses them on the committed
 * work-permit application: sign with a PEM key or a PKCS#12 file, verify, tamper, see the code.
 */
class SignVerifyCommandTest {

    private static final Path SAMPLE = Path.of("..", "examples", "documents", "WorkPermitApplication.xml");

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();

    private CertificateAuthority ca;
    private Credential korea;
    private Path caPem;

    @BeforeEach
    void pki() throws Exception {
        ca = CertificateAuthority.create(dir.resolve("pki"), CertificateAuthority.DEFAULT_CRL_URL);
        korea = ca.issue("KOR:MOEL", KeyAlgorithm.EC_P256, Duration.ofDays(365));
        Pem.writePrivateKey(dir.resolve("KOR_MOEL.key.pem"), korea.privateKey());
        Pem.writeCertificate(dir.resolve("KOR_MOEL.crt.pem"), korea.certificate());
        caPem = dir.resolve("pki").resolve(CertificateAuthority.CERTIFICATE_FILE);
    }

    @Test
    void signVerifyTamperRoundTrip() throws Exception {
        Path signed = dir.resolve("signed.xml");
        assertThat(LmxCommand.run("sign", "--key", dir.resolve("KOR_MOEL.key.pem").toString(),
                "--cert", dir.resolve("KOR_MOEL.crt.pem").toString(), "--in", SAMPLE.toString(), "--out", signed.toString()))
                .isZero();
        assertThat(console.all()).contains("SIGNED").contains("KOR:MOEL");

        assertThat(LmxCommand.run("verify", "--trust", caPem.toString(), "--party", "KOR:MOEL", signed.toString())).isZero();
        assertThat(console.all()).contains("VALID    " + signed).contains("signed by KOR:MOEL");

        Path tampered = Files.writeString(dir.resolve("tampered.xml"),
                Files.readString(signed).replace("<Region>KZ-23</Region>", "<Region>KZ-75</Region>"));
        assertThat(Files.readString(tampered)).isNotEqualTo(Files.readString(signed));
        assertThat(LmxCommand.run("verify", "--trust", caPem.toString(), tampered.toString())).isEqualTo(1);
        assertThat(console.all()).contains("INVALID  " + tampered + " [LMX-SIG-DIGEST-MISMATCH]");

        assertThat(LmxCommand.run("verify", "--trust", caPem.toString(), "--party", "UZB:MEHNAT", signed.toString())).isEqualTo(1);
        assertThat(console.all()).contains("[LMX-CERT-WRONG-PARTY]");
    }

    @Test
    void theReadmeRoundTripFromPkiInit() throws Exception {
        Path pki = dir.resolve("demo-pki");
        assertThat(LmxCommand.run("pki", "init", "--dir", pki.toString())).isZero();
        Path signed = dir.resolve("signed.xml");
        assertThat(LmxCommand.run("sign", "--key", pki.resolve("KOR_MOEL.p12").toString(), "--fresh",
                "--in", SAMPLE.toString(), "--out", signed.toString())).isZero();
        String trust = pki.resolve("hub-ca.crt.pem").toString();
        assertThat(LmxCommand.run("verify", "--trust", trust, "--party", "KOR:MOEL", signed.toString())).isZero();

        Path tampered = Files.writeString(dir.resolve("tampered.xml"),
                Files.readString(signed).replace("<Sex>M</Sex>", "<Sex>F</Sex>"));
        assertThat(Files.readString(signed)).contains("<Sex>M</Sex>");
        assertThat(LmxCommand.run("verify", "--trust", trust, tampered.toString())).isEqualTo(1);
        assertThat(console.all()).contains("[LMX-SIG-DIGEST-MISMATCH]");

        // a document signed by one demo party does not pass as another's
        assertThat(LmxCommand.run("verify", "--trust", trust, "--party", "UZB:MEHNAT", signed.toString())).isEqualTo(1);
        assertThat(console.all()).contains("[LMX-CERT-WRONG-PARTY]");
    }

    @Test
    void freshStampsANewMessageIdAndCreated() throws Exception {
        Path p12 = dir.resolve("KOR_MOEL.p12");
        Pkcs12.write(p12, korea, "s3cret-for-test".toCharArray());
        Files.writeString(dir.resolve("p12-password.txt"), "s3cret-for-test\n");
        Path signed = dir.resolve("fresh.xml");

        assertThat(LmxCommand.run("sign", "--key", p12.toString(), "--fresh", "--in", SAMPLE.toString(),
                "--out", signed.toString())).isZero();
        String original = Files.readString(SAMPLE);
        String fresh = Files.readString(signed);
        assertThat(messageId(fresh)).isNotEqualTo(messageId(original)).matches("[0-9a-f-]{36}");
        Instant created = java.time.OffsetDateTime.parse(between(fresh, "<Created>", "</Created>")).toInstant();
        assertThat(created).isBetween(Instant.now().minus(1, ChronoUnit.MINUTES), Instant.now().plusSeconds(1));
        assertThat(LmxCommand.run("verify", "--trust", caPem.toString(), signed.toString())).isZero();
    }

    @Test
    void aRevokedSignerIsRefusedWithTheCrl() throws Exception {
        Path signed = dir.resolve("signed.xml");
        LmxCommand.run("sign", "--key", dir.resolve("KOR_MOEL.key.pem").toString(),
                "--cert", dir.resolve("KOR_MOEL.crt.pem").toString(), "--in", SAMPLE.toString(), "--out", signed.toString());
        ca.revoke(korea.certificate(), RevocationReason.KEY_COMPROMISE);
        Path crl = dir.resolve("hub-ca.crl.pem");
        Pem.writeCrl(crl, ca.crl(Instant.now().plus(1, ChronoUnit.DAYS)));

        assertThat(LmxCommand.run("verify", "--trust", caPem.toString(), "--crl", crl.toString(), signed.toString())).isEqualTo(1);
        assertThat(console.all()).contains("[LMX-CERT-REVOKED]");
    }

    @Test
    void anInvalidDocumentIsNotSigned() throws Exception {
        Path invalid = Files.writeString(dir.resolve("invalid.xml"),
                Files.readString(SAMPLE).replaceFirst("<Created>[^<]+</Created>", "<Created>2026-11-24T10:15:00</Created>"));
        Path signed = dir.resolve("signed.xml");
        assertThat(LmxCommand.run("sign", "--key", dir.resolve("KOR_MOEL.key.pem").toString(),
                "--cert", dir.resolve("KOR_MOEL.crt.pem").toString(), "--in", invalid.toString(), "--out", signed.toString()))
                .isEqualTo(1);
        assertThat(console.all()).contains("[LMX-XML-SCHEMA-INVALID]");
        assertThat(signed).doesNotExist();
    }

    @Test
    void missingArgumentsAreAUsageError() {
        assertThat(LmxCommand.run("verify", "--trust", caPem.toString())).isEqualTo(2);
        assertThat(LmxCommand.run("sign", "--key", dir.resolve("KOR_MOEL.key.pem").toString(), "--in", SAMPLE.toString(),
                "--out", dir.resolve("x.xml").toString())).isEqualTo(2);
    }

    private static String messageId(String xml) {
        return between(xml, "<MessageId>", "</MessageId>");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
