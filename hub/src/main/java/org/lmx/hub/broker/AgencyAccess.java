package org.lmx.hub.broker;

import java.util.List;
import java.util.Optional;
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
 * Keeps the agencies in step with the agreements: every agreement with transport QUEUE makes its partner an agency
 * with a password (generated into the data directory: the agency's login at the broker and at the REST API) and
 * its own queues. On the embedded broker the hub creates the user, its rights and its queues; on an external broker
 * those are the operator's ({@code lmx broker security} prints them), and the hub checks that the queues are there.
 */
@Component
public class AgencyAccess {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyAccess.class);

    private final AgreementRegistry agreements;
    private final BrokerCredentials credentials;
    private final ObjectProvider<EmbeddedBroker> broker;
    private final ObjectProvider<ExternalBroker> external;
    private final ApplicationEventPublisher events;

    AgencyAccess(AgreementRegistry agreements, BrokerCredentials credentials, ObjectProvider<EmbeddedBroker> broker,
                 ObjectProvider<ExternalBroker> external, ApplicationEventPublisher events) {
        this.agreements = agreements;
        this.credentials = credentials;
        this.broker = broker;
        this.external = external;
        this.events = events;
    }

    /** The agencies of the agreements in the registry (transport QUEUE), whatever their status. */
    public List<AgencyQueues> agencies() {
        return agenciesOf(agreements);
    }

    /** The agencies of {@code registry}'s agreements (also offline, for {@code lmx broker security}). */
    public static List<AgencyQueues> agenciesOf(AgreementRegistry registry) {
        return registry.list().stream().filter(a -> a.transport() == TransportKind.QUEUE)
                .map(a -> AgencyQueues.of(a.partner())).distinct().toList();
    }

    /** The agency whose broker user is {@code user}, if an agreement makes it one. */
    public Optional<AgencyQueues> agency(String user) {
        return agencies().stream().filter(a -> a.user().equals(user)).findFirst();
    }

    @EventListener
    public void agreementsChanged(AgreementsChanged event) throws Exception {
        List<AgencyQueues> agencies = agencies();
        credentials.ensure(agencies.stream().map(AgencyQueues::user).toList());
        EmbeddedBroker embedded = broker.getIfAvailable();
        if (embedded != null) {
            for (AgencyQueues agency : agencies) {
                // in production a password comes from the secrets: an agency without one cannot log in yet
                Optional<String> password = credentials.find(agency.user());
                if (password.isPresent()) {
                    embedded.allow(agency, password.get());
                } else {
                    LOG.warn("the agency {} has no broker password in the secrets: it cannot log in", agency.user());
                }
            }
            // the agencies may connect from now on (at start: not before their users exist)
            embedded.openAcceptors();
        } else {
            check(external.getObject(), agencies);
        }
        // only now may the hub consume the agencies' queues: users, rights and queues exist
        events.publishEvent(new AgenciesReady(agencies));
    }

    /** An external broker is not the hub's to change: a missing queue or an unreachable broker is a warning. */
    private void check(ExternalBroker external, List<AgencyQueues> agencies) {
        List<String> users = agencies.stream().map(AgencyQueues::user).toList();
        String hint = "`lmx broker security --data-dir " + credentials.file().getParent()
                + "` prints the users, roles, security settings and queues the broker needs";
        try {
            List<String> missing = external.missingQueues(agencies);
            if (missing.isEmpty()) {
                LOG.info("External broker {}: the queues of agencies {} are there; their users and rights are the"
                        + " broker's ({})", external.url(), users, hint);
            } else {
                LOG.warn("External broker {}: missing queues {}; {}", external.url(), missing, hint);
            }
        } catch (Exception e) {
            LOG.warn("External broker {}: cannot check the queues of agencies {} ({}); {}", external.url(), users, e.toString(), hint);
        }
    }
}
