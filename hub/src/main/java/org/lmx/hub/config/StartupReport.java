package org.lmx.hub.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the hub where everything is and how to log in. */
@Component
class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final DataDirectory data;

    StartupReport(DataDirectory data) {
        this.data = data;
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
                .append("  log in    users 'operator' and 'auditor', passwords in ").append(data.credentialsFile()).append('\n')
                .append("  PKI       ").append(data.pki()).append(" (trust anchor hub-ca.crt.pem)\n")
                .append("  agreements ").append(data.agreements()).append(" (POST /api/agreements/reload after a change)\n");
        LOG.info(report.toString());
    }
}
