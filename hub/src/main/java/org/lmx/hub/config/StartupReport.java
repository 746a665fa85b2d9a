package org.lmx.hub.config;

import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.hub.camunda.DevelopmentCaseworkers;
import org.lmx.hub.production.ProductionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the hub where everything is and how to log in. */
@Component
class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final DataDirectory data;
    private final LmxProperties properties;
    private final ObjectProvider<EmbeddedBroker> broker;
    private final boolean production;

    StartupReport(DataDirectory data, LmxProperties properties, ObjectProvider<EmbeddedBroker> broker,
                  ObjectProvider<ProductionMode> production) {
        this.data = data;
        this.properties = properties;
        this.broker = broker;
        this.production = production.getIfAvailable() != null;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
        String base = "http://localhost:" + port;
        StringBuilder report = new StringBuilder("\n\nLMX Hub is up.\n");
        data.createdNow().forEach(line -> report.append("  created   ").append(line).append('\n'));
        report.append("  data      ").append(data.root()).append('\n')
                .append("  WSDL      ").append(base).append("/services/exchange?wsdl (SOAP 1.1), ")
                .append(base).append("/services/exchange12?wsdl (SOAP 1.2)\n")
                .append("  admin API ").append(base).append("/api/agreements (docs: ").append(base).append("/swagger-ui.html)\n")
                .append("  log in    users 'operator' and 'auditor', passwords ")
                .append(production ? "of the secrets (production)" : "in " + data.credentialsFile()).append('\n')
                .append("  Tasklist  ").append(base).append("/camunda/app/tasklist/ (Cockpit and Admin beside it; REST: ")
                .append(base).append("/engine-rest with the same users)\n");
        if (properties.demo()) {
            report.append("  caseworkers users ").append(String.join(", ", DevelopmentCaseworkers.USERS.stream()
                    .map(DevelopmentCaseworkers.Caseworker::id).toList())).append(", passwords in ")
                    .append(data.root().resolve(DevelopmentCaseworkers.FILE)).append(" (development only)\n");
        }
        report.append("  PKI       ").append(data.pki()).append(production ? " (the certificates the agreements name)\n"
                        : " (trust anchor hub-ca.crt.pem)\n")
                .append("  agreements ").append(data.agreements()).append(" (POST /api/agreements/reload after a change)\n");
        EmbeddedBroker embedded = broker.getIfAvailable();
        if (embedded != null) {
            String host = properties.broker().host();
            report.append("  broker    AMQP 1.0 amqp://").append(host).append(':').append(embedded.port("amqp"))
                    .append(", Core tcp://").append(host).append(':').append(embedded.port("core"))
                    .append(" (agencies: lmx.agency.<CODE>.out to send, .in to receive)\n")
                    .append("  agencies  broker users and passwords ").append(production ? "of the secrets (broker.<CODE>.password)"
                            : "in " + data.root().resolve(BrokerCredentials.FILE))
                    .append(" (also their login at ").append(base).append("/api/attachments)\n");
        } else {
            report.append("  broker    external, ").append(properties.broker().url()).append(" (its configuration for the agencies:"
                    + " lmx broker security --data-dir ").append(data.root()).append(")\n")
                    .append("  agencies  passwords in ").append(data.root().resolve(BrokerCredentials.FILE))
                    .append(" (their login at the broker and at ").append(base).append("/api/attachments)\n");
        }
        LOG.info(report.toString());
    }
}
