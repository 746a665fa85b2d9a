package org.lmx.routes.outbound;

/**
 * Reconciles a recipient's signed Receipt with the outbound message it answers: verified against the recipient's
 * agreement, stored, and the message moved to DELIVERED (ACCEPTED) or REJECTED_BY_RECIPIENT (REJECTED, code
 * kept). Receipts are never receipted; a late receipt still reconciles.
 */
public interface ReceiptReconciler {

    /**
     * @param signedReceipt the receipt's bytes as received
     * @param channelParty  the party the channel speaks for (an agency's queue), or null when the channel does not
     *                      bind one (the receipt's signer is then taken as the sender)
     */
    Reconciliation reconcile(byte[] signedReceipt, String channelParty);

    /** What became of one receipt; the names are the contract's AcknowledgementStatus values. */
    record Reconciliation(Status status, String receivedMessageId, String code, String reason) {

        public enum Status { RECONCILED, ALREADY_RECONCILED, INVALID }
    }
}
