package org.lmx.routes.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.builder.RouteBuilder;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.AgreementSummary;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.routes.agreements.DeliveryPolicy;
import org.lmx.routes.agreements.TransportKind;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.outbound.ReceiptReconciler.Reconciliation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the documents the hub issued to push partners (agreements with transport SOAP_PUSH): route
 * {@code partner-push} drains the outbox's DELIVER rows in log order and calls Submit at the agreement's endpoint
 * with the signed bytes as logged (the same bytes and MessageId on every attempt) and the attachments as parts.
 * The partner's signed receipt goes to the {@link ReceiptReconciler}, which verifies, stores it and moves the
 * message to DELIVERED or REJECTED_BY_RECIPIENT (no retry). No receipt, a fault, or a receipt the reconciler
 * refuses is a failed attempt: RETRYING with the next attempt after the agreement's backoff, FAILED with the last
 * error after its MaxAttempts (the row is then done: a dead letter until an operator retries it).
 *
 * <p>An attempt is counted before the call, so that a hub that crashes in the middle still stops at the maximum,
 * and the row is leased for the call's longest duration, so that another node does not push the same document
 * meanwhile; a call whose outcome was lost in a crash is made again once the lease has run out (at least once; the
 * partner de-duplicates by MessageId, and a late receipt still reconciles). Within a round, a conversation whose document is waiting sends nothing
 * after it, so that its documents arrive in the order they were issued.
 */
public class PartnerPushRoute extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerPushRoute.class);
    /** Beyond the call's own time limits, before another node may take a leased delivery (clocks of nodes differ). */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    private final DeliveryAttempts attempts;
    private final MessageLog log;
    private final AgreementRegistry agreements;
    private final ReceiptReconciler reconciler;
    private final PartnerExchangeClient client;
    private final TransactionTemplate transactions;
    private final FailedAttempts failures;
    private final Clock clock;
    private final long periodMillis;
    private final int batch;

    public PartnerPushRoute(DeliveryAttempts attempts, MessageLog log, AgreementRegistry agreements,
                            ReceiptReconciler reconciler, PartnerExchangeClient client,
                            PlatformTransactionManager transactionManager, Clock clock, long periodMillis, int batch) {
        this.attempts = attempts;
        this.log = log;
        this.agreements = agreements;
        this.reconciler = reconciler;
        this.client = client;
        this.transactions = new TransactionTemplate(transactionManager);
        this.failures = new FailedAttempts(attempts, log, transactionManager, clock);
        this.clock = clock;
        this.periodMillis = periodMillis;
        this.batch = batch;
    }

    @Override
    public void configure() {
        from("timer:partner-push?delay=" + periodMillis + "&period=" + periodMillis).routeId("partner-push")
                .process(e -> drain()).id("drain-push-deliveries");
    }

    /** One round: the oldest pending deliveries to push partners, those due attempted once each. */
    void drain() {
        List<String> pushAgreements = agreements.list().stream().filter(a -> a.transport() == TransportKind.SOAP_PUSH)
                .map(AgreementSummary::id).toList();
        DeliveryRound.run(attempts.pending(pushAgreements, batch), log, clock.instant(), (item, message) -> {
            try {
                return deliver(item, message);
            } catch (RuntimeException e) {
                LOG.error("delivering {} to {} failed; it stays in the outbox", message.messageId(), message.entry().to(), e);
                return false;
            }
        });
    }

    /** One attempt; true when nothing is left to do for this row. */
    private boolean deliver(DeliveryAttempts.Pending item, LoggedMessage message) {
        LogEntry entry = message.entry();
        if (FailedAttempts.receipted(message.state())) {
            // receipted meanwhile (a late receipt, or the outcome of a call before a crash)
            attempts.finish(item.id(), null);
            return true;
        }
        Optional<CurrentAgreement> agreement = agreements.current(entry.agreementId())
                .filter(a -> a.transport() == TransportKind.SOAP_PUSH);
        if (agreement.isEmpty()) {
            return false; // no longer a push agreement in force: left for its own transport or an operator
        }
        DeliveryPolicy policy = agreement.get().delivery();
        PartnerExchangeClient.Target target = PartnerExchangeClient.Target.of(
                agreement.get().agreement().getTransport().getSoapPush());
        byte[] signed = log.body(entry.messageId())
                .orElseThrow(() -> new IllegalStateException("the signed bytes of " + entry.messageId() + " are purged"));
        List<OutboundAttachment> parts = entry.attachments().stream().map(a -> new OutboundAttachment(a.id(), a.fileName(),
                a.mimeType(), log.attachment(a.sha256()).orElseThrow(() -> new IllegalStateException(
                        "attachment " + a.id() + " of " + entry.messageId() + " is purged")))).toList();

        if (item.attempts() >= policy.maxAttempts()) {
            // the last attempt was counted but its outcome lost (the hub stopped during the call): none is left
            failed(item, entry.messageId(), item.attempts(), policy, "the outcome was lost (the hub stopped during the call)"
                    + (item.lastError() == null ? "" : "; the attempt before: " + item.lastError()));
            return false;
        }
        int attempt = item.attempts() + 1;
        Instant leaseUntil = clock.instant().plus(client.longestCall()).plus(LEASE_MARGIN);
        boolean mine = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!attempts.lease(item.id(), item.attempts(), leaseUntil)) {
                return false; // another node took this attempt (or the row was done meanwhile)
            }
            log.changeState(entry.messageId(), MessageState.SENT, "attempt " + attempt + " of " + policy.maxAttempts()
                    + ": Submit to " + target.endpoint());
            return true;
        }));
        if (!mine) {
            return false;
        }

        String error;
        try {
            byte[] receipt = client.submit(target, signed, parts);
            Reconciliation result = reconciler.reconcile(receipt, agreement.get().partner());
            if (result.status() != Reconciliation.Status.INVALID) {
                attempts.finish(item.id(), null);
                return true;
            }
            error = "the receipt from " + target.endpoint() + " was refused: " + result.code() + " " + result.reason();
        } catch (PushFailure e) {
            error = e.getMessage();
        }
        failed(item, entry.messageId(), attempt, policy, error);
        return false;
    }

    private void failed(DeliveryAttempts.Pending item, String messageId, int attempt, DeliveryPolicy policy, String error) {
        failures.record(item.id(), messageId, attempt, policy, error);
    }
}
