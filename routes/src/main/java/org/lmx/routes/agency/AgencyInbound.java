package org.lmx.routes.agency;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.component.jms.JmsConstants;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.Sha256;
import org.lmx.routes.inbound.InboundRejection;
import org.lmx.routes.inbound.InboundResult;
import org.lmx.routes.inbound.InboundRule;
import org.lmx.routes.inbound.InboundSubmission;
import org.lmx.routes.inbound.ReceiptIssuer;
import org.lmx.routes.inbound.ReceivedHeader;
import org.lmx.routes.log.LogContext;
import org.lmx.routes.log.Rejection;
import org.lmx.routes.log.RejectionAudit;
import org.lmx.routes.outbound.ReceiptReconciler;
import org.lmx.routes.outbound.ReceiptReconciler.Reconciliation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of {@link AgencyInboundRoute} around the inbound pipeline, shared by every agency: reading the JMS
 * message, deciding what the pipeline's result asks for (a receipt and where it goes, a dead letter and why, a
 * reconciliation, or a redelivery), and writing the receipt and dead-letter messages.
 */
public class AgencyInbound {

    /** Properties of a dead letter on {@code lmx.agency.<CODE>.dlq}; its body is the message's bytes as received. */
    public static final String ERROR_CODE = "lmxErrorCode";
    public static final String ERROR_REASON = "lmxErrorReason";
    public static final String AGENCY = "lmxAgency";
    public static final String MESSAGE_ID = "lmxMessageId";
    public static final String ORIGINAL_JMS_MESSAGE_ID = "lmxOriginalJmsMessageId";
    public static final String ORIGINAL_KIND = "lmxOriginalKind";
    public static final String DIGEST = "lmxDigest";

    static final String MESSAGE = "lmx.agency.message";
    static final String RESULT = "lmx.agency.result";
    static final String REPLY_TO = "lmx.agency.replyTo";
    static final String DEAD_LETTER = "lmx.agency.deadLetter";
    private static final int MAX_PROPERTY = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(AgencyInbound.class);

    private final ReceiptIssuer receipts;
    private final RejectionAudit rejections;
    private final Supplier<Optional<ReceiptReconciler>> reconciler;
    private final TemporaryQueues temporaryQueues;
    private final Clock clock;
    private final int maxDeliveries;

    /**
     * @param reconciler    the reconciler of receipts, looked up when one arrives (the hub may run without one)
     * @param maxDeliveries the delivery at which a failure of the hub itself is no longer rolled back for another
     *                      try but answered (REJECTED {@code LMX-HUB-INTERNAL}) and dead-lettered with its reason;
     *                      the broker's own limit should not be lower
     */
    public AgencyInbound(ReceiptIssuer receipts, RejectionAudit rejections, Supplier<Optional<ReceiptReconciler>> reconciler,
                         TemporaryQueues temporaryQueues, Clock clock, int maxDeliveries) {
        this.receipts = receipts;
        this.rejections = rejections;
        this.reconciler = reconciler;
        this.temporaryQueues = temporaryQueues;
        this.clock = clock;
        this.maxDeliveries = maxDeliveries;
    }

    public static String channel(AgencyQueues agency) {
        return "QUEUE:" + agency.code();
    }

    /** A BytesMessage becomes the pipeline's submission, bound to the agency; any other kind is refused here. */
    void read(Exchange exchange, AgencyQueues agency) throws Exception {
        QueueMessage message = QueueMessage.of(exchange.getMessage().getMandatoryBody(jakarta.jms.Message.class));
        exchange.setProperty(MESSAGE, message);
        exchange.getMessage().setBody(message.bytes()
                ? InboundSubmission.from(message.content(), channel(agency), agency.party())
                : notBytes(agency, message));
    }

