package org.lmx.hub.quotarefresh;

import java.time.Clock;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.lmx.hub.config.LmxProperties;
import org.lmx.hub.workpermit.NamedBeans;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.quota.DemandReports;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.processes.quota.QuotaShares;
import org.lmx.processes.quotarefresh.QuotaRefreshBeans;
import org.lmx.processes.quotarefresh.QuotaRefreshSettings;
import org.lmx.routes.agreements.AgreementRegistry;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the quota-refresh process to the hub: the akimats' demand reports the dispatcher records, the ledger and
 * the partners' shares of the work-permit wiring, the notices through the exchange's outbound entry, the yearly
 * start and the recipients from {@code lmx.quota-refresh.*}.
 */
@Configuration(proxyBeanMethods = false)
class QuotaRefreshConfiguration {

    @Bean
    DemandReports demandReports(JdbcTemplate jdbc, Clock clock) {
        return new DemandReports(jdbc, clock);
    }

    @Bean
    ProcessEnginePlugin quotaRefreshBeans(ConfigurableListableBeanFactory factory, DocumentSender sender,
                                          QuotaLedger ledger, QuotaShares shares, DemandReports reports,
                                          AgreementRegistry agreements, LmxProperties properties, Clock clock) {
        LmxProperties.QuotaRefresh p = properties.quotaRefresh();
        return new NamedBeans(factory, QuotaRefreshBeans.of(sender, ledger, shares, reports,
                new AgencyRecipients(agreements, p, clock), new QuotaRefreshSettings(p.cron(), p.zone(), p.legalBasis()),
                clock));
    }
}
