package org.lmx.routes.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.builder.RouteBuilder;
import org.lmx.routes.agreements.AgreementSummary;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.TransportKind;
import org.lmx.routes.inbound.FetchQuestion;
import org.lmx.routes.log.LogContext;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedAttachment;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.Outbox;
import org.lmx.routes.outbound.ReceiptReconciler.Reconciliation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery to pull partners (agreements with transport SOAP_PULL): route {@code pull-fetch} answers a checked
 * {@link FetchQuestion} with the signer's pending documents, oldest first, and marks each SENT (it stays pending:
 * fetched again until acknowledged, so a response lost on the way loses nothing); route {@code pull-acknowledge}
 * hands each signed receipt to the {@link ReceiptReconciler} and, once it is reconciled, ends the delivery.
 */
public class PullDeliveryRoute extends RouteBuilder {

    /** Body in: a {@link FetchQuestion}; out: a {@code List<PendingDocument>}. */
    public static final String FETCH = "direct:pull-fetch";
    /** Body in: a {@code List<byte[]>} of signed receipts; out: a {@code List<Reconciliation>}, in the same order. */
    public static final String ACKNOWLEDGE = "direct:pull-acknowledge";
    private static final Logger LOG = LoggerFactory.getLogger(PullDeliveryRoute.class);

    private final PullQueue queue;
    private final MessageLog log;
    private final AgreementRegistry agreements;
    private final ReceiptReconciler reconciler;
    private final TransactionTemplate transactions;

    public PullDeliveryRoute(PullQueue queue, MessageLog log, AgreementRegistry agreements, ReceiptReconciler reconciler,
                             PlatformTransactionManager transactionManager) {
        this.queue = queue;
        this.log = log;
        this.agreements = agreements;
        this.reconciler = reconciler;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void configure() {
        from(FETCH).routeId("pull-fetch")
                .process(this::fetch).id("fetch-pending-documents");
        from(ACKNOWLEDGE).routeId("pull-acknowledge")
                .process(this::acknowledge).id("reconcile-receipts");
    }

    private void fetch(Exchange exchange) throws InvalidPayloadException {
        FetchQuestion question = exchange.getMessage().getMandatoryBody(FetchQuestion.class);
        List<String> pullAgreements = agreements.list().stream().filter(a -> a.transport() == TransportKind.SOAP_PULL)
                .map(AgreementSummary::id).toList();
        List<PendingDocument> pending = new ArrayList<>();
        for (Outbox.Item item : queue.pending(question.party(), pullAgreements, question.documentTypes(),
                question.maxDocuments())) {
            try (LogContext ignored = LogContext.of(item.messageId(), null)) {
                transactions.execute(status -> take(item.messageId(), question.party())).ifPresent(pending::add);
            }
        }
        LOG.info("{} fetched {} pending document(s)", question.party(), pending.size());
        exchange.getMessage().setBody(pending);
    }

    /** In one transaction with the message's row locked: its bytes, and SENT unless a receipt came meanwhile. */
    private Optional<PendingDocument> take(String messageId, String party) {
        MessageState state = queue.lockState(messageId).orElseThrow();
        if (state == MessageState.DELIVERED || state == MessageState.REJECTED_BY_RECIPIENT) {
            queue.done(messageId);
            return Optional.empty();
        }
        LogEntry entry = log.find(messageId).orElseThrow().entry();
        byte[] signed = log.body(messageId)
                .orElseThrow(() -> new IllegalStateException("the signed bytes of " + messageId + " are purged"));
        List<PendingDocument.Part> parts = new ArrayList<>();
        for (LoggedAttachment a : entry.attachments()) {
            parts.add(new PendingDocument.Part(a.id(), log.attachment(a.sha256()).orElseThrow(() ->
                    new IllegalStateException("attachment " + a.id() + " of " + messageId + " is purged"))));
        }
        if (state != MessageState.SENT) {
            // the first fetch only: a partner polling for its unacknowledged documents does not grow the history
            log.changeState(messageId, MessageState.SENT, "fetched by " + party + " over FetchPending");
        }
        return Optional.of(new PendingDocument(messageId, signed, parts));
    }

    private void acknowledge(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<byte[]> receipts = exchange.getMessage().getBody(List.class);
        List<Reconciliation> results = new ArrayList<>();
        for (byte[] receipt : receipts) {
            // the SOAP channel binds no party: the reconciler takes the receipt's verified signer
            Reconciliation result = reconciler.reconcile(receipt, null);
            if (result.status() != Reconciliation.Status.INVALID) {
                // after the reconciler's commit: a crash in between leaves a row that the next fetch or the same
                // receipt again ends, and the message, already DELIVERED, is not fetched meanwhile
                queue.done(result.receivedMessageId());
            }
            results.add(result);
        }
        exchange.getMessage().setBody(results);
    }
}
