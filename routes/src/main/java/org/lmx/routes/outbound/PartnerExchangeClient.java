package org.lmx.routes.outbound;

import jakarta.activation.DataHandler;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.cxf.attachment.ByteDataSource;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.lmx.xsd.agreement.v1.SoapPush;
import org.lmx.xsd.service.v1.AttachmentPart;
import org.lmx.xsd.service.v1.ExchangePortType;
import org.lmx.xsd.service.v1.ExchangeService;
import org.lmx.xsd.service.v1.Submit;

/**
 * Calls Submit at a push partner's Exchange endpoint with the client generated from the WSDL, as the agreement's
 * SoapPush says (address, SOAP version, MTOM), and returns the partner's receipt bytes. One client per endpoint,
 * kept: the WSDL is read once. Used by one delivery thread at a time.
 */
public class PartnerExchangeClient {

    /** Where and how to call: Transport/SoapPush of the agreement. */
    public record Target(String endpoint, boolean soap12, boolean mtom) {

        public static Target of(SoapPush push) {
            return new Target(push.getEndpoint(), "1.2".equals(push.getSoapVersion()), push.isMtom());
        }
    }

    private final ExchangeService service = new ExchangeService();
    private final Map<Target, ExchangePortType> ports = new ConcurrentHashMap<>();
    private final Duration connectTimeout;
    private final Duration receiveTimeout;

    public PartnerExchangeClient(Duration connectTimeout, Duration receiveTimeout) {
        this.connectTimeout = connectTimeout;
        this.receiveTimeout = receiveTimeout;
    }

    /** The longest a call can take before it fails: connecting, then waiting for the answer. */
    public Duration longestCall() {
        return connectTimeout.plus(receiveTimeout);
    }

    /** Submits the signed bytes as they are, the attachments as parts (MTOM when the partner takes it). */
    public byte[] submit(Target target, byte[] signed, List<OutboundAttachment> attachments) throws PushFailure {
        ExchangePortType port = ports.computeIfAbsent(target, this::port);
        Submit call = new Submit();
        call.setDocument(signed);
        for (OutboundAttachment a : attachments) {
            AttachmentPart part = new AttachmentPart();
            part.setId(a.id());
            part.setContent(new DataHandler(new ByteDataSource(a.content(), a.mimeType())));
            call.getAttachment().add(part);
        }
        try {
            byte[] receipt = port.submit(call).getReceipt();
            if (receipt == null || receipt.length == 0) {
                throw new PushFailure(target.endpoint() + " answered without a receipt", null);
            }
            return receipt;
        } catch (WebServiceException e) {
            throw failure(target, e);
        }
    }

    private ExchangePortType port(Target target) {
        ExchangePortType port = target.soap12() ? service.getExchangeSoap12Port() : service.getExchangeSoap11Port();
        BindingProvider binding = (BindingProvider) port;
        binding.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, target.endpoint());
        ((SOAPBinding) binding.getBinding()).setMTOMEnabled(target.mtom());
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(connectTimeout.toMillis());
        policy.setReceiveTimeout(receiveTimeout.toMillis());
        policy.setAllowChunking(false);
        ((HTTPConduit) ClientProxy.getClient(port).getConduit()).setClient(policy);
        return port;
    }

    private PushFailure failure(Target target, WebServiceException e) {
        if (e instanceof SOAPFaultException fault) {
            return new PushFailure(target.endpoint() + " answered with a SOAP fault: " + fault.getFault().getFaultString(), e);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SoapFault fault) {
                return new PushFailure(target.endpoint() + " answered with a SOAP fault: " + fault.getMessage(), e);
            }
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.http.HttpTimeoutException) {
                return new PushFailure("the call to " + target.endpoint() + " timed out: no connection within "
                        + connectTimeout + " or no answer within " + receiveTimeout, e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage().lines().findFirst().orElse("");
        return new PushFailure("the call to " + target.endpoint() + " failed: " + message, e);
    }
}
