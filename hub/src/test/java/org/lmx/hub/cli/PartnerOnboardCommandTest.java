package org.lmx.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.VerifiedDocument;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.routes.agreements.ImportOutcome;
import org.lmx.routes.agreements.ReloadReport;

/**
 * {@code lmx partner onboard} on a data directory with a development PKI: Korea's labour ministry (KOR:MOEL) sends a
 * CSR of a key it made itself; the hub's CA certifies it, and the DRAFT agreement written for review validates,
 * imports as DRAFT without becoming current, and once set ACTIVE is current and trusts the ministry's signature.
 * Bad input (a CSR naming Uzbekistan's ministry, an expired CA, an unknown transport) is refused and writes nothing.
 */
class PartnerOnboardCommandTest {

    private static final String KOREA = "KOR:MOEL";

    @TempDir
    static Path shared;

    /** One PKI for the class (key generation is the slow part); each test onboards into its own copy of it. */
    private static Path template;

    @TempDir
    Path work;

    private Path data;

    @RegisterExtension
    final Console console = new Console();

    @BeforeAll
    static void pki() {
        template = shared.resolve("data");
        PrintStream originalOut = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(LmxCommand.run("pki", "init", "--dir", template.resolve("pki").toString())).isZero();
        } finally {
            System.setOut(originalOut);
        }
    }

    @BeforeEach
    void data() throws IOException {
        data = work.resolve("data");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path source : files.toList()) {
                Path target = data.resolve(template.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Files.createDirectories(data.resolve("agreements"));
    }

    @Test
    void koreasCsrIsCertifiedByTheHubCaAndItsDraftAgreementBecomesCurrentOnceActive() throws Exception {
        KeyPair key = KeyAlgorithm.EC_P256.generateKeyPair();
        Path csr = csr(key, "CN=EPS gateway Sejong", null);

        int exit = LmxCommand.run("partner", "onboard", "--party", KOREA, "--name",
                "Ministry of Employment and Labor of the Republic of Korea", "--csr", csr.toString(),
                "--transport", "PUSH", "--endpoint", "https://eps.moel.go.kr/lmx/services/exchange12",
                "--data-dir", data.toString());

        assertThat(exit).as(console.all()).isZero();
        Path kit = data.resolve("onboarding/KOR_MOEL");
        Path draft = kit.resolve("soap-push-KOR-MOEL.xml");
        assertThat(console.out()).contains("AGR-KOR-MOEL version 1, DRAFT").contains(draft.toString())
                .contains("lmx conformance --endpoint https://eps.moel.go.kr/lmx/services/exchange12 --as KOR:MOEL")
                .contains("Set <Status>ACTIVE</Status>").contains("POST /api/agreements/reload");

        // the certificate binds Korea's ministry to the key it made, with the hub CA's CRL distribution point
        X509Certificate issued = Pem.readCertificates(kit.resolve("KOR_MOEL.crt.pem")).get(0);
        assertThat(issued.getPublicKey()).isEqualTo(key.getPublic());
        assertThat(PartyIds.partiesOf(issued)).containsExactly(KOREA);
        assertThat(issued.getExtensionValue(Extension.cRLDistributionPoints.getId())).isNotNull();
        X509Certificate hubCa = Pem.readCertificate(data.resolve("pki/hub-ca.crt.pem"));
        issued.verify(hubCa.getPublicKey());
        assertThat(kit.resolve("hub-ca.crt.pem")).exists();
        assertThat(kit.resolve("KAZ_MLSP.crt.pem")).exists();
        try (Stream<Path> partners = Files.list(data.resolve("pki/partners"))) {
            assertThat(partners.map(p -> p.getFileName().toString())).containsExactly(
                    "KOR_MOEL-" + CertificateAuthority.serialHex(issued.getSerialNumber()) + ".crt.pem");
        }

        // a DRAFT for review, with a partner ministry's documents, that the offline validator accepts
        String xml = Files.readString(draft);
        assertThat(xml).contains("<Status>DRAFT</Status>").contains("<Role>PINNED</Role>")
                .contains("<DocumentType>WorkPermitApplication</DocumentType>")
                .contains("<DocumentType>PermitDecision</DocumentType>").contains("REVIEW");
        console.reset();
        assertThat(LmxCommand.run("agreements", "validate", "--trust-dir", data.resolve("pki").toString(),
                draft.toString())).as(console.all()).isZero();
        assertThat(console.out()).contains("VALID").contains("AGR-KOR-MOEL version 1");

        // imported as it is, a DRAFT is never current
        Path agreements = work.resolve("agreements");
        Files.createDirectories(agreements);
        Files.copy(draft, agreements.resolve(draft.getFileName()));
        AgreementRegistry registry = registry(agreements);
        ReloadReport drafted = registry.reload("test");
        assertThat(drafted.refused()).isEmpty();
        assertThat(drafted.count(ImportOutcome.IMPORTED)).isEqualTo(1);
        assertThat(registry.current("AGR-KOR-MOEL")).isEmpty();

        // set ACTIVE (a new version: the DRAFT's version is taken), reloaded: current, and it trusts Korea's signature
        Files.writeString(agreements.resolve("soap-push-KOR-MOEL-v2.xml"), xml.replace("<Status>DRAFT</Status>",
                "<Status>ACTIVE</Status>").replace("<Version>1</Version>", "<Version>2</Version>"));
        assertThat(registry.reload("test").refused()).isEmpty();
        CurrentAgreement current = registry.current("AGR-KOR-MOEL").orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.isActiveAt(Instant.now())).isTrue();
        assertThat(current.allowsInbound("EmploymentContractRegistration")).isTrue();
        assertThat(current.allowsOutbound("ContractVettingResult")).isTrue();

        Credential korea = Credential.of(key.getPrivate(), List.of(issued, hubCa));
        byte[] signed = new ConformancePings(KOREA, "AGR-KOR-MOEL", Clock.systemUTC())
                .ping("EPS gateway Sejong, connectivity test before go-live", korea).bytes();
        VerifiedDocument verified = new SignatureVerifier(CrlSource.NONE).verify(signed, current.trust(),
                VerificationOptions.defaults().expectParty(KOREA));
        assertThat(verified.party()).isEqualTo(KOREA);
    }

    @Test
    void aCsrThatNamesAnotherMinistryIsRefusedAndNothingIsWritten() throws Exception {
        Path csr = csr(KeyAlgorithm.EC_P256.generateKeyPair(), "CN=Mehnat gateway", "UZB:MEHNAT");
        Map<String, String> before = snapshot(data);

        int exit = LmxCommand.run("partner", "onboard", "--party", KOREA, "--name", "Korea", "--csr", csr.toString(),
                "--transport", "PULL", "--data-dir", data.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(console.err()).contains("the CSR names UZB:MEHNAT, not KOR:MOEL");
        assertThat(snapshot(data)).isEqualTo(before);
    }

    @Test
    void anExpiredPartnerCaIsRefusedAndNothingIsWritten() throws Exception {
        Instant now = Instant.now();
        CertificateAuthority expired = CertificateAuthority.create(work.resolve("old-ca"), "CN=MOEL CA 2019,O=MOEL,C=KR",
                KeyAlgorithm.EC_P256, now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(70)),
                URI.create("http://127.0.0.1:9/moel.crl"));
        Map<String, String> before = snapshot(data);

        int exit = LmxCommand.run("partner", "onboard", "--party", KOREA, "--name", "Korea", "--ca",
                work.resolve("old-ca/hub-ca.crt.pem").toString(), "--transport", "PULL", "--data-dir", data.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(console.err()).contains("expired on").contains("CN=MOEL CA 2019");
        assertThat(snapshot(data)).isEqualTo(before);
        assertThat(expired.certificate()).isNotNull();
    }

    @Test
    void anUnknownTransportIsAUsageErrorAndNothingIsWritten() throws Exception {
        Path csr = csr(KeyAlgorithm.EC_P256.generateKeyPair(), "CN=EPS", null);
        Map<String, String> before = snapshot(data);

        int exit = LmxCommand.run("partner", "onboard", "--party", KOREA, "--name", "Korea", "--csr", csr.toString(),
                "--transport", "SMTP", "--data-dir", data.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(console.err()).contains("--transport").contains("PUSH, PULL");
        assertThat(snapshot(data)).isEqualTo(before);
    }

    @Test
    void aPushPartnerWithoutEndpointAnAgencysDocumentAMultiLineNameAndTheHubItselfAreRefused() throws Exception {
        Path csr = csr(KeyAlgorithm.EC_P256.generateKeyPair(), "CN=EPS", null);
        Map<String, String> before = snapshot(data);

        assertThat(LmxCommand.run("partner", "onboard", "--party", KOREA, "--name", "Korea", "--csr", csr.toString(),
                "--transport", "PUSH", "--data-dir", data.toString())).isEqualTo(1);
        assertThat(console.err()).contains("--transport PUSH needs --endpoint");
        assertThat(LmxCommand.run("partner", "onboard", "--party", KOREA, "--name", "Korea", "--csr", csr.toString(),
                "--transport", "PULL", "--documents", "WorkPermitApplication,IdentityCheckRequest",
                "--data-dir", data.toString())).isEqualTo(1);
        assertThat(console.err()).contains("IdentityCheckRequest is not a document a partner exchanges with the hub");
        assertThat(LmxCommand.run("partner", "onboard", "--party", KOREA, "--name", "Korea\n<Status>ACTIVE</Status>",
                "--csr", csr.toString(), "--transport", "PULL", "--data-dir", data.toString())).isEqualTo(1);
        assertThat(console.err()).contains("--name: the partner's official name, 1 to 180 characters on one line");
        assertThat(LmxCommand.run("partner", "onboard", "--party", "KAZ:MLSP", "--name", "Ourselves",
                "--csr", csr.toString(), "--transport", "PULL", "--data-dir", data.toString())).isEqualTo(1);
        assertThat(console.err()).contains("KAZ:MLSP is the hub itself, not a partner");
        assertThat(LmxCommand.run("partner", "onboard", "--party", "KAZ:MIA", "--name", "Migration police",
                "--csr", csr.toString(), "--transport", "PULL", "--data-dir", data.toString())).isEqualTo(1);
        assertThat(console.err()).contains("KAZ:MIA is a domestic party, not a foreign ministry");
        assertThat(snapshot(data)).isEqualTo(before);
    }

    @Test
    void aPartnersOwnCaIsImportedForAPullAgreementThatTheValidatorAccepts() throws Exception {
        Instant now = Instant.now();
        CertificateAuthority mehnat = CertificateAuthority.create(work.resolve("mehnat-ca"),
                "CN=Mehnat Signing CA,O=Ministry of Employment,C=UZ", KeyAlgorithm.EC_P256, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1000)), URI.create("http://127.0.0.1:9/mehnat.crl"));
        Files.copy(Path.of("../examples/agreements/soap-pull-UZB-MEHNAT.xml"),
                data.resolve("agreements/soap-pull-UZB-MEHNAT.xml"));

        int exit = LmxCommand.run("partner", "onboard", "--party", "UZB:MEHNAT", "--name",
                "Ministry of Employment and Poverty Reduction of the Republic of Uzbekistan", "--ca",
                work.resolve("mehnat-ca/hub-ca.crt.pem").toString(), "--transport", "PULL",
                "--documents", "WorkPermitApplication,PermitDecision", "--data-dir", data.toString());

        assertThat(exit).as(console.all()).isZero();
        // the next version of the partner's agreement: version 3 is in force
        Path draft = data.resolve("onboarding/UZB_MEHNAT/soap-pull-UZB-MEHNAT.xml");
        String xml = Files.readString(draft);
        assertThat(xml).contains("<Id>AGR-UZB-MEHNAT</Id>").contains("<Version>4</Version>").contains("<Role>CA</Role>")
                .contains("<DocumentType>FetchRequest</DocumentType>").doesNotContain("EmploymentContractRegistration");
        String fingerprint = Sha256.hex(mehnat.certificate().getEncoded());
        assertThat(data.resolve("pki/partners/UZB_MEHNAT-ca-" + fingerprint.substring(0, 16) + ".crt.pem")).exists();
        assertThat(LmxCommand.run("agreements", "validate", "--trust-dir", data.resolve("pki").toString(),
                draft.toString())).as(console.all()).isZero();
    }

    private AgreementRegistry registry(Path agreements) {
        return new AgreementRegistry(ScratchDatabase.create(), agreements, data.resolve("pki"), Clock.systemUTC());
    }

    /** A CSR of {@code key}; with {@code claimedParty}, its extension request names that party. */
    private Path csr(KeyPair key, String subject, String claimedParty) throws Exception {
        JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(new X500Principal(subject),
                key.getPublic());
        if (claimedParty != null) {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    new GeneralName(GeneralName.uniformResourceIdentifier, PartyIds.uri(claimedParty))));
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
        }
        Path file = work.resolve("csr-" + System.nanoTime() + ".pem");
        Pem.writeCsr(file, builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
        return file;
    }

    /** Every file under {@code dir} with its SHA-256: the same map before and after means nothing was written. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.toList()) {
                files.put(dir.relativize(file).toString(), Files.isDirectory(file) ? "dir" : Sha256.hex(Files.readAllBytes(file)));
            }
        }
        return files;
    }
}
