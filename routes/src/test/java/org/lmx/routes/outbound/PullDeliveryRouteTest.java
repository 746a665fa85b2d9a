package org.lmx.routes.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lmx.routes.outbound.OutboundBench.MIA;
import static org.lmx.routes.outbound.OutboundBench.bodyOf;
import static org.lmx.routes.outbound.OutboundBench.request;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.Sha256;
import org.lmx.routes.inbound.FetchQuestion;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.StateChange;
import org.lmx.routes.outbound.ReceiptReconciler.Reconciliation;
import org.lmx.routes.outbound.ReceiptReconciler.Reconciliation.Status;

/**
 * The pull partner Uzbekistan (AGR-UZB-MEHNAT, SOAP_PULL) fetches what the hub issued to it, oldest first, again and
 * again until its signed receipt reconciles it; no other party ever gets its documents, and documents for push
 * partners and agencies are never fetched.
 */
class PullDeliveryRouteTest {

    private static final String UZB = "UZB:MEHNAT";
    private static final byte[] SCAN = "%PDF-1.7 permit scan".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path agreements;

    private OutboundBench bench;

    @BeforeEach
    void start() throws Exception {
        bench = new OutboundBench(agreements);
        bench.camel.addRoutes(new PullDeliveryRoute(new PullQueue(bench.jdbc, bench.clock), bench.log, bench.registry,
                bench.reconciler, bench.db.transactions()));
        bench.start("agency-delivery", "outbox-dispatcher");
    }

    @AfterEach
    void close() throws Exception {
        bench.close();
    }

    @Test
    void thePartnerFetchesItsDocumentsOldestFirstWithTheirAttachmentsUntilItAcknowledges() throws Exception {
        OutboundResult decision = bench.issue(new OutboundRequest(UZB, "PermitDecision", null, null, null,
                bodyOf("PermitDecision"), List.of(new OutboundAttachment("permit", "permit.pdf", "application/pdf", SCAN)),
                "test"));
        OutboundResult quota = bench.issue(request(UZB, "QuotaNotice", bodyOf("QuotaNotice")));
        // neither a push partner's nor an agency's document is ever fetched
        bench.issue(request("KOR:MOEL", "CaseOutcome", bodyOf("CaseOutcome")));
        bench.issue(request(MIA, "PermitDecision", bodyOf("PermitDecision")));

        List<PendingDocument> first = fetch(UZB, 10);
        List<PendingDocument> second = fetch(UZB, 10);

        assertThat(first).extracting(PendingDocument::messageId).containsExactly(decision.messageId(), quota.messageId());
        assertThat(first.get(0).signed()).isEqualTo(decision.signed());
        assertThat(first.get(0).attachments()).singleElement().satisfies(part -> {
            assertThat(part.id()).isEqualTo("permit");
            assertThat(part.content()).isEqualTo(SCAN);
        });
        assertThat(first.get(1).attachments()).isEmpty();
        assertThat(second).extracting(PendingDocument::messageId).containsExactly(decision.messageId(), quota.messageId());
        assertThat(bench.log.history(decision.messageId())).extracting(StateChange::state)
                .containsExactly(MessageState.QUEUED, MessageState.SENT);
        assertThat(bench.log.history(decision.messageId()).get(1).note()).isEqualTo("fetched by UZB:MEHNAT over FetchPending");

        List<Reconciliation> results = acknowledge(accepted(decision));

        assertThat(results).containsExactly(new Reconciliation(Status.RECONCILED, decision.messageId(), null, null));
        assertThat(bench.log.find(decision.messageId()).orElseThrow().state()).isEqualTo(MessageState.DELIVERED);
        assertThat(bench.count("outbox WHERE kind = 'DELIVER' AND done_at IS NOT NULL AND message_id = '"
                + decision.messageId() + "'")).isEqualTo(1);
        assertThat(fetch(UZB, 10)).extracting(PendingDocument::messageId).containsExactly(quota.messageId());
    }

    @Test
    void maxDocumentsAndDocumentTypesNarrowTheFetch() throws Exception {
        OutboundResult decision = bench.issue(request(UZB, "PermitDecision", bodyOf("PermitDecision")));
        OutboundResult quota = bench.issue(request(UZB, "QuotaNotice", bodyOf("QuotaNotice")));
        OutboundResult later = bench.issue(request(UZB, "PermitDecision", bodyOf("PermitDecision")));

        assertThat(fetch(UZB, 1)).extracting(PendingDocument::messageId).containsExactly(decision.messageId());
        assertThat(fetch(new FetchQuestion(UZB, "AGR-UZB-MEHNAT", 10, List.of("QuotaNotice"))))
                .extracting(PendingDocument::messageId).containsExactly(quota.messageId());
        assertThat(fetch(new FetchQuestion(UZB, "AGR-UZB-MEHNAT", 10, List.of("PermitDecision", "CaseOutcome"))))
                .extracting(PendingDocument::messageId).containsExactly(decision.messageId(), later.messageId());
        // each fetched once: SENT
        assertThat(bench.log.find(quota.messageId()).orElseThrow().state()).isEqualTo(MessageState.SENT);
        assertThat(bench.log.find(later.messageId()).orElseThrow().state()).isEqualTo(MessageState.SENT);
    }

