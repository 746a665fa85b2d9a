package org.lmx.hub.trust;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lmx.connectors.signature.HttpCrlSource;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.AgreementSummary;
import org.lmx.routes.agreements.CurrentAgreement;

/**
 * The running hub's trust as of now: the inventory of the current agreements' trust entries and the hub's own
 * certificates, the CRL locations this node has asked, and what they mean for its health. Computed on each call from
 * the database (the registry caches parsed versions), so every node answers for the same agreements.
 */
public class HubTrust {

    private final AgreementRegistry agreements;
    private final List<HubCertificate> own;
    private final String hubParty;
    private final HttpCrlSource crls;
    private final Duration expiringWithin;
    private final Clock clock;

    public HubTrust(AgreementRegistry agreements, List<HubCertificate> own, String hubParty, HttpCrlSource crls,
                    Duration expiringWithin, Clock clock) {
        this.agreements = agreements;
        this.own = List.copyOf(own);
        this.hubParty = hubParty;
        this.crls = crls;
        this.expiringWithin = expiringWithin;
        this.clock = clock;
    }

    public Duration expiringWithin() {
        return expiringWithin;
    }

    public TrustReport report(Duration window) {
        Instant now = clock.instant();
        return new TrustReport(now, TrustInventory.iso(window), TrustInventory.of(current(agreements), own, hubParty, now, window),
                crls.locations());
    }

    public TrustReport report() {
        return report(expiringWithin);
    }

    public TrustAssessment assess() {
        TrustReport report = report();
        return TrustAssessment.of(report.certificates(), report.crls(), report.generatedAt());
    }

    /** The current version (the latest that is not DRAFT) of every agreement that has one. */
    public static List<CurrentAgreement> current(AgreementRegistry registry) {
        return registry.list().stream().map(AgreementSummary::id).map(registry::current)
                .flatMap(Optional::stream).toList();
    }
}
