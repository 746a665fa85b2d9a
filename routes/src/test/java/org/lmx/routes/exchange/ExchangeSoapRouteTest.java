package org.lmx.routes.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.message.MessageContentsList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.XmlSigner;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.routes.agreements.AgreementFiles;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.agreements.TestPki;
import org.lmx.routes.inbound.InboundPipeline;
import org.lmx.routes.inbound.ReceiptIssuer;
import org.lmx.xsd.service.v1.Submit;
import org.lmx.xsd.service.v1.SubmitResponse;

/**
 * The SOAP route without HTTP: both ports' consumers are advised into direct endpoints (by route id), and
 * calls go in as CXF POJO calls would (a MessageContentsList and the operation name header).
 */
class ExchangeSoapRouteTest extends CamelTestSupport {

    @TempDir
    static Path agreements;

    private PkiDirectory pki;

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        pki = PkiDirectory.open(TestPki.dir());
        AgreementFiles.copyExamples(agreements);
        Clock clock = Clock.systemUTC();
        AgreementRegistry registry = new AgreementRegistry(RegistryDatabase.fresh(), agreements, TestPki.dir(), clock);
        registry.reload("test");
        InboundPipeline pipeline = new InboundPipeline(registry, new SignatureVerifier(CrlSource.NONE),
                new ReceiptIssuer(pki.credential("KAZ:MLSP"), "KAZ:MLSP", clock), "KAZ:MLSP",
                SecureXml.DEFAULT_MAX_DOCUMENT_BYTES, clock);
        return new ExchangeSoapRoute(pipeline);
    }

    private void adviseConsumers() throws Exception {
        AdviceWith.adviceWith(context, "exchange-soap11-in", a -> a.replaceFromWith("direct:soap11"));
        AdviceWith.adviceWith(context, "exchange-soap12-in", a -> a.replaceFromWith("direct:soap12"));
        context.start();
    }

    @Test
    void submitOnEitherPortAnswersWithTheSignedReceipt() throws Exception {
        adviseConsumers();
        for (String port : new String[] {"direct:soap11", "direct:soap12"}) {
            SubmitResponse response = call(port, "Submit", submit(ping()));
            String receipt = new String(response.getReceipt(), StandardCharsets.UTF_8);
            assertThat(receipt).contains("<Status>ACCEPTED</Status>").contains("<From>KAZ:MLSP</From>");
        }
    }

    @Test
    void aSubmittedReceiptIsTurnedAwayWithAFault() throws Exception {
        adviseConsumers();
        String receipt = Files.readString(Path.of("..", "examples", "documents", "Receipt.xml"));
        byte[] signed = XmlSigner.sign(receipt.getBytes(StandardCharsets.UTF_8), pki.credential("KAZ:MLSP"));
        assertFault(() -> call("direct:soap11", "Submit", submit(signed)), "Receipt is not submitted");
    }

    @Test
    void anOperationNotOfferedYetAndAnEmptyCallAreFaults() throws Exception {
        adviseConsumers();
        assertFault(() -> call("direct:soap12", "FetchPending", new Object()), "FetchPending is not offered");
        assertFault(() -> call("direct:soap11", "Submit", new Submit()), "no document");
    }

    private SubmitResponse call(String endpoint, String operation, Object parameter) {
        return template.requestBodyAndHeader(endpoint, new MessageContentsList(parameter), CxfConstants.OPERATION_NAME,
                operation, SubmitResponse.class);
    }

    private static void assertFault(Runnable call, String message) {
        try {
            call.run();
        } catch (CamelExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(SoapFault.class).hasMessageContaining(message);
            return;
        }
        throw new AssertionError("expected a SOAP fault containing: " + message);
    }

    private static Submit submit(byte[] document) {
        Submit submit = new Submit();
        submit.setDocument(document);
        return submit;
    }

    private byte[] ping() throws Exception {
        String xml = Files.readString(Path.of("..", "examples", "documents", "Ping.xml"))
                .replaceFirst("<MessageId>[^<]+</MessageId>", "<MessageId>" + UUID.randomUUID() + "</MessageId>")
                .replaceFirst("<Created>[^<]+</Created>", "<Created>"
                        + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS))
                        + "</Created>");
        return XmlSigner.sign(xml.getBytes(StandardCharsets.UTF_8), pki.credential("KOR:MOEL"));
    }
}
