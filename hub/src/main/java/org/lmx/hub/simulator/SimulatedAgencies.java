package org.lmx.hub.simulator;

import jakarta.jms.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.lmx.hub.broker.AgencyAccess;
import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.hub.config.LmxProperties;
import org.lmx.routes.agency.AgencyQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The simulated agencies: once the hub is ready, each partner of a QUEUE agreement whose development key is in the
 * data directory logs in to the broker as its own user, over the Artemis Core acceptor (the embedded broker's, on
 * loopback; or the external broker's URL), not over the hub's in-VM connection, and answers what the hub sends it.
 * Agencies whose agreements arrive with a later reload are not simulated until the next start.
 */
public class SimulatedAgencies implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedAgencies.class);

    private final AgencyAccess access;
    private final BrokerCredentials credentials;
    private final ObjectProvider<EmbeddedBroker> embedded;
    private final LmxProperties properties;
    private final SimulatedParties parties;
    private final List<SimulatedAgency> running = new ArrayList<>();
    private ActiveMQConnectionFactory factory;

    public SimulatedAgencies(AgencyAccess access, BrokerCredentials credentials, ObjectProvider<EmbeddedBroker> embedded,
                             LmxProperties properties, SimulatedParties parties) {
        this.access = access;
        this.credentials = credentials;
        this.embedded = embedded;
        this.properties = properties;
        this.parties = parties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        String url = brokerUrl();
        factory = new ActiveMQConnectionFactory(url);
        for (AgencyQueues agency : access.agencies()) {
            if (!parties.has(agency.party())) {
                LOG.warn("[simulator] {} is not simulated: the development PKI has no key of it", agency.party());
                continue;
            }
            try {
                running.add(SimulatedAgency.start(factory, credentials.password(agency.user()), agency, parties));
                LOG.info("[simulator] {} logged in to the broker at {} as user {}; it answers what the hub puts on {}",
                        agency.party(), url, agency.user(), agency.in());
            } catch (Exception e) {
                LOG.error("[simulator] {} could not log in to the broker at {} as {}: {}", agency.party(), url,
                        agency.user(), e.toString());
            }
        }
    }

    /** The Core acceptor agencies use: the embedded broker's on its host, or the external broker's URL. */
    private String brokerUrl() {
        EmbeddedBroker broker = embedded.getIfAvailable();
        if (broker != null) {
            return "tcp://" + properties.broker().host() + ":" + broker.port("core");
        }
        return properties.broker().url();
    }

    /** The agencies simulated now (their parties). */
    public synchronized List<String> agencies() {
        return running.stream().map(SimulatedAgency::party).toList();
    }

    @Override
    public synchronized void close() {
        for (SimulatedAgency agency : running) {
            try {
                agency.close();
            } catch (Exception e) {
                LOG.debug("[simulator] closing {}: {}", agency.party(), e.toString());
            }
        }
        running.clear();
        if (factory != null) {
            factory.close();
        }
    }
}
