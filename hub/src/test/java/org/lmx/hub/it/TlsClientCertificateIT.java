package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.pki.Credential;
import org.lmx.hub.config.DevelopmentCredentials;
import org.lmx.routes.inbound.InboundRule;
import org.lmx.xsd.service.v1.ExchangePortType;

/**
 * The partner endpoint over TLS ({@code server.ssl.*} with a key store and trust store made at test time, client
 * certificates wanted, not needed), in a hub JVM of its own: an agreement that pins its partner's TLS client
 * certificate takes that partner's calls only over a connection with it; other agreements take calls with or
 * without a client certificate, as before.
 */
class TlsClientCertificateIT {

    private static final String UZB = "UZB:MEHNAT";
    private static final String PINNED_AGREEMENT = "AGR-UZB-MEHNAT";

    private static TlsMaterial tls;
    private static TlsMaterial.Key pinned;
    private static TlsMaterial.Key other;
    private static HubProcess hub;
    private static Path dataDir;

    @BeforeAll
    static void startHubOverTls() throws Exception {
        dataDir = Files.createTempDirectory(Path.of("target"), "tls-data-").toAbsolutePath();
        Path stores = Files.createTempDirectory(Path.of("target"), "tls-stores-").toAbsolutePath();
        tls = new TlsMaterial();
        pinned = tls.client("UZB MEHNAT gateway");
        other = tls.client("someone else");
        hub = new HubProcess(dataDir, HubProcess.freePort(), HubProcess.freePort(),
                "--server.ssl.enabled=true",
                "--server.ssl.key-store=" + tls.keyStore(stores.resolve("hub-tls.p12"), tls.server()),
                "--server.ssl.key-store-password=" + TlsMaterial.PASSWORD, "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.trust-store=" + tls.trustStore(stores.resolve("partners-tls-ca.p12")),
                "--server.ssl.trust-store-password=" + TlsMaterial.PASSWORD, "--server.ssl.trust-store-type=PKCS12",
                "--server.ssl.client-auth=want");
        hub.start();
        HttpClient probe = HttpClient.newBuilder().sslContext(tls.context(null)).build();
        await("the hub serving its WSDL over TLS (output: " + hub.output() + ")").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> probe.send(HttpRequest.newBuilder(URI.create(https("/services/exchange?wsdl"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

        // the operator pins the Uzbek gateway's client certificate in a new version of its agreement
        AgreementFiles.rewrite(dataDir, "soap-pull-UZB-MEHNAT.xml", "<Version>1</Version>", "<Version>2</Version>",
                "<MaxDocumentsPerFetch>50</MaxDocumentsPerFetch>", "<MaxDocumentsPerFetch>50</MaxDocumentsPerFetch>"
                        + "<TlsClientCertificate>" + pinned.sha256() + "</TlsClientCertificate>");
        String operator = DevelopmentCredentials.read(dataDir.resolve(DevelopmentCredentials.FILE)).operatorPassword();
        HttpResponse<String> reload = probe.send(HttpRequest.newBuilder(URI.create(https("/api/agreements/reload")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("operator:" + operator).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        assertThat(reload.body()).contains(PINNED_AGREEMENT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    private static String https(String path) {
        return "https://127.0.0.1:" + hub.httpPort + path;
    }

    @Test
    void thePinnedPartnerIsTakenOnlyOverAConnectionWithItsCertificate() throws Exception {
        Credential uzbekistan = Parties.credential(dataDir, UZB);
        byte[] ping = Parties.ping(UZB, PINNED_AGREEMENT, uzbekistan);

        PartnerClient.Receipt withOther = submit(tls.context(other), ping);
        assertThat(withOther.status()).isEqualTo("REJECTED");
        assertThat(withOther.code()).isEqualTo(InboundRule.TLS_CLIENT.code());
        assertThat(withOther.reason()).contains("with certificate SHA-256 " + other.sha256());

        PartnerClient.Receipt without = submit(tls.context(null), ping);
        assertThat(without.status()).isEqualTo("REJECTED");
        assertThat(without.code()).isEqualTo(InboundRule.TLS_CLIENT.code());
        assertThat(without.reason()).contains("without a client certificate");

        // the refused calls kept nothing of the document: the same bytes are accepted as new from the right connection
        PartnerClient.Receipt withPinned = submit(tls.context(pinned), ping);
        assertThat(withPinned.status()).as(withPinned.reason()).isEqualTo("ACCEPTED");
    }

    @Test
    void anAgreementWithoutAPinTakesCallsWithOrWithoutAClientCertificate() throws Exception {
        Credential korea = Parties.credential(dataDir, "KOR:MOEL");
        assertThat(submit(tls.context(null), Parties.ping("KOR:MOEL", "AGR-KOR-MOEL", korea)).status()).isEqualTo("ACCEPTED");
        assertThat(submit(tls.context(other), Parties.ping("KOR:MOEL", "AGR-KOR-MOEL", korea)).status()).isEqualTo("ACCEPTED");
    }

    @Test
    void aClientThatDoesNotTrustTheHubsCertificateGetsNoConnection() {
        HttpClient untrusting = HttpClient.newHttpClient();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(
                        URI.create(https("/services/exchange?wsdl"))).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    private static PartnerClient.Receipt submit(SSLContext context, byte[] signed) throws Exception {
        PartnerClient client = new PartnerClient("https://127.0.0.1:" + hub.httpPort, dataDir);
        ExchangePortType port = client.port("1.2");
        HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(port).getConduit();
        TLSClientParameters parameters = new TLSClientParameters();
        parameters.setSslContext(context);
        conduit.setTlsClientParameters(parameters);
        return client.submit(port, signed, java.util.List.of()).receipt();
    }
}
