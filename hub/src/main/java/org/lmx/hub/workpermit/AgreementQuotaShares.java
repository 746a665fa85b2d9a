package org.lmx.hub.workpermit;

import java.util.OptionalInt;
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

    AgreementQuotaShares(AgreementRegistry agreements) {
        this.agreements = agreements;
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
