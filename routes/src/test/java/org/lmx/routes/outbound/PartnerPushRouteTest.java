package org.lmx.routes.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lmx.routes.outbound.OutboundBench.bodyOf;
import static org.lmx.routes.outbound.OutboundBench.request;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.Sha256;
import org.lmx.routes.agreements.AgreementFiles;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.StateChange;
import org.lmx.xsd.service.v1.Submit;

/**
 * Route {@code partner-push} against a real partner endpoint (a CXF server on a random loopback port implementing
 * the WSDL), under the KOR:MOEL push agreement pointed at it with 4 attempts, 30 s doubling. The hub's clock is
 * the test's: a backoff passes when the test advances it, so no test waits for a backoff in real time.
 */
class PartnerPushRouteTest {

    private static final String KOR = "KOR:MOEL";
    private static final int MAX_ATTEMPTS = 4;

    @TempDir
    Path agreements;

    private PartnerTestServer partner;
    private OutboundBench bench;
    private DeliveryAttempts attempts;

    @BeforeEach
    void start() throws Exception {
        partner = new PartnerTestServer();
        bench = new OutboundBench(agreements, dir -> AgreementFiles.write(dir, AgreementFiles.KOR,
                AgreementFiles.example(AgreementFiles.KOR)
                        .replace("http://localhost:8091/services/exchange12", partner.endpoint())
                        .replace("<MaxAttempts>10</MaxAttempts>", "<MaxAttempts>" + MAX_ATTEMPTS + "</MaxAttempts>")));
        assertThat(bench.registry.current("AGR-KOR-MOEL").orElseThrow().delivery().maxAttempts()).isEqualTo(MAX_ATTEMPTS);
        partner.answer = (document, digest) -> bench.receipt(bench.credential(KOR), KOR, document, digest, null);
        attempts = new DeliveryAttempts(bench.jdbc, bench.clock);
        bench.camel.addRoutes(new PartnerPushRoute(attempts, bench.log, bench.registry, bench.reconciler,
                new PartnerExchangeClient(Duration.ofSeconds(2), Duration.ofSeconds(2)), bench.db.transactions(),
                bench.clock, 20, 10));
        bench.start("agency-delivery");
    }

    @AfterEach
    void stop() throws Exception {
        bench.close();
        partner.close();
    }

    @Test
    void aPartnerThatFailsTwiceGetsTheSameBytesThreeTimesWithBackoffAndTheMessageIsDelivered() throws Exception {
        partner.failFirst = 2;
        OutboundResult sent = bench.issue(request(KOR, "InformationRequest", bodyOf("InformationRequest")));

        Instant first = awaitFailedAttempt(sent.messageId(), 1);
        assertThat(attempts.of(sent.messageId()).orElseThrow().nextAttemptAt()).isEqualTo(first.plusSeconds(30));
        assertThat(attempts.of(sent.messageId()).orElseThrow().lastError()).contains("SOAP fault", "back end is down (call 1)");
        assertThat(partner.calls).hasValue(1); // not due before the backoff has passed
        bench.clock.advance(Duration.ofSeconds(30));

        Instant second = awaitFailedAttempt(sent.messageId(), 2);
        assertThat(attempts.of(sent.messageId()).orElseThrow().nextAttemptAt()).isEqualTo(second.plusSeconds(60));
        bench.clock.advance(Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(10)).until(() -> state(sent.messageId()) == MessageState.DELIVERED);
        assertThat(partner.calls).hasValue(3);
        assertThat(partner.received).extracting(Submit::getDocument).containsOnly(sent.signed());
        assertThat(bench.receipts.find(sent.messageId()).orElseThrow().status()).isEqualTo("ACCEPTED");
        DeliveryAttempts.Pending row = attempts.of(sent.messageId()).orElseThrow();
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(bench.count("outbox WHERE done_at IS NULL AND kind = 'DELIVER'")).isZero();
        assertThat(bench.log.history(sent.messageId())).extracting(StateChange::state).containsExactly(MessageState.QUEUED,
                MessageState.SENT, MessageState.RETRYING, MessageState.SENT, MessageState.RETRYING, MessageState.SENT,
                MessageState.DELIVERED);
        assertThat(bench.chainIntact()).isTrue();
    }

