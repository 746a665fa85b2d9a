package org.lmx.hub.it;

import jakarta.activation.DataHandler;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.cxf.attachment.ByteDataSource;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.xsd.service.v1.AttachmentPart;
import org.lmx.xsd.service.v1.ExchangePortType;
import org.lmx.xsd.service.v1.ExchangeService;
import org.lmx.xsd.service.v1.GetStatus;
import org.lmx.xsd.service.v1.Submit;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A partner ministry's client of the hub: the CXF client generated from the WSDL, on either SOAP port, with
 * attachments as MTOM parts. Every answer is taken as evidence only once it verifies as signed by the hub
 * ({@code KAZ:MLSP}) under the hub CA of the data directory.
 */
final class PartnerClient {

    static final String HUB = "KAZ:MLSP";

    private final String baseUrl;
    private final X509Certificate hubCa;
    private final SignatureVerifier verifier = new SignatureVerifier(CrlSource.NONE);

    /** @param baseUrl the hub's address, e.g. {@code http://127.0.0.1:PORT} */
    PartnerClient(String baseUrl, Path dataDir) throws Exception {
        this.baseUrl = baseUrl;
        this.hubCa = Pem.readCertificate(dataDir.resolve("pki/hub-ca.crt.pem"));
    }

    /** A port on {@code /services/exchange} ("1.1") or {@code /services/exchange12} ("1.2"), without MTOM. */
    ExchangePortType port(String soapVersion) {
        return port(soapVersion, false);
    }

    ExchangePortType port(String soapVersion, boolean mtom) {
        ExchangeService service = new ExchangeService();
        boolean soap11 = switch (soapVersion) {
            case "1.1" -> true;
            case "1.2" -> false;
            default -> throw new IllegalArgumentException("SOAP " + soapVersion);
        };
        ExchangePortType port = soap11 ? service.getExchangeSoap11Port() : service.getExchangeSoap12Port();
        BindingProvider provider = (BindingProvider) port;
        provider.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                baseUrl + (soap11 ? "/services/exchange" : "/services/exchange12"));
        ((SOAPBinding) provider.getBinding()).setMTOMEnabled(mtom);
        return port;
    }

    /** Submits {@code signed}; with parts the call goes as MTOM, as a partner sends attachments. */
    Submitted submit(String soapVersion, byte[] signed, Part... parts) throws Exception {
        return submit(port(soapVersion, parts.length > 0), signed, List.of(parts));
    }

    Submitted submit(ExchangePortType port, byte[] signed, List<Part> parts) throws Exception {
        Submit call = new Submit();
        call.setDocument(signed);
        for (Part part : parts) {
            AttachmentPart attachment = new AttachmentPart();
            attachment.setId(part.id());
            attachment.setContent(new DataHandler(new ByteDataSource(part.content(), "application/octet-stream")));
            call.getAttachment().add(attachment);
        }
        byte[] receipt = port.submit(call).getReceipt();
        return new Submitted(receipt, Receipt.of(verified(receipt)));
    }

    /** Calls GetStatus with a signed StatusRequest; the answer is a StatusReport, or a REJECTED receipt. */
    StatusAnswer getStatus(String soapVersion, byte[] signedRequest) throws Exception {
        GetStatus call = new GetStatus();
        call.setStatusRequest(signedRequest);
        byte[] answer = port(soapVersion).getStatus(call).getStatusReport();
        return StatusAnswer.of(answer, verified(answer));
    }

    /** The root of {@code signed} once it verifies as the hub's own signature under the hub CA. */
    Element verified(byte[] signed) throws Exception {
        return verifier.verify(signed, TrustAnchors.authority(hubCa), VerificationOptions.defaults().expectParty(HUB))
                .document().getDocumentElement();
    }

    /** An MTOM part of the call: its Id as the signed header lists it, and its bytes. */
    record Part(String id, byte[] content) {
        static Part of(Parties.Attachment attachment) {
            return new Part(attachment.id(), attachment.content());
        }
    }

    /** A receipt as it came (the exact bytes, for comparing resends) and as a partner reads it. */
    record Submitted(byte[] bytes, Receipt receipt) {
    }

    /** What a partner reads from a receipt. */
    record Receipt(String status, String code, String reason, String to, String digest, String inReplyTo,
                   String receivedMessageId, String receivedAt) {
        static Receipt of(Element root) {
            return new Receipt(text(root, "Status"), text(root, "Code"), text(root, "Reason"), text(root, "To"),
                    text(root, "ReceivedDigest"), text(root, "InReplyTo"), text(root, "ReceivedMessageId"),
                    text(root, "ReceivedAt"));
        }
    }

    /** GetStatus's answer: a StatusReport (state per MessageId asked for), or a REJECTED receipt. */
    record StatusAnswer(byte[] bytes, String documentType, String to, String inReplyTo, Map<String, String> states,
                        Receipt rejection) {
        static StatusAnswer of(byte[] bytes, Element root) {
            String documentType = text(root, "DocumentType");
            Map<String, String> states = new LinkedHashMap<>();
            NodeList statuses = root.getElementsByTagNameNS(Parties.LMX, "MessageStatus");
            for (int i = 0; i < statuses.getLength(); i++) {
                Element status = (Element) statuses.item(i);
                states.put(text(status, "MessageId"), text(status, "State"));
            }
            return new StatusAnswer(bytes, documentType, text(root, "To"), text(root, "InReplyTo"), states,
                    "Receipt".equals(documentType) ? Receipt.of(root) : null);
        }
    }

    private static String text(Element root, String name) {
        NodeList nodes = root.getElementsByTagNameNS(Parties.LMX, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
