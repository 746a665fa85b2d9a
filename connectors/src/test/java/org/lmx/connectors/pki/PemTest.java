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
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
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
        KeyPair rsa = KeyAlgorithm.RSA_2048.generateKeyPair();
        StringWriter pkcs1 = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pkcs1)) {
            writer.writeObject(rsa.getPrivate()); // BC writes RSA keys as PKCS#1, like openssl -traditional
        }
        assertThat(pkcs1.toString()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertKeyOf(rsa, Pem.parsePrivateKey(pkcs1.toString()));

        // SEC1 as openssl writes it: the curve inside the key, after an EC PARAMETERS block.
        KeyPair ec = KeyAlgorithm.EC_P256.generateKeyPair();
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getPrivate().getEncoded());
        ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
        ECPrivateKey sec1 = new ECPrivateKey(256, ECPrivateKey.getInstance(info.parsePrivateKey()).getKey(),
                SubjectPublicKeyInfo.getInstance(ec.getPublic().getEncoded()).getPublicKeyData(), curve);
        String pem = "-----BEGIN EC PARAMETERS-----\n"
                + Base64.getMimeEncoder().encodeToString(curve.toASN1Primitive().getEncoded())
                + "\n-----END EC PARAMETERS-----\n"
                + "-----BEGIN EC PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(sec1.getEncoded())
                + "\n-----END EC PRIVATE KEY-----\n";
        assertKeyOf(ec, Pem.parsePrivateKey(pem));
    }

    private static void assertKeyOf(KeyPair keyPair, PrivateKey read) throws Exception {
        assertThat(read.getAlgorithm()).isEqualTo(keyPair.getPrivate().getAlgorithm());
        X509Certificate certificate = ca.certify("KOR:MOEL", keyPair.getPublic(), Instant.now(),
                Instant.now().plus(Duration.ofDays(1)));
        assertThat(Credential.of(read, List.of(certificate)).certificate()).isEqualTo(certificate);
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
    void anEncryptedKeyIsRefusedWithAHint() throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new JcaPKCS8Generator(korea.privateKey(),
                    new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setPassword("secret".toCharArray())
                            .setProvider(new BouncyCastleProvider()).build()));
        }
        assertThat(text.toString()).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        PkiException e = catchThrowableOfType(PkiException.class, () -> Pem.parsePrivateKey(text.toString()));
        assertThat(e.code()).isEqualTo(PkiException.UNREADABLE);
        assertThat(e.getMessage()).contains("encrypted private key").contains("PKCS#12");
    }
}
