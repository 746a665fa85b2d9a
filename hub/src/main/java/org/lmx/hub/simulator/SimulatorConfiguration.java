package org.lmx.hub.simulator;

import java.time.Clock;
import java.util.Set;
import org.lmx.hub.broker.AgencyAccess;
import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.hub.config.DataDirectory;
import org.lmx.hub.config.LmxProperties;
import org.lmx.routes.agreements.AgreementRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The simulated counterparties of the development setup, only with {@code lmx.simulators.enabled=true}: the hub
 * refuses to start with them on a data directory without the development PKI.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "lmx.simulators", name = "enabled", havingValue = "true")
public class SimulatorConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Bean
    SimulatedParties simulatedParties(DataDirectory data, LmxProperties properties, Clock clock) {
        SimulatedParties parties = SimulatedParties.open(data.pki(), properties.hubParty(), clock,
                Set.copyOf(properties.simulators().identityHits()));
        LOG.warn("[simulator] SIMULATED COUNTERPARTIES ARE ON (lmx.simulators.enabled=true): agencies and the demo partner"
                + " answer the hub signed with the development keys in {}. Development only.", data.pki());
        return parties;
    }

    @Bean
    SimulatedAgencies simulatedAgencies(AgencyAccess access, BrokerCredentials credentials,
                                        ObjectProvider<EmbeddedBroker> broker, LmxProperties properties,
                                        SimulatedParties parties) {
        return new SimulatedAgencies(access, credentials, broker, properties, parties);
    }

    @Bean
    SimulatedPartners simulatedPartners(AgreementRegistry agreements, LmxProperties properties, SimulatedParties parties) {
        return new SimulatedPartners(agreements, properties, parties);
    }
}
