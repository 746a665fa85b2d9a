package org.lmx.hub.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.signature.CrlLocationStatus;

/**
 * What the inventory means for the health group {@code trust}: Uzbekistan's ministry locked out (every entry expired)
 * is DOWN and named; an expired entry beside the successor of a rotation is a warning; the hub's own expired
 * signing certificate is DOWN; a CRL past its nextUpdate is a warning.
 */
class TrustAssessmentTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void anAgreementInForceWithEveryEntryExpiredIsDownAndNamesTheCertificates() {
        TrustAssessment assessment = TrustAssessment.of(List.of(
                entry("AGR-UZB-MEHNAT", "UZB:MEHNAT", "MEHNAT CA 2021", true, CertificateState.EXPIRED),
                entry("AGR-UZB-MEHNAT", "UZB:MEHNAT", "MEHNAT signing 2023", true, CertificateState.ENTRY_ENDED),
                entry("AGR-KOR-MOEL", "KOR:MOEL", "MOEL signing 2026", true, CertificateState.VALID)), List.of(), NOW);

        assertThat(assessment.down()).isTrue();
        assertThat(assessment.problems()).singleElement().satisfies(problem -> assertThat(problem)
                .containsEntry("partner", "UZB:MEHNAT").containsEntry("label", "MEHNAT CA 2021")
                .containsEntry("subject", "CN=MEHNAT CA 2021").containsEntry("state", CertificateState.EXPIRED)
                .containsKey("notAfter"));
    }

    @Test
    void anExpiredEntryBesideAUsableOneIsAWarningNotAnOutage() {
        TrustAssessment assessment = TrustAssessment.of(List.of(
                entry("AGR-KOR-MOEL", "KOR:MOEL", "MOEL signing 2024", true, CertificateState.EXPIRED),
                entry("AGR-KOR-MOEL", "KOR:MOEL", "MOEL signing 2026", true, CertificateState.EXPIRING)), List.of(), NOW);

        assertThat(assessment.down()).isFalse();
        assertThat(assessment.warnings()).extracting(w -> w.get("label"))
                .containsExactly("MOEL signing 2024", "MOEL signing 2026");
    }

    @Test
    void anAgreementNotInForceNeverMakesTheHubDown() {
        TrustAssessment assessment = TrustAssessment.of(List.of(
                entry("AGR-USA-DOL", "USA:DOL", "DOL CA", false, CertificateState.EXPIRED)), List.of(), NOW);
        assertThat(assessment.down()).isFalse();
        assertThat(assessment.warnings()).isEmpty();
    }

    @Test
    void theHubsOwnExpiredSigningCertificateIsDown() {
        InventoryEntry hub = new InventoryEntry(InventoryEntry.HUB, "KAZ:MLSP", null, null, null, false,
                HubCertificate.SIGNING, "hub signing certificate", "CN=KAZ:MLSP", "CN=CA", "1", "ab", NOW.minusSeconds(9),
                NOW.minusSeconds(1), null, null, List.of(), null, -1, CertificateState.EXPIRED);
        TrustAssessment assessment = TrustAssessment.of(List.of(hub), List.of(), NOW);
        assertThat(assessment.down()).isTrue();
        assertThat(assessment.problems()).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("role", HubCertificate.SIGNING).containsEntry("partner", "KAZ:MLSP"));
    }

    @Test
    void aCrlPastItsNextUpdateIsAWarning() {
        URI location = URI.create("http://crl.moel.go.kr/ca.crl");
        CrlLocationStatus stale = new CrlLocationStatus(location, NOW, NOW.minusSeconds(86_400 * 8),
                NOW.minusSeconds(86_400 * 8), NOW.minusSeconds(86_400), NOW, "HTTP 503", NOW.plusSeconds(300), 3, 1);
        CrlLocationStatus current = new CrlLocationStatus(URI.create("http://crl.mehnat.uz/ca.crl"), NOW, NOW, NOW,
                NOW.plusSeconds(86_400), null, null, null, 1, 0);
        TrustAssessment assessment = TrustAssessment.of(List.of(), List.of(stale, current), NOW);
        assertThat(assessment.down()).isFalse();
        assertThat(assessment.warnings()).singleElement().satisfies(w -> assertThat(w)
                .containsEntry("crl", location.toString()).containsEntry("failureReason", "HTTP 503"));
    }

    private static InventoryEntry entry(String agreement, String partner, String label, boolean inForce,
                                        CertificateState state) {
        return new InventoryEntry(InventoryEntry.AGREEMENT, partner, agreement, 3L, "ACTIVE", inForce, "PINNED", label,
                "CN=" + label, "CN=CA", "2a", "00ff", NOW.minusSeconds(86_400 * 400), NOW.minusSeconds(86_400),
                state == CertificateState.ENTRY_ENDED ? NOW.minusSeconds(60) : null, null, List.of(), "CRL_SOFT_FAIL", -1,
                state);
    }
}
