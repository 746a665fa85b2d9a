package org.lmx.processes.quotarefresh;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.permit.RegisterCounters;
import org.lmx.processes.quota.DemandReports;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.processes.quota.QuotaShares;

/**
 * Every bean quota-refresh.bpmn names (by delegateExpression, and the settings its timer reads), under that name.
 * Process tests give the map to the engine configuration; the hub registers each entry as a Spring bean.
 */
public final class QuotaRefreshBeans {

    private QuotaRefreshBeans() {
    }

    public static Map<String, Object> of(DocumentSender sender, QuotaLedger ledger, QuotaShares shares,
                                         DemandReports reports, NoticeRecipients recipients,
                                         QuotaRefreshSettings settings, Clock clock) {
        RegisterCounters counters = new RegisterCounters(ledger.jdbc());
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("quotaRefreshSettings", settings);
        beans.put("openQuotaYear", new OpenQuotaYear(settings, counters, clock));
        beans.put("gatherDemand", new GatherDemand(reports));
        beans.put("proposeQuota", new ProposeQuota(reports));
        beans.put("checkQuotaLines", new CheckQuotaLines(ledger));
        beans.put("setYearQuota", new SetYearQuota(ledger, counters, settings, clock));
        beans.put("sendQuotaNotices", new SendQuotaNotices(sender, ledger, shares, recipients, settings));
        return beans;
    }
}
