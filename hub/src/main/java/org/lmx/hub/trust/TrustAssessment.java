package org.lmx.hub.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lmx.connectors.signature.CrlLocationStatus;

/**
 * What the trust inventory means for the hub's health.
 *
 * <p>DOWN (a {@link #problems() problem}) when the hub cannot work with a counterparty at all: an agreement in force
 * whose trust entries are all unusable (expired, not yet valid, ended), so that no signature of that partner can be
 * accepted; or an expired (or not yet valid) certificate of the hub's own (its signing certificate, its CA, its TLS
 * certificate), which makes every receipt and document it signs unverifiable. An expired entry beside a valid one is
 * the leftover of a rotation: the partner still gets through, so it is a warning (remove the entry).
 *
 * <p>UP with {@link #warnings() warnings} for what needs planning but stops nothing now: certificates within the
 * expiry window, expired entries beside valid ones, and CRL locations out of date (never fetched, or past nextUpdate
 * with no fresh CRL: soft-fail agreements go on accepting with a warning, hard-fail ones refuse that partner's
 * documents with CERT_REVOCATION_UNKNOWN until the CRL is back). Not OUT_OF_SERVICE or a custom status: those would
 * take a hub that works out of a load balancer, or sort unpredictably in the overall status.
 */
public record TrustAssessment(List<Map<String, Object>> problems, List<Map<String, Object>> warnings) {

    public boolean down() {
        return !problems.isEmpty();
    }

    public static TrustAssessment of(List<InventoryEntry> inventory, List<CrlLocationStatus> crls, Instant now) {
        List<Map<String, Object>> problems = new ArrayList<>();
        List<Map<String, Object>> warnings = new ArrayList<>();
        Map<String, List<InventoryEntry>> byAgreement = inventory.stream()
                .filter(e -> InventoryEntry.AGREEMENT.equals(e.kind()) && e.agreementInForce())
                .collect(Collectors.groupingBy(InventoryEntry::agreementId, LinkedHashMap::new, Collectors.toList()));
        byAgreement.forEach((agreement, entries) -> {
            boolean anyUsable = entries.stream().anyMatch(e -> e.state().usable());
            for (InventoryEntry entry : entries) {
                if (!anyUsable && entry.state() != CertificateState.ENTRY_ENDED) {
                    problems.add(named(entry, "no trust entry of " + agreement + " is usable: no signature of "
                            + entry.partner() + " can be accepted"));
                } else if (entry.state() == CertificateState.EXPIRED) {
                    warnings.add(named(entry, "expired beside a usable entry: remove it from the agreement"));
                } else if (entry.state() == CertificateState.EXPIRING) {
                    warnings.add(named(entry, "expires within the window: rotate (add the successor as a second entry)"));
                }
            }
            if (!anyUsable && entries.stream().allMatch(e -> e.state() == CertificateState.ENTRY_ENDED)) {
                problems.add(named(entries.get(0), "every trust entry of " + agreement + " has ended"));
            }
        });
        for (InventoryEntry own : inventory) {
            if (!InventoryEntry.HUB.equals(own.kind())) {
                continue;
            }
            if (!own.state().usable()) {
                problems.add(named(own, "the hub's own certificate is " + own.state()));
            } else if (own.state() == CertificateState.EXPIRING) {
                warnings.add(named(own, "the hub's own certificate expires within the window"));
            }
        }
        for (CrlLocationStatus crl : crls) {
            if (crl.outOfDateAt(now)) {
                Map<String, Object> warning = new LinkedHashMap<>();
                warning.put("crl", crl.location().toString());
                warning.put("nextUpdate", crl.nextUpdate());
                warning.put("lastSuccess", crl.lastSuccess());
                warning.put("lastFailure", crl.lastFailure());
                warning.put("failureReason", crl.failureReason());
                warning.put("reason", crl.lastSuccess() == null ? "no CRL could be fetched from this location"
                        : "the CRL is past its nextUpdate and no fresh one could be fetched");
                warnings.add(warning);
            }
        }
        return new TrustAssessment(List.copyOf(problems), List.copyOf(warnings));
    }

    private static Map<String, Object> named(InventoryEntry entry, String reason) {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("partner", entry.partner());
        if (entry.agreementId() != null) {
            named.put("agreement", entry.agreementId());
            named.put("version", entry.agreementVersion());
        }
        named.put("role", entry.role());
        named.put("label", entry.label());
        named.put("subject", entry.subject());
        named.put("sha256", entry.sha256());
        named.put("notAfter", entry.notAfter());
        if (entry.entryNotAfter() != null) {
            named.put("entryNotAfter", entry.entryNotAfter());
        }
        named.put("state", entry.state());
        named.put("reason", reason);
        return named;
    }
}
