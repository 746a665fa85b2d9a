package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.ws.WebServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.hub.it.PartnerClient.Receipt;
import org.lmx.xsd.service.v1.Acknowledge;
import org.lmx.xsd.service.v1.ExchangePortType;
import org.lmx.xsd.service.v1.FetchPending;
import org.lmx.xsd.service.v1.Submit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A partner ministry's view of the first slice of the exchange: a real CXF client, generated from the WSDL,
 * submits signed Pings to both ports and checks the hub's signed receipts. Agreements change as an operator
 * changes them: the file is edited and the agreements are reloaded through the admin API.
 */
class ExchangeSubmitIT extends HubIT {

    @ParameterizedTest(name = "SOAP {0}")
    @ValueSource(strings = {"1.1", "1.2"})
    void koreasPingIsAcceptedOnBothPorts(String soapVersion) throws Exception {
        byte[] ping = Parties.ping("KOR:MOEL", "AGR-KOR-MOEL", credential("KOR:MOEL"));
        Receipt receipt = submit(soapVersion, ping);
        assertThat(receipt.status()).isEqualTo("ACCEPTED");
        assertThat(receipt.digest()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(ping)));
        String sentId = new String(ping).replaceFirst("(?s).*<MessageId>([^<]+)</MessageId>.*", "$1");
        assertThat(receipt.inReplyTo()).isEqualTo(sentId);
        assertThat(receipt.receivedMessageId()).isEqualTo(sentId);
        assertThat(receipt.to()).isEqualTo("KOR:MOEL");
        assertThat(receipt.code()).isNull();
    }

    @Test
    void anUnknownAgreementIsRejectedWithASignedReceipt() throws Exception {
        Receipt receipt = submit("1.1", Parties.ping("KOR:MOEL", "AGR-KOR-NOBODY", credential("KOR:MOEL")));
        assertThat(receipt.status()).isEqualTo("REJECTED");
        assertThat(receipt.code()).isEqualTo("LMX-AGR-UNKNOWN");
        assertThat(receipt.reason()).contains("AGR-KOR-NOBODY");
    }

    @Test
    void aSuspendedAgreementRejects() throws Exception {
        rewrite("soap-push-TUR-CSGB.xml", "<Version>1</Version>", "<Version>2</Version>",
                "<Status>ACTIVE</Status>", "<Status>SUSPENDED</Status>");
        assertThat(reload().getStatusCode()).isEqualTo(HttpStatus.OK);

        Receipt receipt = submit("1.2", Parties.ping("TUR:CSGB", "AGR-TUR-CSGB", credential("TUR:CSGB")));
        assertThat(receipt.code()).isEqualTo("LMX-AGR-NOT-ACTIVE");
        assertThat(receipt.reason()).contains("SUSPENDED");
    }

    @Test
    void anAgreementOutOfItsDatesRejects() throws Exception {
        String yesterday = LocalDate.now().minusDays(1).toString();
        rewrite("soap-push-ISR-MOL.xml", "<Version>1</Version>", "<Version>2</Version>",
                "<From>2025-01-01</From>", "<From>2025-01-01</From><To>" + yesterday + "</To>");
        reload();

        Receipt receipt = submit("1.1", Parties.ping("ISR:MOL", "AGR-ISR-MOL", credential("ISR:MOL")));
        assertThat(receipt.code()).isEqualTo("LMX-AGR-OUT-OF-DATES");
        assertThat(receipt.reason()).contains(yesterday);
    }

    @Test
    void aCertificateThatIsNotTheAgreementsIsRejected() throws Exception {
        // Türkiye's genuine certificate under Korea's agreement: the signer is not Korea's ministry
        Receipt otherParty = submit("1.1", Parties.ping("TUR:CSGB", "AGR-KOR-MOEL", credential("TUR:CSGB")));
        assertThat(otherParty.code()).isEqualTo("LMX-AGR-PARTY");

        // a look-alike KOR:MOEL certificate from a CA the agreement does not trust
        Path rogueDir = Files.createTempDirectory(Path.of("target"), "rogue-ca-");
        CertificateAuthority rogue = CertificateAuthority.create(rogueDir, CertificateAuthority.DEFAULT_CRL_URL);
        Credential lookAlike = rogue.issue("KOR:MOEL", KeyAlgorithm.EC_P256, java.time.Duration.ofDays(30));
        Receipt untrusted = submit("1.2", Parties.ping("KOR:MOEL", "AGR-KOR-MOEL", lookAlike));
        assertThat(untrusted.code()).isEqualTo("LMX-CERT-UNTRUSTED");

        // Header/From claims Korea, the signature is Türkiye's
        Receipt wrongFrom = submit("1.1", Parties.ping("KOR:MOEL", "AGR-KOR-MOEL", credential("TUR:CSGB")));
        assertThat(wrongFrom.code()).isEqualTo("LMX-HDR-FROM");
    }

    @Test
    void aReloadedAgreementTakesEffectAndAnInvalidFileLeavesItInForce() throws Exception {
        assertThat(submit("1.1", Parties.ping("GBR:DWP", "AGR-GBR-DWP", credential("GBR:DWP"))).status()).isEqualTo("ACCEPTED");

        // version 2 no longer allows Ping from the UK ministry
        rewrite("soap-push-GBR-DWP.xml", "<Version>1</Version>", "<Version>2</Version>",
                "<DocumentType>Ping</DocumentType>", "");
        reload();
        assertThat(submit("1.1", Parties.ping("GBR:DWP", "AGR-GBR-DWP", credential("GBR:DWP"))).code())
                .isEqualTo("LMX-AGR-DOCUMENT-TYPE");

        // version 3 names a trust file that does not exist: refused with the problem, version 2 stays in force
        rewrite("soap-push-GBR-DWP.xml", "<Version>2</Version>", "<Version>3</Version>",
                "<CertificateFile>GBR_DWP.crt.pem</CertificateFile>", "<CertificateFile>GBR_DWP-missing.crt.pem</CertificateFile>");
        ResponseEntity<String> report = reload();
        assertThat(report.getBody()).contains("soap-push-GBR-DWP.xml").contains("REFUSED").contains("GBR_DWP-missing.crt.pem");
        assertThat(submit("1.1", Parties.ping("GBR:DWP", "AGR-GBR-DWP", credential("GBR:DWP"))).code())
                .isEqualTo("LMX-AGR-DOCUMENT-TYPE");
        assertThat(asAuditor().getForObject(url("/api/agreements/AGR-GBR-DWP"), String.class))
                .contains("\"currentVersion\":2");
    }

    @Test
    void aCallThatIsNotACallOfTheServiceGetsASoapFault() throws Exception {
        ExchangePortType port = port("1.1");
        assertThatThrownBy(() -> port.submit(new Submit()))
                .isInstanceOf(WebServiceException.class).hasMessageContaining("no document");
        assertThatThrownBy(() -> port.fetchPending(new FetchPending()))
                .isInstanceOf(WebServiceException.class).hasMessageContaining("no FetchRequest");
        assertThatThrownBy(() -> port.acknowledge(new Acknowledge()))
                .isInstanceOf(WebServiceException.class).hasMessageContaining("no Receipt");
    }

    @ParameterizedTest(name = "SOAP {0} envelope at {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "1.1, /services/exchange12, http://schemas.xmlsoap.org/soap/envelope/, text/xml",
            "1.2, /services/exchange, http://www.w3.org/2003/05/soap-envelope, application/soap+xml"})
    void anEnvelopeOfTheOtherSoapVersionGetsAVersionMismatchFault(String version, String path, String envelopeNs,
                                                                 String contentType) throws Exception {
        String call = "<s:Envelope xmlns:s=\"" + envelopeNs + "\"><s:Body><Submit xmlns=\"urn:lmx:exchange:service:1\">"
                + "<Document>PHg+PC94Pg==</Document></Submit></s:Body></s:Envelope>";
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)))
                        .header("Content-Type", contentType + "; charset=UTF-8")
                        .header("SOAPAction", "\"urn:lmx:exchange:1:Submit\"")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(call)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("VersionMismatch").doesNotContain("<Receipt>");
    }

    @Test
    void aCallOverTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /services/exchange HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: text/xml\r\nContent-Length: 60000000\r\n\r\n<soap:Envelope").getBytes());
            socket.getOutputStream().flush();
            // read the answer up to the end of its fault; the server need not close the connection at once
            socket.setSoTimeout(10_000);
            StringBuilder answer = new StringBuilder();
            java.io.InputStream in = socket.getInputStream();
            int b;
            while (answer.indexOf("</soap:Envelope>") < 0 && (b = in.read()) >= 0) {
                answer.append((char) b);
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("faultstring").contains("60000000");
        }
    }

    // ---- a partner's client ----

    private ExchangePortType port(String soapVersion) throws Exception {
        return partner().port(soapVersion);
    }

    private Receipt submit(String soapVersion, byte[] signed) throws Exception {
        // the receipt is evidence only if it is the hub's signature under the hub's CA: PartnerClient verifies it
        return partner().submit(soapVersion, signed).receipt();
    }

    private PartnerClient partner() throws Exception {
        return new PartnerClient(url(""), DATA_DIR);
    }

    private ResponseEntity<String> reload() {
        return asOperator().postForEntity(url("/api/agreements/reload"), null, String.class);
    }

    private static void rewrite(String file, String... fromTo) throws Exception {
        AgreementFiles.rewrite(DATA_DIR, file, fromTo);
    }

    private static Credential credential(String party) throws Exception {
        return Parties.credential(DATA_DIR, party);
    }
}
