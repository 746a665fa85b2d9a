package org.lmx.routes.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lmx.routes.outbound.OutboundBench.MIA;
import static org.lmx.routes.outbound.OutboundBench.bodyOf;
import static org.lmx.routes.outbound.OutboundBench.request;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.routes.inbound.ReceiptIssuer;
import org.lmx.routes.inbound.ReceivedHeader;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.StateChange;
import org.lmx.routes.outbound.ReceiptReconciler.Reconciliation;
import org.lmx.routes.outbound.ReceiptReconciler.Reconciliation.Status;

/**
 * The recipients' receipts for what the hub sent: the migration police's signed ACCEPTED or REJECTED receipt moves
 * the message on, once; every receipt that is not its genuine answer (tampered, signed by a stranger or by
 * another party, over another agency's channel, for other bytes or for no message it was sent) is INVALID and
 * changes nothing.
 */
class ReceiptReconcilerTest {

    @TempDir
    Path agreements;

    @TempDir
    Path strangerCa;

    private OutboundBench bench;
    private OutboundResult sent;

    @BeforeEach
    void sendADecision() throws Exception {
        bench = new OutboundBench(agreements).start("agency-delivery", "outbox-dispatcher");
        sent = bench.issue(request(MIA, "PermitDecision", bodyOf("PermitDecision")));
        bench.log.changeState(sent.messageId(), MessageState.SENT, "put on lmx.agency.MIA.in");
    }

    @AfterEach
    void close() throws Exception {
        bench.close();
    }

    @Test
    void anAcceptedReceiptDeliversTheMessageAndIsKept() throws Exception {
        byte[] receipt = bench.accepted(sent.signed());

        Reconciliation result = bench.reconciler.reconcile(receipt, MIA);

        assertThat(result).isEqualTo(new Reconciliation(Status.RECONCILED, sent.messageId(), null, null));
        assertThat(bench.log.history(sent.messageId())).extracting(StateChange::state)
                .containsExactly(MessageState.QUEUED, MessageState.SENT, MessageState.DELIVERED);
        assertThat(lastNote()).startsWith("ACCEPTED by KAZ:MIA at ");
        assertThat(bench.receipts.receipt(sent.messageId())).hasValue(receipt);
        DeliveryReceipts.Stored stored = bench.receipts.find(sent.messageId()).orElseThrow();
        assertThat(List.of(stored.digest(), stored.signer(), stored.status()))
                .containsExactly(Sha256.hex(receipt), MIA, "ACCEPTED");
        assertThat(stored.code()).isNull();
    }

    @Test
    void aRejectedReceiptKeepsTheRecipientsCodeAndReason() throws Exception {
        byte[] receipt = bench.rejected(sent.signed(), "MIA-PERSON-UNKNOWN");

        Reconciliation result = bench.reconciler.reconcile(receipt, MIA);

        assertThat(result.status()).isEqualTo(Status.RECONCILED);
        assertThat(bench.log.find(sent.messageId()).orElseThrow().state()).isEqualTo(MessageState.REJECTED_BY_RECIPIENT);
        assertThat(lastNote()).startsWith("REJECTED by KAZ:MIA at ")
                .contains("MIA-PERSON-UNKNOWN", "the MIA-PERSON-UNKNOWN check failed at the agency");
        DeliveryReceipts.Stored stored = bench.receipts.find(sent.messageId()).orElseThrow();
        assertThat(List.of(stored.status(), stored.code(), stored.reason()))
                .containsExactly("REJECTED", "MIA-PERSON-UNKNOWN", "the MIA-PERSON-UNKNOWN check failed at the agency");
    }

    @Test
    void theSameReceiptAgainChangesNothing() throws Exception {
        byte[] receipt = bench.accepted(sent.signed());
        bench.reconciler.reconcile(receipt, MIA);

        Reconciliation again = bench.reconciler.reconcile(receipt, null);

        assertThat(again).isEqualTo(new Reconciliation(Status.ALREADY_RECONCILED, sent.messageId(), null, null));
        assertThat(bench.log.history(sent.messageId())).hasSize(3);
        assertThat(bench.count("delivery_receipt")).isEqualTo(1);
    }

    @Test
    void anotherReceiptForAReconciledMessageIsRefused() throws Exception {
        byte[] accepted = bench.accepted(sent.signed());
        bench.reconciler.reconcile(accepted, MIA);
        bench.clock.advance(Duration.ofMinutes(1));

        Reconciliation second = bench.reconciler.reconcile(bench.rejected(sent.signed(), "MIA-LATE-DOUBT"), MIA);

        assertInvalid(second, "LMX-RCT-CONFLICT", sent.messageId());
        assertThat(second.reason()).contains("ACCEPTED", "REJECTED");
        assertThat(bench.log.find(sent.messageId()).orElseThrow().state()).isEqualTo(MessageState.DELIVERED);
        assertThat(bench.receipts.receipt(sent.messageId())).hasValue(accepted);
    }

    @ParameterizedTest
    @EnumSource(value = MessageState.class, names = {"RETRYING", "FAILED", "QUEUED"})
    void aLateReceiptStillReconciles(MessageState before) throws Exception {
        bench.log.changeState(sent.messageId(), before, "as the test puts it");
        bench.clock.advance(Duration.ofDays(3));

        Reconciliation result = bench.reconciler.reconcile(bench.accepted(sent.signed()), MIA);

        assertThat(result.status()).isEqualTo(Status.RECONCILED);
        assertThat(bench.log.find(sent.messageId()).orElseThrow().state()).isEqualTo(MessageState.DELIVERED);
    }

