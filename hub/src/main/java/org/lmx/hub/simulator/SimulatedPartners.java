package org.lmx.hub.simulator;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.lmx.connectors.soap.ExchangeEndpoints;
import org.lmx.connectors.soap.PartnerExchangeServer;
import org.lmx.hub.config.LmxProperties;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.routes.agreements.TransportKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * Serves the demo partner ({@link SimulatedPartner}) once the hub is ready, where the push agreements say their
 * partners listen (all of the demo's: {@code http://localhost:8091/services/exchange12}), or at
 * {@code lmx.simulators.partner-endpoint}. Loopback addresses only; the SOAP 1.2 port with MTOM, as the agreements
 * ask.
 */
public class SimulatedPartners implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedPartners.class);

    private final AgreementRegistry agreements;
    private final LmxProperties properties;
    private final SimulatedParties parties;
    private final ExecutorService answering = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "simulator-partner");
        thread.setDaemon(true);
        // the JAX-WS client finds its provider through the context class loader: the application's, not the JDK's
        // (in lmx-hub.jar the libraries are nested jars that only the application's class loader reads)
        thread.setContextClassLoader(SimulatedPartners.class.getClassLoader());
        return thread;
    });
    private final List<PartnerExchangeServer> servers = new ArrayList<>();
    private volatile String hubUrl;

    public SimulatedPartners(AgreementRegistry agreements, LmxProperties properties, SimulatedParties parties) {
        this.agreements = agreements;
        this.properties = properties;
        this.parties = parties;
    }

    @EventListener
    public synchronized void start(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
        String address = event.getApplicationContext().getEnvironment().getProperty("server.address");
        hubUrl = "http://" + (address == null || address.isBlank() || "0.0.0.0".equals(address) ? "127.0.0.1" : address)
                + ":" + port;
        for (URI endpoint : endpoints()) {
            String problem = unusable(endpoint);
            if (problem != null) {
                LOG.warn("[simulator] the demo partner does not listen at {}: {}", endpoint, problem);
                continue;
            }
            try {
                PartnerExchangeServer server = new PartnerExchangeServer(endpoint.getHost(), endpoint.getPort(),
                        new SimulatedPartner(parties, () -> hubUrl, answering));
                servers.add(server);
                LOG.info("[simulator] the demo partner listens at {} for the push partners {}; its answers go to the hub"
                        + " at {}", server.endpoint(), pushPartners(endpoint), hubUrl);
            } catch (RuntimeException e) {
                LOG.error("[simulator] the demo partner cannot listen at {}: {}", endpoint, e.getMessage());
            }
        }
    }

    /** {@code lmx.simulators.partner-endpoint}, else the distinct endpoints of the push agreements in force. */
    private Set<URI> endpoints() {
        Set<URI> endpoints = new LinkedHashSet<>();
        URI configured = properties.simulators().partnerEndpoint();
        if (configured != null) {
            endpoints.add(configured);
            return endpoints;
        }
        for (CurrentAgreement agreement : pushAgreements()) {
            endpoints.add(URI.create(agreement.agreement().getTransport().getSoapPush().getEndpoint().trim()));
        }
        return endpoints;
    }

    private List<CurrentAgreement> pushAgreements() {
        return agreements.list().stream().filter(a -> a.transport() == TransportKind.SOAP_PUSH)
                .flatMap(a -> agreements.current(a.id()).stream()).toList();
    }

    /** The push partners whose agreements point at {@code endpoint} (all of them when it is configured). */
    private List<String> pushPartners(URI endpoint) {
        return pushAgreements().stream().filter(a -> properties.simulators().partnerEndpoint() != null
                        || endpoint.equals(URI.create(a.agreement().getTransport().getSoapPush().getEndpoint().trim())))
                .map(CurrentAgreement::partner).distinct().toList();
    }

    private static String unusable(URI endpoint) {
        if (!"http".equals(endpoint.getScheme()) || endpoint.getHost() == null || endpoint.getPort() <= 0) {
            return "the simulator serves http://<loopback host>:<port>" + "/services" + ExchangeEndpoints.SOAP12_PATH;
        }
        if (!("/services" + ExchangeEndpoints.SOAP12_PATH).equals(endpoint.getPath())) {
            return "the simulator serves the path /services" + ExchangeEndpoints.SOAP12_PATH + " only";
        }
        try {
            if (!InetAddress.getByName(endpoint.getHost()).isLoopbackAddress()) {
                return endpoint.getHost() + " is not a loopback address: a simulator listens on this machine only";
            }
        } catch (UnknownHostException e) {
            return "unknown host " + endpoint.getHost();
        }
        return null;
    }

    @Override
    public synchronized void close() {
        servers.forEach(PartnerExchangeServer::close);
        servers.clear();
        answering.shutdownNow();
    }
}
