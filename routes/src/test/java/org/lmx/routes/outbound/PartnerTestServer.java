package org.lmx.routes.outbound;

import jakarta.jws.WebService;
import jakarta.servlet.ServletConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.lmx.connectors.Sha256;
import org.lmx.xsd.service.v1.Acknowledge;
import org.lmx.xsd.service.v1.AcknowledgeResponse;
import org.lmx.xsd.service.v1.AttachmentPart;
import org.lmx.xsd.service.v1.ExchangePortType;
import org.lmx.xsd.service.v1.ExchangeService;
import org.lmx.xsd.service.v1.FetchPending;
import org.lmx.xsd.service.v1.FetchPendingResponse;
import org.lmx.xsd.service.v1.GetStatus;
import org.lmx.xsd.service.v1.GetStatusResponse;
import org.lmx.xsd.service.v1.Submit;
import org.lmx.xsd.service.v1.SubmitResponse;

/**
 * A push partner's Exchange service for tests: the WSDL's SOAP 1.2 port with MTOM at
 * {@code http://127.0.0.1:<random port>/services/exchange12} (CXF's servlet in an embedded Tomcat on loopback).
 * It fails the first {@link #failFirst} calls with a SOAP fault, or never answers while {@link #hang} is set;
 * otherwise it answers with the receipt {@link #answer} makes for the document it received.
 */
public final class PartnerTestServer implements AutoCloseable {

    /** Makes the partner's signed receipt for the received signed bytes. */
    public interface Answer {
        byte[] receipt(byte[] document, String digest) throws Exception;
    }

    public final AtomicInteger calls = new AtomicInteger();
    public final List<Submit> received = new CopyOnWriteArrayList<>();
    /** Each received attachment part: its id and content, read when it arrived. */
    public final List<Map.Entry<String, byte[]>> parts = new CopyOnWriteArrayList<>();
    public volatile int failFirst;
    public volatile boolean hang;
    public volatile Answer answer;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Tomcat tomcat = new Tomcat();

    public PartnerTestServer() throws Exception {
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.setBaseDir(java.nio.file.Files.createTempDirectory("partner-tomcat").toString());
        Context context = tomcat.addContext("", null);
        Partner partner = new Partner();
        Tomcat.addServlet(context, "cxf", new CXFNonSpringServlet() {
            @Override
            protected void loadBus(ServletConfig config) {
                super.loadBus(config);
                EndpointImpl endpoint = new EndpointImpl(getBus(), partner);
                endpoint.setWsdlLocation("classpath:lmx/exchange.wsdl");
                endpoint.setServiceName(ExchangeService.SERVICE);
                endpoint.setEndpointName(ExchangeService.ExchangeSoap12Port);
                endpoint.getProperties().put("mtom-enabled", Boolean.TRUE);
                endpoint.publish("/exchange12");
            }
        }).setLoadOnStartup(1);
        context.addServletMappingDecoded("/services/*", "cxf");
        tomcat.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/services/exchange12";
    }

    @WebService(endpointInterface = "org.lmx.xsd.service.v1.ExchangePortType", targetNamespace = "urn:lmx:exchange:wsdl:1",
            serviceName = "ExchangeService", portName = "ExchangeSoap12Port", wsdlLocation = "classpath:lmx/exchange.wsdl")
    public class Partner implements ExchangePortType {

        @Override
        public SubmitResponse submit(Submit submit) {
            int call = calls.incrementAndGet();
            received.add(submit);
            for (AttachmentPart part : submit.getAttachment()) {
                try (java.io.InputStream in = part.getContent().getInputStream()) {
                    parts.add(Map.entry(part.getId(), in.readAllBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (hang) {
                try {
                    closing.await(30, TimeUnit.SECONDS); // the caller's receive timeout ends the call first
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the partner never answered");
            }
            if (call <= failFirst) {
                throw new IllegalStateException("the partner's back end is down (call " + call + ")");
            }
            try {
                SubmitResponse response = new SubmitResponse();
                response.setReceipt(answer.receipt(submit.getDocument(), Sha256.hex(submit.getDocument())));
                return response;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public GetStatusResponse getStatus(GetStatus request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AcknowledgeResponse acknowledge(Acknowledge request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FetchPendingResponse fetchPending(FetchPending request) {
            throw new UnsupportedOperationException();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
