package org.lmx.routes.outbound;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.builder.RouteBuilder;
import org.lmx.routes.log.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry for everything the hub sends (ARCHITECTURE.md "Flows", Outbound): an {@link OutboundRequest} in,
 * an {@link OutboundResult} out. Route {@code outbound} checks the request against the recipient's agreement,
 * builds the ExchangeMessage envelope, validates it, signs it as the hub, and in one transaction logs it (QUEUED)
 * and queues it durably (a DELIVER outbox row). A refusal comes back to the caller as the exchange's
 * {@link OutboundRefusal}, with nothing kept. A request that repeats a keyed one ({@link OutboundRequest#requestKey()})
 * gets the document issued the first time and goes no further. Processes send here with a ProducerTemplate; operators through
 * {@code POST /api/outbound}.
 */
public class OutboundRoute extends RouteBuilder {

    public static final String OUTBOUND = "direct:outbound";
    private static final String ISSUE = "lmx.outbound";
    private static final Logger LOG = LoggerFactory.getLogger(OutboundRoute.class);

    private final OutboundIssuer issuer;

    public OutboundRoute(OutboundIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public void configure() {
        // no error handler: a refusal or a failure goes back to the caller as it is, never retried here; node ids
        // are unique in the whole context, hence their prefix
        from(OUTBOUND).routeId("outbound")
                .errorHandler(noErrorHandler())
                .process(this::begin).id("outbound-request")
                .process(e -> issuer.request(issue(e))).id("outbound-request-form")
                .process(e -> issuer.repeat(issue(e))).id("outbound-repeat")
                .choice().id("outbound-repeated")
                    .when(e -> issue(e).repeated != null)
                        .process(e -> e.getMessage().setBody(issue(e).repeated)).id("outbound-issued-before")
                        .stop().id("outbound-repeat-stop")
                .end()
                .process(e -> issuer.agreement(issue(e))).id("outbound-agreement")
                .process(e -> issuer.document(issue(e))).id("outbound-document")
                .process(e -> issuer.envelope(issue(e))).id("outbound-envelope")
                .process(e -> issuer.schema(issue(e))).id("outbound-schema")
                .process(e -> issuer.sign(issue(e))).id("outbound-sign")
                .process(e -> issuer.sizeLimits(issue(e))).id("outbound-size-limits")
                .process(e -> e.getMessage().setBody(issuer.store(issue(e)))).id("outbound-log-and-queue")
                .process(this::issued).id("outbound-issued");
    }

    private void begin(Exchange exchange) throws InvalidPayloadException {
        exchange.setProperty(ISSUE, issuer.begin(exchange.getMessage().getMandatoryBody(OutboundRequest.class)));
    }

    private void issued(Exchange exchange) {
        OutboundResult result = exchange.getMessage().getBody(OutboundResult.class);
        // the caller's own context (e.g. the inbound message a process answers) is back once this line is written
        try (LogContext ignored = LogContext.of(result.messageId(), result.conversationId())) {
            LOG.info("issued {} {} to {} under {} (conversation {}, {}): QUEUED", result.documentType(), result.messageId(),
                result.to(), result.agreementId(), result.conversationId(), result.digest());
        }
    }

    private static OutboundIssue issue(Exchange exchange) {
        return exchange.getProperty(ISSUE, OutboundIssue.class);
    }
}
