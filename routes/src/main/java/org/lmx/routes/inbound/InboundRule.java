package org.lmx.routes.inbound;

/**
 * The rules of the inbound pipeline beyond XML and signatures (those have their own codes in connectors):
 * header/body consistency, the agreement, party binding, replay, MessageId conflicts and attachments. Codes
 * are stable; they go into receipts and are listed in docs/error-codes.md.
 */
public enum InboundRule {
    DOCUMENT_TYPE_MISMATCH("LMX-HDR-DOCUMENT-TYPE", "Header/DocumentType does not name the Body's document"),
    NOT_FOR_HUB("LMX-HDR-TO", "Header/To is not the hub"),
    FROM_NOT_SIGNER("LMX-HDR-FROM", "Header/From is not the party of the signing certificate"),
    CHANNEL_NOT_SIGNER("LMX-HDR-CHANNEL", "the document is signed by another party than the queue's agency"),
    TLS_CLIENT("LMX-TLS-CLIENT", "the agreement pins the partner's TLS client certificate and the call came over a connection without it"),
    AGREEMENT_UNKNOWN("LMX-AGR-UNKNOWN", "Header/AgreementId names no agreement of the hub"),
    AGREEMENT_NOT_ACTIVE("LMX-AGR-NOT-ACTIVE", "the agreement's current version is not ACTIVE"),
    AGREEMENT_OUT_OF_DATES("LMX-AGR-OUT-OF-DATES", "the agreement is not in force at the time of receipt"),
    AGREEMENT_OTHER_PARTY("LMX-AGR-PARTY", "the signer is not the agreement's partner"),
    DOCUMENT_TYPE_NOT_ALLOWED("LMX-AGR-DOCUMENT-TYPE", "the agreement does not allow this document type towards the hub"),
    NOT_PULL_PARTNER("LMX-AGR-NOT-PULL", "a FetchRequest under an agreement whose transport is not SOAP_PULL"),
    TOO_LARGE_FOR_AGREEMENT("LMX-AGR-TOO-LARGE", "the document, an attachment or the call exceeds the agreement's size limits, or the call the hub's"),
    REPLAY("LMX-MSG-REPLAY", "Header/Created lies outside the agreement's clock-skew window"),
    MESSAGE_CONFLICT("LMX-MSG-CONFLICT", "the MessageId was accepted before with other bytes"),
    NOT_BYTES_MESSAGE("LMX-MSG-NOT-BYTES", "the queue's message is not a JMS BytesMessage; a signed document travels as its bytes"),
    ATTACHMENT_TOO_LARGE("LMX-ATT-TOO-LARGE", "an attachment part exceeds the hub's size limit for attachments"),
    ATTACHMENT_MISSING("LMX-ATT-MISSING", "an attachment listed in the signed header is not among the call's parts"),
    ATTACHMENT_UNDECLARED("LMX-ATT-UNDECLARED", "a part of the call is not listed in the signed header, or is sent twice"),
    ATTACHMENT_ALTERED("LMX-ATT-ALTERED", "an attachment part's size or SHA-256 differs from the signed header"),
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
