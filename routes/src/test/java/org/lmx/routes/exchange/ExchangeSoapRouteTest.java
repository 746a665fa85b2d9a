package org.lmx.routes.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.MessageContentsList;
import org.junit.jupiter.api.Test;
import org.lmx.routes.inbound.FetchQuestion;
import org.lmx.routes.inbound.InboundRejection;
import org.lmx.routes.inbound.InboundResult;
import org.lmx.routes.inbound.InboundRoute;
import org.lmx.routes.inbound.InboundSubmission;
import org.lmx.routes.inbound.ReceivedAttachment;
import org.lmx.routes.inbound.InboundRule;
import org.lmx.routes.inbound.ReceivedHeader;
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
 * The SOAP route without HTTP and without the pipeline: both ports' consumers are advised into direct endpoints
 * (by route id); routes with InboundRoute's and PullDeliveryRoute's ids stand in for them on their endpoints and
 * answer with a canned result; calls go in as CXF POJO calls would (a MessageContentsList and the operation name header).
 * What the pipeline does with a document is InboundRouteTest's business.
 */
class ExchangeSoapRouteTest extends CamelTestSupport {

    private static final byte[] DOCUMENT = "<signed document/>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANSWER = "<signed answer/>".getBytes(StandardCharsets.UTF_8);

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new ExchangeSoapRoute(), new RouteBuilder() {
            @Override
            public void configure() {
                // stand-ins for InboundRoute's routes, with their ids, on the endpoints ExchangeSoapRoute calls
                from(InboundRoute.INBOUND).routeId("inbound").to("mock:inbound");
                from(InboundRoute.STATUS_REQUEST).routeId("status-request").to("mock:status-request");
                from(InboundRoute.FETCH_REQUEST).routeId("fetch-request").to("mock:fetch-request");
                from(PullDeliveryRoute.FETCH).routeId("pull-fetch").to("mock:pull-fetch");
                from(PullDeliveryRoute.ACKNOWLEDGE).routeId("pull-acknowledge").to("mock:pull-acknowledge");
            }
        }};
    }

    /** The ports as direct endpoints; the pipeline's two entries answering with {@code outcome}. */
    private void advise(InboundResult.Outcome outcome) throws Exception {
        AdviceWith.adviceWith(context, "exchange-soap11-in", a -> a.replaceFromWith("direct:soap11"));
        AdviceWith.adviceWith(context, "exchange-soap12-in", a -> a.replaceFromWith("direct:soap12"));
        context.start();
        InboundResult result = new InboundResult(outcome, ReceivedHeader.unreadable(), "digest", Instant.now(),
                Optional.empty(), outcome == InboundResult.Outcome.RECEIPT_OFFERED ? null : ANSWER);
        for (String mock : new String[] {"mock:inbound", "mock:status-request"}) {
            getMockEndpoint(mock).whenAnyExchangeReceived(e -> e.getMessage().setBody(result));
        }
    }

    @Test
    void submitOnEitherPortPassesDocumentPartsAndChannelAndAnswersWithTheReceipt() throws Exception {
        advise(InboundResult.Outcome.ACCEPTED);
        MockEndpoint inbound = getMockEndpoint("mock:inbound");
        inbound.expectedMessageCount(2);

        Submit submit = submit(DOCUMENT);
        submit.getAttachment().add(part("contract", "%PDF contract"));
        submit.getAttachment().add(part("licence", "%PDF licence"));
        SubmitResponse on11 = call("direct:soap11", "Submit", submit, SubmitResponse.class);
        SubmitResponse on12 = call("direct:soap12", "Submit", submit, SubmitResponse.class);

        assertThat(on11.getReceipt()).isEqualTo(ANSWER);
        assertThat(on12.getReceipt()).isEqualTo(ANSWER);
        inbound.assertIsSatisfied();
        List<InboundSubmission> received = inbound.getReceivedExchanges().stream()
                .map(e -> e.getIn().getBody(InboundSubmission.class)).toList();
        assertThat(received).extracting(InboundSubmission::channel).containsExactly("SOAP11", "SOAP12");
        assertThat(received.get(0).document()).isEqualTo(DOCUMENT);
        assertThat(received.get(0).attachments()).extracting(ReceivedAttachment::id).containsExactly("contract", "licence");
        assertThat(new String(received.get(0).attachments().get(1).content(), StandardCharsets.UTF_8)).isEqualTo("%PDF licence");
        assertThat(getMockEndpoint("mock:status-request").getReceivedCounter()).isZero();
    }

    @Test
    void aRejectedDocumentIsStillAnsweredWithItsReceiptNotAFault() throws Exception {
        advise(InboundResult.Outcome.REJECTED);
        assertThat(call("direct:soap11", "Submit", submit(DOCUMENT), SubmitResponse.class).getReceipt()).isEqualTo(ANSWER);
    }

    @Test
    void aSubmittedReceiptIsTurnedAwayWithAFault() throws Exception {
        advise(InboundResult.Outcome.RECEIPT_OFFERED);
        assertFault(() -> call("direct:soap11", "Submit", submit(DOCUMENT), SubmitResponse.class), "Receipt is not submitted");
    }

    @Test
    void getStatusOnEitherPortGoesToTheStatusRequestRouteAndAnswersWithTheReport() throws Exception {
        advise(InboundResult.Outcome.ACCEPTED);
        MockEndpoint statusRequest = getMockEndpoint("mock:status-request");
        statusRequest.expectedMessageCount(2);
        GetStatus getStatus = new GetStatus();
        getStatus.setStatusRequest(DOCUMENT);

        assertThat(call("direct:soap12", "GetStatus", getStatus, GetStatusResponse.class).getStatusReport()).isEqualTo(ANSWER);
        assertThat(call("direct:soap11", "GetStatus", getStatus, GetStatusResponse.class).getStatusReport()).isEqualTo(ANSWER);

        statusRequest.assertIsSatisfied();
        InboundSubmission received = statusRequest.getReceivedExchanges().get(0).getIn().getBody(InboundSubmission.class);
        assertThat(received.document()).isEqualTo(DOCUMENT);
        assertThat(received.channel()).isEqualTo("SOAP12");
        assertThat(getMockEndpoint("mock:inbound").getReceivedCounter()).isZero();
    }

    @Test
    void aReceiptOfferedToGetStatusIsAFault() throws Exception {
        advise(InboundResult.Outcome.RECEIPT_OFFERED);
        GetStatus getStatus = new GetStatus();
        getStatus.setStatusRequest(DOCUMENT);
        assertFault(() -> call("direct:soap12", "GetStatus", getStatus, GetStatusResponse.class), "not a Receipt");
    }

    @Test
    void fetchPendingChecksTheRequestThenAnswersWithTheSignersPendingDocumentsAndTheirParts() throws Exception {
        advise(InboundResult.Outcome.ACCEPTED);
        FetchQuestion question = new FetchQuestion("UZB:MEHNAT", "AGR-UZB-MEHNAT", 10, List.of());
        getMockEndpoint("mock:fetch-request").whenAnyExchangeReceived(e -> e.getMessage().setBody(question));
        MockEndpoint pullFetch = getMockEndpoint("mock:pull-fetch");
        pullFetch.whenAnyExchangeReceived(e -> e.getMessage().setBody(List.of(
                new PendingDocument("m1", DOCUMENT, List.of(new PendingDocument.Part("permit", "%PDF permit".getBytes(StandardCharsets.UTF_8)))),
                new PendingDocument("m2", ANSWER, List.of()))));

        FetchPendingResponse response = call("direct:soap12", "FetchPending", fetchPending(DOCUMENT), FetchPendingResponse.class);

        assertThat(response.getPending()).extracting(DocumentWithAttachments::getDocument).containsExactly(DOCUMENT, ANSWER);
        AttachmentPart part = response.getPending().get(0).getAttachment().get(0);
        assertThat(part.getId()).isEqualTo("permit");
        try (InputStream in = part.getContent().getInputStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("%PDF permit");
        }
        assertThat(response.getPending().get(1).getAttachment()).isEmpty();
        InboundSubmission checked = getMockEndpoint("mock:fetch-request").getReceivedExchanges().get(0).getIn()
                .getBody(InboundSubmission.class);
        assertThat(checked.document()).isEqualTo(DOCUMENT);
        assertThat(checked.channel()).isEqualTo("SOAP12");
        assertThat(pullFetch.getReceivedExchanges().get(0).getIn().getBody()).isEqualTo(question);
    }

    @Test
    void aFetchRequestThatFailsItsChecksIsAClientFaultWithTheLmxCodeAndNothingIsFetched() throws Exception {
        advise(InboundResult.Outcome.ACCEPTED);
        InboundRejection rejection = new InboundRejection(InboundRule.NOT_PULL_PARTNER, "agreement AGR-KOR-MOEL has transport SOAP_PUSH");
        getMockEndpoint("mock:fetch-request").whenAnyExchangeReceived(e -> e.getMessage().setBody(new InboundResult(
                InboundResult.Outcome.REJECTED, ReceivedHeader.unreadable(), "digest", Instant.now(), Optional.of(rejection), ANSWER)));

        SoapFault fault = faultOf(() -> call("direct:soap11", "FetchPending", fetchPending(DOCUMENT), FetchPendingResponse.class));

        assertThat(fault.getMessage()).startsWith("LMX-AGR-NOT-PULL: ");
        assertThat(fault.getFaultCode()).isEqualTo(SoapFault.FAULT_CODE_CLIENT);
        assertThat(fault.getDetail().getElementsByTagNameNS("urn:lmx:exchange:1", "Code").item(0).getTextContent())
                .isEqualTo("LMX-AGR-NOT-PULL");
        assertThat(getMockEndpoint("mock:pull-fetch").getReceivedCounter()).isZero();
    }

    @SuppressWarnings("unchecked")
    @Test
    void acknowledgeAnswersOneResultPerReceiptInOrder() throws Exception {
        advise(InboundResult.Outcome.ACCEPTED);
        MockEndpoint pullAcknowledge = getMockEndpoint("mock:pull-acknowledge");
        pullAcknowledge.whenAnyExchangeReceived(e -> e.getMessage().setBody(List.of(
                new Reconciliation(Reconciliation.Status.RECONCILED, "m1", null, null),
                new Reconciliation(Reconciliation.Status.INVALID, "m2", "LMX-RCT-DIGEST", "other bytes"))));
        Acknowledge acknowledge = new Acknowledge();
        acknowledge.getReceipt().add(DOCUMENT);
        acknowledge.getReceipt().add(ANSWER);

        AcknowledgeResponse response = call("direct:soap11", "Acknowledge", acknowledge, AcknowledgeResponse.class);

        assertThat(response.getResult()).extracting(AcknowledgeResponse.Result::getReceivedMessageId,
                        AcknowledgeResponse.Result::getStatus, AcknowledgeResponse.Result::getCode)
                .containsExactly(tuple("m1", AcknowledgementStatus.RECONCILED, null),
                        tuple("m2", AcknowledgementStatus.INVALID, "LMX-RCT-DIGEST"));
        assertThat(response.getResult().get(1).getReason()).isEqualTo("other bytes");
        List<Object> handed = pullAcknowledge.getReceivedExchanges().get(0).getIn().getBody(List.class);
        assertThat(handed).containsExactly(DOCUMENT, ANSWER);
    }

    @Test
    void emptyCallsAreFaults() throws Exception {
        advise(InboundResult.Outcome.ACCEPTED);
        assertFault(() -> call("direct:soap12", "FetchPending", new FetchPending(), FetchPendingResponse.class), "no FetchRequest");
        assertFault(() -> call("direct:soap12", "Acknowledge", new Acknowledge(), AcknowledgeResponse.class), "no Receipt");
        assertFault(() -> call("direct:soap11", "Submit", new Submit(), SubmitResponse.class), "no document");
        assertFault(() -> call("direct:soap11", "GetStatus", new GetStatus(), GetStatusResponse.class), "no StatusRequest");
        assertThat(getMockEndpoint("mock:inbound").getReceivedCounter()).isZero();
        assertThat(getMockEndpoint("mock:status-request").getReceivedCounter()).isZero();
        assertThat(getMockEndpoint("mock:fetch-request").getReceivedCounter()).isZero();
        assertThat(getMockEndpoint("mock:pull-acknowledge").getReceivedCounter()).isZero();
    }

    private <T> T call(String endpoint, String operation, Object parameter, Class<T> answer) {
        return template.requestBodyAndHeader(endpoint, new MessageContentsList(parameter), CxfConstants.OPERATION_NAME,
                operation, answer);
    }

    private static void assertFault(Runnable call, String message) {
        assertThat(faultOf(call)).hasMessageContaining(message);
    }

    private static SoapFault faultOf(Runnable call) {
        try {
            call.run();
        } catch (CamelExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(SoapFault.class);
            return (SoapFault) e.getCause();
        }
        throw new AssertionError("expected a SOAP fault");
    }

    private static FetchPending fetchPending(byte[] request) {
        FetchPending fetchPending = new FetchPending();
        fetchPending.setFetchRequest(request);
        return fetchPending;
    }

    private static Submit submit(byte[] document) {
        Submit submit = new Submit();
        submit.setDocument(document);
        return submit;
    }

    private static AttachmentPart part(String id, String content) {
        AttachmentPart part = new AttachmentPart();
        part.setId(id);
        part.setContent(new DataHandler(new BytesSource(content.getBytes(StandardCharsets.UTF_8))));
        return part;
    }

    /** An MTOM part's content as CXF would hand it over. */
    private record BytesSource(byte[] bytes) implements DataSource {
        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public String getContentType() {
            return "application/octet-stream";
        }

        @Override
        public String getName() {
            return "part";
        }
    }
}
