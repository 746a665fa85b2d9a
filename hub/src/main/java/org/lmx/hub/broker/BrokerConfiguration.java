package org.lmx.hub.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.lmx.hub.config.DataDirectory;
import org.lmx.hub.config.LmxProperties;
import org.lmx.hub.production.BrokerSecrets;
import org.lmx.hub.production.ProductionMode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The broker of the domestic agencies: the hub's own embedded Artemis by default, or an external one
 * ({@code lmx.broker.embedded=false}, {@code lmx.broker.url}, {@code .user}, {@code .password}). Either way the hub
 * speaks to it as user {@value BrokerCredentials#HUB_USER} through one JMS connection factory.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    /** Generated into the data directory in development; in production the secrets' {@code broker.USER.password}. */
    @Bean
    BrokerCredentials brokerCredentials(DataDirectory data, ObjectProvider<ProductionMode> production) {
        ProductionMode mode = production.getIfAvailable();
        if (mode != null) {
            return BrokerCredentials.given(data.root().resolve(BrokerCredentials.FILE),
                    user -> mode.secrets().get(BrokerSecrets.name(user)));
        }
        return BrokerCredentials.open(data.root().resolve(BrokerCredentials.FILE));
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnProperty(name = "lmx.broker.embedded", havingValue = "true", matchIfMissing = true)
    EmbeddedBroker embeddedBroker(LmxProperties properties, DataDirectory data, BrokerCredentials credentials) {
        return new EmbeddedBroker(properties.broker(), data.root().resolve("broker"), credentials);
    }

    @Bean
    @ConditionalOnProperty(name = "lmx.broker.embedded", havingValue = "false")
    ExternalBroker externalBroker(LmxProperties properties) {
        LmxProperties.Broker broker = properties.broker();
        return new ExternalBroker(broker.url(), broker.user(), broker.password());
    }

    @Bean
    ConnectionFactory jmsConnectionFactory(LmxProperties properties, BrokerCredentials credentials,
                                           ObjectProvider<EmbeddedBroker> embedded) {
        ActiveMQConnectionFactory factory;
        if (embedded.getIfAvailable() != null) {
            factory = new ActiveMQConnectionFactory(EmbeddedBroker.IN_VM_URL, BrokerCredentials.HUB_USER,
                    credentials.password(BrokerCredentials.HUB_USER));
        } else {
            LmxProperties.Broker broker = properties.broker();
            if (broker.url() == null || broker.url().isBlank()) {
                throw new IllegalStateException("lmx.broker.embedded=false needs lmx.broker.url (and .user, .password)");
            }
            factory = new ActiveMQConnectionFactory(broker.url(), broker.user(), broker.password());
        }
        CachingConnectionFactory caching = new CachingConnectionFactory(factory);
        // listener containers keep their own consumers; caching them here would hold messages from other nodes
        caching.setCacheConsumers(false);
        caching.setSessionCacheSize(10);
        return caching;
    }
}
