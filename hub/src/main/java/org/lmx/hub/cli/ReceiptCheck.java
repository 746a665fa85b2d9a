package org.lmx.hub.cli;

import java.security.cert.X509Certificate;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.VerifiedDocument;
import org.w3c.dom.Element;

/**
 * A receipt is evidence only if the hub signed it under the hub's CA and it answers the bytes that were sent:
 * the signature (as the hub's party), then ReceivedDigest and ReceivedMessageId against what left here.
 */
public final class ReceiptCheck {

    private ReceiptCheck() {
    }

    /** What a verified receipt says; code and reason are null when it is ACCEPTED. */
    public record CheckedReceipt(String status, String code, String reason, String messageId, String digest) {

        public boolean accepted() {
            return "ACCEPTED".equals(status);
        }
    }

    public static CheckedReceipt check(byte[] receipt, X509Certificate hubCa, String sentMessageId, String sentDigest)
            throws CliFailure {
        VerifiedDocument verified;
        try {
            verified = new SignatureVerifier(CrlSource.NONE).verify(receipt, TrustAnchors.authority(hubCa),
                    VerificationOptions.defaults().expectParty(EnvelopeFiller.HUB));
        } catch (LmxException e) {
            throw new CliFailure("the hub's answer is not a receipt signed by " + EnvelopeFiller.HUB
                    + " under the hub CA: [" + e.code() + "] " + e.getMessage(), e);
        }
        Element body = ExchangeXml.child(verified.document().getDocumentElement(), "Body");
        Element content = body == null ? null : ExchangeXml.child(body, "Receipt");
        if (content == null) {
            throw new CliFailure("the hub answered with a signed document that is not a Receipt");
        }
        String messageId = ExchangeXml.text(content, "ReceivedMessageId");
        String digest = ExchangeXml.text(content, "ReceivedDigest");
        if (!sentDigest.equals(digest)) {
            throw new CliFailure("the receipt answers other bytes: ReceivedDigest " + digest + ", sent " + sentDigest);
        }
        if (!sentMessageId.equals(messageId)) {
            throw new CliFailure("the receipt answers another message: ReceivedMessageId " + messageId + ", sent "
                    + sentMessageId);
        }
        Element error = ExchangeXml.child(content, "Error");
        return new CheckedReceipt(ExchangeXml.text(content, "Status"),
                error == null ? null : ExchangeXml.text(error, "Code"),
                error == null ? null : ExchangeXml.text(error, "Reason"), messageId, digest);
    }
}
