package org.lmx.routes.outbound;

/**
 * Why the outbound entry refuses a request. Nothing of a refused request is logged, signed or queued; the code
 * and a readable reason go back to the caller (the admin API answers them as a problem).
 */
public enum OutboundRule {
    REQUEST_INVALID("LMX-OUT-REQUEST", "a required field is missing, or a field does not have its form"),
    REQUEST_KEY_CONFLICT("LMX-OUT-KEY-CONFLICT", "the request key names an earlier request that asked for something else"),
    RECIPIENT_UNKNOWN("LMX-OUT-RECIPIENT", "no agreement of the hub has the recipient as its partner"),
    AGREEMENT_UNKNOWN("LMX-OUT-AGREEMENT", "the agreement named is not one of the hub's"),
    AGREEMENT_OTHER_PARTY("LMX-OUT-AGREEMENT-PARTY", "the agreement named is with another party than the recipient"),
    AGREEMENT_NOT_ACTIVE("LMX-OUT-AGREEMENT-NOT-ACTIVE", "the recipient's agreement is not ACTIVE and in its dates now"),
    DOCUMENT_TYPE_NOT_ALLOWED("LMX-OUT-DOCUMENT-TYPE", "the agreement does not allow this document type towards the recipient"),
    DOCUMENT_INVALID("LMX-OUT-DOCUMENT", "the document is not readable XML, or not the one catalogue element its type names"),
    SCHEMA_INVALID("LMX-OUT-SCHEMA-INVALID", "the envelope with this document and these attachments is not valid against the contract"),
    TOO_LARGE("LMX-OUT-TOO-LARGE", "the signed document, an attachment or all of them exceed the agreement's size limits");

    private final String code;
    private final String meaning;

    OutboundRule(String code, String meaning) {
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
