package org.lmx.hub.observability;

import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.lmx.routes.agency.AgencyInbound;

/**
 * Counts what the agency routes put on an agency's dead-letter queue, as the broker took it (Camel's "sent"
 * event of the route's {@code .dlq} step), by agency and the dead letter's code; the routes stay as they are.
 */
class AgencyDeadLetterCounter extends EventNotifierSupport {

    /** {@code jms:queue:lmx.agency.MIA.dlq} as Camel names the endpoint, whatever its component. */
    private static final Pattern DEAD_LETTER_QUEUE = Pattern.compile("[a-z]+:(//)?(queue:)?lmx\\.agency\\.[A-Z0-9-]+\\.dlq");

    private final ExchangeMetrics metrics;

    AgencyDeadLetterCounter(ExchangeMetrics metrics) {
        this.metrics = metrics;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    // Camel raises the "sent" event only where a notifier took the "sending" one, so both are taken
    @Override
    public boolean isEnabled(CamelEvent event) {
        return (event instanceof CamelEvent.ExchangeSendingEvent sending
                && isDeadLetterQueue(sending.getEndpoint().getEndpointUri()))
                || (event instanceof CamelEvent.ExchangeSentEvent sent && isDeadLetterQueue(sent.getEndpoint().getEndpointUri()));
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof CamelEvent.ExchangeSentEvent sent)) {
            return;
        }
        Exchange exchange = sent.getExchange();
        if (exchange.getException() == null) {
            metrics.agencyDeadLetter(exchange.getMessage().getHeader(AgencyInbound.AGENCY, String.class),
                    exchange.getMessage().getHeader(AgencyInbound.ERROR_CODE, String.class));
        }
    }

    static boolean isDeadLetterQueue(String endpointUri) {
        int query = endpointUri.indexOf('?');
        return DEAD_LETTER_QUEUE.matcher(query < 0 ? endpointUri : endpointUri.substring(0, query)).matches();
    }
}
