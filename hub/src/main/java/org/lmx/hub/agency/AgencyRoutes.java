package org.lmx.hub.agency;

import java.time.Clock;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.lmx.hub.broker.AgenciesReady;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.routes.agency.AgencyInbound;
import org.lmx.routes.agency.AgencyInboundRoute;
import org.lmx.routes.agency.AgencyQueues;
import org.lmx.routes.agency.TemporaryQueues;
import org.lmx.routes.inbound.ReceiptIssuer;
import org.lmx.routes.log.RejectionAudit;
import org.lmx.routes.outbound.ReceiptReconciler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One route per agency consuming its {@code lmx.agency.<CODE>.out}, added to the running CamelContext when the broker is
 * ready for it (at start and after each agreements reload that brings a new QUEUE agreement). Routes stay once added:
 * an agreement is never deleted, and a suspended or terminated one is refused by the pipeline with its own code.
 */
@Component
class AgencyRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyRoutes.class);

    private final CamelContext camel;
    private final AgencyInbound steps;

    AgencyRoutes(CamelContext camel, ReceiptIssuer receipts, RejectionAudit rejections,
                 ObjectProvider<ReceiptReconciler> reconciler, ObjectProvider<EmbeddedBroker> broker, Clock clock) {
        this.camel = camel;
        EmbeddedBroker embedded = broker.getIfAvailable();
        // with an external broker the hub cannot tell whose a temporary queue is: only the agency's .in is honoured
        TemporaryQueues temporaryQueues = embedded == null ? TemporaryQueues.UNKNOWN : embedded::isTemporaryQueueOf;
        this.steps = new AgencyInbound(receipts, rejections, () -> Optional.ofNullable(reconciler.getIfAvailable()),
                temporaryQueues, clock, EmbeddedBroker.MAX_DELIVERY_ATTEMPTS);
    }

    @EventListener
    public synchronized void agenciesReady(AgenciesReady event) throws Exception {
        for (AgencyQueues agency : event.agencies()) {
            if (camel.getRoute(AgencyInboundRoute.routeId(agency)) == null) {
                camel.addRoutes(new AgencyInboundRoute(agency, steps));
                LOG.info("Agency {}: route {} takes its documents from {}", agency.party(),
                        AgencyInboundRoute.routeId(agency), agency.out());
            }
        }
    }

}
