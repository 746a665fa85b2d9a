package org.lmx.routes.exchange;

import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.MessageContentsList;
import org.lmx.connectors.LmxException;
import org.lmx.routes.inbound.FetchQuestion;
import org.lmx.routes.inbound.InboundResult;
import org.lmx.routes.inbound.InboundRoute;
import org.lmx.routes.inbound.InboundSubmission;
import org.lmx.routes.inbound.ReceivedAttachment;
import org.lmx.routes.outbound.PendingDocument;
import org.lmx.routes.outbound.PullDeliveryRoute;
import org.lmx.routes.outbound.ReceiptReconciler.Reconciliation;
import org.lmx.xsd.service.v1.Acknowledge;
import org.lmx.xsd.service.v1.AcknowledgeResponse;
import org.lmx.xsd.service.v1.AcknowledgementStatus;
import org.lmx.xsd.service.v1.AttachmentPart;
import org.lmx.xsd.service.v1.DocumentWithAttachments;
import org.lmx.xsd.service.v1.FetchPending;
import org.lmx.xsd.service.v1.FetchPendingResponse;
import org.lmx.xsd.service.v1.GetStatus;
import org.lmx.xsd.service.v1.GetStatusResponse;
import org.lmx.xsd.service.v1.Submit;
import org.lmx.xsd.service.v1.SubmitResponse;

/**
 * The Exchange service over SOAP: both ports (1.1 and 1.2) feed one route that dispatches on the operation.
 * Submit hands the signed document and its MTOM parts to the inbound pipeline and answers with its signed
 * receipt; GetStatus answers with a signed StatusReport (or a signed REJECTED receipt). FetchPending checks the
 * signed FetchRequest like a StatusRequest and answers with the signer's pending documents (a failed check is a
 * Client fault with the LMX code, the response having no slot for a receipt); Acknowledge hands the pull
 * partner's signed receipts to the reconciler and answers one Result per receipt. Otherwise a SOAP fault answers
 * only a call that cannot be read as a call of the service (no document, or a Receipt offered for a receipt).
 */
public class ExchangeSoapRoute extends RouteBuilder {

    // Synchronous: a call is worked on the servlet thread that received it. Without it the CXF consumer suspends
    // the call in a Servlet 3 continuation and redispatches it, which runs the whole filter chain twice per call
    // (a tenth of the hub's time under load), and the servlet filters (size limit, admission budget) would see the
    // call end before its answer is written.
    public static final String SOAP11_ENDPOINT = "cxf:bean:exchangeSoap11?synchronous=true";
    public static final String SOAP12_ENDPOINT = "cxf:bean:exchangeSoap12?synchronous=true";
    public static final String CALL = "direct:exchange-call";
    static final String CHANNEL = "lmx.channel";

    @Override
    public void configure() {
        from(SOAP11_ENDPOINT).routeId("exchange-soap11-in")
                .setProperty(CHANNEL, constant("SOAP11")).id("soap11-channel")
                .to(CALL).id("soap11-call");
        from(SOAP12_ENDPOINT).routeId("exchange-soap12-in")
                .setProperty(CHANNEL, constant("SOAP12")).id("soap12-channel")
                .to(CALL).id("soap12-call");

        from(CALL).routeId("exchange-call")
                .choice().id("operation")
                    .when(header(CxfConstants.OPERATION_NAME).isEqualTo("Submit"))
                        .process(this::readSubmit).id("read-submit")
                        .to(InboundRoute.INBOUND).id("to-inbound")
                        .process(this::submitResponse).id("submit-response")
                    .when(header(CxfConstants.OPERATION_NAME).isEqualTo("GetStatus"))
                        .process(this::readGetStatus).id("read-get-status")
                        .to(InboundRoute.STATUS_REQUEST).id("to-status-request")
                        .process(this::getStatusResponse).id("get-status-response")
                    .when(header(CxfConstants.OPERATION_NAME).isEqualTo("FetchPending"))
                        .process(this::readFetchPending).id("read-fetch-pending")
                        .to(InboundRoute.FETCH_REQUEST).id("to-fetch-request")
                        .process(this::fetchChecked).id("fetch-checked")
                        .to(PullDeliveryRoute.FETCH).id("to-pull-fetch")
                        .process(this::fetchPendingResponse).id("fetch-pending-response")
                    .when(header(CxfConstants.OPERATION_NAME).isEqualTo("Acknowledge"))
                        .process(this::readAcknowledge).id("read-acknowledge")
                        .to(PullDeliveryRoute.ACKNOWLEDGE).id("to-pull-acknowledge")
                        .process(this::acknowledgeResponse).id("acknowledge-response")
                    .otherwise()
                        .process(this::notOffered).id("operation-not-offered")
                .end();
    }

