package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.VerifiedDocument;
import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.routes.outbound.ReceiptReconciler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Document;

/**
 * An operator's document for the migration police (KAZ:MIA) through {@code POST /api/outbound}: the police's own
 * client (Qpid JMS over AMQP 1.0) takes it from {@code lmx.agency.MIA.in}, signed by the hub, and its signed receipt
 * on its {@code .out} moves the message to DELIVERED (or, REJECTED, to REJECTED_BY_RECIPIENT with its code); a
 * receipt that does not reconcile ends on its dead letters with the reason.
 */
class OutboundAgencyIT extends HubIT {

    private static final String HUB = "KAZ:MLSP";
    private static final String MIA = "KAZ:MIA";

    @Autowired
    EmbeddedBroker broker;

    @Autowired
    ReceiptReconciler reconciler;

    @Test
    void aPermitDecisionReachesThePoliceSignedByTheHubAndItsReceiptDeliversIt() throws Exception {
        byte[] permit = "%PDF-1.7 the permit as issued".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> post = post(MIA, "PermitDecision", bodyOf("PermitDecision"));
        post.put("inReplyTo", UUID.randomUUID().toString());
        post.put("attachments", List.of(Map.of("id", "permit", "fileName", "permit.pdf", "mimeType", "application/pdf",
                "contentBase64", Base64.getEncoder().encodeToString(permit))));

        ResponseEntity<String> answer = asOperator().postForEntity(url("/api/outbound"), json(post), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode issued = JSON.readTree(answer.getBody());
        String id = issued.get("messageId").asText();
        assertThat(issued.get("state").asText()).isEqualTo("QUEUED");
        assertThat(issued.get("links").get("message").asText()).isEqualTo("/api/messages/" + id);
        assertThat(answer.getHeaders().getLocation()).hasToString("/api/messages/" + id);

        Taken taken = take(id);
        byte[] received = taken.bytes();
        assertThat(taken.properties()).containsEntry("lmxDocumentType", "PermitDecision")
                .containsEntry("lmxConversationId", issued.get("conversationId").asText())
                .containsEntry("JMSXGroupID", issued.get("conversationId").asText());

        // as the police checks it: signed by the hub under the development CA, for the police, with the attachment listed
        VerifiedDocument verified = new SignatureVerifier(CrlSource.NONE).verify(received,
                TrustAnchors.authority(Pem.readCertificate(DATA_DIR.resolve("pki/hub-ca.crt.pem"))),
                VerificationOptions.defaults().expectParty(HUB));
        assertThat(verified.party()).isEqualTo(HUB);
        assertThat(text(verified.document(), "To")).isEqualTo(MIA);
        assertThat(text(verified.document(), "MessageId")).isEqualTo(id);
        assertThat(text(verified.document(), "AgreementId")).isEqualTo("AGR-KAZ-MIA");
        assertThat(text(verified.document(), "Sha256")).isEqualTo(Sha256.hex(permit));
        assertThat(Sha256.hex(received)).isEqualTo(issued.get("digest").asText());
        // the police fetches the attachment the header lists, with its own broker user and password
        String policePassword = BrokerCredentials.open(DATA_DIR.resolve(BrokerCredentials.FILE)).password("MIA");
        assertThat(rest.withBasicAuth("MIA", policePassword).getForEntity(url("/api/attachments/" + Sha256.hex(permit)),
                byte[].class).getBody()).isEqualTo(permit);

        await().atMost(Duration.ofSeconds(20)).until(() -> state(id).equals("SENT"));
        assertThat(states(id)).containsExactly("QUEUED", "SENT");

        // the police answers on its .out; the hub reconciles the receipt, and answers nothing
        try (AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA")) {
            police.send(AgencyClient.out("MIA"), receipt(received, null).signed(), null);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> state(id).equals("DELIVERED"));
        assertThat(states(id)).containsExactly("QUEUED", "SENT", "DELIVERED");

        // another receipt for the same message does not reconcile: it is kept on the police's dead letters
        Receipt second = receipt(received, "MIA-CHANGED-MIND");
        try (AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA");
             MessageConsumer dlq = police.session.createConsumer(police.session.createQueue("lmx.agency.MIA.dlq"),
                     "JMSCorrelationID = '" + second.messageId() + "'")) {
            police.send(AgencyClient.out("MIA"), second.signed(), null);
            Message letter = dlq.receive(20_000);
            assertThat(letter).as("the second receipt on lmx.agency.MIA.dlq").isNotNull();
            assertThat(letter.getStringProperty("lmxErrorCode")).isEqualTo("LMX-RCT-CONFLICT");
            assertThat(AgencyClient.bytes(letter)).isEqualTo(second.signed());
        }
        assertThat(state(id)).isEqualTo("DELIVERED");
        // the bean the agency route calls gives the same answer
        assertThat(reconciler.reconcile(second.signed(), MIA).code()).isEqualTo("LMX-RCT-CONFLICT");
    }

    @Test
    void aRejectedReceiptLeavesTheMessageRejectedByTheRecipientWithItsCode() throws Exception {
        ResponseEntity<String> answer = asOperator().postForEntity(url("/api/outbound"),
                json(post(MIA, "IdentityCheckRequest", bodyOf("IdentityCheckRequest"))), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = JSON.readTree(answer.getBody()).get("messageId").asText();
        byte[] received = take(id).bytes();

        try (AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA")) {
            police.send(AgencyClient.out("MIA"), receipt(received, "MIA-PERSON-UNKNOWN").signed(), null);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> state(id).equals("REJECTED_BY_RECIPIENT"));
        JsonNode message = message(id);
        assertThat(message.get("state").asText()).isEqualTo("REJECTED_BY_RECIPIENT");
        JsonNode history = message.get("history");
        assertThat(history.get(history.size() - 1).get("note").asText()).contains("MIA-PERSON-UNKNOWN", "no such person");
    }

    @Test
    void theOperatorsPostIsAuditedWithTheNewMessageId() throws Exception {
        ResponseEntity<String> answer = asOperator().postForEntity(url("/api/outbound"),
                json(post(MIA, "ComplianceAlert", bodyOf("ComplianceAlert"))), String.class);
        String id = JSON.readTree(answer.getBody()).get("messageId").asText();

        JsonNode audit = JSON.readTree(asAuditor().getForObject(url("/api/audit?limit=1000"), String.class));

        List<JsonNode> mine = new ArrayList<>();
        audit.forEach(event -> {
            if (event.get("details").asText().contains(id)) {
                mine.add(event);
            }
        });
        assertThat(mine).singleElement().satisfies(event -> {
            assertThat(event.get("actor").asText()).isEqualTo("operator");
            assertThat(event.get("action").asText()).isEqualTo("outbound.post");
            assertThat(event.get("target").asText()).isEqualTo(MIA);
            assertThat(event.get("outcome").asText()).isEqualTo("QUEUED");
            assertThat(event.get("details").asText()).contains("ComplianceAlert");
        });
        take(id); // the police's queue is shared by every IT: leave nothing on it
    }

    @Test
    void anOperatorWhoseAnswerWasLostPostsAgainWithTheSameKeyAndNothingNewIsIssued() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> post = post(MIA, "ComplianceAlert", bodyOf("ComplianceAlert"));
        long before = logged();

        ResponseEntity<String> first = asOperator().postForEntity(url("/api/outbound"), json(post, key), String.class);
        ResponseEntity<String> again = asOperator().postForEntity(url("/api/outbound"), json(post, key), String.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode issued = JSON.readTree(first.getBody());
        JsonNode repeated = JSON.readTree(again.getBody());
        String id = issued.get("messageId").asText();
        for (String field : List.of("messageId", "conversationId", "created", "digest")) {
            assertThat(repeated.get(field)).as(field).isEqualTo(issued.get(field));
        }
        assertThat(logged()).isEqualTo(before + 1);

        // the same key for another request: refused, since its caller would otherwise believe it sent
        post.put("conversationId", UUID.randomUUID().toString());
        JsonNode conflict = problem(asOperator().postForEntity(url("/api/outbound"), json(post, key), String.class), 409);
        assertThat(conflict.get("code").asText()).isEqualTo("LMX-OUT-KEY-CONFLICT");
        assertThat(conflict.get("detail").asText()).contains(id);
        assertThat(logged()).isEqualTo(before + 1);

        JsonNode audit = JSON.readTree(asAuditor().getForObject(url("/api/audit?limit=50"), String.class));
        List<String> outcomes = new ArrayList<>();
        audit.forEach(event -> {
            if (event.get("details").asText().contains(key)) {
                outcomes.add(event.get("outcome").asText());
            }
        });
        assertThat(outcomes).containsExactlyInAnyOrder("QUEUED", "REPEATED", "REFUSED");
        take(id); // once on the police's queue; the repeat put nothing there
    }

    @Test
    void onlyOperatorsMayPost() throws Exception {
        HttpEntity<String> request = json(post(MIA, "ComplianceAlert", bodyOf("ComplianceAlert")));
        long before = logged();

        assertThat(rest.postForEntity(url("/api/outbound"), request, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(asAuditor().postForEntity(url("/api/outbound"), request, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(logged()).isEqualTo(before);
    }

    @Test
    void aRefusedPostIsAProblemNamingItsCodeAndKeepsNothing() throws Exception {
        long before = logged();

        JsonNode notAllowed = problem(asOperator().postForEntity(url("/api/outbound"),
                json(post(MIA, "WorkPermitApplication", bodyOf("WorkPermitApplication"))), String.class), 422);
        assertThat(notAllowed.get("code").asText()).isEqualTo("LMX-OUT-DOCUMENT-TYPE");
        assertThat(notAllowed.get("detail").asText()).contains("AGR-KAZ-MIA", "WorkPermitApplication");

        JsonNode unknown = problem(asOperator().postForEntity(url("/api/outbound"),
                json(post("KAZ:NOBODY", "PermitDecision", bodyOf("PermitDecision"))), String.class), 422);
        assertThat(unknown.get("code").asText()).isEqualTo("LMX-OUT-RECIPIENT");

        String invalid = bodyOf("PermitDecision").replace("<Decision>GRANTED</Decision>", "");
        JsonNode schema = problem(asOperator().postForEntity(url("/api/outbound"),
                json(post(MIA, "PermitDecision", invalid)), String.class), 422);
        assertThat(schema.get("code").asText()).isEqualTo("LMX-OUT-SCHEMA-INVALID");
        assertThat(schema.get("problems").get(0).asText()).contains("Decision");

        Map<String, Object> noRecipient = post(MIA, "PermitDecision", bodyOf("PermitDecision"));
        noRecipient.remove("to");
        assertThat(problem(asOperator().postForEntity(url("/api/outbound"), json(noRecipient), String.class), 400)
                .get("code").asText()).isEqualTo("LMX-OUT-REQUEST");

        Map<String, Object> badBase64 = post(MIA, "PermitDecision", bodyOf("PermitDecision"));
        badBase64.put("attachments", List.of(Map.of("id", "a", "fileName", "a.pdf", "mimeType", "application/pdf",
                "contentBase64", "*not base64*")));
        assertThat(problem(asOperator().postForEntity(url("/api/outbound"), json(badBase64), String.class), 400)
                .get("detail").asText()).contains("contentBase64");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(problem(asOperator().postForEntity(url("/api/outbound"), new HttpEntity<>("{\"to\": ", headers),
                String.class), 400).get("detail").asText()).startsWith("the body is not the JSON");

        assertThat(logged()).isEqualTo(before);
        JsonNode audit = JSON.readTree(asAuditor().getForObject(url("/api/audit?limit=20"), String.class));
        List<String> refusals = new ArrayList<>();
        audit.forEach(e -> {
            if (e.get("action").asText().equals("outbound.post") && e.get("outcome").asText().equals("REFUSED")) {
                refusals.add(e.get("details").asText());
            }
        });
        assertThat(refusals).anySatisfy(d -> assertThat(d).contains("LMX-OUT-DOCUMENT-TYPE"))
                .anySatisfy(d -> assertThat(d).contains("LMX-OUT-RECIPIENT"));
    }

    // ---- helpers ----

    /** A document as the police took it from its {@code .in}, with the JMS properties it can route on. */
    private record Taken(byte[] bytes, Map<String, String> properties) {
    }

    /** Takes the document with {@code messageId} from lmx.agency.MIA.in, as the police (Qpid JMS over AMQP). */
    private Taken take(String messageId) throws Exception {
        try (AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA");
             MessageConsumer in = police.session.createConsumer(police.session.createQueue(AgencyClient.in("MIA")),
                     "lmxMessageId = '" + messageId + "'")) {
            Message message = in.receive(20_000);
            assertThat(message).as("document " + messageId + " on lmx.agency.MIA.in").isNotNull();
            Map<String, String> properties = new LinkedHashMap<>();
            for (String name : List.of("lmxMessageId", "lmxDocumentType", "lmxConversationId", "JMSXGroupID")) {
                properties.put(name, message.getStringProperty(name));
            }
            return new Taken(AgencyClient.bytes(message), properties);
        }
    }

    private static Map<String, Object> post(String to, String documentType, String document) {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("to", to);
        post.put("documentType", documentType);
        post.put("document", document);
        return post;
    }

    private static JsonNode problem(ResponseEntity<String> answer, int status) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return JSON.readTree(answer.getBody());
    }

    /** The Body's document of a committed sample, as an operator posts it. */
    private static String bodyOf(String documentType) throws Exception {
        return Parties.bodyOf(documentType);
    }

    /** A receipt as the police signed it, and its own MessageId. */
    private record Receipt(String messageId, byte[] signed) {
    }

    private static Receipt receipt(byte[] received, String code) throws Exception {
        Parties.Message receipt = Parties.receiptFor(received, MIA, "AGR-KAZ-MIA", code);
        return new Receipt(receipt.messageId(), receipt.signedBy(Parties.credential(DATA_DIR, MIA)));
    }

    private static String text(Document document, String localName) {
        return document.getElementsByTagNameNS(Parties.LMX, localName).item(0).getTextContent();
    }

    private long logged() throws Exception {
        return JSON.readTree(asAuditor().getForObject(url("/api/messages?size=1"), String.class)).get("total").asLong();
    }
}
