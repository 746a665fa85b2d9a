package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.Sha256;
import org.lmx.routes.outbound.PartnerTestServer;
import org.lmx.xsd.service.v1.Submit;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Documents for a push partner (DEU:BMAS) through {@code POST /api/outbound}, delivered by the hub's Submit to the
 * partner's own Exchange service: a CXF server on a random loopback port implementing the WSDL, to which a new
 * version of AGR-DEU-BMAS points with 3 attempts, waits of 1 s doubling up to 2 s. The partner answers with a
 * receipt it signs with its development key.
 */
class PartnerPushIT extends HubIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEU = "DEU:BMAS";
    private static final String AGREEMENT = "AGR-DEU-BMAS";
    private static PartnerTestServer partner;

    @BeforeAll
    static void partner() throws Exception {
        partner = new PartnerTestServer();
        partner.answer = (document, digest) -> Parties.receiptFor(document, DEU, AGREEMENT, null)
                .signedBy(Parties.credential(DATA_DIR, DEU));
    }

    @AfterAll
    static void stopPartner() {
        partner.close();
    }

    @Test
    void aPartnerThatFailsTwiceHasItDeliveredOnTheThirdAttemptWithTheSameBytes() throws Exception {
        pointAgreementAtPartner();
        partner.failFirst = partner.calls.get() + 2;
        String id = post("InformationRequest");

        await().atMost(Duration.ofSeconds(30)).until(() -> state(id).equals("DELIVERED"));
        assertThat(states(id)).containsExactly("QUEUED", "SENT", "RETRYING", "SENT", "RETRYING", "SENT", "DELIVERED");
        String digest = message(id).get("digest").asText();
        assertThat(partner.received.stream().map(Submit::getDocument).map(Sha256::hex).filter(digest::equals)).hasSize(3);
    }

    @Test
    void aPartnerThatAlwaysFailsLeavesItFailedAfterTheAgreementsMaximum() throws Exception {
        pointAgreementAtPartner();
        partner.failFirst = Integer.MAX_VALUE;
        try {
            String id = post("BusinessNotice");
            await().atMost(Duration.ofSeconds(30)).until(() -> state(id).equals("FAILED"));
            assertThat(states(id)).containsExactly("QUEUED", "SENT", "RETRYING", "SENT", "RETRYING", "SENT", "FAILED");
            JsonNode history = message(id).get("history");
            assertThat(history.get(history.size() - 1).get("note").asText())
                    .startsWith("attempt 3 of 3 failed: ").contains("SOAP fault");
        } finally {
            partner.failFirst = 0;
        }
    }

    /** Once for the class: version 2 of the agreement, at the partner's address, with short waits. */
    private synchronized void pointAgreementAtPartner() throws Exception {
        if (pointed) {
            return;
        }
        AgreementFiles.rewrite(DATA_DIR, "soap-push-DEU-BMAS.xml", "<Version>1</Version>", "<Version>2</Version>",
                "http://localhost:8091/services/exchange12", partner.endpoint(),
                "<MaxAttempts>8</MaxAttempts>", "<MaxAttempts>3</MaxAttempts>",
                "<InitialBackoff>PT30S</InitialBackoff>", "<InitialBackoff>PT1S</InitialBackoff>",
                "<MaxBackoff>PT1H</MaxBackoff>", "<MaxBackoff>PT2S</MaxBackoff>");
        ResponseEntity<String> reload = asOperator().postForEntity(url("/api/agreements/reload"), null, String.class);
        assertThat(reload.getStatusCode()).as(reload.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(reload.getBody()).contains(AGREEMENT);
        pointed = true;
    }

    private static boolean pointed;

    private String post(String documentType) throws Exception {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("to", DEU);
        post.put("documentType", documentType);
        post.put("document", Parties.bodyOf(documentType));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = asOperator().postForEntity(url("/api/outbound"),
                new HttpEntity<>(JSON.writeValueAsString(post), headers), String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return JSON.readTree(answer.getBody()).get("messageId").asText();
    }

    private JsonNode message(String id) throws Exception {
        return JSON.readTree(asAuditor().getForObject(url("/api/messages/" + id), String.class));
    }

    private String state(String id) throws Exception {
        return message(id).get("state").asText();
    }

    private List<String> states(String id) throws Exception {
        List<String> states = new ArrayList<>();
        message(id).get("history").forEach(change -> states.add(change.get("state").asText()));
        return states;
    }
}