    private void readSubmit(Exchange exchange) throws IOException {
        Submit call = (Submit) exchange.getIn().getBody(MessageContentsList.class).get(0);
        if (call == null || call.getDocument() == null || call.getDocument().length == 0) {
            throw new SoapFault("the Submit call carries no document", SoapFault.FAULT_CODE_CLIENT);
        }
        List<ReceivedAttachment> attachments = new ArrayList<>();
        for (AttachmentPart part : call.getAttachment()) {
            attachments.add(new ReceivedAttachment(part.getId(), bytes(part.getContent())));
        }
        tlsClient(exchange);
        exchange.getMessage().setBody(new InboundSubmission(call.getDocument(), attachments, channel(exchange)));
    }

    private void submitResponse(Exchange exchange) throws InvalidPayloadException {
        InboundResult result = exchange.getMessage().getMandatoryBody(InboundResult.class);
        if (result.outcome() == InboundResult.Outcome.RECEIPT_OFFERED) {
            // no receipt for a receipt: no ping-pong between gateways
            throw new SoapFault("a Receipt is not submitted: it is returned in SubmitResponse or handed over with Acknowledge",
                    SoapFault.FAULT_CODE_CLIENT);
        }
        SubmitResponse response = new SubmitResponse();
        response.setReceipt(result.answer());
        exchange.getMessage().setBody(response);
    }

    private void readGetStatus(Exchange exchange) {
        GetStatus call = (GetStatus) exchange.getIn().getBody(MessageContentsList.class).get(0);
        if (call == null || call.getStatusRequest() == null || call.getStatusRequest().length == 0) {
            throw new SoapFault("the GetStatus call carries no StatusRequest", SoapFault.FAULT_CODE_CLIENT);
        }
        tlsClient(exchange);
        exchange.getMessage().setBody(InboundSubmission.of(call.getStatusRequest(), channel(exchange)));
    }

    private void getStatusResponse(Exchange exchange) throws InvalidPayloadException {
        InboundResult result = exchange.getMessage().getMandatoryBody(InboundResult.class);
        if (result.outcome() == InboundResult.Outcome.RECEIPT_OFFERED) {
            throw new SoapFault("GetStatus takes a StatusRequest, not a Receipt", SoapFault.FAULT_CODE_CLIENT);
        }
        GetStatusResponse response = new GetStatusResponse();
        response.setStatusReport(result.answer());
        exchange.getMessage().setBody(response);
    }

    private void readFetchPending(Exchange exchange) {
        FetchPending call = (FetchPending) exchange.getIn().getBody(MessageContentsList.class).get(0);
        if (call == null || call.getFetchRequest() == null || call.getFetchRequest().length == 0) {
            throw new SoapFault("the FetchPending call carries no FetchRequest", SoapFault.FAULT_CODE_CLIENT);
        }
        tlsClient(exchange);
        exchange.getMessage().setBody(InboundSubmission.of(call.getFetchRequest(), channel(exchange)));
    }

