package org.lmx.hub.broker;

import java.util.List;
import org.lmx.hub.exchange.AgreementsChanged;
import org.lmx.routes.agency.AgencyQueues;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.TransportKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the broker's agency users in step with the agreements: every agreement with transport QUEUE makes its
 * partner an agency with a user, a password (generated into the data directory) and its own queues. With an
 * external broker the operator keeps the users there; the hub only says which agencies it expects.
 */
@Component
public class AgencyAccess {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyAccess.class);

    private final AgreementRegistry agreements;
    private final BrokerCredentials credentials;
    private final ObjectProvider<EmbeddedBroker> broker;
    private final ApplicationEventPublisher events;

    AgencyAccess(AgreementRegistry agreements, BrokerCredentials credentials, ObjectProvider<EmbeddedBroker> broker,
                 ApplicationEventPublisher events) {
        this.agreements = agreements;
        this.credentials = credentials;
        this.broker = broker;
        this.events = events;
    }

    /** The agencies of the agreements in the registry (transport QUEUE), whatever their status. */
    public List<AgencyQueues> agencies() {
        return agreements.list().stream().filter(a -> a.transport() == TransportKind.QUEUE)
                .map(a -> AgencyQueues.of(a.partner())).distinct().toList();
    }

    @EventListener
    public void agreementsChanged(AgreementsChanged event) throws Exception {
        List<AgencyQueues> agencies = agencies();
        EmbeddedBroker embedded = broker.getIfAvailable();
        if (embedded == null) {
            LOG.info("External broker: the hub expects agency users {} with their lmx.agency.<CODE>.in/.out/.dlq queues",
                    agencies.stream().map(AgencyQueues::user).toList());
        } else {
            credentials.ensure(agencies.stream().map(AgencyQueues::user).toList());
            for (AgencyQueues agency : agencies) {
                embedded.allow(agency, credentials.password(agency.user()));
            }
        }
        // only now may the hub consume the agencies' queues: users, rights and queues exist
        events.publishEvent(new AgenciesReady(agencies));
    }
}
