package org.lmx.hub.config;

import java.time.Clock;
import org.lmx.connectors.pki.Credential;
import org.lmx.routes.agreements.CurrentAgreement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data directory and what is read from it. */
@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    @Bean
    DataDirectory dataDirectory(LmxProperties properties) {
        return DataDirectory.prepare(properties);
    }

    @Bean
    Credential hubCredential(DataDirectory dataDirectory, LmxProperties properties) {
        return dataDirectory.hubCredential(properties.hubParty());
    }

    @Bean
    DevelopmentCredentials developmentCredentials(DataDirectory dataDirectory) {
        return DevelopmentCredentials.read(dataDirectory.credentialsFile());
    }

    /** The hub's time, in the hub's zone (Kazakhstan, UTC+5), whatever the server's zone: receipts and documents show it. */
    @Bean
    Clock clock() {
        return Clock.system(CurrentAgreement.HUB_ZONE);
    }
}
