package org.lmx.hub.broker;

import java.util.List;
import org.lmx.routes.agency.AgencyQueues;

/**
 * The broker is ready for these agencies (every QUEUE agreement's partner): their users, rights and queues exist
 * (embedded broker) or are expected (external). Published after each agreements reload, once the broker caught up.
 */
public record AgenciesReady(List<AgencyQueues> agencies) {

    public AgenciesReady {
        agencies = List.copyOf(agencies);
    }
}
