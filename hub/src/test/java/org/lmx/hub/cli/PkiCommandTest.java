package org.lmx.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.DemoParties;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.Pkcs12;

/**
 * {@code lmx pki} as the hub's operator uses it: make the development PKI, issue, certify a partner's CSR,
 * revoke. One PKI is made for the class (key generation is the slow part); each test works on its own party.
 */
class PkiCommandTest {

    @TempDir
    static Path shared;

    private static Path pki;
    private static String initOutput;

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();

    @BeforeAll
    static void init() {
        pki = shared.resolve("pki");
        PrintStream originalOut = System.out;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        try {
            assertThat(LmxCommand.run("pki", "init", "--dir", pki.toString())).isZero();
        } finally {
            System.setOut(originalOut);
        }
        initOutput = output.toString(StandardCharsets.UTF_8);
    }

    // ---- init ----

    @Test
    void initMakesTheCaAndACredentialPerPartyThatVerify() throws Exception {
        X509Certificate ca = Pem.readCertificate(pki.resolve("hub-ca.crt.pem"));
        assertThat(ca.getSubjectX500Principal().getName())
                .isEqualTo("CN=LMX Hub Development CA,O=Ministry of Labour and Social Protection,C=KZ");
        assertThat(Files.readString(pki.resolve("hub-ca.key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        char[] password = Files.readString(pki.resolve("p12-password.txt")).strip().toCharArray();
        assertThat(password.length).isGreaterThanOrEqualTo(24);

        String index = Files.readString(pki.resolve("INDEX.md"));
        for (String party : List.of("KAZ:MLSP", "KOR:MOEL", "TUR:CSGB", "ARE:MOHRE", "USA:DOL", "GBR:DWP", "ISR:MOL",
                "DEU:BMAS", "UZB:MEHNAT", "TJK:MLME", "KGZ:MLSSM", "MNG:MLSP", "ARE:NGO-EWAS", "KAZ:MIA", "KAZ:SRC",
                "KAZ:BORDER", "KAZ:MFA", "KAZ:BNS", "KAZ:AKIMAT-75", "KAZ:AKIMAT-23")) {
            String name = PartyIds.fileName(party);
            X509Certificate certificate = Pem.readCertificate(pki.resolve(name + ".crt.pem"));
            certificate.verify(ca.getPublicKey());
            assertThat(PartyIds.partyOf(certificate)).as(party).contains(party);
            Credential fromPem = Credential.of(Pem.readPrivateKey(pki.resolve(name + ".key.pem")), List.of(certificate));
            Credential fromP12 = Pkcs12.read(pki.resolve(name + ".p12"), password);
            assertThat(fromP12.privateKey()).isEqualTo(fromPem.privateKey());
            assertThat(fromP12.chain()).containsExactly(certificate, ca);
            assertOwnerOnly(pki.resolve(name + ".key.pem"));
            assertOwnerOnly(pki.resolve(name + ".p12"));
            assertThat(index).contains("| " + party + " |").contains("`" + name + ".p12`")
                    .contains(CertificateAuthority.serialHex(certificate.getSerialNumber()));
        }
        assertThat(DemoParties.ids()).hasSize(20);
        assertThat(index).contains("EC P-256").contains("RSA 3072").contains("RSA 2048");
        assertOwnerOnly(pki.resolve("hub-ca.key.pem"));
        assertOwnerOnly(pki.resolve("p12-password.txt"));

        X509CRL crl = Pem.readCrl(pki.resolve("hub-ca.crl.pem"));
        crl.verify(ca.getPublicKey());
        assertThat(crl.getNextUpdate()).isInTheFuture();
    }

    @Test
    void initPrintsWhereThingsAre() {
        assertThat(initOutput).contains("development only").contains(pki.resolve("p12-password.txt").toString())
                .contains(pki.resolve("INDEX.md").toString()).contains(pki.resolve("hub-ca.crt.pem").toString())
                .contains("KOR:MOEL").contains("KOR_MOEL.{key.pem,crt.pem,p12}").contains("UZB:MEHNAT")
                .contains("EC P-256");
    }

    @Test
    void aSecondInitIsRefusedUnlessForced() throws Exception {
        byte[] ca = Files.readAllBytes(pki.resolve("hub-ca.crt.pem"));
        assertThat(LmxCommand.run("pki", "init", "--dir", pki.toString())).isEqualTo(1);
        assertThat(console.err()).contains("[LMX-PKI-CA-EXISTS]").contains("--force");
        assertThat(Files.readAllBytes(pki.resolve("hub-ca.crt.pem"))).isEqualTo(ca);
    }

    @Test
    void forceReplacesTheCaAndEveryPartyFile() throws Exception {
        // The old PKI: a CA and a party outside the demo list, made directly (quicker than a second init).
        Instant now = Instant.now();
        CertificateAuthority old = CertificateAuthority.create(dir, "CN=Old CA, C=KZ", KeyAlgorithm.EC_P256, now,
                now.plus(Duration.ofDays(30)), CertificateAuthority.DEFAULT_CRL_URL);
        Credential france = old.issue("FRA:MT", KeyAlgorithm.EC_P256, Duration.ofDays(1));
        Pem.writePrivateKey(dir.resolve("FRA_MT.key.pem"), france.privateKey());
        Pem.writeCertificate(dir.resolve("FRA_MT.crt.pem"), france.certificate());
        Path unrelated = Files.writeString(dir.resolve("notes.txt"), "kept");

        assertThat(LmxCommand.run("pki", "init", "--dir", dir.toString(), "--force",
                "--crl-url", "http://hub.example.kz/pki/crl/hub-ca.crl")).isZero();

        X509Certificate ca = Pem.readCertificate(dir.resolve("hub-ca.crt.pem"));
        assertThat(ca.getPublicKey()).isNotEqualTo(old.certificate().getPublicKey());
        assertThat(dir.resolve("FRA_MT.crt.pem")).as("a party of the old CA").doesNotExist();
        assertThat(dir.resolve("FRA_MT.key.pem")).doesNotExist();
        assertThat(unrelated).hasContent("kept");
        X509Certificate korea = Pem.readCertificate(dir.resolve("KOR_MOEL.crt.pem"));
        korea.verify(ca.getPublicKey());
        assertThat(Files.readString(dir.resolve("INDEX.md"))).contains("http://hub.example.kz/pki/crl/hub-ca.crl")
                .doesNotContain("FRA:MT");
        assertThat(korea.getExtensionValue("2.5.29.31")).as("CRL distribution point").isNotNull();
        assertThat(new String(korea.getExtensionValue("2.5.29.31"), StandardCharsets.ISO_8859_1))
                .contains("http://hub.example.kz/pki/crl/hub-ca.crl");
    }

    // ---- issue ----

    @Test
    void issueWithEcReplacesThePartysFiles() throws Exception {
        X509Certificate before = Pem.readCertificate(pki.resolve("GBR_DWP.crt.pem"));
        assertThat(LmxCommand.run("pki", "issue", "--dir", pki.toString(), "--party", "GBR:DWP", "--alg", "ec",
                "--days", "90")).isZero();

        X509Certificate after = Pem.readCertificate(pki.resolve("GBR_DWP.crt.pem"));
        assertThat(after.getSerialNumber()).isNotEqualTo(before.getSerialNumber());
        assertThat(after.getPublicKey().getAlgorithm()).isEqualTo("EC");
        after.verify(Pem.readCertificate(pki.resolve("hub-ca.crt.pem")).getPublicKey());
        assertThat(PartyIds.partyOf(after)).contains("GBR:DWP");
        assertThat(after.getNotAfter().getTime() - after.getNotBefore().getTime())
                .isBetween(TimeUnit.DAYS.toMillis(90), TimeUnit.DAYS.toMillis(91));
        Credential.of(Pem.readPrivateKey(pki.resolve("GBR_DWP.key.pem")), List.of(after));
        assertThat(console.out()).contains("Issued GBR:DWP (EC P-256, serial "
                + CertificateAuthority.serialHex(after.getSerialNumber()));
        assertThat(Files.readString(pki.resolve("INDEX.md"))).containsPattern("\\| GBR:DWP \\|.*\\| EC P-256 \\| "
                + CertificateAuthority.serialHex(after.getSerialNumber()) + " \\|");
    }

    @Test
    void issueInADirectoryWithoutCaIsNotFound() {
        assertThat(LmxCommand.run("pki", "issue", "--dir", dir.toString(), "--party", "KOR:MOEL")).isEqualTo(1);
        assertThat(console.err()).contains("[LMX-PKI-NOT-FOUND]").contains("lmx pki init");
    }

    // ---- sign-csr ----

    @Test
    void signCsrCertifiesAKeyMadeByOpenssl() throws Exception {
        assumeOpenssl();
        Process req = new ProcessBuilder("openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=test",
                "-keyout", "key.pem", "-out", "csr.pem").directory(dir.toFile()).redirectErrorStream(true).start();
        String reqOutput = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(req.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(req.exitValue()).as(reqOutput).isZero();
        Path certificateFile = dir.resolve("ARE_MOHRE.crt.pem");

        assertThat(LmxCommand.run("pki", "sign-csr", "--dir", pki.toString(), "--party", "ARE:MOHRE",
                "--csr", dir.resolve("csr.pem").toString(), "--out", certificateFile.toString())).isZero();

        X509Certificate certificate = Pem.readCertificate(certificateFile);
        assertThat(PartyIds.partyOf(certificate)).contains("ARE:MOHRE");
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=ARE:MOHRE,C=AE");
        Credential.of(Pem.readPrivateKey(dir.resolve("key.pem")), List.of(certificate)); // the CSR's key
        assertThat(pki.resolve("ARE_MOHRE.key.pem")).as("--out leaves the party's files alone").exists();
        assertThat(console.out()).contains("ARE:MOHRE").contains("RSA 2048");
    }

    @Test
    void signCsrWithoutOutMakesItThePartysCertificate() throws Exception {
        assertThat(LmxCommand.run("pki", "issue", "--dir", pki.toString(), "--party", "KAZ:AKIMAT-47", "--alg", "ec"))
                .isZero();
        KeyPair keyPair = KeyAlgorithm.EC_P256.generateKeyPair();
        Path csr = dir.resolve("csr.pem");
        Pem.writeCsr(csr, new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=test"), keyPair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));

        assertThat(LmxCommand.run("pki", "sign-csr", "--dir", pki.toString(), "--party", "KAZ:AKIMAT-47", "--csr",
                csr.toString())).isZero();

        X509Certificate certificate = Pem.readCertificate(pki.resolve("KAZ_AKIMAT-47.crt.pem"));
        assertThat(certificate.getPublicKey()).isEqualTo(keyPair.getPublic());
        assertThat(PartyIds.partyOf(certificate)).contains("KAZ:AKIMAT-47");
        assertThat(pki.resolve("KAZ_AKIMAT-47.key.pem")).as("the old key no longer matches").doesNotExist();
        assertThat(pki.resolve("KAZ_AKIMAT-47.p12")).doesNotExist();
        assertThat(console.out()).contains("removed").contains("KAZ_AKIMAT-47.key.pem");
        assertThat(Files.readString(pki.resolve("INDEX.md"))).containsPattern("\\| KAZ:AKIMAT-47 \\|[^|]*\\| - \\|");
    }

    @Test
    void signCsrRefusesAWeakKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair keyPair = generator.generateKeyPair();
        Path csr = dir.resolve("weak.pem");
        Pem.writeCsr(csr, new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=test"), keyPair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));

        assertThat(LmxCommand.run("pki", "sign-csr", "--dir", pki.toString(), "--party", "KOR:MOEL", "--csr",
                csr.toString(), "--out", dir.resolve("out.pem").toString())).isEqualTo(1);
        assertThat(console.err()).contains("[LMX-PKI-WEAK-KEY]").contains("1024");
        assertThat(dir.resolve("out.pem")).doesNotExist();
    }

    // ---- revoke ----

    @Test
    void revokeListsTheSerialInTheCrl() throws Exception {
        X509Certificate certificate = Pem.readCertificate(pki.resolve("TJK_MLME.crt.pem"));
        String serial = CertificateAuthority.serialHex(certificate.getSerialNumber());

        assertThat(LmxCommand.run("pki", "revoke", "--dir", pki.toString(), "--party", "TJK:MLME",
                "--reason", "keyCompromise")).isZero();

        X509CRL crl = Pem.readCrl(pki.resolve("hub-ca.crl.pem"));
        crl.verify(Pem.readCertificate(pki.resolve("hub-ca.crt.pem")).getPublicKey());
        assertThat(crl.isRevoked(certificate)).isTrue();
        assertThat(console.out()).contains("Revoked TJK:MLME's certificate with serial " + serial)
                .contains("keyCompromise");
        assertThat(Files.readString(pki.resolve("INDEX.md"))).containsPattern("\\| TJK:MLME \\|.*REVOKED .*keyCompromise");

        assertThat(LmxCommand.run("pki", "revoke", "--dir", pki.toString(), "--party", "TJK:MLME")).isEqualTo(1);
        assertThat(console.err()).contains("[LMX-PKI-ALREADY-REVOKED]").contains(serial);
    }

    @Test
    void revokeBySerialReachesAnEarlierCertificate() throws Exception {
        X509Certificate earlier = Pem.readCertificate(pki.resolve("KGZ_MLSSM.crt.pem"));
        assertThat(LmxCommand.run("pki", "issue", "--dir", pki.toString(), "--party", "KGZ:MLSSM", "--alg", "ec")).isZero();
        String serial = CertificateAuthority.serialHex(earlier.getSerialNumber());

        assertThat(LmxCommand.run("pki", "revoke", "--dir", pki.toString(), "--serial", serial, "--reason",
                "superseded")).isZero();

        X509CRL crl = Pem.readCrl(pki.resolve("hub-ca.crl.pem"));
        assertThat(crl.isRevoked(earlier)).isTrue();
        assertThat(crl.isRevoked(Pem.readCertificate(pki.resolve("KGZ_MLSSM.crt.pem")))).isFalse();
        assertThat(console.out()).contains("Revoked KGZ:MLSSM's certificate with serial " + serial);
    }

    @Test
    void crlIsReSignedWithEveryRevocation() throws Exception {
        assertThat(LmxCommand.run("pki", "revoke", "--dir", pki.toString(), "--party", "MNG:MLSP")).isZero();
        X509Certificate revoked = Pem.readCertificate(pki.resolve("MNG_MLSP.crt.pem"));

        assertThat(LmxCommand.run("pki", "crl", "--dir", pki.toString(), "--days", "2")).isZero();

        X509CRL crl = Pem.readCrl(pki.resolve("hub-ca.crl.pem"));
        assertThat(crl.isRevoked(revoked)).isTrue();
        assertThat(crl.getNextUpdate().getTime() - System.currentTimeMillis())
                .isBetween(TimeUnit.DAYS.toMillis(2) - TimeUnit.MINUTES.toMillis(5), TimeUnit.DAYS.toMillis(2));
    }

    // ---- usage ----

    @Test
    void aBadPartyIdIsAUsageError() {
        assertThat(LmxCommand.run("pki", "issue", "--dir", pki.toString(), "--party", "kor:moel")).isEqualTo(2);
        assertThat(console.err()).contains("'kor:moel' is not a party id")
                .contains("e.g. KOR:MOEL").contains("Usage: lmx pki issue");
        assertThat(pki.resolve("kor_moel.crt.pem")).doesNotExist();
    }

    @Test
    void otherBadArgumentsAreUsageErrors() {
        assertThat(LmxCommand.run("pki")).isEqualTo(2);
        assertThat(LmxCommand.run("pki", "issue", "--dir", pki.toString(), "--party", "KOR:MOEL", "--alg", "dsa"))
                .isEqualTo(2);
        assertThat(console.err()).contains("rsa2048, rsa3072, ec");
        assertThat(LmxCommand.run("pki", "issue", "--dir", pki.toString(), "--party", "KOR:MOEL", "--days", "0"))
                .isEqualTo(2);
        assertThat(LmxCommand.run("pki", "issue", "--party", "KOR:MOEL")).as("no --dir").isEqualTo(2);
        assertThat(LmxCommand.run("pki", "revoke", "--dir", pki.toString())).as("neither --party nor --serial")
                .isEqualTo(2);
        assertThat(LmxCommand.run("pki", "revoke", "--dir", pki.toString(), "--party", "KOR:MOEL", "--serial", "03"))
                .as("both").isEqualTo(2);
        assertThat(LmxCommand.run("pki", "revoke", "--dir", pki.toString(), "--party", "KOR:MOEL", "--reason",
                "bored")).isEqualTo(2);
        assertThat(LmxCommand.run("pki", "init", "--dir", dir.toString(), "--crl-url", "file:///tmp/crl")).isEqualTo(2);
        assertThat(console.err()).contains("is not a CRL URL");
        assertThat(dir.resolve("hub-ca.crt.pem")).doesNotExist();
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("init", "issue", "sign-csr", "revoke", "crl")) {
            console.reset();
            assertThat(LmxCommand.run("pki", command, "--help")).isZero();
            assertThat(console.out()).contains("Usage: lmx pki " + command).contains("--dir");
        }
        console.reset();
        assertThat(LmxCommand.run("pki", "--help")).isZero();
        assertThat(console.out()).contains("init").contains("issue").contains("sign-csr")
                .contains("revoke").contains("crl");
    }

    private static void assertOwnerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
    }

    private static void assumeOpenssl() {
        boolean available;
        try {
            Process version = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            available = version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            available = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            available = false;
        }
        if (!available && System.getenv("LMX_REQUIRE_INTEROP_TOOLS") != null) {
            throw new AssertionError("openssl is required (LMX_REQUIRE_INTEROP_TOOLS is set) but cannot be run");
        }
        Assumptions.assumeTrue(available, "openssl is not installed");
    }
}