    @Test
    void aRejectedReceiptEndsItAsRejectedByRecipientAfterOneAttempt() throws Exception {
        partner.answer = (document, digest) -> bench.receipt(bench.credential(KOR), KOR, document, digest, "MOEL-UNKNOWN-CASE");
        OutboundResult sent = bench.issue(request(KOR, "InformationRequest", bodyOf("InformationRequest")));

        await().atMost(Duration.ofSeconds(10)).until(() -> state(sent.messageId()) == MessageState.REJECTED_BY_RECIPIENT);
        bench.clock.advance(Duration.ofHours(2));
        // a few more rounds: nothing is sent again
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> partner.calls.get() == 1);
        DeliveryAttempts.Pending row = attempts.of(sent.messageId()).orElseThrow();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(bench.count("outbox WHERE done_at IS NULL AND kind = 'DELIVER'")).isZero();
        assertThat(bench.receipts.find(sent.messageId()).orElseThrow().code()).isEqualTo("MOEL-UNKNOWN-CASE");
        assertThat(last(sent.messageId()).note()).contains("REJECTED by KOR:MOEL", "MOEL-UNKNOWN-CASE");
    }

    @Test
    void aPartnerThatNeverAnswersLeavesItFailedAfterTheMaximumWithTheLastError() throws Exception {
        partner.hang = true;
        OutboundResult sent = bench.issue(request(KOR, "InformationRequest", bodyOf("InformationRequest")));

        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            awaitFailedAttempt(sent.messageId(), attempt);
            bench.clock.advance(Duration.ofHours(1)); // past any backoff (capped at MaxBackoff, 1 h)
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> state(sent.messageId()) == MessageState.FAILED);
        bench.clock.advance(Duration.ofHours(2));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> partner.calls.get() == MAX_ATTEMPTS);
        DeliveryAttempts.Pending row = attempts.of(sent.messageId()).orElseThrow();
        assertThat(row.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(row.lastError()).contains(partner.endpoint()).containsIgnoringCase("timed out");
        assertThat(last(sent.messageId()).note()).startsWith("attempt 4 of 4 failed: ");
        assertThat(partner.received).extracting(Submit::getDocument).containsOnly(sent.signed());
        assertThat(bench.receipts.find(sent.messageId())).isEmpty();
        assertThat(bench.count("outbox WHERE done_at IS NULL AND kind = 'DELIVER'")).isZero();

        // an operator's retry: attempts from zero, and the partner, back, receipts it
        partner.hang = false;
        bench.camel.getRouteController().stopRoute("partner-push");
        assertThat(attempts.reopen(sent.messageId())).isTrue();
        bench.log.changeState(sent.messageId(), MessageState.RETRYING, "retried by operator");
        bench.camel.getRouteController().startRoute("partner-push");
        await().atMost(Duration.ofSeconds(10)).until(() -> state(sent.messageId()) == MessageState.DELIVERED);
        assertThat(attempts.of(sent.messageId()).orElseThrow().attempts()).isEqualTo(1);
        assertThat(attempts.reopen(sent.messageId())).as("only an ended delivery is reopened").isFalse();
    }

    @Test
    void aCountedLastAttemptWhoseOutcomeWasLostInACrashEndsFailedWithoutAnotherCall() throws Exception {
        bench.camel.getRouteController().stopRoute("partner-push");
        OutboundResult sent = bench.issue(request(KOR, "InformationRequest", bodyOf("InformationRequest")));
        // as a hub leaves it that stopped during its last call
        bench.jdbc.update("UPDATE outbox SET attempts = ?, last_error = 'SOAP fault' WHERE message_id = ?", MAX_ATTEMPTS,
                sent.messageId());
        bench.camel.getRouteController().startRoute("partner-push");

        await().atMost(Duration.ofSeconds(10)).until(() -> state(sent.messageId()) == MessageState.FAILED);
        assertThat(partner.calls).hasValue(0);
        assertThat(last(sent.messageId()).note()).contains("attempt 4 of 4 failed: the outcome was lost", "SOAP fault");
    }

    @Test
    void aSecondNodeDoesNotPushADocumentWhileTheFirstIsCallingThePartner() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        partner.answer = (document, digest) -> {
            inCall.countDown();
            answer.await(10, TimeUnit.SECONDS); // node A waits for Korea's ministry while node B takes its round
            return bench.receipt(bench.credential(KOR), KOR, document, digest, null);
        };
        PartnerPushRoute nodeB = new PartnerPushRoute(attempts, bench.log, bench.registry, bench.reconciler,
                new PartnerExchangeClient(Duration.ofSeconds(2), Duration.ofSeconds(2)), bench.db.transactions(),
                bench.clock, 20, 10);
        OutboundResult sent = bench.issue(request(KOR, "InformationRequest", bodyOf("InformationRequest")));
        assertThat(inCall.await(10, TimeUnit.SECONDS)).isTrue();

        nodeB.drain();
        DeliveryAttempts.Pending leased = attempts.of(sent.messageId()).orElseThrow();
        assertThat(attempts.lease(leased.id(), 0, bench.clock.instant())).as("the attempt node A counted").isFalse();
        answer.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> state(sent.messageId()) == MessageState.DELIVERED);
        assertThat(partner.calls).hasValue(1);
        assertThat(leased.attempts()).isEqualTo(1);
        assertThat(leased.nextAttemptAt()).as("leased for the call's longest duration")
                .isEqualTo(bench.clock.instant().plusSeconds(4).plus(PartnerPushRoute.LEASE_MARGIN));
    }

    @Test
    void aReceiptSignedByAnotherPartyIsAFailedAttemptAndNotStored() throws Exception {
        partner.answer = (document, digest) -> bench.receipt(bench.credential("KAZ:MIA"), KOR, document, digest, null);
        OutboundResult sent = bench.issue(request(KOR, "InformationRequest", bodyOf("InformationRequest")));

        awaitFailedAttempt(sent.messageId(), 1);
        assertThat(attempts.of(sent.messageId()).orElseThrow().lastError()).contains("was refused");
        assertThat(bench.receipts.find(sent.messageId())).isEmpty();
        assertThat(Sha256.hex(partner.received.get(0).getDocument())).isEqualTo(sent.digest());
    }

    @Test
    void attachmentsTravelAsPartsWithTheirExactContentOnEveryAttempt() throws Exception {
        partner.failFirst = 1;
        byte[] scan = new byte[70_000];
        new java.util.Random(7).nextBytes(scan);
        OutboundResult sent = bench.issue(new OutboundRequest(KOR, "InformationRequest", null, null, null,
                bodyOf("InformationRequest"), List.of(new OutboundAttachment("scan", "scan.pdf", "application/pdf", scan)),
                "test"));

        awaitFailedAttempt(sent.messageId(), 1);
        bench.clock.advance(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> state(sent.messageId()) == MessageState.DELIVERED);
        assertThat(partner.parts).hasSize(2).allSatisfy(part -> {
            assertThat(part.getKey()).isEqualTo("scan");
            assertThat(part.getValue()).isEqualTo(scan);
        });
        assertThat(partner.received).extracting(Submit::getDocument).containsOnly(sent.signed());
    }

    @Test
    void aReceiptThatArrivesAnotherWayWhileRetryingDeliversItAndEndsTheRetries() throws Exception {
        partner.failFirst = Integer.MAX_VALUE;
        OutboundResult sent = bench.issue(request(KOR, "InformationRequest", bodyOf("InformationRequest")));
        awaitFailedAttempt(sent.messageId(), 1);

        // the partner's receipt reaches the hub late (as a partner submits it): it reconciles from RETRYING
        byte[] late = bench.receipt(bench.credential(KOR), KOR, sent.signed(), sent.digest(), null);
        assertThat(bench.reconciler.reconcile(late, KOR).status()).isEqualTo(ReceiptReconciler.Reconciliation.Status.RECONCILED);
        bench.clock.advance(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(10)).until(() -> bench.count("outbox WHERE done_at IS NULL AND kind = 'DELIVER'") == 0);
        assertThat(partner.calls).hasValue(1);
        assertThat(state(sent.messageId())).isEqualTo(MessageState.DELIVERED);
        assertThat(attempts.of(sent.messageId()).orElseThrow().attempts()).isEqualTo(1);
    }

    /** Waits until the {@code attempt}-th attempt has failed (RETRYING with its next time set); returns its time. */
    private Instant awaitFailedAttempt(String messageId, int attempt) {
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.of(messageId)
                .filter(r -> r.attempts() == attempt && r.nextAttemptAt() != null && r.nextAttemptAt().isAfter(bench.clock.instant()))
                .isPresent() && state(messageId) == MessageState.RETRYING);
        return bench.clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private MessageState state(String messageId) {
        return bench.log.find(messageId).orElseThrow().state();
    }

    private StateChange last(String messageId) {
        List<StateChange> history = bench.log.history(messageId);
        return history.get(history.size() - 1);
    }
}
