package org.lmx.routes.agency;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.lmx.routes.inbound.InboundRoute;
import org.lmx.routes.inbound.InboundSubmission;

/**
 * One agency to the hub (ARCHITECTURE.md "Flows"): route {@code agency-<CODE>-out} consumes {@code lmx.agency.<CODE>.out}
 * in a local JMS transaction and hands each signed document (a BytesMessage) to the very same inbound pipeline as
 * SOAP, bound to the agency (its queue carries only documents it signed). The signed receipt goes back as a
 * BytesMessage correlated by MessageId, to the agency's {@code .in} or its own temporary queue; whatever is refused
 * also goes to {@code lmx.agency.<CODE>.dlq} with its reason. The receipt, the dead letter and the consumption commit
 * together, so a crash in between sends the message again (and a resend gets the stored receipt); a failure of the
 * hub itself rolls them back for the broker's redelivery. A bad message never blocks the queue: it is answered,
 * dead-lettered and committed like a good one.
 */
public class AgencyInboundRoute extends RouteBuilder {

    private final AgencyQueues agency;
    private final AgencyInbound steps;

    public AgencyInboundRoute(AgencyQueues agency, AgencyInbound steps) {
        this.agency = agency;
        this.steps = steps;
    }

    public static String routeId(AgencyQueues agency) {
        return "agency-" + agency.code() + "-out";
    }

    /**
     * Local transaction on the consuming session (no transaction manager: Spring exposes that session to the sends
     * of the same route on the same connection factory); the raw JMS message, so that its kind is known and no
     * ObjectMessage is ever deserialized; no automatic reply to JMSReplyTo, which the route decides on itself.
     */
    static String consumer(AgencyQueues agency) {
        return "jms:queue:" + agency.out() + "?transacted=true&lazyCreateTransactionManager=false&mapJmsMessage=false"
                + "&disableReplyTo=true&errorHandlerLogStackTrace=false";
    }

    @Override
    public void configure() {
        String id = routeId(agency);
        from(consumer(agency)).routeId(id)
                // any exception ends the exchange at once and rolls the JMS transaction back
                .errorHandler(noErrorHandler())
                .process(e -> steps.read(e, agency)).id(id + "-read")
                .choice().id(id + "-is-bytes")
                    .when(body().isInstanceOf(InboundSubmission.class))
                        .to(InboundRoute.INBOUND).id(id + "-inbound")
                .end()
                .process(e -> steps.decide(e, agency)).id(id + "-decide")
                .filter(exchangeProperty(AgencyInbound.REPLY_TO).isNotNull()).id(id + "-has-receipt")
                    .process(steps::receiptMessage).id(id + "-receipt-message")
                    // the destination is the header's (the .in or the agency's temporary queue)
                    .to(ExchangePattern.InOnly, "jms:queue:" + agency.in() + "?jmsMessageType=Bytes").id(id + "-send-receipt")
                .end()
                .filter(exchangeProperty(AgencyInbound.DEAD_LETTER).isNotNull()).id(id + "-has-dead-letter")
                    .process(e -> steps.deadLetterMessage(e, agency)).id(id + "-dead-letter-message")
                    .to(ExchangePattern.InOnly, "jms:queue:" + agency.deadLetters() + "?jmsMessageType=Bytes")
                        .id(id + "-send-dead-letter")
                .end();
    }
}
