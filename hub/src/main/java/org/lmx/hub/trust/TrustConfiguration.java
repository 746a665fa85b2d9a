package org.lmx.hub.trust;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.HttpCrlSource;
import org.lmx.hub.config.DataDirectory;
import org.lmx.hub.config.LmxProperties;
import org.lmx.routes.agreements.AgreementRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.Ssl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The trust lifecycle: the one CRL source of the hub's verifiers (its cache and back-off are what operators see),
 * the inventory, the health indicator {@code trust} and the expiry gauges.
 */
@Configuration(proxyBeanMethods = false)
class TrustConfiguration {

    @Bean
    HttpCrlSource crlSource(LmxProperties properties) {
        LmxProperties.Trust trust = properties.trust();
        return new HttpCrlSource(trust.crlTimeout(), trust.crlRetryAfter(), Clock.systemUTC());
    }

    @Bean
    HubTrust hubTrust(AgreementRegistry agreements, Credential hubCredential, DataDirectory data, HttpCrlSource crls,
                      LmxProperties properties, ObjectProvider<ServerProperties> server, Clock clock) {
        return new HubTrust(agreements, HubPki.of(hubCredential, data.pki(), tls(server.getIfAvailable())),
                properties.hubParty(), crls,
                properties.trust().expiringWithin(), clock);
    }

    /** Named so that the indicator is {@code trust} (group {@code management.endpoint.health.group.trust}). */
    @Bean
    TrustHealthIndicator trustHealthIndicator(HubTrust trust) {
        return new TrustHealthIndicator(trust);
    }

    @Bean
    CertificateExpiryGauges certificateExpiryGauges(HubTrust trust, MeterRegistry registry, Clock clock) {
        return new CertificateExpiryGauges(trust, registry, clock);
    }

    private static HubPki.TlsKeyStore tls(ServerProperties server) {
        Ssl ssl = server == null ? null : server.getSsl();
        if (ssl == null || !ssl.isEnabled() || ssl.getKeyStore() == null) {
            return null;
        }
        return new HubPki.TlsKeyStore(ssl.getKeyStore(), ssl.getKeyStoreType(), ssl.getKeyStorePassword(), ssl.getKeyAlias());
    }
}
