package org.lmx.routes.dispatch;

import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.lmx.routes.log.LogContext;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox's DISPATCH rows (DELIVER rows are the outbound deliveries'): each accepted document is handed
 * to {@value #DISPATCH} and marked DISPATCHED in one transaction, so that a crash between the two dispatches it
 * again rather than never (consumers de-duplicate by MessageId). Route {@code dispatch-document} gives it to the
 * {@link DocumentHandler} (the hub's: the case processes), whose answer becomes the note of the DISPATCHED state.
 */
public class OutboxDispatchRoute extends RouteBuilder {

    public static final String DISPATCH = "direct:dispatch-document";
    /** The longest a failing document waits between two dispatch attempts. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatchRoute.class);

    private final Outbox outbox;
    private final MessageLog log;
    private final TransactionTemplate transactions;
    private final long periodMillis;
    private final int batch;
    private final DocumentHandler handler;
    private ProducerTemplate producer;

    /** A dispatcher that only records the hand-over ({@link DocumentHandler#RECORD_ONLY}). */
    public OutboxDispatchRoute(Outbox outbox, MessageLog log, PlatformTransactionManager transactionManager,
                               long periodMillis, int batch) {
        this(outbox, log, transactionManager, periodMillis, batch, DocumentHandler.RECORD_ONLY);
    }

    public OutboxDispatchRoute(Outbox outbox, MessageLog log, PlatformTransactionManager transactionManager,
                               long periodMillis, int batch, DocumentHandler handler) {
        this.handler = handler;
        this.outbox = outbox;
        this.log = log;
        this.transactions = new TransactionTemplate(transactionManager);
        this.periodMillis = periodMillis;
        this.batch = batch;
    }

    @Override
    public void configure() {
        producer = getContext().createProducerTemplate();
        from("timer:outbox?delay=" + periodMillis + "&period=" + periodMillis).routeId("outbox-dispatcher")
                .process(e -> drain()).id("drain-outbox");

        // no error handler: a failure goes back to drain(), whose transaction it rolls back, never retried here
        from(DISPATCH).routeId("dispatch-document")
                .errorHandler(noErrorHandler())
                .log("dispatching ${body.messageId} (${body.entry.documentType}) from ${body.entry.from}").id("dispatching")
                .process(e -> e.getMessage().setBody(handler.handle(e.getMessage().getMandatoryBody(LoggedMessage.class))))
                .id("hand-over");
    }

    /**
     * Takes batches until one comes back short. The timer's period spaces out the polls of a quiet outbox; it must
     * not cap a busy one (one batch of 100 per 500 ms would hand at most 200 documents a second to the cases, while
     * the hub accepts more: the backlog would only grow). Documents put off are not due, so they end the loop too.
     */
    void drain() {
        List<Outbox.Item> items;
        do {
            items = outbox.pending(Outbox.Kind.DISPATCH, batch);
            for (Outbox.Item item : items) {
                try (LogContext ignored = LogContext.of(item.messageId(), null)) {
                    try {
                        transactions.executeWithoutResult(status -> dispatch(item));
                    } catch (RuntimeException e) {
                        putOff(item, e);
                    }
                }
            }
        } while (items.size() == batch && getContext().isStarted());
    }

    /**
     * The document stays in the outbox (it was accepted: it must reach its case) and is tried again after a back-off
     * that doubles up to {@link #MAX_BACKOFF}, while the others go on. The stack trace is logged once, at the first
     * failure; later failures log one line each.
     */
    private void putOff(Outbox.Item item, RuntimeException e) {
        // the handler's own failure, not Camel's wrapper around it: that is what the operator must read
        Throwable cause = e instanceof CamelExecutionException && e.getCause() != null ? e.getCause() : e;
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        int attempts = transactions.execute(status -> outbox.putOff(item, this::backoff, error));
        if (attempts == 1) {
            LOG.error("dispatching {} failed; it stays in the outbox, tried again in {}", item.messageId(), backoff(1), e);
        } else {
            LOG.error("dispatching {} failed again (attempt {}): {}; tried again in {}", item.messageId(), attempts, error,
                    backoff(attempts));
        }
    }

    /** After the n-th failure: the dispatcher's period doubled n-1 times, at most {@link #MAX_BACKOFF}. */
    Duration backoff(int failures) {
        Duration first = Duration.ofMillis(periodMillis);
        int doublings = Math.min(failures - 1, 20);
        Duration next = first.multipliedBy(1L << doublings);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    private void dispatch(Outbox.Item item) {
        if (!outbox.done(item)) {
            return;
        }
        LoggedMessage message = log.find(item.messageId())
                .orElseThrow(() -> new IllegalStateException("outbox item " + item.id() + " names no logged message"));
        LogContext.put(message.messageId(), message.entry().conversationId());
        String note = producer.requestBody(DISPATCH, message, String.class);
        log.changeState(message.messageId(), MessageState.DISPATCHED, note);
    }
}
