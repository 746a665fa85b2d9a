package org.lmx.hub.exchange;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.lmx.hub.broker.AgencyAccess;
import org.lmx.routes.agency.AgencyQueues;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.ReloadReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Several hub nodes share one registry (the database), but an operator's reload reaches only the node it was sent
 * to, and each node consumes the queues of the agencies it knows ({@link AgreementsChanged}). Route
 * {@code agreements-watch} compares, every {@value #PERIOD_MILLIS} ms, the agencies of the registry with those this
 * node last took up, and announces a change found there, so that an agency added on another node is consumed here too.
 */
@Component
class AgreementsWatch extends RouteBuilder {

    /** Half a minute: an agency added on one node is served by all within it (its documents wait on the broker). */
    static final long PERIOD_MILLIS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(AgreementsWatch.class);

    private final AgreementRegistry registry;
    private final ApplicationEventPublisher events;
    /** The agencies as of the last AgreementsChanged on this node; null before the first (at start). */
    private volatile List<AgencyQueues> known;

    AgreementsWatch(AgreementRegistry registry, ApplicationEventPublisher events) {
        this.registry = registry;
        this.events = events;
    }

    @EventListener
    void seen(AgreementsChanged event) {
        known = AgencyAccess.agenciesOf(registry);
    }

    @Override
    public void configure() {
        from("timer:agreements-watch?delay=" + PERIOD_MILLIS + "&period=" + PERIOD_MILLIS).routeId("agreements-watch")
                .process(e -> check()).id("compare-agencies");
    }

    /** Announces the registry's agencies when they are not those this node knows; true when it did. */
    boolean check() {
        List<AgencyQueues> before = known;
        if (before == null) {
            return false; // the start's own reload has not been announced yet
        }
        List<AgencyQueues> now = AgencyAccess.agenciesOf(registry);
        if (now.equals(before)) {
            return false;
        }
        LOG.info("Agreements changed on another node: agencies {} (were {})", now, before);
        events.publishEvent(new AgreementsChanged(new ReloadReport(List.of())));
        return true;
    }
}
