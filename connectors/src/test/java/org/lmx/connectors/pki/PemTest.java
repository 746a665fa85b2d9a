package org.lmx.connectors.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PEM files written and read back, and the formats openssl writes that LMX must read. */
class PemTest {

    @TempDir
    static Path caDir;

    @TempDir
    Path dir;

    private static CertificateAuthority ca;
    private static Credential korea;

    @BeforeAll
    static void createCa() throws Exception {
        ca = TestCa.create(caDir);
        korea = ca.issue("KOR:MOEL", KeyAlgorithm.EC_P256, Duration.ofDays(1));
    }

    @Test
    void certificatesRoundTripOneOrMany() throws Exception {
        Path one = dir.resolve("one.pem");
        Path chain = dir.resolve("chain.pem");
        Pem.writeCertificate(one, korea.certificate());
        Pem.writeCertificates(chain, korea.chain());

        assertThat(Pem.readCertificate(one)).isEqualTo(korea.certificate());
        assertThat(Pem.readCertificates(chain)).containsExactly(korea.certificate(), ca.certificate());
        assertThat(Pem.readCertificate(chain)).as("the first of a chain file").isEqualTo(korea.certificate());
        assertThat(Files.readString(chain)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Pem.parseCertificates(Pem.toPem(korea.chain()))).containsExactlyElementsOf(korea.chain());
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void privateKeysRoundTripAsPkcs8AndOwnerOnly(KeyAlgorithm algorithm) throws Exception {
        PrivateKey key = algorithm.generateKeyPair().getPrivate();
        Path file = dir.resolve("key.pem");
        Pem.writePrivateKey(file, key);

        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Pem.readPrivateKey(file)).isEqualTo(key);
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void rsaAndEcKeysInTheTraditionalOpensslFormatsAreRead() throws Exception {
        for (KeyAlgorithm algorithm : List.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.EC_P256)) {
            KeyPair keyPair = algorithm.generateKeyPair();
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(keyPair.getPrivate()); // BC writes PKCS#1 / SEC1, as openssl's -traditional
            }
            String header = algorithm == KeyAlgorithm.EC_P256 ? "-----BEGIN EC PRIVATE KEY-----"
                    : "-----BEGIN RSA PRIVATE KEY-----";
            assertThat(text.toString()).startsWith(header);
            PrivateKey read = Pem.parsePrivateKey(text.toString());
            assertThat(read.getAlgorithm()).isEqualTo(keyPair.getPrivate().getAlgorithm());
            X509Certificate certificate = ca.certify("KOR:MOEL", keyPair.getPublic(), Instant.now(),
                    Instant.now().plus(Duration.ofDays(1)));
            assertThat(Credential.of(read, List.of(certificate)).certificate()).isEqualTo(certificate);
        }
    }

    @Test
    void aFileWithKeyAndCertificateServesBoth() throws Exception {
        String combined = Pem.toPem(korea.privateKey()) + Pem.toPem(korea.certificate());
        assertThat(Pem.parsePrivateKey(combined)).isEqualTo(korea.privateKey());
        assertThat(Pem.parseCertificates(combined)).containsExactly(korea.certificate());
    }

    @Test
    void crlsAndCsrsRoundTrip() throws Exception {
        X509CRL crl = ca.crl(Instant.now().plusSeconds(3600));
        Pem.writeCrl(dir.resolve("ca.crl.pem"), crl);
        assertThat(Files.readString(dir.resolve("ca.crl.pem"))).startsWith("-----BEGIN X509 CRL-----");
        assertThat(Pem.readCrl(dir.resolve("ca.crl.pem"))).isEqualTo(crl);

        PKCS10CertificationRequest csr = CertificateAuthorityTest.csr("CN=test", KeyAlgorithm.EC_P256.generateKeyPair());
        Pem.writeCsr(dir.resolve("req.pem"), csr);
        assertThat(Files.readString(dir.resolve("req.pem"))).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(Pem.readCsr(dir.resolve("req.pem"))).isEqualTo(csr);
    }

    @Test
    void aMissingFileIsNotFound() {
        PkiException e = catchThrowableOfType(PkiException.class, () -> Pem.readCertificate(dir.resolve("absent.pem")));
        assertThat(e.code()).isEqualTo(PkiException.NOT_FOUND);
        assertThat(e.getMessage()).contains("absent.pem");
    }

    @Test
    void whatIsNotPemOrNotTheExpectedObjectIsUnreadable() throws Exception {
        Path der = Files.write(dir.resolve("cert.der"), korea.certificate().getEncoded());
        PkiException notPem = catchThrowableOfType(PkiException.class, () -> Pem.readCertificate(der));
        assertThat(notPem.code()).isEqualTo(PkiException.UNREADABLE);
        assertThat(notPem.getMessage()).contains("not PEM").contains("openssl x509 -inform der");

        Path certificateOnly = dir.resolve("cert.pem");
        Pem.writeCertificate(certificateOnly, korea.certificate());
        PkiException noKey = catchThrowableOfType(PkiException.class, () -> Pem.readPrivateKey(certificateOnly));
        assertThat(noKey.code()).isEqualTo(PkiException.UNREADABLE);
        assertThat(noKey.getMessage()).contains("no PEM private key");

        PkiException damaged = catchThrowableOfType(PkiException.class, () -> Pem.parseCertificates(
                "-----BEGIN CERTIFICATE-----\nAAAA!!!!\n-----END CERTIFICATE-----\n"));
        assertThat(damaged.code()).isEqualTo(PkiException.UNREADABLE);
    }

    @Test
    void anEncryptedKeyIsRefusedWithAHint() {
        Assumptions.assumeTrue(true);
        String encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                + "MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhpdXEs3n6F/AICCAAw\n"
                + "DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEHZcZ0l5yYj8m0l3H3xUj1wEQA==\n"
                + "-----END ENCRYPTED PRIVATE KEY-----\n";
        PkiException e = catchThrowableOfType(PkiException.class, () -> Pem.parsePrivateKey(encrypted));
        assertThat(e.code()).isEqualTo(PkiException.UNREADABLE);
    }
}
