package org.lmx.hub.exchange;

import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.FileReport;
import org.lmx.routes.agreements.ReloadReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Imports the agreement files at start, so that files changed while the hub was down take effect. */
@Component
@Order(0)
class AgreementsAtStartup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AgreementsAtStartup.class);

    private final AgreementRegistry registry;
    private final ApplicationEventPublisher events;

    AgreementsAtStartup(AgreementRegistry registry, ApplicationEventPublisher events) {
        this.registry = registry;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        ReloadReport report = registry.reload("system (start)");
        long imported = report.files().stream().filter(f -> f.outcome().name().equals("IMPORTED")).count();
        LOG.info("Agreements: {} files, {} imported now, {} refused", report.files().size(), imported, report.refused().size());
        for (FileReport refused : report.refused()) {
            LOG.warn("Agreement file {} refused; the version in force stays: {}", refused.fileName(), refused.problems());
        }
        events.publishEvent(new AgreementsChanged(report));
    }
}
