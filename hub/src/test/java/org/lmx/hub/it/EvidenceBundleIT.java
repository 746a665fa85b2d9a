package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.hub.cli.LmxCommand;
import org.lmx.hub.evidence.CanonicalZip;
import org.lmx.hub.evidence.EvidenceIndex;
import org.lmx.hub.evidence.EvidenceManifest;
import org.lmx.hub.evidence.EvidenceReport;
import org.lmx.hub.evidence.EvidenceVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A welder's work-permit case from Korea's labour ministry (KOR:MOEL), taken through the police's and state revenue's
 * checks, the ministry's qualification answer and a permit officer's approval to the signed PermitDecision for all
 * parties, exported as an evidence bundle by an auditor with {@code lmx evidence export}: it verifies offline, also
 * long after its certificates' end (signatures at the receipts' times), and any changed byte of it, in any entry's
 * header or data or in the central directory, or a document re-packed under the same manifest, breaks it.
 */
class EvidenceBundleIT extends HubIT {

    @Autowired
    EmbeddedBroker broker;

    @TempDir
    Path temp;

    @Test
    void aFinishedWorkPermitCaseExportsAsABundleThatVerifiesOfflineAndBreaksAtAnyChangedByte() throws Exception {
        String conversation = finishedCase();
        X509Certificate hubCa = Pem.readCertificate(DATA_DIR.resolve("pki").resolve(CertificateAuthority.CERTIFICATE_FILE));

        // operators see metadata, not bodies: the bundle is for auditors
        assertThat(asOperator().getForEntity(url("/api/evidence/" + conversation), byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        Path file = temp.resolve("evidence.zip");
        assertThat(LmxCommand.run("evidence", "export", "--conversation", conversation, "--hub", url(""),
                "--data-dir", DATA_DIR.toString(), "--out", file.toString())).isZero();
        byte[] bundle = Files.readAllBytes(file);
        JsonNode audit = JSON.readTree(asAuditor().getForObject(url("/api/audit?limit=20"), String.class));
        assertThat(audit.toString()).contains("EVIDENCE_EXPORT").contains(conversation);

        // everything the case exchanged is in it, and it verifies, with the trusted hub CA and on its own
        EvidenceReport report = new EvidenceVerifier().verify(bundle, Optional.of(hubCa));
        assertThat(report.intact()).as(String.join("\n", report.items().stream().map(Object::toString).toList())).isTrue();
        EvidenceIndex index = JSON.readValue(CanonicalZip.read(bundle).get(EvidenceIndex.FILE), EvidenceIndex.class);
        assertThat(index.messages()).extracting(EvidenceIndex.Message::documentType).contains("WorkPermitApplication",
                "IdentityCheckRequest", "IdentityCheckResult", "TaxStatusRequest", "TaxStatusResult",
                "QualificationVerificationRequest", "QualificationVerificationResult", "PermitDecision");
        assertThat(index.messages()).allSatisfy(m -> {
            assertThat(m.document()).as(m.documentType()).isNotNull();
            assertThat(m.receipt()).as(m.documentType() + " receipt").isNotNull();
        });
        assertThat(report.items()).filteredOn(i -> i.status() == EvidenceReport.Status.OK)
                .extracting(EvidenceReport.Item::subject)
                .contains("canonical form", "manifest signature", "file digests", "chain proof")
                .anyMatch(s -> s.startsWith("INBOUND WorkPermitApplication") && s.endsWith("attachment passport"));
        assertThat(LmxCommand.run("evidence", "verify", file.toString(), "--trust",
                DATA_DIR.resolve("pki").resolve(CertificateAuthority.CERTIFICATE_FILE).toString())).isZero();

        // in 2040 every certificate in it has expired: checked at its receipts' times, the bundle still holds
        Instant later = Instant.parse("2040-01-01T00:00:00Z");
        assertThat(hubCa.getNotAfter().toInstant()).isBefore(later);
        EvidenceReport inLater = new EvidenceVerifier(Clock.fixed(later, ZoneOffset.UTC)).verify(bundle, Optional.of(hubCa));
        assertThat(inLater.intact()).as(inLater.summary()).isTrue();
        assertThat(inLater.items()).anyMatch(i -> i.detail() != null && i.detail().startsWith("expired at"));
        // ... where a check at the reader's now would refuse the hub's signature
        byte[] decision = CanonicalZip.read(bundle).get(index.messages().stream()
                .filter(m -> m.documentType().equals("PermitDecision")).findFirst().orElseThrow().document());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new SignatureVerifier(CrlSource.NONE)
                .verify(decision, TrustAnchors.authority(hubCa), VerificationOptions.defaults().at(later))))
                .isInstanceOf(LmxException.class).hasMessageContaining("expired");
        assertThat(LmxCommand.run("evidence", "verify", file.toString(), "--at", later.toString())).isZero();

        // one changed byte anywhere: every entry's header and data, the central directory, the end record
        List<Integer> positions = positions(bundle);
        assertThat(positions).hasSizeGreaterThan(100);
        for (int position : positions) {
            byte[] changed = bundle.clone();
            changed[position] ^= 0x01;
            EvidenceReport broken = new EvidenceVerifier().verify(changed, Optional.of(hubCa));
            assertThat(broken.intact()).as("byte " + position + " changed").isFalse();
        }
        Path tampered = temp.resolve("tampered.zip");
        Files.write(tampered, flipped(bundle, positions.get(positions.size() / 2)));
        assertThat(LmxCommand.run("evidence", "verify", tampered.toString())).isEqualTo(2);

        // re-packed canonically with one byte of the decision changed: the signed manifest names the document
        LinkedHashMap<String, byte[]> entries = CanonicalZip.read(bundle);
        String decisionFile = index.messages().stream().filter(m -> m.documentType().equals("PermitDecision"))
                .findFirst().orElseThrow().document();
        byte[] altered = entries.get(decisionFile).clone();
        altered[altered.length / 2] ^= 0x01;
        entries.put(decisionFile, altered);
        EvidenceReport repacked = new EvidenceVerifier().verify(CanonicalZip.write(entries), Optional.of(hubCa));
        assertThat(repacked.intact()).isFalse();
        assertThat(repacked.broken()).extracting(EvidenceReport.Item::subject).contains(decisionFile);

        // a partner whose certificate the same CA issued re-signs the manifest, naming itself the hub: refused
        LinkedHashMap<String, byte[]> files = CanonicalZip.read(bundle);
        files.remove(EvidenceManifest.FILE);
        files.put(EvidenceIndex.FILE, new String(files.get(EvidenceIndex.FILE), StandardCharsets.UTF_8)
                .replace("\"hub\" : \"KAZ:MLSP\"", "\"hub\" : \"KOR:MOEL\"").getBytes(StandardCharsets.UTF_8));
        LinkedHashMap<String, byte[]> forged = new LinkedHashMap<>();
        forged.put(EvidenceManifest.FILE, EvidenceManifest.signed(conversation, index.exportedAt(), "KOR:MOEL", files,
                Parties.credential(DATA_DIR, "KOR:MOEL")));
        forged.putAll(files);
        EvidenceReport forgery = new EvidenceVerifier().verify(CanonicalZip.write(forged), Optional.of(hubCa));
        assertThat(forgery.intact()).isFalse();
        assertThat(forgery.broken().get(0).detail()).contains("KOR:MOEL");
    }

