package org.lmx.routes.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.lmx.routes.agreements.AgreementFiles.KOR;
import static org.lmx.routes.agreements.AgreementFiles.MIA;
import static org.lmx.routes.agreements.AgreementFiles.UZB;
import static org.lmx.routes.agreements.AgreementFiles.edit;
import static org.lmx.routes.agreements.AgreementFiles.example;
import static org.lmx.routes.agreements.AgreementFiles.withStatus;
import static org.lmx.routes.agreements.AgreementFiles.withVersion;
import static org.lmx.routes.agreements.AgreementFiles.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.xsd.agreement.v1.AgreementStatus;
import org.lmx.xsd.agreement.v1.RevocationPolicy;
import org.springframework.jdbc.core.JdbcTemplate;

class AgreementRegistryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T05:00:00Z");

    @TempDir
    Path agreements;

    private JdbcTemplate jdbc;
    private AgreementRegistry registry;

    @BeforeEach
    void setUp() {
        jdbc = RegistryDatabase.fresh();
        registry = newRegistry(TestPki.dir());
    }

    private AgreementRegistry newRegistry(Path trustDir) {
        return new AgreementRegistry(jdbc, agreements, trustDir, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ReloadReport importExamples() {
        AgreementFiles.copyExamples(agreements);
        ReloadReport report = registry.reload("operator-1");
        assertThat(report.refused()).isEmpty();
        return report;
    }

    private FileReport reportFor(ReloadReport report, String fileName) {
        return report.files().stream().filter(f -> f.fileName().equals(fileName)).findFirst().orElseThrow();
    }

    private int rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    // ---- import ----

    @Test
    void allThreeExamplesImport() throws Exception {
        ReloadReport report = importExamples();

        assertThat(report.files()).extracting(FileReport::fileName, FileReport::agreementId, FileReport::version,
                        FileReport::outcome)
                .containsExactly(
                        tuple(MIA, "AGR-KAZ-MIA", 1L, ImportOutcome.IMPORTED),
                        tuple(UZB, "AGR-UZB-MEHNAT", 3L, ImportOutcome.IMPORTED),
                        tuple(KOR, "AGR-KOR-MOEL", 1L, ImportOutcome.IMPORTED));
        assertThat(registry.list()).extracting(AgreementSummary::id, AgreementSummary::partner,
                        AgreementSummary::currentVersion, AgreementSummary::status, AgreementSummary::transport,
                        AgreementSummary::versions)
                .containsExactly(
                        tuple("AGR-KAZ-MIA", "KAZ:MIA", 1L, AgreementStatus.ACTIVE,
                                TransportKind.QUEUE, 1),
                        tuple("AGR-KOR-MOEL", "KOR:MOEL", 1L, AgreementStatus.ACTIVE,
                                TransportKind.SOAP_PUSH, 1),
                        tuple("AGR-UZB-MEHNAT", "UZB:MEHNAT", 3L, AgreementStatus.ACTIVE,
                                TransportKind.SOAP_PULL, 1));
        // the file's exact bytes are stored, with their digest
        byte[] file = Files.readAllBytes(agreements.resolve(KOR));
        AgreementVersionInfo v1 = registry.find("AGR-KOR-MOEL").orElseThrow().versions().get(0);
        assertThat(v1.sha256()).isEqualTo(AgreementFile.sha256(file));
        assertThat(v1.importedBy()).isEqualTo("operator-1");
        assertThat(v1.importedAt()).isEqualTo(NOW);
        assertThat(v1.fileName()).isEqualTo(KOR);
        assertThat(v1.validFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(v1.validTo()).isEqualTo(LocalDate.of(2028, 6, 30));
        assertThat(v1.current()).isTrue();
        assertThat(jdbc.queryForObject("SELECT content FROM agreement_version WHERE agreement_id = 'AGR-KOR-MOEL'",
                String.class).getBytes(StandardCharsets.UTF_8)).isEqualTo(file);
        assertThat(rows("agreement_trust")).isEqualTo(6);
    }

    @Test
    void aSecondReloadChangesNothing() {
        importExamples();

        ReloadReport again = registry.reload("operator-2");

        assertThat(again.files()).extracting(FileReport::outcome).containsOnly(ImportOutcome.UNCHANGED);
        assertThat(again.files()).allSatisfy(f -> assertThat(f.problems()).isEmpty());
        assertThat(rows("agreement_version")).isEqualTo(3);
        assertThat(registry.find("AGR-KOR-MOEL").orElseThrow().versions()).singleElement()
                .extracting(AgreementVersionInfo::importedBy).isEqualTo("operator-1");
    }

    @Test
    void aChangedFileWithANewVersionBecomesCurrent() {
        importExamples();
        assertThat(registry.current("AGR-KOR-MOEL").orElseThrow().allowsInbound("ConsularCaseNotice")).isTrue();
        String v2 = edit(withVersion(example(KOR), 2), "<DocumentType>ConsularCaseNotice</DocumentType>", "");
        write(agreements, KOR, v2);

        ReloadReport report = registry.reload("operator-1");

        assertThat(reportFor(report, KOR).outcome()).isEqualTo(ImportOutcome.IMPORTED);
        assertThat(reportFor(report, KOR).version()).isEqualTo(2L);
        assertThat(reportFor(report, UZB).outcome()).isEqualTo(ImportOutcome.UNCHANGED);
        CurrentAgreement current = registry.current("AGR-KOR-MOEL").orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.allowsInbound("ConsularCaseNotice")).isFalse();
        assertThat(current.allowsInbound("EmploymentContractRegistration")).isTrue();
        AgreementDetail detail = registry.find("AGR-KOR-MOEL").orElseThrow();
        assertThat(detail.versions()).extracting(AgreementVersionInfo::version, AgreementVersionInfo::current)
                .containsExactly(tuple(1L, false),
                        tuple(2L, true));
        assertThat(detail.summary().currentVersion()).isEqualTo(2L);
        assertThat(detail.summary().versions()).isEqualTo(2);
    }

    @Test
    void aSchemaInvalidFileIsRefusedWithEveryProblemAndTheOldVersionStays() {
        importExamples();
        String broken = withVersion(example(KOR), 2);
        broken = withStatus(broken, "ACTIV");
        broken = edit(broken, "<ClockSkew>PT24H</ClockSkew>", "");
        broken = edit(broken, "<MaxAttempts>10</MaxAttempts>", "<MaxAttempts>0</MaxAttempts>");
        write(agreements, KOR, broken);

        FileReport report = reportFor(registry.reload("operator-1"), KOR);

        assertThat(report.outcome()).isEqualTo(ImportOutcome.REFUSED);
        assertThat(report.agreementId()).isEqualTo("AGR-KOR-MOEL");
        assertThat(report.version()).isEqualTo(2L);
        assertThat(report.problems()).extracting(Problem::where).containsOnly("schema");
        assertThat(report.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("ACTIV"))
                .anySatisfy(m -> assertThat(m).contains("ClockSkew"))
                .anySatisfy(m -> assertThat(m).contains("'0'"));
        assertThat(registry.current("AGR-KOR-MOEL").orElseThrow().version()).isEqualTo(1);
        assertThat(registry.find("AGR-KOR-MOEL").orElseThrow().versions()).hasSize(1);
    }

    @Test
    void aFileThatBreaksTheRulesIsRefusedWithEveryProblemAndTheOldVersionStays() {
        importExamples();
        String broken = withVersion(example(KOR), 2);
        broken = edit(broken, "<CertificateFile>KOR_MOEL.crt.pem</CertificateFile>",
                "<CertificateFile>KOR_MOEL-2027.crt.pem</CertificateFile>");
        // 99 waits of at most 1 h: a retry span of about 4 days against a 24 h clock-skew window
        broken = edit(broken, "<MaxAttempts>10</MaxAttempts>", "<MaxAttempts>100</MaxAttempts>");
        broken = edit(broken, "<Hub>KAZ:MLSP</Hub>", "<Hub>KAZ:MIA</Hub>");
        broken = edit(broken, "<MaxDocumentBytes>10485760</MaxDocumentBytes>",
                "<MaxDocumentBytes>104857600</MaxDocumentBytes>");
        broken = edit(broken, "<To>2028-06-30</To>", "<To>2026-06-30</To>");
        broken = edit(broken, "<DocumentType>StatusReport</DocumentType>", "<DocumentType>Receipt</DocumentType>");
        write(agreements, KOR, broken);

        FileReport report = reportFor(registry.reload("operator-1"), KOR);

        assertThat(report.outcome()).isEqualTo(ImportOutcome.REFUSED);
        assertThat(report.problems()).extracting(Problem::where).containsExactlyInAnyOrder(
                "Parties/Hub", "Validity/To", "Documents/Outbound", "Delivery", "Limits/MaxDocumentBytes",
                "Trust/TrustEntry[2]/CertificateFile");
        assertThat(report.problems()).filteredOn(p -> p.where().equals("Delivery")).singleElement()
                .extracting(Problem::message).asString().contains("PT24H").contains("not shorter than ClockSkew");
        assertThat(report.problems()).filteredOn(p -> p.where().startsWith("Trust")).singleElement()
                .extracting(Problem::message).asString().contains("no file KOR_MOEL-2027.crt.pem");
        assertThat(registry.current("AGR-KOR-MOEL").orElseThrow().version()).isEqualTo(1);
        assertThat(rows("agreement_version")).isEqualTo(3);
        assertThat(rows("agreement_trust")).isEqualTo(6);
    }

    @Test
    void aConflictingReimportOfTheSameVersionIsRefusedAndTheStoredVersionStays() throws Exception {
        importExamples();
        String sha = registry.find("AGR-KOR-MOEL").orElseThrow().versions().get(0).sha256();
        write(agreements, KOR, edit(example(KOR), "<DocumentType>Ping</DocumentType>", ""));

        FileReport report = reportFor(registry.reload("operator-1"), KOR);

        assertThat(report.outcome()).isEqualTo(ImportOutcome.REFUSED);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("Version");
            assertThat(p.message()).contains("version 1 of AGR-KOR-MOEL was imported with other content")
                    .contains("give the changed file a new Version");
        });
        assertThat(registry.find("AGR-KOR-MOEL").orElseThrow().versions()).singleElement()
                .extracting(AgreementVersionInfo::sha256).isEqualTo(sha);
        assertThat(registry.current("AGR-KOR-MOEL").orElseThrow().allowsInbound("Ping")).isTrue();
    }

    @Test
    void aFileThatIsNotAnAgreementIsRefused() {
        write(agreements, "ping.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Ping xmlns="urn:lmx:exchange:1"/>
                """);
        write(agreements, "xxe.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE Agreement [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Agreement xmlns="urn:lmx:agreement:1">&x;</Agreement>
                """);
        write(agreements, "broken.xml", "<Agreement xmlns=\"urn:lmx:agreement:1\">");

        ReloadReport report = registry.reload("operator-1");

        assertThat(report.files()).extracting(FileReport::outcome).containsOnly(ImportOutcome.REFUSED);
        assertThat(reportFor(report, "ping.xml").problems()).singleElement().extracting(Problem::message).asString()
                .contains("root element is {urn:lmx:exchange:1}Ping");
        assertThat(reportFor(report, "xxe.xml").problems()).singleElement().extracting(Problem::message).asString()
                .contains("LMX-XML-DOCTYPE");
        assertThat(reportFor(report, "broken.xml").problems()).singleElement().extracting(Problem::message).asString()
                .contains("LMX-XML-MALFORMED");
        assertThat(rows("agreement_version")).isZero();
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        String latin1 = edit(example(KOR), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
        latin1 = edit(latin1, "Ministry of Employment and Labor of the Republic of Korea</PartnerName>",
                "Ministère of Employment and Labor of the Republic of Korea</PartnerName>");
        Files.write(agreements.resolve(KOR), latin1.getBytes(StandardCharsets.ISO_8859_1));

        FileReport report = reportFor(registry.reload("operator-1"), KOR);

        assertThat(report.outcome()).isEqualTo(ImportOutcome.REFUSED);
        assertThat(report.problems()).singleElement().extracting(Problem::message).asString().contains("not UTF-8");
    }

    @Test
    void aDateWithATimeZoneIsReadAsThatCalendarDay() {
        // xs:date allows an offset; the binding reads the day and drops the offset instead of losing the value
        String kor = edit(example(KOR), "<From>2026-07-01</From>", "<From>2026-07-01+05:00</From>");

        ValidationReport report = registry.validate(KOR, kor.getBytes(StandardCharsets.UTF_8));

        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void fractionsOfSecondsAndDaysAreExactDurations() {
        String kor = edit(example(KOR), "<InitialBackoff>PT30S</InitialBackoff>", "<InitialBackoff>PT0.5S</InitialBackoff>");
        kor = edit(kor, "<ClockSkew>PT24H</ClockSkew>", "<ClockSkew>P2D</ClockSkew>");
        write(agreements, KOR, kor);

        registry.reload("operator-1");

        CurrentAgreement current = registry.current("AGR-KOR-MOEL").orElseThrow();
        assertThat(current.delivery().initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(current.clockSkew()).isEqualTo(Duration.ofDays(2));
    }

    // ---- current version ----

    @Test
    void aSuspendedNewerVersionIsCurrentAndNotActive() {
        importExamples();
        write(agreements, "soap-push-KOR-MOEL-v2.xml", withStatus(withVersion(example(KOR), 2), "SUSPENDED"));

        assertThat(reportFor(registry.reload("operator-1"), "soap-push-KOR-MOEL-v2.xml").outcome())
                .isEqualTo(ImportOutcome.IMPORTED);

        CurrentAgreement current = registry.current("AGR-KOR-MOEL").orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.status()).isEqualTo(AgreementStatus.SUSPENDED);
        assertThat(current.isActiveAt(NOW)).isFalse();
        assertThat(current.inactivityAt(NOW)).hasValueSatisfying(i -> {
            assertThat(i.reason()).isEqualTo(Inactivity.Reason.SUSPENDED);
            assertThat(i.message()).contains("AGR-KOR-MOEL").contains("SUSPENDED");
        });
        assertThat(registry.list()).filteredOn(s -> s.id().equals("AGR-KOR-MOEL")).singleElement()
                .extracting(AgreementSummary::status).isEqualTo(AgreementStatus.SUSPENDED);
    }

    @Test
    void aDraftNewerVersionIsNotCurrent() {
        importExamples();
        write(agreements, "soap-push-KOR-MOEL-v2.xml", withStatus(withVersion(example(KOR), 2), "DRAFT"));

        assertThat(reportFor(registry.reload("operator-1"), "soap-push-KOR-MOEL-v2.xml").outcome())
                .isEqualTo(ImportOutcome.IMPORTED);

        assertThat(registry.current("AGR-KOR-MOEL").orElseThrow().version()).isEqualTo(1);
        AgreementDetail detail = registry.find("AGR-KOR-MOEL").orElseThrow();
        assertThat(detail.summary().currentVersion()).isEqualTo(1L);
        assertThat(detail.summary().latestVersion()).isEqualTo(2L);
        assertThat(detail.current()).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(1));
        assertThat(detail.versions()).extracting(AgreementVersionInfo::status)
                .containsExactly(AgreementStatus.ACTIVE, AgreementStatus.DRAFT);
    }

    @Test
    void anAgreementWithDraftsOnlyHasNoCurrentVersion() {
        write(agreements, KOR, withStatus(example(KOR), "DRAFT"));

        registry.reload("operator-1");

        assertThat(registry.current("AGR-KOR-MOEL")).isEmpty();
        assertThat(registry.list()).singleElement().satisfies(s -> {
            assertThat(s.partner()).isEqualTo("KOR:MOEL");
            assertThat(s.currentVersion()).isNull();
            assertThat(s.status()).isNull();
            assertThat(s.latestVersion()).isEqualTo(1);
            assertThat(s.versions()).isEqualTo(1);
        });
        assertThat(registry.current("AGR-NOBODY")).isEmpty();
        assertThat(registry.find("AGR-NOBODY")).isEmpty();
    }

    @Test
    void anAgreementIsActiveOnlyWithinItsDaysInTheHubsTimeZone() {
        importExamples();
        CurrentAgreement kor = registry.current("AGR-KOR-MOEL").orElseThrow(); // 2026-07-01 .. 2028-06-30, UTC+05:00

        assertThat(kor.inactivityAt(Instant.parse("2026-06-30T18:59:59Z")))
                .hasValueSatisfying(i -> assertThat(i.reason()).isEqualTo(Inactivity.Reason.NOT_YET_VALID));
        assertThat(kor.isActiveAt(Instant.parse("2026-06-30T19:00:00Z"))).isTrue();
        assertThat(kor.isActiveAt(Instant.parse("2028-06-30T18:59:59Z"))).isTrue();
        assertThat(kor.inactivityAt(Instant.parse("2028-06-30T19:00:00Z")))
                .hasValueSatisfying(i -> {
                    assertThat(i.reason()).isEqualTo(Inactivity.Reason.EXPIRED);
                    assertThat(i.message()).contains("2028-06-30");
                });
        // no end date: in force until a later version
        assertThat(registry.current("AGR-KAZ-MIA").orElseThrow().isActiveAt(Instant.parse("2099-01-01T00:00:00Z")))
                .isTrue();
    }

    @Test
    void theCurrentVersionCarriesWhatThePipelineChecks() {
        importExamples();

        CurrentAgreement kor = registry.current("AGR-KOR-MOEL").orElseThrow();

        assertThat(kor.id()).isEqualTo("AGR-KOR-MOEL");
        assertThat(kor.partner()).isEqualTo("KOR:MOEL");
        assertThat(kor.transport()).isEqualTo(TransportKind.SOAP_PUSH);
        assertThat(kor.revocationPolicy()).isEqualTo(RevocationPolicy.CRL_SOFT_FAIL);
        assertThat(kor.clockSkew()).isEqualTo(Duration.ofHours(24));
        assertThat(kor.limits()).isEqualTo(SizeLimits.DEFAULTS);
        assertThat(kor.allowsInbound("Ping")).isTrue();
        assertThat(kor.allowsInbound("Receipt")).isTrue();
        assertThat(kor.allowsOutbound("Receipt")).isTrue();
        assertThat(kor.allowsInbound("WorkPermitApplication")).isFalse();
        assertThat(kor.allowsOutbound("ContractVettingResult")).isTrue();
        assertThat(kor.allowsInbound("ContractVettingResult")).isFalse();
        assertThat(kor.allowsInbound("NoSuchDocument")).isFalse();
        assertThat(kor.delivery().maxAttempts()).isEqualTo(10);
        assertThat(kor.delivery().retrySpan()).isEqualTo(Duration.ofSeconds(11_010));
        assertThat(kor.agreement().getParties().getPartnerName())
                .isEqualTo("Ministry of Employment and Labor of the Republic of Korea");
        // agreement() is a copy: changing it changes nothing shared
        kor.agreement().getParties().setPartner("XXX:YYY");
        assertThat(registry.current("AGR-KOR-MOEL").orElseThrow().agreement().getParties().getPartner())
                .isEqualTo("KOR:MOEL");
    }

    @Test
    void theCurrentVersionsTrustHoldsThePartnersCertificateAndTheCa() {
        importExamples();

        CurrentAgreement kor = registry.current("AGR-KOR-MOEL").orElseThrow();

        assertThat(kor.trust().pinned()).containsExactly(TestPki.certificate("KOR_MOEL.crt.pem"));
        assertThat(kor.trust().authorities()).containsExactly(TestPki.certificate("hub-ca.crt.pem"));
        assertThat(kor.trustCertificates()).extracting(TrustCertificate::certificateFile, TrustCertificate::crlUrl)
                .containsExactly(
                        tuple("hub-ca.crt.pem", "http://localhost:8080/pki/crl/hub-ca.crl"),
                        tuple("KOR_MOEL.crt.pem", "http://localhost:8080/pki/crl/hub-ca.crl"));
        assertThat(kor.trustAt(NOW)).isPresent();
    }

    @Test
    void aVersionInForceKeepsItsTrustWhenTheTrustDirectoryChanges(@TempDir Path scratch) throws Exception {
        Path trust = TestPki.copyTo(scratch.resolve("trust"));
        registry = newRegistry(trust);
        importExamples();
        // the partner's certificate file is replaced by another party's, as a careless rotation might
        Files.copy(trust.resolve("TUR_CSGB.crt.pem"), trust.resolve("KOR_MOEL.crt.pem"),
                StandardCopyOption.REPLACE_EXISTING);

        // a new registry (as another node would) reads the version from the database, not from the files
        AgreementRegistry otherNode = newRegistry(trust);

        assertThat(otherNode.current("AGR-KOR-MOEL").orElseThrow().trust().pinned())
                .containsExactly(TestPki.certificate("KOR_MOEL.crt.pem"));
        assertThat(otherNode.reload("operator-1").files()).extracting(FileReport::outcome)
                .containsOnly(ImportOutcome.UNCHANGED);
    }

    // ---- trust rules ----

    @Test
    void trustEntriesMustFitTheirRoleAndStayInTheTrustDirectory(@TempDir Path scratch) throws Exception {
        Path trust = TestPki.copyTo(scratch.resolve("trust"));
        Path outside = Files.writeString(scratch.resolve("outside.crt.pem"),
                Files.readString(trust.resolve("KOR_MOEL.crt.pem")));
        Files.createSymbolicLink(trust.resolve("link.crt.pem"), outside);
        Files.writeString(trust.resolve("garbage.crt.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
        registry = newRegistry(trust);
        String kor = example(KOR);
        kor = edit(kor, "<Role>CA</Role>", "<Role>PINNED</Role>"); // the CA names no party
        kor = edit(kor, "<Role>PINNED</Role>\n      <Label>KOR:MOEL signing certificate</Label>",
                "<Role>CA</Role>\n      <Label>KOR:MOEL signing certificate</Label>"); // a signing certificate is no CA
        kor = edit(kor, "<RevocationPolicy>", """
                <TrustEntry>
                      <Role>PINNED</Role>
                      <CertificateFile>TUR_CSGB.crt.pem</CertificateFile>
                    </TrustEntry>
                    <TrustEntry>
                      <Role>PINNED</Role>
                      <CertificateFile>link.crt.pem</CertificateFile>
                    </TrustEntry>
                    <TrustEntry>
                      <Role>PINNED</Role>
                      <CertificateFile>garbage.crt.pem</CertificateFile>
                    </TrustEntry>
                    <TrustEntry>
                      <Role>PINNED</Role>
                      <Certificate>AAECAw==</Certificate>
                    </TrustEntry>
                    <RevocationPolicy>""");

        ValidationReport report = registry.validate(KOR, kor.getBytes(StandardCharsets.UTF_8));

        assertThat(report.outcome()).isEqualTo(ImportOutcome.REFUSED);
        assertThat(report.problems()).extracting(Problem::toString).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).startsWith("Trust/TrustEntry[1]/Role: PINNED").contains("carries no party URI"),
                p -> assertThat(p).startsWith("Trust/TrustEntry[2]/Role: CA").contains("not a CA certificate"),
                p -> assertThat(p).startsWith("Trust/TrustEntry[3]/Role: PINNED").contains("[TUR:CSGB]"),
                p -> assertThat(p).startsWith("Trust/TrustEntry[4]/CertificateFile: link.crt.pem is a link that leads out"),
                p -> assertThat(p).startsWith("Trust/TrustEntry[5]/CertificateFile: not a readable X.509 certificate"),
                p -> assertThat(p).startsWith("Trust/TrustEntry[6]/Certificate: not a readable X.509 certificate"));
    }

    @Test
    void aPathOutOfTheTrustDirectoryIsRefusedByTheSchema() {
        String kor = edit(example(KOR), "<CertificateFile>KOR_MOEL.crt.pem</CertificateFile>",
                "<CertificateFile>../KOR_MOEL.crt.pem</CertificateFile>");

        ValidationReport report = registry.validate(KOR, kor.getBytes(StandardCharsets.UTF_8));

        assertThat(report.outcome()).isEqualTo(ImportOutcome.REFUSED);
        assertThat(report.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("../KOR_MOEL"));
    }

    @Test
    void anInlineCertificateIsAcceptedAndStoredAsPem() throws Exception {
        String der = Base64.getEncoder().encodeToString(TestPki.certificate("KOR_MOEL.crt.pem").getEncoded());
        write(agreements, KOR, edit(example(KOR), "<CertificateFile>KOR_MOEL.crt.pem</CertificateFile>",
                "<Certificate>" + der + "</Certificate>"));

        assertThat(registry.reload("operator-1").files()).singleElement().extracting(FileReport::outcome)
                .isEqualTo(ImportOutcome.IMPORTED);

        CurrentAgreement kor = registry.current("AGR-KOR-MOEL").orElseThrow();
        assertThat(kor.trust().pinned()).containsExactly(TestPki.certificate("KOR_MOEL.crt.pem"));
        assertThat(kor.trustCertificates().get(1).certificateFile()).isNull();
    }

    // ---- transport and parties ----

    @Test
    void queuesAreForDomesticAgenciesOnly() {
        String uzb = edit(example(UZB), """
                <SoapPull>
                      <MaxDocumentsPerFetch>50</MaxDocumentsPerFetch>
                    </SoapPull>""", """
                <Queue>
                      <AgencyCode>MIA</AgencyCode>
                      <BrokerUser>agency-uzb</BrokerUser>
                    </Queue>""");
        String mia = edit(example(MIA), "<AgencyCode>MIA</AgencyCode>", "<AgencyCode>SRC</AgencyCode>");

        ValidationReport foreign = registry.validate(UZB, uzb.getBytes(StandardCharsets.UTF_8));
        ValidationReport wrongCode = registry.validate(MIA, mia.getBytes(StandardCharsets.UTF_8));

        assertThat(foreign.problems()).extracting(Problem::where)
                .containsExactlyInAnyOrder("Transport/Queue", "Transport/Queue/AgencyCode");
        assertThat(foreign.problems().get(0).message()).contains("SoapPush or SoapPull");
        assertThat(wrongCode.problems()).singleElement().extracting(Problem::toString).asString()
                .contains("Transport/Queue/AgencyCode: SRC").contains("expected MIA");
    }

    @Test
    void anAgreementIdStaysWithItsPartnerAndAPartnerHasOneAgreement() {
        importExamples();
        // AGR-KOR-MOEL v2 naming another partner
        String otherPartner = withVersion(example(KOR), 2);
        otherPartner = edit(otherPartner, "<Partner>KOR:MOEL</Partner>", "<Partner>TUR:CSGB</Partner>");
        otherPartner = edit(otherPartner, "<CertificateFile>KOR_MOEL.crt.pem</CertificateFile>",
                "<CertificateFile>TUR_CSGB.crt.pem</CertificateFile>");
        // a second agreement id for KOR:MOEL
        String secondId = edit(example(KOR), "<Id>AGR-KOR-MOEL</Id>", "<Id>AGR-KOR-MOEL-2</Id>");

        assertThat(registry.validate("a.xml", otherPartner.getBytes(StandardCharsets.UTF_8)).problems())
                .singleElement().extracting(Problem::toString).asString()
                .startsWith("Parties/Partner: AGR-KOR-MOEL is the agreement with KOR:MOEL, not TUR:CSGB");
        assertThat(registry.validate("b.xml", secondId.getBytes(StandardCharsets.UTF_8)).problems())
                .singleElement().extracting(Problem::toString).asString()
                .startsWith("Id: KOR:MOEL already has the agreement AGR-KOR-MOEL");
    }

    @Test
    void aTerminatedAgreementIsNotResumed() {
        importExamples();
        write(agreements, "kor-v2.xml", withStatus(withVersion(example(KOR), 2), "TERMINATED"));
        registry.reload("operator-1");
        assertThat(registry.current("AGR-KOR-MOEL").orElseThrow().inactivityAt(NOW))
                .hasValueSatisfying(i -> assertThat(i.reason()).isEqualTo(Inactivity.Reason.TERMINATED));

        write(agreements, "kor-v3.xml", withVersion(example(KOR), 3));
        FileReport v3 = reportFor(registry.reload("operator-1"), "kor-v3.xml");

        assertThat(v3.outcome()).isEqualTo(ImportOutcome.REFUSED);
        assertThat(v3.problems()).singleElement().extracting(Problem::message).asString()
                .contains("TERMINATED in version 2");
        assertThat(registry.current("AGR-KOR-MOEL").orElseThrow().version()).isEqualTo(2);
    }

    // ---- dry run ----

    @Test
    void validateWritesNothingAndSaysWhatAReloadWouldDo() {
        byte[] kor = example(KOR).getBytes(StandardCharsets.UTF_8);

        ValidationReport fresh = registry.validate(KOR, kor);

        assertThat(fresh.outcome()).isEqualTo(ImportOutcome.IMPORTED);
        assertThat(fresh.valid()).isTrue();
        assertThat(fresh.agreementId()).isEqualTo("AGR-KOR-MOEL");
        assertThat(fresh.version()).isEqualTo(1L);
        assertThat(rows("agreement_version") + rows("agreement_trust")).isZero();
        assertThat(registry.list()).isEmpty();
        assertThat(registry.current("AGR-KOR-MOEL")).isEmpty();

        importExamples();
        assertThat(registry.validate("copy.xml", kor).outcome()).isEqualTo(ImportOutcome.UNCHANGED);
        ValidationReport conflict = registry.validate(KOR,
                edit(example(KOR), "<DocumentType>Ping</DocumentType>", "").getBytes(StandardCharsets.UTF_8));
        assertThat(conflict.outcome()).isEqualTo(ImportOutcome.REFUSED);
        assertThat(conflict.valid()).isFalse();
        assertThat(conflict.problems()).extracting(Problem::where).containsExactly("Version");
        assertThat(rows("agreement_version")).isEqualTo(3);
    }

    @Test
    void onlyXmlFilesAreRead() {
        AgreementFiles.copyExamples(agreements);
        write(agreements, "README.md", "not an agreement");
        write(agreements, ".#soap-push-KOR-MOEL.xml", "an editor's lock file");

        assertThat(registry.reload("operator-1").files()).extracting(FileReport::fileName)
                .containsExactly(MIA, UZB, KOR);
    }

    // ---- several nodes ----

    @Test
    void twoNodesReloadingAtOnceImportEachVersionOnce() throws Exception {
        AgreementFiles.copyExamples(agreements);
        AgreementRegistry nodeA = newRegistry(TestPki.dir());
        AgreementRegistry nodeB = newRegistry(TestPki.dir());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            var a = pool.submit(() -> { start.await(); return nodeA.reload("node-a"); });
            var b = pool.submit(() -> { start.await(); return nodeB.reload("node-b"); });
            start.countDown();
            List<FileReport> all = new ArrayList<>(a.get().files());
            all.addAll(b.get().files());

            assertThat(all).extracting(FileReport::outcome).doesNotContain(ImportOutcome.REFUSED);
            assertThat(all).filteredOn(f -> f.outcome() == ImportOutcome.IMPORTED).extracting(FileReport::fileName)
                    .containsExactlyInAnyOrder(MIA, UZB, KOR);
            assertThat(rows("agreement_version")).isEqualTo(3);
            assertThat(rows("agreement_trust")).isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
    }
}
