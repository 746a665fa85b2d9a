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
import org.lmx.routes.inbound.InboundResult;
import org.lmx.routes.inbound.InboundRoute;
import org.lmx.routes.inbound.InboundSubmission;
import org.lmx.routes.inbound.ReceivedAttachment;
import org.lmx.xsd.service.v1.AttachmentPart;
import org.lmx.xsd.service.v1.GetStatus;
import org.lmx.xsd.service.v1.GetStatusResponse;
import org.lmx.xsd.service.v1.Submit;
import org.lmx.xsd.service.v1.SubmitResponse;

/**
 * The Exchange service over SOAP: both ports (1.1 and 1.2) feed one route that dispatches on the operation.
 * Submit hands the signed document and its MTOM parts to the inbound pipeline and answers with its signed
 * receipt; GetStatus answers with a signed StatusReport (or a signed REJECTED receipt). A SOAP fault answers
 * only a call that cannot be read as a call of the service (here: no document, or a Receipt offered for a receipt).
 */
public class ExchangeSoapRoute extends RouteBuilder {

    public static final String SOAP11_ENDPOINT = "cxf:bean:exchangeSoap11";
    public static final String SOAP12_ENDPOINT = "cxf:bean:exchangeSoap12";
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

    private void notOffered(Exchange exchange) {
        String operation = exchange.getIn().getHeader(CxfConstants.OPERATION_NAME, String.class);
        throw new SoapFault("operation " + operation + " is not offered by this hub yet", SoapFault.FAULT_CODE_SERVER);
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
