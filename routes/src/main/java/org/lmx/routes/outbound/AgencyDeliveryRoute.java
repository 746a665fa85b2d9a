package org.lmx.routes.outbound;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsConstants;
import org.lmx.routes.agency.AgencyQueues;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.AgreementSummary;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.routes.agreements.DeliveryPolicy;
import org.lmx.routes.agreements.TransportKind;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the documents the hub issued to domestic agencies (agreements with transport QUEUE): route
 * {@code agency-delivery} drains the outbox's DELIVER rows in log order and route {@code agency-send} puts each
 * signed document, byte for byte, as a JMS BytesMessage on the agency's {@code lmx.agency.<CODE>.in}.
 *
 * <p>The send happens inside the database transaction that marks the row done and the message SENT: if the
 * broker does not take it, nothing is marked but the failed attempt, and the message is RETRYING with the next
 * attempt after the agreement's backoff, then FAILED after its MaxAttempts (a dead letter until an operator
 * retries it), as for push partners; if the commit fails after the broker took it, the document is sent again
 * (delivery is at least once; recipients de-duplicate by MessageId).
 * JMSXGroupID is the ConversationId, so that the documents of one conversation are consumed in order even by
 * several consumers; a conversation whose document waits for its next attempt sends nothing after it.
 * Rows for SOAP partners (push and pull) are left pending for their own delivery.
 */
public class AgencyDeliveryRoute extends RouteBuilder {

    public static final String SEND = "direct:agency-send";
    /** The JMS endpoint; the queue is set per message ({@link JmsConstants#JMS_DESTINATION_NAME}). */
    public static final String JMS_ENDPOINT = "jms:queue:lmx.agency.in?jmsMessageType=Bytes&exchangePattern=InOnly";
    public static final String MESSAGE_ID = "lmxMessageId";
    public static final String DOCUMENT_TYPE = "lmxDocumentType";
    public static final String CONVERSATION_ID = "lmxConversationId";
    public static final String IN_REPLY_TO = "lmxInReplyTo";
    public static final String GROUP_ID = "JMSXGroupID";
    private static final Logger LOG = LoggerFactory.getLogger(AgencyDeliveryRoute.class);

    /** For a document whose agreement is no longer in force (it is still delivered: it was issued under it). */
    static final DeliveryPolicy NO_AGREEMENT_IN_FORCE = new DeliveryPolicy(12, Duration.ofSeconds(10),
            Duration.ofMinutes(10), BigDecimal.valueOf(2));

    private final DeliveryAttempts attempts;
    private final MessageLog log;
    private final AgreementRegistry agreements;
    private final TransactionTemplate transactions;
    private final FailedAttempts failures;
    private final Clock clock;
    private final String endpoint;
    private final long periodMillis;
    private final int batch;
    private ProducerTemplate producer;

    /** @param endpoint where documents are sent ({@link #JMS_ENDPOINT} in the hub) */
    public AgencyDeliveryRoute(DeliveryAttempts attempts, MessageLog log, AgreementRegistry agreements,
                               PlatformTransactionManager transactionManager, Clock clock, String endpoint,
                               long periodMillis, int batch) {
        this.attempts = attempts;
        this.log = log;
        this.agreements = agreements;
        this.transactions = new TransactionTemplate(transactionManager);
        this.failures = new FailedAttempts(attempts, log, transactionManager, clock);
        this.clock = clock;
        this.endpoint = endpoint;
        this.periodMillis = periodMillis;
        this.batch = batch;
    }

    @Override
    public void configure() {
        producer = getContext().createProducerTemplate();
        from("timer:agency-delivery?delay=" + periodMillis + "&period=" + periodMillis).routeId("agency-delivery")
                .process(e -> drain()).id("drain-deliveries");

        // no error handler: a failed send must fail the caller's transaction, not be retried or swallowed here
        from(SEND).routeId("agency-send")
                .errorHandler(noErrorHandler())
                .to(endpoint).id("send-to-agency-in");
    }

    /** One round: the oldest pending deliveries to agencies, those due attempted once each in its own transaction. */
    void drain() {
        List<String> queueAgreements = agreements.list().stream().filter(a -> a.transport() == TransportKind.QUEUE)
                .map(AgreementSummary::id).toList();
        DeliveryRound.run(attempts.pending(queueAgreements, batch), log, clock.instant(), (item, message) -> {
            try {
                transactions.executeWithoutResult(status -> deliver(item));
                return true;
            } catch (RuntimeException e) {
                // it stays pending and goes first in its conversation next time; other conversations go on
                LOG.error("delivering {} to {} failed; it stays in the outbox", message.messageId(), message.entry().to(), e);
                failures.record(item.id(), message.messageId(), item.attempts() + 1, policyOf(message.entry()),
                        "not taken by the broker: " + e.getMessage());
                return false;
            }
        });
    }

    private void deliver(DeliveryAttempts.Pending item) {
        if (!attempts.claim(item.id()) || !attempts.begin(item.id(), item.attempts() + 1)
                || !attempts.finish(item.id(), null)) {
            return; // another node has it or had it
        }
        LoggedMessage message = log.find(item.messageId()).orElseThrow();
        if (FailedAttempts.receipted(message.state())) {
            // sent before a crash undid the commit, and receipted since: there is nothing left to deliver
            return;
        }
        LogEntry entry = message.entry();
        String queue = AgencyQueues.of(entry.to()).in();
        byte[] signed = log.body(entry.messageId())
                .orElseThrow(() -> new IllegalStateException("the signed bytes of " + entry.messageId() + " are purged"));
        log.changeState(entry.messageId(), MessageState.SENT, "put on " + queue
                + (item.attempts() == 0 ? "" : " (attempt " + (item.attempts() + 1) + ")"));
        Exchange sent = producer.send(SEND, exchange -> {
            exchange.setPattern(ExchangePattern.InOnly);
            exchange.getMessage().setBody(signed);
            exchange.getMessage().setHeader(JmsConstants.JMS_DESTINATION_NAME, queue);
            exchange.getMessage().setHeader(MESSAGE_ID, entry.messageId());
            exchange.getMessage().setHeader(DOCUMENT_TYPE, entry.documentType());
            exchange.getMessage().setHeader(CONVERSATION_ID, entry.conversationId());
            exchange.getMessage().setHeader(GROUP_ID, entry.conversationId());
            if (entry.inReplyTo() != null) {
                exchange.getMessage().setHeader(IN_REPLY_TO, entry.inReplyTo());
                exchange.getMessage().setHeader("JMSCorrelationID", entry.inReplyTo());
            }
        });
        if (sent.getException() != null) {
            throw new IllegalStateException("the broker did not take " + entry.messageId() + " for " + queue + ": "
                    + sent.getException().getMessage(), sent.getException());
        }
    }

    private DeliveryPolicy policyOf(LogEntry entry) {
        return agreements.current(entry.agreementId()).map(CurrentAgreement::delivery).orElse(NO_AGREEMENT_IN_FORCE);
    }
}
