package org.lmx.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jws.WebService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.soap.PartnerExchangeServer;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.lmx.hub.simulator.SimulatedParties;
import org.lmx.hub.simulator.SimulatedPartner;
import org.lmx.routes.outbound.PartnerTestServer;
import org.lmx.xsd.service.v1.Acknowledge;
import org.lmx.xsd.service.v1.AcknowledgeResponse;
import org.lmx.xsd.service.v1.ExchangePortType;
import org.lmx.xsd.service.v1.FetchPending;
import org.lmx.xsd.service.v1.FetchPendingResponse;
import org.lmx.xsd.service.v1.GetStatus;
import org.lmx.xsd.service.v1.GetStatusResponse;
import org.lmx.xsd.service.v1.Submit;
import org.lmx.xsd.service.v1.SubmitResponse;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * {@code lmx conformance} against push endpoints of Korea's labour ministry (KOR:MOEL) on loopback, without a hub:
 * the project's own partner endpoint (the development simulator's {@link SimulatedPartner}, which verifies the hub's
 * signature and keeps its receipts, served by {@link PartnerExchangeServer}) passes every check; an endpoint that
 * strips the signature from its receipts fails (c) alone; one that forgets its receipts fails (d) alone; one that
 * verifies nothing (the delivery tests' {@link PartnerTestServer} answering everything) fails (b) and (e).
 */
class ConformanceIT {

    private static final String KOREA = "KOR:MOEL";

    @TempDir
    static Path data;

    private static SimulatedParties parties;
    private static final ExecutorService ANSWERING = Executors.newSingleThreadExecutor();

    @RegisterExtension
    final Console console = new Console();

    @BeforeAll
    static void pki() {
        PrintStream originalOut = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(LmxCommand.run("pki", "init", "--dir", data.resolve("pki").toString())).isZero();
        } finally {
            System.setOut(originalOut);
        }
        parties = SimulatedParties.open(data.resolve("pki"), EnvelopeFiller.HUB, Clock.systemUTC(), Set.of());
    }

    @AfterAll
    static void stop() {
        ANSWERING.shutdownNow();
    }

    @Test
    void theProjectsOwnPartnerEndpointPassesEveryCheckAndTheReportSaysSo() throws Exception {
        try (PartnerExchangeServer partner = new PartnerExchangeServer("127.0.0.1", 0, simulated())) {
            Path report = data.resolve("korea-conformance.json");

            int exit = LmxCommand.run("conformance", "--endpoint", partner.endpoint(), "--as", KOREA,
                    "--data-dir", data.toString(), "--report", report.toString());

            assertThat(exit).as(console.all()).isZero();
            assertThat(verdicts(report)).containsExactly(Map.entry("a", "PASS"), Map.entry("b", "PASS"),
                    Map.entry("c", "PASS"), Map.entry("d", "PASS"), Map.entry("e", "PASS"));
            assertThat(console.out()).contains("All 5 checks passed.").contains("PASS  (c)")
                    .contains("refused a document that names KAZ:MLSP but is signed under a CA made for this check");

            Path markdown = data.resolve("korea-conformance.md");
            console.reset();
            assertThat(LmxCommand.run("conformance", "--endpoint", partner.endpoint(), "--as", KOREA,
                    "--data-dir", data.toString(), "--report", markdown.toString())).isZero();
            assertThat(Files.readString(markdown)).contains("# LMX conformance: KOR:MOEL")
                    .contains("| c | returns a receipt signed by the partner, with the digest of the document sent | **PASS** |");
        }
    }

    @Test
    void koreasDraftAgreementFromOnboardingGivesTheEndpointAndTheTrustForItsReceipts() throws Exception {
        Path onboarded = data.resolve("onboarded");
        try (PartnerExchangeServer partner = new PartnerExchangeServer("127.0.0.1", 0, simulated())) {
            // the ministry's signing certificate imported (the simulator signs with that very key), its endpoint named
            assertThat(LmxCommand.run("partner", "onboard", "--party", KOREA, "--name",
                    "Ministry of Employment and Labor of the Republic of Korea", "--certificate",
                    data.resolve("pki/KOR_MOEL.crt.pem").toString(), "--transport", "PUSH", "--endpoint",
                    partner.endpoint(), "--data-dir", data.toString(), "--out", onboarded.toString()))
                    .as(console.all()).isZero();
            Path draft = onboarded.resolve("soap-push-KOR-MOEL.xml");
            console.reset();

            int exit = LmxCommand.run("conformance", "--as", KOREA, "--data-dir", data.toString(),
                    "--agreement-file", draft.toString());

            assertThat(exit).as(console.all()).isZero();
            assertThat(console.out()).contains("Conformance of KOR:MOEL's endpoint " + partner.endpoint())
                    .contains("receipts verified with " + draft + " (AGR-KOR-MOEL version 1, DRAFT)")
                    .contains("All 5 checks passed.");
        }
    }

    @Test
    void anEndpointWhoseReceiptsAreUnsignedFailsCheckC() throws Exception {
        try (PartnerExchangeServer partner = new PartnerExchangeServer("127.0.0.1", 0, new UnsignedReceipts(simulated()))) {
            Path report = data.resolve("unsigned.json");

            int exit = LmxCommand.run("conformance", "--endpoint", partner.endpoint(), "--as", KOREA,
                    "--data-dir", data.toString(), "--report", report.toString());

            assertThat(exit).as(console.all()).isEqualTo(2);
            assertThat(verdicts(report)).containsExactly(Map.entry("a", "PASS"), Map.entry("b", "PASS"),
                    Map.entry("c", "FAIL"), Map.entry("d", "PASS"), Map.entry("e", "PASS"));
            assertThat(console.out()).contains("FAIL  (c)").contains("the receipt's signature does not verify as KOR:MOEL's")
                    .contains("1 of 5 checks failed: (c)");
        }
    }

    @Test
    void anEndpointThatAnswersAResendWithANewReceiptFailsCheckD() throws Exception {
        // a new simulator for every call: it has never seen the resend, so it signs a new receipt
        try (PartnerExchangeServer partner = new PartnerExchangeServer("127.0.0.1", 0, new Forgetful(this::simulated))) {
            Path report = data.resolve("forgetful.json");

            int exit = LmxCommand.run("conformance", "--endpoint", partner.endpoint(), "--as", KOREA,
                    "--data-dir", data.toString(), "--report", report.toString());

            assertThat(exit).as(console.all()).isEqualTo(2);
            assertThat(verdicts(report)).containsExactly(Map.entry("a", "PASS"), Map.entry("b", "PASS"),
                    Map.entry("c", "PASS"), Map.entry("d", "FAIL"), Map.entry("e", "PASS"));
            assertThat(console.out()).contains("the resend of the same bytes got another receipt");
        }
    }

    @Test
    void anEndpointThatVerifiesNothingFailsChecksBAndE() throws Exception {
        try (PartnerTestServer partner = new PartnerTestServer()) {
            partner.answer = (document, digest) -> parties.as(KOREA).receipt(SecureXml.parse(document), document);

            int exit = LmxCommand.run("conformance", "--endpoint", partner.endpoint(), "--as", KOREA,
                    "--data-dir", data.toString());

            assertThat(exit).as(console.all()).isEqualTo(2);
            assertThat(console.out()).contains("PASS  (a)").contains("FAIL  (b)").contains("PASS  (c)")
                    .contains("PASS  (d)").contains("FAIL  (e)").contains("2 of 5 checks failed: (b), (e)")
                    .contains("accepted a document whose Ping/Text had one byte changed after signing".replace(
                            "a document whose", "a document signed by the hub whose"));
        }
    }

    @Test
    void anEndpointThatIsNotThereFailsEveryCheckWithTheReasonAndADataDirWithoutTheHubsKeyIsAnError() throws Exception {
        int exit = LmxCommand.run("conformance", "--endpoint", "http://127.0.0.1:9/services/exchange12", "--as", KOREA,
                "--data-dir", data.toString(), "--timeout", "5");
        assertThat(exit).as(console.all()).isEqualTo(2);
        assertThat(console.out()).contains("FAIL  (a)").contains("5 of 5 checks failed");

        console.reset();
        exit = LmxCommand.run("conformance", "--endpoint", "http://127.0.0.1:9/services/exchange12", "--as", KOREA,
                "--data-dir", data.resolve("nowhere").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(console.err()).contains("cannot sign as the hub");
    }

    private SimulatedPartner simulated() {
        return new SimulatedPartner(parties, () -> "http://127.0.0.1:9", ANSWERING);
    }

    /** check letter -> PASS/FAIL, in the report's order. */
    private static Map<String, String> verdicts(Path jsonReport) throws Exception {
        JsonNode root = new ObjectMapper().readTree(jsonReport.toFile());
        Map<String, String> verdicts = new LinkedHashMap<>();
        root.get("checks").forEach(c -> verdicts.put(c.get("check").asText(), c.get("result").asText()));
        return verdicts;
    }

    /** Answers as the simulator does, then removes the signature from the receipt (the same bytes every time). */
    @WebService(endpointInterface = "org.lmx.xsd.service.v1.ExchangePortType", targetNamespace = "urn:lmx:exchange:wsdl:1",
            serviceName = "ExchangeService", portName = "ExchangeSoap12Port", wsdlLocation = "classpath:lmx/exchange.wsdl")
    public static class UnsignedReceipts extends Unsupported {

        private final ExchangePortType signing;

        UnsignedReceipts(ExchangePortType signing) {
            this.signing = signing;
        }

        @Override
        public SubmitResponse submit(Submit submit) {
            SubmitResponse response = signing.submit(submit);
            try {
                Document receipt = SecureXml.parse(response.getReceipt());
                Node signature = receipt.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
                signature.getParentNode().removeChild(signature);
                response.setReceipt(XmlBytes.of(receipt));
                return response;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A partner without memory: each call is answered by a new simulator, so a resend gets a new receipt. */
    @WebService(endpointInterface = "org.lmx.xsd.service.v1.ExchangePortType", targetNamespace = "urn:lmx:exchange:wsdl:1",
            serviceName = "ExchangeService", portName = "ExchangeSoap12Port", wsdlLocation = "classpath:lmx/exchange.wsdl")
    public static class Forgetful extends Unsupported {

        private final Supplier<ExchangePortType> fresh;

        Forgetful(Supplier<ExchangePortType> fresh) {
            this.fresh = fresh;
        }

        @Override
        public SubmitResponse submit(Submit submit) {
            return fresh.get().submit(submit);
        }
    }

    /** Submit only, as the demo partner. */
    public abstract static class Unsupported implements ExchangePortType {

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
}
