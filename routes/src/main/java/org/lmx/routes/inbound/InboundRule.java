package org.lmx.routes.inbound;

/**
 * The rules of the inbound pipeline beyond XML and signatures (those have their own codes in connectors):
 * header/body consistency, the agreement, party binding and replay. Codes are stable; they go into receipts.
 */
public enum InboundRule {
    DOCUMENT_TYPE_MISMATCH("LMX-HDR-DOCUMENT-TYPE", "Header/DocumentType does not name the Body's document"),
    NOT_FOR_HUB("LMX-HDR-TO", "Header/To is not the hub"),
    FROM_NOT_SIGNER("LMX-HDR-FROM", "Header/From is not the party of the signing certificate"),
    AGREEMENT_UNKNOWN("LMX-AGR-UNKNOWN", "Header/AgreementId names no agreement of the hub"),
    AGREEMENT_NOT_ACTIVE("LMX-AGR-NOT-ACTIVE", "the agreement's current version is not ACTIVE"),
    AGREEMENT_OUT_OF_DATES("LMX-AGR-OUT-OF-DATES", "the agreement is not in force at the time of receipt"),
    AGREEMENT_OTHER_PARTY("LMX-AGR-PARTY", "the signer is not the agreement's partner"),
    DOCUMENT_TYPE_NOT_ALLOWED("LMX-AGR-DOCUMENT-TYPE", "the agreement does not allow this document type towards the hub"),
    TOO_LARGE_FOR_AGREEMENT("LMX-AGR-TOO-LARGE", "the document exceeds the agreement's size limit"),
    REPLAY("LMX-MSG-REPLAY", "Header/Created lies outside the agreement's clock-skew window"),
    NOT_TAKEN_YET("LMX-HUB-NOT-TAKEN-YET", "the hub does not take this document type yet: it would have nowhere durable to keep it"),
    INTERNAL("LMX-HUB-INTERNAL", "the hub failed on this document; nothing of it was kept; send it again later");

    private final String code;
    private final String meaning;

    InboundRule(String code, String meaning) {
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
