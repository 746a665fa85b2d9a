package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.VerifiedDocument;
import org.lmx.hub.HubApplication;
import org.lmx.hub.broker.AgencyAccess;
import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.hub.broker.ExternalBroker;
import org.lmx.routes.agency.AgencyQueues;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.outbound.OutboundRequest;
import org.lmx.routes.outbound.OutboundResult;
import org.lmx.routes.outbound.OutboundRoute;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub on an external broker: a standalone Artemis 2.44 (the distribution from Maven Central) that this test
 * creates and runs on loopback, configured with nothing but what {@code lmx broker security} prints for the demo
 * agencies. The hub connects as {@code lmx-hub}; the agencies are Qpid JMS clients over the broker's AMQP acceptor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalBrokerIT {

    private static final long RECEIVE_MILLIS = 10_000;

    private Path dataDir;
    private StandaloneArtemis broker;
    private ConfigurableApplicationContext hub;

    @BeforeAll
    void brokerConfiguredByTheHubsOwnInstructionsThenTheHub() throws Exception {
        dataDir = Files.createTempDirectory(Path.of("target"), "external-broker-data-").toAbsolutePath();
        broker = StandaloneArtemis.configuredFor(dataDir);
        broker.launch();
        String hubPassword = BrokerCredentials.open(dataDir.resolve(BrokerCredentials.FILE)).password(BrokerCredentials.HUB_USER);
        hub = new SpringApplicationBuilder(HubApplication.class).run(SecondHub.arguments("--lmx.data-dir=" + dataDir,
                "--server.port=0", "--server.address=127.0.0.1", "--lmx.broker.embedded=false",
                "--lmx.broker.url=" + broker.coreUrl(), "--lmx.broker.user=" + BrokerCredentials.HUB_USER,
                "--lmx.broker.password=" + hubPassword));
        broker.awaitListening();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (hub != null) {
                hub.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    @Test
    void aDocumentTheHubIssuesReachesTheAgencyAndItsReceiptDeliversIt() throws Exception {
        OutboundResult issued = hub.getBean(ProducerTemplate.class).requestBody(OutboundRoute.OUTBOUND,
                new OutboundRequest("KAZ:MIA", "PermitDecision", null, null, null,
                        Parties.bodyOf("PermitDecision").getBytes(StandardCharsets.UTF_8), List.of(), "ExternalBrokerIT"),
                OutboundResult.class);
        try (AgencyClient police = AgencyClient.connect(broker.amqpPort(), dataDir, "MIA");
             MessageConsumer in = police.consumer(AgencyClient.in("MIA"))) {
            Message received = in.receive(RECEIVE_MILLIS);
            assertThat(received).as("the hub's document on lmx.agency.MIA.in").isNotNull();
            assertThat(received.getStringProperty("lmxMessageId")).isEqualTo(issued.messageId());
            byte[] document = AgencyClient.bytes(received);
            assertThat(hubCa().verify(document, VerificationOptions.defaults().expectParty("KAZ:MLSP")).party())
                    .isEqualTo("KAZ:MLSP");
            police.send(AgencyClient.out("MIA"), Parties.receiptFor(document, "KAZ:MIA", "AGR-KAZ-MIA", null)
                    .signedBy(Parties.credential(dataDir, "KAZ:MIA")), null);
        }
        MessageLog log = hub.getBean(MessageLog.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> log.find(issued.messageId()).orElseThrow().state() == MessageState.DELIVERED);
    }

    @Test
    void anAgencysSignedDocumentOnItsOutIsAnsweredWithTheHubsReceiptOnItsIn() throws Exception {
        Parties.Message crossing = Parties.message("BorderCrossingEvent");
        byte[] document = crossing.signedBy(Parties.credential(dataDir, "KAZ:BORDER"));
        try (AgencyClient border = AgencyClient.connect(broker.amqpPort(), dataDir, "BORDER");
             MessageConsumer in = border.consumer(AgencyClient.in("BORDER"))) {
            border.send(AgencyClient.out("BORDER"), document, null);
            Message answer = in.receive(RECEIVE_MILLIS);
            assertThat(answer).as("the hub's receipt on lmx.agency.BORDER.in").isNotNull();
            assertThat(answer.getJMSCorrelationID()).isEqualTo(crossing.messageId());
            byte[] bytes = AgencyClient.bytes(answer);
            VerifiedDocument receipt = hubCa().verify(bytes, VerificationOptions.defaults().expectParty("KAZ:MLSP"));
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(receipt.party()).isEqualTo("KAZ:MLSP");
            assertThat(text).contains("<Status>ACCEPTED</Status>", "<ReceivedDigest>" + Sha256.hex(document) + "<");
        }
    }

    @Test
    void anAgencyReachesOnlyItsOwnQueues() throws Exception {
        try (AgencyClient police = AgencyClient.connect(broker.amqpPort(), dataDir, "MIA")) {
            assertThatThrownBy(() -> police.consumer(AgencyClient.in("BORDER")))
                    .isInstanceOf(JMSException.class).hasMessageContaining("BORDER");
            assertThatThrownBy(() -> police.consumer(AgencyClient.out("MIA")))
                    .as("an agency does not read what it sent").isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> police.send(AgencyClient.out("BORDER"), unique("forged"), null))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> police.send(AgencyClient.in("MIA"), unique("to itself"), null))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void nobodyGetsInAnonymouslyOrWithAWrongPassword() {
        assertThatThrownBy(() -> AgencyClient.factory(broker.amqpPort()).createConnection().start())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> AgencyClient.factory(broker.amqpPort()).createConnection("MIA", "guess").start())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void theHubFindsEveryAgencysQueuesThere() throws Exception {
        ExternalBroker external = hub.getBean(ExternalBroker.class);
        List<AgencyQueues> agencies = hub.getBean(AgencyAccess.class).agencies();
        assertThat(agencies).extracting(AgencyQueues::code).contains("MIA", "BORDER", "SRC", "MFA", "BNS");
        assertThat(external.missingQueues(agencies)).isEmpty();
        assertThat(external.missingQueues(List.of(AgencyQueues.of("KAZ:NOBODY"))))
                .containsExactly("lmx.agency.NOBODY.in", "lmx.agency.NOBODY.out", "lmx.agency.NOBODY.dlq");
    }

    @Test
    void theBrokerHealthGroupChecksTheExternalBroker() {
        HealthComponent group = hub.getBean(HealthEndpoint.class).healthForPath("broker");

        assertThat(group.getStatus()).isEqualTo(Status.UP);
        Health indicator = (Health) ((CompositeHealth) group).getComponents().get("broker");
        assertThat(indicator.getDetails()).containsEntry("broker", "external " + broker.coreUrl())
                .containsEntry("session", "opened as the hub's user").doesNotContainKey("acceptors");
    }

    /** Verifies as an agency does: against the hub CA of this hub's data directory. */
    private HubCaVerifier hubCa() {
        return (bytes, options) -> new SignatureVerifier(CrlSource.NONE).verify(bytes,
                TrustAnchors.authority(Pem.readCertificate(dataDir.resolve("pki/hub-ca.crt.pem"))), options);
    }

    private interface HubCaVerifier {
        VerifiedDocument verify(byte[] bytes, VerificationOptions options) throws Exception;
    }

    private static byte[] unique(String text) {
        return (text + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }
}
