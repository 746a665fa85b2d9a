package org.lmx.hub.workpermit;

import java.util.ArrayList;
import java.util.List;
import org.lmx.hub.config.LmxProperties;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.xsd.exchange.v1.EconomicSector;
import org.lmx.xsd.exchange.v1.RegionCode;

/**
 * Seeds the quota ledger from {@code lmx.work-permit.quotas} (until the quota-refresh process sets the quota): a
 * line is created where the ledger has none for that year, sector and region, and never changed afterwards, so a
 * restart keeps every place taken. A line that names no sector or region of the contract stops the start.
 */
final class QuotaSeed {

    private QuotaSeed() {
    }

    /** @return the lines created now, e.g. {@code 2026 F KZ-75: 900 places} */
    static List<String> apply(List<LmxProperties.Quota> quotas, QuotaLedger ledger) {
        List<String> created = new ArrayList<>();
        for (LmxProperties.Quota quota : quotas) {
            check(quota);
            if (ledger.seed(quota.year(), quota.sector(), quota.region(), quota.places())) {
                created.add(quota.year() + " " + quota.sector() + " " + quota.region() + ": " + quota.places() + " places");
            }
        }
        return created;
    }

    private static void check(LmxProperties.Quota quota) {
        String line = "lmx.work-permit.quotas entry " + quota;
        try {
            EconomicSector.fromValue(quota.sector());
            RegionCode.fromValue(quota.region());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException(line + ": the sector must be an economic section (A to U) and the region"
                    + " an ISO 3166-2:KZ code (KZ-75)", e);
        }
        if (quota.year() < 2000 || quota.year() > 2999 || quota.places() < 0) {
            throw new IllegalStateException(line + ": a year (e.g. 2026) and places of 0 or more");
        }
    }
}
