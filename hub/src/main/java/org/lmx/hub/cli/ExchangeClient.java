package org.lmx.hub.cli;

import jakarta.activation.DataHandler;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;
import org.apache.cxf.attachment.ByteDataSource;
import org.apache.cxf.binding.soap.SoapFault;
import org.lmx.xsd.service.v1.AttachmentPart;
import org.lmx.xsd.service.v1.ExchangePortType;
import org.lmx.xsd.service.v1.ExchangeService;
import org.lmx.xsd.service.v1.Submit;

/**
 * A partner's side of the Exchange service: Submit over SOAP 1.1 with the client generated from the WSDL, MTOM
 * on, one part per attachment. A fault or an unreachable hub becomes a one-line {@link CliFailure}.
 */
public final class ExchangeClient {

    private final String address;

    /** {@code hubUrl} with or without a trailing slash, e.g. {@code http://localhost:8080}. */
    public ExchangeClient(String hubUrl) {
        this.address = hubUrl.replaceAll("/+$", "") + "/services/exchange";
    }

    /** Submits the signed bytes as they are and returns the receipt's bytes. */
    public byte[] submit(byte[] signed, List<AttachmentContent> attachments) throws CliFailure {
        ExchangePortType port = new ExchangeService().getExchangeSoap11Port();
        BindingProvider binding = (BindingProvider) port;
        binding.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
        ((SOAPBinding) binding.getBinding()).setMTOMEnabled(true);

        Submit call = new Submit();
        call.setDocument(signed);
        for (AttachmentContent a : attachments) {
            AttachmentPart part = new AttachmentPart();
            part.setId(a.id());
            part.setContent(new DataHandler(new ByteDataSource(a.bytes(), a.mimeType())));
            call.getAttachment().add(part);
        }
        try {
            byte[] receipt = port.submit(call).getReceipt();
            if (receipt == null || receipt.length == 0) {
                throw new CliFailure("the hub at " + address + " answered without a receipt");
            }
            return receipt;
        } catch (WebServiceException e) {
            throw failure(e);
        }
    }

    /** A fault (CXF hands it over as a SoapFault inside the exception when no SAAJ is at hand), no connection, or else. */
    private CliFailure failure(WebServiceException e) {
        if (e instanceof SOAPFaultException fault) {
            return new CliFailure("the hub at " + address + " answered with a SOAP fault: " + fault.getFault().getFaultString(), e);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SoapFault fault) {
                return new CliFailure("the hub at " + address + " answered with a SOAP fault: " + fault.getMessage(), e);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof HttpConnectTimeoutException) {
                return new CliFailure("cannot reach the hub at " + address + ": "
                        + (t.getMessage() == null ? "no connection could be made" : describe(t)), e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new CliFailure("the call to " + address + " failed: " + describe(root), e);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
