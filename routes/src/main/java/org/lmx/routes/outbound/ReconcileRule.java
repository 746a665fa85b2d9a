package org.lmx.routes.outbound;

/**
 * Why a recipient's receipt is INVALID (beyond the XML and signature codes, which keep their own): it is then not
 * stored, and the message it names keeps its state.
 */
public enum ReconcileRule {
    NOT_A_RECEIPT("LMX-RCT-NOT-RECEIPT", "the document is not a Receipt"),
    NOT_FOR_HUB("LMX-RCT-TO", "Header/To of the receipt is not the hub"),
    AGREEMENT_UNKNOWN("LMX-RCT-AGREEMENT", "Header/AgreementId names no agreement in force at the hub"),
    SIGNER("LMX-RCT-SIGNER", "the signer is not the receipt's From, the agreement's partner, or the party of the channel it came over"),
    UNKNOWN_MESSAGE("LMX-RCT-UNKNOWN-MESSAGE", "ReceivedMessageId names no message the hub sent to the signer"),
    DIGEST("LMX-RCT-DIGEST", "ReceivedDigest is not the SHA-256 of the signed bytes the hub sent"),
    CONFLICT("LMX-RCT-CONFLICT", "another receipt was reconciled for this message before");

    private final String code;
    private final String meaning;

    ReconcileRule(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
