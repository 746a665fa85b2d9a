package org.lmx.hub.workpermit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.lmx.processes.quota.QuotaPlaces;
import org.lmx.processes.quota.QuotaShares;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.AgreementSummary;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.xsd.agreement.v1.Agreement;
import org.lmx.xsd.agreement.v1.QuotaShare;

/**
 * The partners' shares of the national quota, as their agreements in force set them ({@code <QuotaShares>}): read
 * at each reservation, so that a reloaded agreement applies to the next case at once. Should a partner have
 * several agreements that set a share for the same line, the smallest applies.
 */
final class AgreementQuotaShares implements QuotaShares {

    private final AgreementRegistry agreements;
    private final Clock clock;

    AgreementQuotaShares(AgreementRegistry agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    /**
     * The partners whose agreements carry quota shares and are in force now with QuotaNotice allowed outbound (a
     * notice to a suspended partner would be refused and hold up everyone else's).
     */
    @Override
    public Set<String> partners() {
        Set<String> partners = new TreeSet<>();
        for (AgreementSummary summary : agreements.list()) {
            CurrentAgreement current = summary.currentVersion() == null ? null
                    : agreements.current(summary.id()).orElse(null);
            if (current != null && current.agreement() != null && current.agreement().getQuotaShares() != null
                    && !current.agreement().getQuotaShares().getShare().isEmpty()
                    && current.isActiveAt(clock.instant()) && current.allowsOutbound("QuotaNotice")) {
                partners.add(summary.partner());
            }
        }
        return partners;
    }

    /** The partner's shares for the year; where several agreements set the same line, the smallest applies. */
    @Override
    public List<QuotaPlaces> sharesOf(String partner, int year) {
        java.util.Map<String, Integer> lines = new java.util.TreeMap<>();
        for (AgreementSummary summary : agreements.list()) {
            if (!partner.equals(summary.partner()) || summary.currentVersion() == null) {
                continue;
            }
            Agreement agreement = agreements.current(summary.id()).map(CurrentAgreement::agreement).orElse(null);
            if (agreement == null || agreement.getQuotaShares() == null) {
                continue;
            }
            for (QuotaShare share : agreement.getQuotaShares().getShare()) {
                if (share.getYear().getValue() == year) {
                    lines.merge(share.getSector().value() + " " + share.getRegion().value(),
                            share.getLimit().intValueExact(), Math::min);
                }
            }
        }
        List<QuotaPlaces> shares = new ArrayList<>();
        lines.forEach((line, places) -> shares.add(new QuotaPlaces(line.split(" ")[0], line.split(" ")[1], places)));
        return shares;
    }

    @Override
    public OptionalInt limit(String partner, int year, String sector, String region) {
        OptionalInt limit = OptionalInt.empty();
        for (AgreementSummary summary : agreements.list()) {
            if (!partner.equals(summary.partner()) || summary.currentVersion() == null) {
                continue;
            }
            CurrentAgreement current = agreements.current(summary.id()).orElse(null);
            Agreement agreement = current == null ? null : current.agreement();
            if (agreement == null || agreement.getQuotaShares() == null) {
                continue;
            }
            for (QuotaShare share : agreement.getQuotaShares().getShare()) {
                if (share.getYear().getValue() == year && share.getSector().value().equals(sector)
                        && share.getRegion().value().equals(region)) {
                    int places = share.getLimit().intValueExact();
                    limit = OptionalInt.of(limit.isPresent() ? Math.min(limit.getAsInt(), places) : places);
                }
            }
        }
        return limit;
    }
}