    /** What the receipt of a message that is no BytesMessage says; it is audited like any rejection. */
    private InboundResult notBytes(AgencyQueues agency, QueueMessage message) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String digest = Sha256.hex(message.content());
        InboundRejection rejection = new InboundRejection(InboundRule.NOT_BYTES_MESSAGE, "JMS message "
                + message.jmsMessageId() + " is a " + message.kind() + "; a signed document is sent as a JMS BytesMessage"
                + " of its exact bytes");
        ReceivedHeader unreadable = ReceivedHeader.unreadable();
        byte[] receipt = receipts.issue(unreadable, digest, receivedAt, Optional.of(rejection));
        try {
            rejections.record(new Rejection(null, receivedAt, channel(agency), digest, message.content().length, null,
                    null, null, null, null, rejection.code(), rejection.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("the rejection of JMS message {} ({}) could not be written to the rejection audit",
                    message.jmsMessageId(), rejection.code(), e);
        }
        LOG.info("{} JMS message {} ({}): REJECTED {}", channel(agency), message.jmsMessageId(), message.kind(), rejection.code());
        return new InboundResult(InboundResult.Outcome.REJECTED, unreadable, digest, receivedAt, Optional.of(rejection), receipt);
    }

    /**
     * ACCEPTED (or RESENT): the receipt. REJECTED: the receipt and a dead letter; but a failure of the hub itself
     * (its database down) rolls back, so that the broker delivers the message again, until the last delivery.
     * A Receipt: reconciled, never receipted; dead-lettered if it does not reconcile.
     */
    void decide(Exchange exchange, AgencyQueues agency) throws InvalidPayloadException {
        InboundResult result = exchange.getMessage().getMandatoryBody(InboundResult.class);
        QueueMessage message = exchange.getProperty(MESSAGE, QueueMessage.class);
        exchange.setProperty(RESULT, result);
        switch (result.outcome()) {
            case ACCEPTED, RESENT -> exchange.setProperty(REPLY_TO, replyTo(agency, message));
            case REJECTED -> {
                LmxException rejection = result.rejection().orElseThrow();
                if (InboundRule.INTERNAL.code().equals(rejection.code()) && message.deliveryCount() < maxDeliveries) {
                    throw new TryAgain(channel(agency) + " JMS message " + message.jmsMessageId() + ": the hub failed on it"
                            + " (delivery " + message.deliveryCount() + " of " + maxDeliveries + "); rolled back for redelivery");
                }
                exchange.setProperty(REPLY_TO, replyTo(agency, message));
                exchange.setProperty(DEAD_LETTER, new DeadLetter(rejection.code(),
                        rejection.getMessage() == null ? rejection.code() : rejection.getMessage()));
            }
            case RECEIPT_OFFERED -> reconcile(exchange, agency, message);
        }
    }

    private void reconcile(Exchange exchange, AgencyQueues agency, QueueMessage message) {
        Optional<ReceiptReconciler> available = reconciler.get();
        if (available.isEmpty()) {
            LOG.warn("{} JMS message {} is a Receipt, but this hub has no receipt reconciler: dead-lettered",
                    channel(agency), message.jmsMessageId());
            exchange.setProperty(DEAD_LETTER, new DeadLetter(InboundRule.INTERNAL.code(),
                    "this hub does not reconcile receipts; the receipt is kept here for the operator"));
            return;
        }
        // a failure here (the database) rolls back like any other, and the receipt is reconciled on redelivery
        Reconciliation done = available.get().reconcile(message.content(), agency.party());
        try (LogContext ignored = LogContext.of(done.receivedMessageId(), null)) {
            LOG.info("{} Receipt for {}: {}{}", channel(agency), done.receivedMessageId(), done.status(),
                    done.code() == null ? "" : " " + done.code());
        }
        if (done.status() == Reconciliation.Status.INVALID) {
            exchange.setProperty(DEAD_LETTER, new DeadLetter(done.code() == null ? "INVALID" : done.code(),
                    done.reason() == null ? "the receipt does not reconcile" : done.reason()));
        }
    }

    /** JMSReplyTo is honoured only when it is the agency's own {@code .in} or a temporary queue the agency created. */
    private String replyTo(AgencyQueues agency, QueueMessage message) {
        String asked = message.replyTo();
        if (asked == null || asked.equals(agency.in())) {
            return agency.in();
        }
        if (temporaryQueues.isTemporaryQueueOf(asked, agency)) {
            return asked;
        }
        LOG.warn("{} JMS message {} asks for its receipt on {}, which is neither {} nor a temporary queue of {}:"
                + " the receipt goes to {}", channel(agency), message.jmsMessageId(), asked, agency.in(), agency.user(), agency.in());
        return agency.in();
    }

    /** The signed receipt as a BytesMessage, correlated by the received MessageId (the JMS message id if unreadable). */
    void receiptMessage(Exchange exchange) {
        InboundResult result = exchange.getProperty(RESULT, InboundResult.class);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(JmsConstants.JMS_DESTINATION_NAME, exchange.getProperty(REPLY_TO, String.class));
        exchange.getMessage().setHeader(JmsConstants.JMS_HEADER_CORRELATION_ID, correlationId(exchange));
        exchange.getMessage().setBody(result.answer());
    }

    /** The message's bytes as received, with why it was refused. */
    void deadLetterMessage(Exchange exchange, AgencyQueues agency) {
        QueueMessage message = exchange.getProperty(MESSAGE, QueueMessage.class);
        InboundResult result = exchange.getProperty(RESULT, InboundResult.class);
        DeadLetter letter = exchange.getProperty(DEAD_LETTER, DeadLetter.class);
        LOG.warn("{} JMS message {} dead-lettered to {}: {} {}", channel(agency), message.jmsMessageId(),
                agency.deadLetters(), letter.code(), letter.reason());
        org.apache.camel.Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(JmsConstants.JMS_HEADER_CORRELATION_ID, correlationId(exchange));
        out.setHeader(ERROR_CODE, letter.code());
        out.setHeader(ERROR_REASON, cut(letter.reason()));
        out.setHeader(AGENCY, agency.party());
        out.setHeader(ORIGINAL_JMS_MESSAGE_ID, message.jmsMessageId());
        out.setHeader(ORIGINAL_KIND, message.kind());
        out.setHeader(DIGEST, result.digest());
        result.header().messageId().ifPresent(id -> out.setHeader(MESSAGE_ID, id));
        out.setBody(message.content());
    }

    private static String correlationId(Exchange exchange) {
        InboundResult result = exchange.getProperty(RESULT, InboundResult.class);
        return result.header().messageId().orElse(exchange.getProperty(MESSAGE, QueueMessage.class).jmsMessageId());
    }

    private static String cut(String reason) {
        return reason.length() <= MAX_PROPERTY ? reason : reason.substring(0, MAX_PROPERTY);
    }

    /** Why a message goes to the agency's dead letters: a stable code and a readable reason. */
    record DeadLetter(String code, String reason) {
    }

    /** The hub failed on a message it may succeed with later: the consuming transaction rolls back. */
    static final class TryAgain extends RuntimeException {
        TryAgain(String message) {
            super(message, null, false, false);
        }
    }
}