    // ---- INVALID: nothing stored, the message as it was ----

    @Test
    void aTamperedReceiptIsInvalid() throws Exception {
        String receipt = new String(bench.accepted(sent.signed()), StandardCharsets.UTF_8);

        Reconciliation result = bench.reconciler.reconcile(receipt.replace(">ACCEPTED<", ">REJECTED<")
                .getBytes(StandardCharsets.UTF_8), MIA);

        assertInvalid(result, "LMX-SIG-DIGEST-MISMATCH", sent.messageId());
    }

    @Test
    void aReceiptSignedWithAKeyOfAStrangerIsInvalid() throws Exception {
        Credential forged = CertificateAuthority.create(strangerCa, CertificateAuthority.DEFAULT_CRL_URL)
                .issue(MIA, KeyAlgorithm.EC_P256, Duration.ofDays(30));

        Reconciliation result = bench.reconciler.reconcile(
                bench.receipt(forged, MIA, sent.signed(), sent.digest(), null), MIA);

        assertInvalid(result, "LMX-CERT-UNTRUSTED", sent.messageId());
    }

    @Test
    void aReceiptInTheRecipientsNameSignedByAnotherPartyIsInvalid() throws Exception {
        // Korea's key is issued by the same CA the police's agreement trusts; the party binding catches it
        byte[] receipt = bench.receipt(bench.credential("KOR:MOEL"), MIA, sent.signed(), sent.digest(), null);

        assertInvalid(bench.reconciler.reconcile(receipt, null), "LMX-RCT-SIGNER", sent.messageId());
    }

    @Test
    void anotherPartysGenuineReceiptForTheMessageIsInvalid() throws Exception {
        // Korea signs as itself under its own agreement: the message was not sent to it
        ReceivedHeader asIfToKorea = header(sent.messageId(), "AGR-KOR-MOEL");
        byte[] receipt = new ReceiptIssuer(bench.credential("KOR:MOEL"), "KOR:MOEL", bench.clock)
                .issue(asIfToKorea, sent.digest(), bench.clock.instant(), Optional.empty());

        Reconciliation result = bench.reconciler.reconcile(receipt, null);

        assertInvalid(result, "LMX-RCT-UNKNOWN-MESSAGE", sent.messageId());
        assertThat(result.reason()).contains("KOR:MOEL");
    }

    @Test
    void theRecipientsReceiptOverAnotherAgencysChannelIsInvalid() throws Exception {
        assertInvalid(bench.reconciler.reconcile(bench.accepted(sent.signed()), "KAZ:BORDER"), "LMX-RCT-SIGNER",
                sent.messageId());
    }

    @Test
    void aReceiptForOtherBytesIsInvalid() throws Exception {
        byte[] receipt = bench.receipt(bench.credential(MIA), MIA, sent.signed(), Sha256.hex("other".getBytes()), null);

        assertInvalid(bench.reconciler.reconcile(receipt, MIA), "LMX-RCT-DIGEST", sent.messageId());
    }

    @Test
    void aReceiptForAMessageNeverSentIsInvalid() throws Exception {
        String unknown = UUID.randomUUID().toString();
        byte[] receipt = new ReceiptIssuer(bench.credential(MIA), MIA, bench.clock)
                .issue(header(unknown, "AGR-KAZ-MIA"), sent.digest(), bench.clock.instant(), Optional.empty());

        assertInvalid(bench.reconciler.reconcile(receipt, MIA), "LMX-RCT-UNKNOWN-MESSAGE", unknown);
    }

    @Test
    void aDocumentThatIsNotAReceiptIsInvalid() {
        assertInvalid(bench.reconciler.reconcile(sent.signed(), null), "LMX-RCT-NOT-RECEIPT", null);
    }

    @Test
    void bytesThatAreNotXmlAreInvalid() {
        assertInvalid(bench.reconciler.reconcile("<Exchange".getBytes(StandardCharsets.UTF_8), MIA), "LMX-XML-MALFORMED", null);
    }

    /** A received header as the hub's sent message would read, naming {@code messageId} under {@code agreementId}. */
    private ReceivedHeader header(String messageId, String agreementId) throws Exception {
        ReceivedHeader real = ReceivedHeader.of(SecureXml.parse(sent.signed()));
        return new ReceivedHeader(Optional.of(messageId), real.conversationId(), Optional.empty(), Optional.of(agreementId),
                real.from(), real.to(), real.documentType(), real.created(), real.bodyDocument());
    }

    private String lastNote() {
        List<StateChange> history = bench.log.history(sent.messageId());
        return history.get(history.size() - 1).note();
    }

    private void assertInvalid(Reconciliation result, String code, String messageId) {
        assertThat(result.status()).as(result.reason()).isEqualTo(Status.INVALID);
        assertThat(result.code()).as(result.reason()).isEqualTo(code);
        assertThat(result.reason()).isNotBlank();
        assertThat(result.receivedMessageId()).isEqualTo(messageId);
        if (!"LMX-RCT-CONFLICT".equals(code)) {
            assertThat(bench.count("delivery_receipt")).isZero();
            assertThat(bench.log.find(sent.messageId()).orElseThrow().state()).isEqualTo(MessageState.SENT);
        }
    }
}
