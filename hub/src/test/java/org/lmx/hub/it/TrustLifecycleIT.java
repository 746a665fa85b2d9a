package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.Pem;
import org.lmx.hub.cli.Console;
import org.lmx.hub.cli.LmxCommand;
import org.lmx.hub.it.PartnerClient.Receipt;
import org.lmx.routes.inbound.InboundChecks;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The trust lifecycle on the shared hub, each case with a partner and an agreement of its own (written as agreement
 * and certificate files, then reloaded), certificates from CAs this test makes:
 * <ul>
 * <li>Vietnam's overseas-labour department whose only trust anchor has expired: health group {@code trust} DOWN naming
 * it, the inventory and the gauge say EXPIRED, {@code lmx trust list --hub} exits 3; the next version with a valid
 * anchor: UP again;</li>
 * <li>Korea's EPS agency (HRD Korea) rotating its signing certificate with overlap, no restart: old only, then both,
 * then, once the old entry's NotAfter has passed (no reload), only the new one;</li>
 * <li>Sri Lanka's Bureau of Foreign Employment (CRL soft-fail) and Indonesia's (hard-fail) whose CRLs, at the
 * agreement's CrlUrl and at the certificates' distribution point, are on closed loopback ports: soft-fail accepts with
 * a warning in the log and in the trust inventory, hard-fail rejects with LMX-CERT-REVOCATION-UNKNOWN, and the second
 * message does not ask the failing locations again.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustLifecycleIT extends HubIT {

    private static final String SAMPLE_MESSAGE_TYPE = "Ping";

    @RegisterExtension
    final Console console = new Console();

    @Autowired
    MeterRegistry meters;

    private PartnerClient partner;
    private Path work;
    private final ListAppender<ILoggingEvent> inboundLog = new ListAppender<>();

    @BeforeAll
    void partnerAndLog() throws Exception {
        partner = new PartnerClient(url(""), DATA_DIR);
        work = Files.createTempDirectory(Path.of("target"), "trust-it-");
        inboundLog.start();
        ((Logger) LoggerFactory.getLogger(InboundChecks.class)).addAppender(inboundLog);
    }

    @AfterAll
    void detachLog() {
        ((Logger) LoggerFactory.getLogger(InboundChecks.class)).detachAppender(inboundLog);
    }

    // ---- an expired trust anchor ----

    @Test
    void anExpiredTrustAnchorMakesTheTrustGroupDownAndIsNamedUntilAValidOneReplacesIt() throws Exception {
        String party = "VNM:DOLAB";
        Instant now = Instant.now();
        CertificateAuthority expiredCa = ca("vnm-2016", "CN=DOLAB Root CA 2016,O=Department of Overseas Labour,C=VN",
                now.minus(3650, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        writeCertificate("it-trust-VNM-ca-2016.crt.pem", expiredCa);
        writeAgreement("AGR-VNM-DOLAB", 1, party, "CRL_SOFT_FAIL",
                entry("CA", "DOLAB root CA 2016", "it-trust-VNM-ca-2016.crt.pem", null, null));
        reload("AGR-VNM-DOLAB");

        JsonNode down = trustHealth(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(down.path("status").asText()).isEqualTo("DOWN");
        JsonNode problem = problemsOf(down).stream().filter(p -> party.equals(p.path("partner").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no problem names " + party + ": " + down));
        assertThat(problem.path("label").asText()).isEqualTo("DOLAB root CA 2016");
        assertThat(problem.path("subject").asText()).contains("CN=DOLAB Root CA 2016");
        assertThat(problem.path("state").asText()).isEqualTo("EXPIRED");
        assertThat(Instant.parse(problem.path("notAfter").asText()))
                .isEqualTo(expiredCa.certificate().getNotAfter().toInstant());

        // the inventory and the gauge say the same
        JsonNode entry = inventoryEntry(party, "DOLAB root CA 2016");
        assertThat(entry.path("state").asText()).isEqualTo("EXPIRED");
        assertThat(entry.path("sha256").asText()).isEqualTo(Sha256.hex(expiredCa.certificate().getEncoded()));
        assertThat(entry.path("daysLeft").asLong()).isNegative();
        Gauge gauge = meters.find("lmx.certificate.expiry.days").tags("partner", party, "label", "DOLAB root CA 2016").gauge();
        assertThat(gauge).as("lmx_certificate_expiry_days of " + party).isNotNull();
        assertThat(gauge.value()).isBetween(-1.1, -0.9);

        // the operator's command line through the running hub
        assertThat(LmxCommand.run("trust", "list", "--hub", url(""), "--data-dir", DATA_DIR.toString())).isEqualTo(3);
        assertThat(console.out()).containsPattern("EXPIRED +-\\d+ +VNM:DOLAB +AGR-VNM-DOLAB v1 +CA +DOLAB root CA 2016");

        // the department's new root replaces the expired one: UP again
        CertificateAuthority newCa = ca("vnm-2026", "CN=DOLAB Root CA 2026,O=Department of Overseas Labour,C=VN",
                now.minus(1, ChronoUnit.DAYS), now.plus(3650, ChronoUnit.DAYS));
        writeCertificate("it-trust-VNM-ca-2026.crt.pem", newCa);
        writeAgreement("AGR-VNM-DOLAB", 2, party, "CRL_SOFT_FAIL",
                entry("CA", "DOLAB root CA 2026", "it-trust-VNM-ca-2026.crt.pem", null, null));
        reload("AGR-VNM-DOLAB");
        JsonNode up = trustHealth(HttpStatus.OK);
        assertThat(up.path("status").asText()).isEqualTo("UP");
        assertThat(up.toString()).doesNotContain("DOLAB root CA 2016");
        assertThat(meters.find("lmx.certificate.expiry.days").tags("partner", party, "label", "DOLAB root CA 2026")
                .gauge().value()).isGreaterThan(3600);
    }

    // ---- rotation with overlap ----

    @Test
    void aRotationWithOverlapAcceptsBothCertificatesThenOnlyTheNewOneWithoutARestart() throws Exception {
        String party = "KOR:HRDK";
        String agreement = "AGR-KOR-HRDK";
        CertificateAuthority ca = ca("kor-hrdk", "CN=HRDK CA,O=Human Resources Development Service of Korea,C=KR",
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(3650, ChronoUnit.DAYS));
        Credential old = ca.issue(party, KeyAlgorithm.EC_P256, Duration.ofDays(30));
        Credential successor = ca.issue(party, KeyAlgorithm.EC_P256, Duration.ofDays(730));
        writeCertificate("it-trust-KOR-HRDK-2025.crt.pem", old);
        writeCertificate("it-trust-KOR-HRDK-2026.crt.pem", successor);

        writeAgreement(agreement, 1, party, "NONE", entry("PINNED", "HRDK signing 2025", "it-trust-KOR-HRDK-2025.crt.pem", null, null));
        reload(agreement);
        assertThat(ping(party, agreement, old).status()).isEqualTo("ACCEPTED");
        assertThat(ping(party, agreement, successor).code()).isEqualTo("LMX-CERT-UNTRUSTED");

        // the successor added as a second entry; the old one ends shortly (NotAfter), evaluated at every message
        OffsetDateTime oldEnds = OffsetDateTime.now(ZoneOffset.ofHours(5)).plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        writeAgreement(agreement, 2, party, "NONE",
                entry("PINNED", "HRDK signing 2025", "it-trust-KOR-HRDK-2025.crt.pem", null, oldEnds),
                entry("PINNED", "HRDK signing 2026", "it-trust-KOR-HRDK-2026.crt.pem", null, null));
        reload(agreement);
        assertThat(ping(party, agreement, old).status()).as("the old certificate during the overlap").isEqualTo("ACCEPTED");
        assertThat(ping(party, agreement, successor).status()).as("the new one during the overlap").isEqualTo("ACCEPTED");
        assertThat(Instant.now()).as("the overlap was checked before its end").isBefore(oldEnds.toInstant());

        // no reload, no restart: once the old entry's NotAfter has passed, only the new certificate is trusted
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> Instant.now().isAfter(oldEnds.toInstant()));
        Receipt refused = ping(party, agreement, old);
        assertThat(refused.status()).isEqualTo("REJECTED");
        assertThat(refused.code()).isEqualTo("LMX-CERT-UNTRUSTED");
        assertThat(ping(party, agreement, successor).status()).isEqualTo("ACCEPTED");
        assertThat(inventoryEntry(party, "HRDK signing 2025").path("state").asText()).isEqualTo("ENTRY_ENDED");
        assertThat(inventoryEntry(party, "HRDK signing 2026").path("state").asText()).isEqualTo("VALID");
    }

    // ---- CRL sources that are down ----

    @Test
    void withTheCrlSourcesDownSoftFailAcceptsWithAWarningHardFailRejectsAndNeitherStalls() throws Exception {
        URI agreementCrl = URI.create("http://127.0.0.1:" + closedPort() + "/slbfe/ca.crl");
        URI distributionPoint = URI.create("http://127.0.0.1:" + closedPort() + "/crl/ca.crl");
        CertificateAuthority ca = CertificateAuthority.create(work.resolve("asean-ca"),
                "CN=Migrant Workers CA,O=Test,C=PH", KeyAlgorithm.EC_P256, Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(3650, ChronoUnit.DAYS), distributionPoint);
        writeCertificate("it-trust-migrant-ca.crt.pem", ca);
        Credential sriLanka = ca.issue("LKA:SLBFE", KeyAlgorithm.EC_P256, Duration.ofDays(30));
        Credential indonesia = ca.issue("IDN:BP2MI", KeyAlgorithm.EC_P256, Duration.ofDays(30));
        writeAgreement("AGR-LKA-SLBFE", 1, "LKA:SLBFE", "CRL_SOFT_FAIL",
                entry("CA", "SLBFE CA", "it-trust-migrant-ca.crt.pem", agreementCrl.toString(), null));
        writeAgreement("AGR-IDN-BP2MI", 1, "IDN:BP2MI", "CRL_HARD_FAIL",
                entry("CA", "BP2MI CA", "it-trust-migrant-ca.crt.pem", agreementCrl.toString(), null));
        reload("AGR-LKA-SLBFE", "AGR-IDN-BP2MI");

        byte[] soft = Parties.ping("LKA:SLBFE", "AGR-LKA-SLBFE", sriLanka);
        Receipt accepted = partner.submit("1.2", soft).receipt();
        assertThat(accepted.status()).as(accepted.reason()).isEqualTo("ACCEPTED");
        String softId = accepted.receivedMessageId();
        assertThat(inboundLog.list).as("the soft-fail warning in the hub's log").anySatisfy(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains(softId).contains("AGR-LKA-SLBFE").contains("CRL_SOFT_FAIL");
        });

        Receipt rejected = ping("IDN:BP2MI", "AGR-IDN-BP2MI", indonesia);
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.code()).isEqualTo("LMX-CERT-REVOCATION-UNKNOWN");
        assertThat(rejected.reason()).contains(agreementCrl.toString()).contains(distributionPoint.toString());

        // neither waits for a source that is down: the failing locations were each asked once, by the first message
        JsonNode crls = JSON.readTree(asAuditor().getForObject(url("/api/trust"), String.class)).path("crls");
        for (URI location : List.of(agreementCrl, distributionPoint)) {
            JsonNode status = find(crls, "location", location.toString());
            assertThat(status.path("attempts").asLong()).as(location + " asked once, then backed off").isEqualTo(1);
            assertThat(status.path("failures").asLong()).isEqualTo(1);
            assertThat(status.path("lastFailure").isTextual()).isTrue();
            assertThat(status.path("retryAfter").isTextual()).isTrue();
            assertThat(status.path("lastSuccess").isNull()).isTrue();
        }
        // out-of-date CRLs are warnings of the trust group, not an outage
        JsonNode health = trustHealth(HttpStatus.OK);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.toString()).contains(agreementCrl.toString()).contains(distributionPoint.toString());
    }

    // ---- helpers ----

    private Receipt ping(String party, String agreement, Credential signer) throws Exception {
        return partner.submit("1.2", Parties.ping(party, agreement, signer)).receipt();
    }

    /** {@code /actuator/health/trust} as an auditor (details are for operators and auditors). */
    private JsonNode trustHealth(HttpStatus expected) throws Exception {
        ResponseEntity<String> answer = asAuditor().getForEntity(url("/actuator/health/trust"), String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(expected);
        return JSON.readTree(answer.getBody());
    }

    private static List<JsonNode> problemsOf(JsonNode health) {
        JsonNode details = health.path("components").path("trust").path("details");
        if (details.isMissingNode()) {
            details = health.path("details");
        }
        List<JsonNode> problems = new ArrayList<>();
        details.path("problems").forEach(problems::add);
        return problems;
    }

    private JsonNode inventoryEntry(String partner, String label) throws Exception {
        JsonNode report = JSON.readTree(asAuditor().getForObject(url("/api/trust"), String.class));
        for (JsonNode c : report.path("certificates")) {
            if (partner.equals(c.path("partner").asText()) && label.equals(c.path("label").asText())) {
                return c;
            }
        }
        throw new AssertionError("no certificate " + partner + " '" + label + "' in the inventory");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }

    private CertificateAuthority ca(String dir, String subject, Instant notBefore, Instant notAfter) throws Exception {
        return CertificateAuthority.create(work.resolve(dir), subject, KeyAlgorithm.EC_P256, notBefore, notAfter,
                URI.create("http://127.0.0.1:" + closedPort() + "/unused.crl"));
    }

    private static void writeCertificate(String file, CertificateAuthority ca) throws Exception {
        Pem.writeCertificate(DATA_DIR.resolve("pki").resolve(file), ca.certificate());
    }

    private static void writeCertificate(String file, Credential credential) throws Exception {
        Pem.writeCertificate(DATA_DIR.resolve("pki").resolve(file), credential.certificate());
    }

    /** A port nothing listens on: bound and released at once. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The operator's reload; each of this test's files named is imported (or unchanged), none refused. */
    private void reload(String... agreementIds) throws Exception {
        ResponseEntity<String> reload = asOperator().postForEntity(url("/api/agreements/reload"), null, String.class);
        assertThat(reload.getStatusCode()).as(reload.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode files = JSON.readTree(reload.getBody()).path("files");
        for (String id : agreementIds) {
            JsonNode file = find(files, "fileName", "it-trust-" + id + ".xml");
            assertThat(file.path("outcome").asText()).as(file.toString()).isIn("IMPORTED", "UNCHANGED");
        }
    }

    private static String entry(String role, String label, String file, String crlUrl, OffsetDateTime notAfter) {
        return "<TrustEntry><Role>" + role + "</Role><Label>" + label + "</Label><CertificateFile>" + file
                + "</CertificateFile>" + (crlUrl == null ? "" : "<CrlUrl>" + crlUrl + "</CrlUrl>")
                + (notAfter == null ? "" : "<NotAfter>" + notAfter + "</NotAfter>") + "</TrustEntry>";
    }

    /** A SOAP pull agreement allowing Ping, in the data directory's agreements, as an operator writes it. */
    private static void writeAgreement(String id, int version, String partner, String revocation, String... entries)
            throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Agreement xmlns="urn:lmx:agreement:1">
                  <Id>%s</Id>
                  <Version>%d</Version>
                  <Status>ACTIVE</Status>
                  <Title>Trust lifecycle test exchange with %s</Title>
                  <LegalBasis>
                    <TreatyName>Memorandum of understanding on labour migration (test)</TreatyName>
                    <SignedOn>2025-01-15</SignedOn>
                  </LegalBasis>
                  <Parties>
                    <Hub>KAZ:MLSP</Hub>
                    <Partner>%s</Partner>
                    <PartnerName>%s (test)</PartnerName>
                    <PartnerKind>FOREIGN_MINISTRY</PartnerKind>
                  </Parties>
                  <Validity>
                    <From>2025-01-01</From>
                  </Validity>
                  <Transport>
                    <SoapPull>
                      <MaxDocumentsPerFetch>50</MaxDocumentsPerFetch>
                    </SoapPull>
                  </Transport>
                  <Trust>
                    %s
                    <RevocationPolicy>%s</RevocationPolicy>
                  </Trust>
                  <Documents>
                    <Inbound>
                      <DocumentType>%s</DocumentType>
                    </Inbound>
                    <Outbound>
                      <DocumentType>BusinessNotice</DocumentType>
                    </Outbound>
                  </Documents>
                  <Delivery>
                    <MaxAttempts>3</MaxAttempts>
                    <InitialBackoff>PT1M</InitialBackoff>
                    <MaxBackoff>PT5M</MaxBackoff>
                    <BackoffMultiplier>2</BackoffMultiplier>
                  </Delivery>
                  <ClockSkew>PT24H</ClockSkew>
                  <Limits>
                    <MaxDocumentBytes>10485760</MaxDocumentBytes>
                    <MaxAttachmentBytes>26214400</MaxAttachmentBytes>
                    <MaxCallBytes>52428800</MaxCallBytes>
                  </Limits>
                  <Retention>
                    <MessageBodies>P10Y</MessageBodies>
                    <Metadata>P50Y</Metadata>
                  </Retention>
                </Agreement>
                """.formatted(id, version, partner, partner, partner, String.join("\n    ", entries), revocation,
                SAMPLE_MESSAGE_TYPE);
        Files.writeString(DATA_DIR.resolve("agreements").resolve("it-trust-" + id + ".xml"), xml);
    }
}
