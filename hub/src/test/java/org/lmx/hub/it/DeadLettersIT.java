package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmx.routes.outbound.PartnerTestServer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A document for a push partner that never answers ends FAILED after the agreement's maximum and is listed in
 * {@code GET /api/deadletters}; the operator's audited retry, once the partner is back, delivers it. The partner is
 * KOR:MOEL: a new version of its agreement points it at this class's {@link PartnerTestServer} with 2 attempts 1 s
 * apart (WorkPermitIT points it at its own in turn; the other ITs only submit to the hub as Korea).
 */
class DeadLettersIT extends HubIT {

    private static final String KOR = "KOR:MOEL";
    private static final String AGREEMENT = "AGR-KOR-MOEL";
    private static PartnerTestServer partner;

    @BeforeAll
    static void partner() throws Exception {
        partner = new PartnerTestServer();
        partner.answer = (document, digest) -> Parties.receiptFor(document, KOR, AGREEMENT, null)
                .signedBy(Parties.credential(DATA_DIR, KOR));
    }

    @AfterAll
    static void stopPartner() {
        partner.close();
    }

    @Test
    void aFailedDeliveryIsADeadLetterUntilTheOperatorRetriesIt() throws Exception {
        pointAgreementAtPartner();
        partner.failFirst = Integer.MAX_VALUE;
        String id = postOutbound(KOR, "BusinessNotice");
        await().atMost(Duration.ofSeconds(30)).until(() -> state(id).equals("FAILED"));

        JsonNode failed = message(id);
        assertThat(failed.get("delivery").get("attempts").asInt()).isEqualTo(2);
        assertThat(failed.get("delivery").get("lastError").asText()).contains("SOAP fault");
        assertThat(failed.get("delivery").get("nextAttemptAt").isNull()).isTrue();

        JsonNode letter = deadLetter(id);
        assertThat(letter).as("listed in /api/deadletters").isNotNull();
        assertThat(letter.get("to").asText()).isEqualTo(KOR);
        assertThat(letter.get("documentType").asText()).isEqualTo("BusinessNotice");
        assertThat(letter.get("attempts").asInt()).isEqualTo(2);
        assertThat(letter.get("lastError").asText()).contains("SOAP fault");
        assertThat(letter.get("failedAt").asText()).isEqualTo(failed.get("stateAt").asText());

        assertThat(asAuditor().postForEntity(url("/api/messages/" + id + "/retry"), null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(state(id)).isEqualTo("FAILED");

        partner.failFirst = 0;
        int callsBefore = partner.calls.get();
        ResponseEntity<String> retry = asOperator().postForEntity(url("/api/messages/" + id + "/retry"), null, String.class);
        assertThat(retry.getStatusCode()).as(retry.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(JSON.readTree(retry.getBody()).get("messageId").asText()).isEqualTo(id);
        assertThat(auditOf(id)).anySatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("operator");
            assertThat(e.get("action").asText()).isEqualTo("message.retry");
            assertThat(e.get("outcome").asText()).isEqualTo("RETRIED");
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> state(id).equals("DELIVERED"));
        assertThat(partner.calls.get() - callsBefore).isEqualTo(1);
        assertThat(states(id)).containsExactly("QUEUED", "SENT", "RETRYING", "SENT", "FAILED", "QUEUED", "SENT", "DELIVERED");
        assertThat(message(id).get("history").get(5).get("note").asText()).isEqualTo("retry by operator");
        assertThat(message(id).get("delivery").get("attempts").asInt()).isEqualTo(1);
        assertThat(deadLetter(id)).as("no longer a dead letter").isNull();

        // a delivered message is not retried again
        ResponseEntity<String> again = asOperator().postForEntity(url("/api/messages/" + id + "/retry"), null, String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(JSON.readTree(again.getBody()).get("detail").asText()).contains("DELIVERED").contains("not FAILED");
        assertThat(auditOf(id)).anySatisfy(e -> assertThat(e.get("outcome").asText()).isEqualTo("REFUSED"));
    }

    @Test
    void anUnknownMessageIsNotFoundAndAnInboundOneIsNotRetried() throws Exception {
        ResponseEntity<String> unknown = asOperator().postForEntity(url("/api/messages/no-such-message/retry"), null,
                String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(JSON.readTree(unknown.getBody()).get("detail").asText()).contains("no-such-message");
        assertThat(asAuditor().getForEntity(url("/api/deadletters?size=0"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void deadLettersAreReadByTheAuditorAndNotByAnonymousCallers() {
        assertThat(asAuditor().getForEntity(url("/api/deadletters"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity(url("/api/deadletters"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** Once for the class: a new version of the agreement, at the partner's address, 2 attempts with short waits. */
    private synchronized void pointAgreementAtPartner() throws Exception {
        if (pointed) {
            return;
        }
        pointPushAgreementAt(partner.endpoint(), "soap-push-KOR-MOEL.xml", AGREEMENT, 2, "PT1S");
        pointed = true;
    }

    private static boolean pointed;

    /** The message's entry in the first page of dead letters (newest first), or null. */
    private JsonNode deadLetter(String id) throws Exception {
        JsonNode page = JSON.readTree(asAuditor().getForObject(url("/api/deadletters?size=100"), String.class));
        for (JsonNode item : page.get("items")) {
            if (item.get("messageId").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }

    private List<JsonNode> auditOf(String id) throws Exception {
        List<JsonNode> mine = new ArrayList<>();
        JSON.readTree(asAuditor().getForObject(url("/api/audit?limit=50"), String.class)).forEach(e -> {
            if (e.get("target").asText().equals(id)) {
                mine.add(e);
            }
        });
        return mine;
    }
}
