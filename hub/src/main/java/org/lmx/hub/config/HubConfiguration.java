package org.lmx.hub.config;

import java.time.Clock;
import org.lmx.connectors.pki.Credential;
import org.lmx.hub.production.ProductionMode;
import org.lmx.routes.agreements.CurrentAgreement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data directory and what is read from it. */
@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    /** In production, only after the production checks passed (they refuse to start otherwise), and creating nothing. */
    @Bean
    DataDirectory dataDirectory(LmxProperties properties, ObjectProvider<ProductionMode> production) {
        return production.getIfAvailable() != null ? DataDirectory.open(properties) : DataDirectory.prepare(properties);
    }

    @Bean
    Credential hubCredential(DataDirectory dataDirectory, LmxProperties properties, ObjectProvider<ProductionMode> production) {
        ProductionMode mode = production.getIfAvailable();
        return mode != null ? mode.signing() : dataDirectory.hubCredential(properties.hubParty());
    }

    /** The admin API's users: generated into the data directory in development, from the secrets in production. */
    @Bean
    DevelopmentCredentials developmentCredentials(DataDirectory dataDirectory, ObjectProvider<ProductionMode> production) {
        ProductionMode mode = production.getIfAvailable();
        return mode != null ? mode.apiUsers() : DevelopmentCredentials.read(dataDirectory.credentialsFile());
    }

    /** The hub's time, in the hub's zone (Kazakhstan, UTC+5), whatever the server's zone: receipts and documents show it. */
    @Bean
    Clock clock() {
        return Clock.system(CurrentAgreement.HUB_ZONE);
    }
}
