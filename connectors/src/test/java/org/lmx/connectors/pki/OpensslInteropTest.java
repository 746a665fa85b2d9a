package org.lmx.connectors.pki;

import org.lmx.connectors.ExternalTool;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * openssl, an independent implementation, agrees with the LMX PKI: it verifies LMX certificates against the hub
 * CA, sees the party URI, honours the CRL, opens LMX PKCS#12 files; and LMX reads the keys, CSRs and PKCS#12
 * files openssl makes.
 */
class OpensslInteropTest {

    private static final String PASSWORD = "interop-secret";

    @TempDir
    static Path caDir;

    @TempDir
    Path dir;

    private static CertificateAuthority ca;

    @BeforeAll
    static void createCa() throws Exception {
        ExternalTool.OPENSSL.assumeAvailable();
        ca = CertificateAuthority.create(caDir, CertificateAuthority.DEFAULT_CRL_URL);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void opensslVerifiesAPartyCertificateAndSeesItsParty(KeyAlgorithm algorithm) throws Exception {
        Credential credential = ca.issue("KOR:MOEL", algorithm, Duration.ofDays(30));
        Pem.writeCertificate(dir.resolve("ca.pem"), ca.certificate());
        Pem.writeCertificate(dir.resolve("cert.pem"), credential.certificate());

        assertThat(ExternalTool.OPENSSL.ok(dir, "verify", "-x509_strict", "-purpose", "any", "-CAfile", "ca.pem", "cert.pem"))
                .contains("cert.pem: OK");
        assertThat(ExternalTool.OPENSSL.ok(dir, "x509", "-noout", "-in", "cert.pem", "-ext", "subjectAltName"))
                .contains("URI:urn:lmx:party:KOR:MOEL");
        assertThat(ExternalTool.OPENSSL.ok(dir, "x509", "-noout", "-in", "cert.pem", "-ext", "keyUsage,crlDistributionPoints,basicConstraints"))
                .contains("critical").contains("Digital Signature, Non Repudiation")
                .contains("URI:" + CertificateAuthority.DEFAULT_CRL_URL).contains("CA:FALSE");
        assertThat(ExternalTool.OPENSSL.ok(dir, "x509", "-noout", "-in", "cert.pem", "-subject"))
                .contains("CN = KOR:MOEL").contains("C = KR");
    }

    @Test
    void opensslRefusesARevokedCertificateWithTheCrl() throws Exception {
        Credential revoked = ca.issue("TUR:CSGB", KeyAlgorithm.EC_P256, Duration.ofDays(30));
        Credential valid = ca.issue("GBR:DWP", KeyAlgorithm.EC_P256, Duration.ofDays(30));
        ca.revoke(revoked.certificate(), RevocationReason.KEY_COMPROMISE);
        Pem.writeCrl(dir.resolve("crl.pem"), ca.crl(Instant.now().plus(Duration.ofDays(1))));
        Pem.writeCertificate(dir.resolve("ca.pem"), ca.certificate());
        Pem.writeCertificate(dir.resolve("revoked.pem"), revoked.certificate());
        Pem.writeCertificate(dir.resolve("valid.pem"), valid.certificate());

        ExternalTool.Result refused = ExternalTool.OPENSSL.run(dir, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem",
                "revoked.pem");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("certificate revoked");
        assertThat(ExternalTool.OPENSSL.ok(dir, "verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", "crl.pem", "valid.pem"))
                .contains("valid.pem: OK");
        assertThat(ExternalTool.OPENSSL.ok(dir, "crl", "-in", "crl.pem", "-noout", "-text"))
                .contains("Serial Number: " + CertificateAuthority.serialHex(revoked.certificate().getSerialNumber()))
                .contains("Key Compromise").contains("X509v3 CRL Number");
        assertThat(ExternalTool.OPENSSL.ok(dir, "crl", "-in", "crl.pem", "-noout", "-CAfile", "ca.pem")).contains("verify OK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs8-rsa", "pkcs1-rsa", "sec1-ec", "pkcs8-ec"})
    void keysAndCsrsMadeByOpensslAreReadAndCertified(String kind) throws Exception {
        switch (kind) {
            case "pkcs8-rsa" -> ExternalTool.OPENSSL.ok(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                    "-out", "key.pem");
            case "pkcs1-rsa" -> ExternalTool.OPENSSL.ok(dir, "genrsa", "-traditional", "-out", "key.pem", "2048");
            case "sec1-ec" -> ExternalTool.OPENSSL.ok(dir, "ecparam", "-name", "prime256v1", "-genkey", "-out", "key.pem");
            case "pkcs8-ec" -> ExternalTool.OPENSSL.ok(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                    "-out", "key.pem");
            default -> throw new IllegalArgumentException(kind);
        }
        String header = switch (kind) {
            case "pkcs1-rsa" -> "BEGIN RSA PRIVATE KEY";
            case "sec1-ec" -> "BEGIN EC PRIVATE KEY";
            default -> "BEGIN PRIVATE KEY";
        };
        assertThat(Files.readString(dir.resolve("key.pem"))).contains(header);
        ExternalTool.OPENSSL.ok(dir, "req", "-new", "-key", "key.pem", "-subj", "/CN=test", "-out", "csr.pem");

        X509Certificate certificate = ca.signCsr(Pem.readCsr(dir.resolve("csr.pem")), "UZB:MEHNAT", Duration.ofDays(30));
        Credential credential = Credential.of(Pem.readPrivateKey(dir.resolve("key.pem")),
                List.of(certificate, ca.certificate()));

        assertThat(credential.party()).contains("UZB:MEHNAT");
    }

    @Test
    void pkcs12FilesOpenBothWays() throws Exception {
        Credential credential = ca.issue("ARE:MOHRE", KeyAlgorithm.RSA_2048, Duration.ofDays(30));
        Pkcs12.write(dir.resolve("lmx.p12"), credential, PASSWORD.toCharArray());

        String fromLmx = ExternalTool.OPENSSL.ok(dir, "pkcs12", "-in", "lmx.p12", "-passin", "pass:" + PASSWORD, "-nodes");
        assertThat(Pem.parseCertificates(fromLmx)).contains(credential.certificate(), ca.certificate());
        assertThat(Pem.parsePrivateKey(fromLmx)).isEqualTo(credential.privateKey());

        Pem.writePrivateKey(dir.resolve("key.pem"), credential.privateKey());
        Pem.writeCertificates(dir.resolve("chain.pem"), credential.chain());
        ExternalTool.OPENSSL.ok(dir, "pkcs12", "-export", "-inkey", "key.pem", "-in", "chain.pem", "-passout", "pass:" + PASSWORD,
                "-out", "openssl.p12");
        Credential fromOpenssl = Pkcs12.read(dir.resolve("openssl.p12"), PASSWORD.toCharArray());
        assertThat(fromOpenssl.privateKey()).isEqualTo(credential.privateKey());
        assertThat(fromOpenssl.certificate()).isEqualTo(credential.certificate());
    }
}
