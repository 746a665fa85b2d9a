package org.lmx.connectors.soap;

import jakarta.servlet.ServletConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.lmx.xsd.service.v1.ExchangePortType;
import org.lmx.xsd.service.v1.ExchangeService;

/**
 * A push partner's own Exchange service: the WSDL's SOAP 1.2 port with MTOM at
 * {@code http://<host>:<port>/services/exchange12}, served by CXF's servlet in an embedded Tomcat. The
 * implementation (a {@code @WebService} of {@link ExchangePortType}) decides what the partner answers: the push
 * delivery's tests use it as a test partner, the hub's development simulators as the demo partner.
 */
public final class PartnerExchangeServer implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();
    private final String host;

    /** Starts serving {@code partner} on {@code host} (loopback) and {@code port} (0: any free port). */
    public PartnerExchangeServer(String host, int port, ExchangePortType partner) {
        this.host = host;
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", host);
        tomcat.setConnector(connector);
        try {
            tomcat.setBaseDir(Files.createTempDirectory("partner-tomcat").toString());
            Context context = tomcat.addContext("", null);
            Tomcat.addServlet(context, "cxf", new CXFNonSpringServlet() {
                @Override
                protected void loadBus(ServletConfig config) {
                    super.loadBus(config);
                    EndpointImpl endpoint = new EndpointImpl(getBus(), partner);
                    endpoint.setWsdlLocation(ExchangeEndpoints.WSDL);
                    endpoint.setServiceName(ExchangeService.SERVICE);
                    endpoint.setEndpointName(ExchangeService.ExchangeSoap12Port);
                    endpoint.getProperties().put("mtom-enabled", Boolean.TRUE);
                    endpoint.publish(ExchangeEndpoints.SOAP12_PATH);
                }
            }).setLoadOnStartup(1);
            context.addServletMappingDecoded("/services/*", "cxf");
            tomcat.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serve a partner's Exchange service on " + host + ":" + port + ": " + e, e);
        }
        if (tomcat.getConnector().getLocalPort() <= 0) {
            close();
            throw new IllegalStateException("cannot serve a partner's Exchange service on " + host + ":" + port
                    + ": the port could not be bound (in use?)");
        }
    }

    /** The SOAP 1.2 endpoint's address, with the port actually bound. */
    public String endpoint() {
        return "http://" + host + ":" + tomcat.getConnector().getLocalPort()
                + "/services" + ExchangeEndpoints.SOAP12_PATH;
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the partner's Exchange service: " + e, e);
        }
    }
}
