package org.lmx.hub.workpermit;

import java.time.Clock;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.lmx.hub.config.LmxProperties;
import org.lmx.hub.process.ExchangeDocumentSender;
import org.lmx.hub.process.ProcessDispatchHandler;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.ProcessDispatcher;
import org.lmx.processes.permit.PermitRegister;
import org.lmx.processes.tracking.MovementLog;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.processes.quota.QuotaShares;
import org.lmx.processes.workpermit.WorkPermitBeans;
import org.lmx.processes.workpermit.WorkPermitSettings;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.dispatch.DocumentHandler;
import org.lmx.routes.log.MessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the work-permit process (processes module) to the hub: its documents go out through the exchange's
 * outbound entry, accepted documents come in through the outbox dispatcher, the partners' quota shares come from
 * their agreements, deadlines and the demo quota from {@code lmx.work-permit.*}. Everything shares the hub's
 * DataSource and transaction manager with the engine, so a step's documents, ledger places and permit commit with
 * the step or not at all.
 */
@Configuration(proxyBeanMethods = false)
class WorkPermitConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WorkPermitConfiguration.class);

    @Bean
    QuotaLedger quotaLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new QuotaLedger(jdbc, transactions, clock);
    }

    @Bean
    PermitRegister permitRegister(JdbcTemplate jdbc) {
        return new PermitRegister(jdbc);
    }

    /** The border crossings recorded on permits (permit-tracking), for the register's REST reads. */
    @Bean
    MovementLog movementLog(JdbcTemplate jdbc) {
        return new MovementLog(jdbc);
    }

    @Bean
    QuotaShares quotaShares(AgreementRegistry agreements, Clock clock) {
        return new AgreementQuotaShares(agreements, clock);
    }

    @Bean
    WorkPermitSettings workPermitSettings(LmxProperties properties) {
        LmxProperties.WorkPermit p = properties.workPermit();
        return new WorkPermitSettings(p.identityCheck(), p.taxCheck(), p.qualificationCheck(), p.informationResponse(),
                properties.hubParty(), p.contactName(), p.contactEmail(), p.contactPhone());
    }

    @Bean
    DocumentSender documentSender(ProducerTemplate producer) {
        return new ExchangeDocumentSender(producer);
    }

    @Bean
    ProcessEnginePlugin workPermitBeans(ConfigurableListableBeanFactory factory, DocumentSender sender,
                                        QuotaLedger ledger, PermitRegister register, QuotaShares shares,
                                        WorkPermitSettings settings, Clock clock) {
        return new NamedBeans(factory, WorkPermitBeans.of(sender, ledger, register, shares, settings, clock));
    }

    @Bean
    ProcessDispatcher processDispatcher(RuntimeService runtime, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                        Clock clock) {
        return new ProcessDispatcher(runtime, jdbc, transactions, clock);
    }

    @Bean
    DocumentHandler processDispatch(ProcessDispatcher dispatcher, MessageLog log) {
        return new ProcessDispatchHandler(dispatcher, log);
    }

    @Bean
    ApplicationRunner quotaSeed(LmxProperties properties, QuotaLedger ledger) {
        return arguments -> {
            List<String> created = QuotaSeed.apply(properties.workPermit().quotas(), ledger);
            if (!created.isEmpty()) {
                LOG.info("seeded {} lines of the quota ledger from lmx.work-permit.quotas", created.size());
                LOG.debug("seeded {}", created);
            }
        };
    }
}