    /** Byte positions across the bundle: each entry's header fields, name and data, each central record, the end. */
    private static List<Integer> positions(byte[] zip) {
        TreeSet<Integer> at = new TreeSet<>();
        ByteBuffer in = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int p = 0;
        while (in.getInt(p) == 0x04034b50) {
            int size = in.getInt(p + 18);
            int name = Short.toUnsignedInt(in.getShort(p + 26));
            int data = p + 30 + name;
            for (int offset : new int[] {0, 4, 8, 10, 14, 18, 22, 26, 28, 30}) {
                at.add(p + offset);
            }
            if (size > 0) {
                at.add(data);
                at.add(data + size / 2);
                at.add(data + size - 1);
            }
            p = data + size;
        }
        while (in.getInt(p) == 0x02014b50) {
            int name = Short.toUnsignedInt(in.getShort(p + 28));
            for (int offset : new int[] {0, 4, 8, 12, 16, 20, 28, 30, 38, 42, 46}) {
                at.add(p + offset);
            }
            p += 46 + name;
        }
        for (int offset = 0; offset < 22; offset += 2) {
            at.add(p + offset);
        }
        assertThat(p + 22).as("the end record closes the file").isEqualTo(zip.length);
        return new ArrayList<>(at);
    }

    private static byte[] flipped(byte[] bytes, int position) {
        byte[] copy = bytes.clone();
        copy[position] ^= 0x01;
        return copy;
    }

    /** The welder's case through the decision, delivered to the ministry and the three agencies; its conversation. */
    private String finishedCase() throws Exception {
        try (WorkPermitCases cases = new WorkPermitCases(this);
             AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA");
             AgencyClient revenue = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "SRC");
             AgencyClient border = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "BORDER")) {
            WorkPermitCases.Application application = cases.apply();
            String conversation = application.conversation();
            cases.answerChecks(application, police, revenue);
            JsonNode review = await().atMost(Duration.ofSeconds(30)).until(() -> cases.reviewTasks("permit-officer",
                    application.applicationId()), tasks -> tasks.size() == 1).get(0);
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> completed = asCaseworker("permit-officer").postForEntity(
                    url("/engine-rest/task/" + review.get("id").asText() + "/complete"), new HttpEntity<>("""
                            {"variables": {"decision": {"value": "APPROVE", "type": "String"},
                                           "reasons": {"value": "Checks clear", "type": "String"}}}""", json),
                    String.class);
            assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            List<String> decisions = new ArrayList<>(List.of(await().atMost(Duration.ofSeconds(30))
                    .until(() -> cases.pushed("PermitDecision", conversation), Optional::isPresent).get()
                    .header("MessageId")));
            for (Object[] agency : new Object[][] {{police, "KAZ:MIA", "AGR-KAZ-MIA"},
                    {revenue, "KAZ:SRC", "AGR-KAZ-SRC"}, {border, "KAZ:BORDER", "AGR-KAZ-BORDER"}}) {
                WorkPermitCases.Received decision = cases.take((AgencyClient) agency[0], "PermitDecision", conversation);
                WorkPermitCases.acknowledge((AgencyClient) agency[0], decision, (String) agency[1], (String) agency[2]);
                decisions.add(decision.header("MessageId"));
            }
            for (String decision : decisions) {
                await().atMost(Duration.ofSeconds(30)).until(() -> state(decision).equals("DELIVERED"));
            }
            return conversation;
        }
    }
}