    /**
     * A FetchRequest that failed its checks: FetchPendingResponse has no slot for a receipt, so the LMX code and
     * reason travel in a Client fault (its detail holds them as lmx:Code and lmx:Reason).
     */
    private void fetchChecked(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof FetchQuestion) {
            return;
        }
        InboundResult result = (InboundResult) body;
        if (result.outcome() == InboundResult.Outcome.RECEIPT_OFFERED) {
            throw new SoapFault("FetchPending takes a FetchRequest, not a Receipt: receipts are handed over with Acknowledge",
                    SoapFault.FAULT_CODE_CLIENT);
        }
        LmxException rejection = result.rejection().orElseThrow(() -> new IllegalStateException(
                "a FetchRequest neither answered nor rejected: " + result.outcome()));
        SoapFault fault = new SoapFault(rejection.code() + ": " + rejection.getMessage(), SoapFault.FAULT_CODE_CLIENT);
        fault.setDetail(FaultDetail.of(rejection.code(), String.valueOf(rejection.getMessage())));
        throw fault;
    }

    private void fetchPendingResponse(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<PendingDocument> pending = exchange.getMessage().getBody(List.class);
        FetchPendingResponse response = new FetchPendingResponse();
        for (PendingDocument document : pending) {
            DocumentWithAttachments item = new DocumentWithAttachments();
            item.setDocument(document.signed());
            for (PendingDocument.Part part : document.attachments()) {
                AttachmentPart attachment = new AttachmentPart();
                attachment.setId(part.id());
                attachment.setContent(new DataHandler(new PartContent(part.id(), part.content())));
                item.getAttachment().add(attachment);
            }
            response.getPending().add(item);
        }
        exchange.getMessage().setBody(response);
    }

    private void readAcknowledge(Exchange exchange) {
        Acknowledge call = (Acknowledge) exchange.getIn().getBody(MessageContentsList.class).get(0);
        if (call == null || call.getReceipt().isEmpty()) {
            throw new SoapFault("the Acknowledge call carries no Receipt", SoapFault.FAULT_CODE_CLIENT);
        }
        exchange.getMessage().setBody(new ArrayList<>(call.getReceipt()));
    }

    private void acknowledgeResponse(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Reconciliation> reconciliations = exchange.getMessage().getBody(List.class);
        AcknowledgeResponse response = new AcknowledgeResponse();
        for (Reconciliation reconciliation : reconciliations) {
            AcknowledgeResponse.Result result = new AcknowledgeResponse.Result();
            result.setReceivedMessageId(reconciliation.receivedMessageId());
            result.setStatus(AcknowledgementStatus.fromValue(reconciliation.status().name()));
            result.setCode(reconciliation.code());
            result.setReason(reconciliation.reason());
            response.getResult().add(result);
        }
        exchange.getMessage().setBody(response);
    }

    private void notOffered(Exchange exchange) {
        String operation = exchange.getIn().getHeader(CxfConstants.OPERATION_NAME, String.class);
        throw new SoapFault("operation " + operation + " is not offered by this hub yet", SoapFault.FAULT_CODE_SERVER);
    }

    /** The SHA-256 of the TLS client certificate the call came with (the servlet container's), for a pinning agreement. */
    private static void tlsClient(Exchange exchange) {
        org.apache.cxf.message.Message cxf = exchange.getIn().getHeader(CxfConstants.CAMEL_CXF_MESSAGE,
                org.apache.cxf.message.Message.class);
        Object request = cxf == null ? null : cxf.get(org.apache.cxf.transport.http.AbstractHTTPDestination.HTTP_REQUEST);
        if (request instanceof jakarta.servlet.http.HttpServletRequest http
                && http.getAttribute("jakarta.servlet.request.X509Certificate") instanceof java.security.cert.X509Certificate[] chain
                && chain.length > 0) {
            try {
                exchange.setProperty(InboundRoute.TLS_CLIENT, org.lmx.connectors.Sha256.hex(chain[0].getEncoded()));
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new SoapFault("the TLS client certificate cannot be read", SoapFault.FAULT_CODE_CLIENT);
            }
        }
    }

    private static String channel(Exchange exchange) {
        return exchange.getProperty(CHANNEL, "SOAP", String.class);
    }

    // bounded by the per-call size limit in front of CXF (CallSizeLimitFilter), so reading it whole is safe
    private static byte[] bytes(DataHandler content) throws IOException {
        if (content == null) {
            return new byte[0];
        }
        try (InputStream in = content.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
