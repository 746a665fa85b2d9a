package org.lmx.routes.exchange;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.MessageContentsList;
import org.lmx.routes.inbound.InboundPipeline;
import org.lmx.routes.inbound.InboundResult;
import org.lmx.xsd.service.v1.Submit;
import org.lmx.xsd.service.v1.SubmitResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Exchange service over SOAP: both ports (1.1 and 1.2) feed one route that dispatches on the operation.
 * Submit runs the inbound pipeline and answers with its signed receipt. A SOAP fault answers only a call
 * that cannot be read as a call of the service (here: no document).
 */
public class ExchangeSoapRoute extends RouteBuilder {

    public static final String SOAP11_ENDPOINT = "cxf:bean:exchangeSoap11";
    public static final String SOAP12_ENDPOINT = "cxf:bean:exchangeSoap12";
    public static final String CALL = "direct:exchange-call";

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeSoapRoute.class);

    private final InboundPipeline pipeline;

    public ExchangeSoapRoute(InboundPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void configure() {
        from(SOAP11_ENDPOINT).routeId("exchange-soap11-in")
                .to(CALL).id("soap11-call");
        from(SOAP12_ENDPOINT).routeId("exchange-soap12-in")
                .to(CALL).id("soap12-call");

        from(CALL).routeId("exchange-call")
                .choice().id("operation")
                    .when(header(CxfConstants.OPERATION_NAME).isEqualTo("Submit"))
                        .process(this::submit).id("submit")
                    .otherwise()
                        .process(this::notOffered).id("operation-not-offered")
                .end();
    }

    private void submit(Exchange exchange) {
        Submit call = (Submit) exchange.getIn().getBody(MessageContentsList.class).get(0);
        if (call == null || call.getDocument() == null || call.getDocument().length == 0) {
            throw new SoapFault("the Submit call carries no document", SoapFault.FAULT_CODE_CLIENT);
        }
        InboundResult result;
        try {
            result = pipeline.receive(call.getDocument());
        } catch (InboundPipeline.ReceiptSubmitted e) {
            // no receipt for a receipt: no ping-pong between gateways
            throw new SoapFault(e.getMessage(), SoapFault.FAULT_CODE_CLIENT);
        }
        LOG.info("Submit {} from {} ({}): {}", result.header().messageId().orElse("?"),
                result.header().from().orElse("?"), result.header().documentType().orElse("?"),
                result.rejection().map(e -> "REJECTED " + e.code()).orElse("ACCEPTED"));
        SubmitResponse response = new SubmitResponse();
        response.setReceipt(result.receipt());
        exchange.getMessage().setBody(response);
    }

    private void notOffered(Exchange exchange) {
        String operation = exchange.getIn().getHeader(CxfConstants.OPERATION_NAME, String.class);
        throw new SoapFault("operation " + operation + " is not offered by this hub yet", SoapFault.FAULT_CODE_SERVER);
    }
}
