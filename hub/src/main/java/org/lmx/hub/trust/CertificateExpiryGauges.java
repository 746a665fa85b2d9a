package org.lmx.hub.trust;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmx.hub.exchange.AgreementsChanged;
import org.springframework.context.event.EventListener;

/**
 * {@code lmx_certificate_expiry_days{partner,label}}: days (fractional, negative once expired) until each certificate
 * of the inventory ends; the hub's own under its party. The set of certificates follows every agreements reload; the
 * values are computed at each scrape. An alert rule such as {@code lmx_certificate_expiry_days < 30} pages before a
 * partner is locked out.
 */
public class CertificateExpiryGauges {

    static final String NAME = "lmx.certificate.expiry.days";

    private final HubTrust trust;
    private final Clock clock;
    private final MultiGauge gauge;

    public CertificateExpiryGauges(HubTrust trust, MeterRegistry registry, Clock clock) {
        this.trust = trust;
        this.clock = clock;
        this.gauge = MultiGauge.builder(NAME).description("days until the certificate's notAfter").baseUnit("days")
                .register(registry);
        refresh();
    }

    @EventListener
    public void agreementsChanged(AgreementsChanged event) {
        refresh();
    }

    /** One row per (partner, label); where two certificates share both, the one that ends first speaks. */
    final void refresh() {
        Map<Tags, Instant> ends = new LinkedHashMap<>();
        for (InventoryEntry entry : trust.report().certificates()) {
            if (!entry.reliedOn() || entry.state() == CertificateState.ENTRY_ENDED) {
                continue;
            }
            ends.merge(Tags.of("partner", entry.partner(), "label", entry.label()), entry.notAfter(),
                    (a, b) -> a.isBefore(b) ? a : b);
        }
        // a supplier, not a state object: Micrometer holds state objects weakly, and these maps are short-lived
        gauge.register(ends.entrySet().stream().map(e -> MultiGauge.Row.of(e.getKey(),
                () -> TrustInventory.daysToExpiry(e.getValue(), clock.instant()))).toList(), true);
    }
}
