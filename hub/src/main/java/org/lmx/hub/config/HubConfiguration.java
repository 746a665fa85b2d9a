package org.lmx.hub.config;

import java.time.Clock;
import org.lmx.connectors.pki.Credential;
import org.lmx.hub.production.DataKeys;
import org.lmx.hub.production.ProductionMode;
import org.lmx.hub.production.Secrets;
import org.lmx.routes.log.DataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.lmx.routes.agreements.CurrentAgreement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data directory and what is read from it. */
@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HubConfiguration.class);

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

    /**
     * Seals message bodies and attachments at rest: with the data key of the secrets in production (required there),
     * in development only if {@code LMX_DATA_KEY} is set (a development hub needs no key to be tried out).
     */
    @Bean
    DataCipher dataCipher(ObjectProvider<ProductionMode> production) {
        ProductionMode mode = production.getIfAvailable();
        DataCipher cipher = mode != null ? DataKeys.cipher(mode.secrets())
                : DataKeys.cipher(Secrets.load(System.getenv(), null));
        if (cipher.encrypts()) {
            LOG.info("message bodies and attachments are encrypted at rest with data key {} (keys that open older rows: {})",
                    cipher.currentKeyId().orElseThrow(), cipher.keyIds());
        } else {
            LOG.warn("message bodies and attachments are NOT encrypted at rest: no LMX_DATA_KEY (development)");
        }
        return cipher;
    }

    /** The hub's time, in the hub's zone (Kazakhstan, UTC+5), whatever the server's zone: receipts and documents show it. */
    @Bean
    Clock clock() {
        return Clock.system(CurrentAgreement.HUB_ZONE);
    }
}
