package org.lmx.hub.cli;

import jakarta.xml.ws.soap.SOAPFaultException;
import java.util.List;
import org.apache.cxf.binding.soap.SoapFault;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlRejectedException;
import org.lmx.routes.outbound.PartnerExchangeClient;
import org.lmx.routes.outbound.PushFailure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a push partner's endpoint answered to one Submit: a receipt (its bytes, and what it says, read without
 * trusting it), a SOAP fault (a refusal the partner chose), or no answer at all (no connection, a timeout).
 */
record PartnerAnswer(byte[] receipt, String fault, String failure) {

    /** Calls Submit with {@code signed} and sorts the outcome. */
    static PartnerAnswer submit(PartnerExchangeClient client, PartnerExchangeClient.Target target, byte[] signed) {
        try {
            return new PartnerAnswer(client.submit(target, signed, List.of()), null, null);
        } catch (PushFailure e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SOAPFaultException || t instanceof SoapFault) {
                    return new PartnerAnswer(null, e.getMessage(), null);
                }
            }
            return new PartnerAnswer(null, null, e.getMessage());
        }
    }

    boolean hasReceipt() {
        return receipt != null;
    }

    /** A receipt's content, read as it is (its signature is check c's business). */
    record ReceiptContent(String status, String messageId, String digest, String code, String reason) {

        boolean accepted() {
            return "ACCEPTED".equals(status);
        }

        String describe() {
            return status + (code == null ? "" : " [" + code + "] " + reason);
        }
    }

    /** The Receipt in the answer, or a CliFailure naming why it is none. */
    ReceiptContent content() throws CliFailure {
        Document document;
        try {
            document = SecureXml.parse(receipt);
        } catch (XmlRejectedException e) {
            throw new CliFailure("the answer is not a readable XML document: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        Element body = ExchangeXml.NS.equals(root.getNamespaceURI()) ? ExchangeXml.child(root, "Body") : null;
        Element content = body == null ? null : ExchangeXml.child(body, "Receipt");
        if (content == null) {
            throw new CliFailure("the answer is not an ExchangeMessage with a Receipt in its Body");
        }
        Element error = ExchangeXml.child(content, "Error");
        return new ReceiptContent(ExchangeXml.text(content, "Status"), ExchangeXml.text(content, "ReceivedMessageId"),
                ExchangeXml.text(content, "ReceivedDigest"), error == null ? null : ExchangeXml.text(error, "Code"),
                error == null ? null : ExchangeXml.text(error, "Reason"));
    }

    /** How the partner refused, or null when it did not (it accepted, or never answered). */
    String refusal() {
        if (fault != null) {
            return fault;
        }
        if (receipt != null) {
            try {
                ReceiptContent content = content();
                return content.accepted() ? null : "its receipt says " + content.describe();
            } catch (CliFailure e) {
                return null;
            }
        }
        return null;
    }
}