    @Test
    void noOtherPartyFetchesThePartnersDocuments() throws Exception {
        OutboundResult decision = bench.issue(request(UZB, "PermitDecision", bodyOf("PermitDecision")));

        assertThat(fetch("KOR:MOEL", 100)).isEmpty();
        assertThat(fetch(MIA, 100)).isEmpty();
        assertThat(bench.log.find(decision.messageId()).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
    }

    @Test
    void aRejectedReceiptEndsTheDeliveryTooAndTheSameReceiptAgainIsAlreadyReconciled() throws Exception {
        OutboundResult decision = bench.issue(request(UZB, "PermitDecision", bodyOf("PermitDecision")));
        fetch(UZB, 10);
        byte[] rejected = bench.receipt(bench.credential(UZB), UZB, decision.signed(), decision.digest(), "UZB-NO-PERSON");

        assertThat(acknowledge(rejected)).extracting(Reconciliation::status).containsExactly(Status.RECONCILED);
        assertThat(acknowledge(rejected)).extracting(Reconciliation::status).containsExactly(Status.ALREADY_RECONCILED);

        assertThat(bench.log.find(decision.messageId()).orElseThrow().state()).isEqualTo(MessageState.REJECTED_BY_RECIPIENT);
        assertThat(fetch(UZB, 10)).isEmpty();
    }

    @Test
    void invalidReceiptsAreAnsweredEachInTurnAndLeaveTheDocumentPending() throws Exception {
        OutboundResult decision = bench.issue(request(UZB, "PermitDecision", bodyOf("PermitDecision")));
        OutboundResult quota = bench.issue(request(UZB, "QuotaNotice", bodyOf("QuotaNotice")));
        fetch(UZB, 10);
        byte[] forOtherBytes = bench.receipt(bench.credential(UZB), UZB, decision.signed(),
                Sha256.hex("other".getBytes(StandardCharsets.UTF_8)), null);
        byte[] byAnotherParty = bench.receipt(bench.credential("KOR:MOEL"), UZB, decision.signed(), decision.digest(), null);

        List<Reconciliation> results = acknowledge(forOtherBytes, accepted(quota), byAnotherParty);

        assertThat(results).extracting(Reconciliation::status).containsExactly(Status.INVALID, Status.RECONCILED, Status.INVALID);
        assertThat(results).extracting(Reconciliation::code).containsExactly("LMX-RCT-DIGEST", null, "LMX-RCT-SIGNER");
        assertThat(fetch(UZB, 10)).extracting(PendingDocument::messageId).containsExactly(decision.messageId());
        assertThat(bench.count("outbox WHERE kind = 'DELIVER' AND done_at IS NULL AND message_id = '"
                + decision.messageId() + "'")).isEqualTo(1);
    }

    @Test
    void aDocumentReconciledBeforeItsRowWasDoneIsNotFetchedAndItsRowIsEnded() throws Exception {
        // as after a crash between the reconciler's commit and the end of the row
        OutboundResult decision = bench.issue(request(UZB, "PermitDecision", bodyOf("PermitDecision")));
        fetch(UZB, 10);
        byte[] receipt = accepted(decision);
        assertThat(bench.reconciler.reconcile(receipt, null).status()).isEqualTo(Status.RECONCILED);

        assertThat(fetch(UZB, 10)).isEmpty();
        assertThat(acknowledge(receipt)).extracting(Reconciliation::status)
                .containsExactly(Status.ALREADY_RECONCILED);
        assertThat(new DeliveryAttempts(bench.jdbc, bench.clock).pending(List.of("AGR-UZB-MEHNAT"), 10)).isEmpty();
    }

    private byte[] accepted(OutboundResult sent) throws Exception {
        return bench.receipt(bench.credential(UZB), UZB, sent.signed(), sent.digest(), null);
    }

    private List<PendingDocument> fetch(String party, int max) {
        return fetch(new FetchQuestion(party, "AGR-UZB-MEHNAT", max, List.of()));
    }

    @SuppressWarnings("unchecked")
    private List<PendingDocument> fetch(FetchQuestion question) {
        Exchange done = bench.camel.createProducerTemplate().request(PullDeliveryRoute.FETCH,
                e -> e.getMessage().setBody(question));
        assertThat(done.getException()).isNull();
        return done.getMessage().getBody(List.class);
    }

    @SuppressWarnings("unchecked")
    private List<Reconciliation> acknowledge(byte[]... receipts) {
        Exchange done = bench.camel.createProducerTemplate().request(PullDeliveryRoute.ACKNOWLEDGE,
                e -> e.getMessage().setBody(List.of(receipts)));
        assertThat(done.getException()).isNull();
        return done.getMessage().getBody(List.class);
    }
}
