package org.lmx.hub.evidence;

import java.time.Clock;
import org.lmx.connectors.pki.Credential;
import org.lmx.hub.config.DataDirectory;
import org.lmx.hub.config.LmxProperties;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.RetentionPurge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean
    EvidenceExporter evidenceExporter(JdbcTemplate jdbc, MessageLog log, RetentionPurge retention,
                                      Credential hubCredential, LmxProperties properties, DataDirectory data, Clock clock) {
        return new EvidenceExporter(jdbc, log, retention, hubCredential, properties.hubParty(), data.pki(), clock);
    }
}
