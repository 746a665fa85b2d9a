package org.lmx.hub.trust;

import java.time.Instant;
import java.util.List;
import org.lmx.connectors.signature.CrlLocationStatus;

/**
 * The trust inventory at one instant ({@code GET /api/trust}, {@code lmx trust list}).
 *
 * @param expiringWithin the warning window, ISO-8601 (P30D)
 * @param crls           the CRL locations the hub has asked since it started, with what each gave (empty offline)
 */
public record TrustReport(Instant generatedAt, String expiringWithin, List<InventoryEntry> certificates,
                          List<CrlLocationStatus> crls) {

    /** True if a certificate the hub relies on is EXPIRING or EXPIRED. */
    public boolean needsAttention() {
        return certificates.stream().anyMatch(c -> c.reliedOn() && c.state().needsAttention());
    }
}
