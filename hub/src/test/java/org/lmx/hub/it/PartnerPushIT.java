package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.Sha256;
import org.lmx.routes.outbound.PartnerTestServer;
import org.lmx.xsd.service.v1.Submit;

/**
 * Documents for a push partner (DEU:BMAS) through {@code POST /api/outbound}, delivered by the hub's Submit to the
 * partner's own Exchange service: a CXF server on a random loopback port implementing the WSDL, to which a new
 * version of AGR-DEU-BMAS points with 3 attempts, waits of 1 s doubling up to 2 s. The partner answers with a
 * receipt it signs with its development key.
 */
class PartnerPushIT extends HubIT {

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
    void aPartnerThatFailsTwiceHasItDeliveredOnTheThirdAttemptWithTheSameBytesAndTakesOneCopyIntoEffect() throws Exception {
        pointAgreementAtPartner();
        partner.failFirst = partner.calls.get() + 2;
        String id = postOutbound(DEU, "InformationRequest");

        await().atMost(Duration.ofSeconds(30)).until(() -> state(id).equals("DELIVERED"));
        assertThat(states(id)).containsExactly("QUEUED", "SENT", "RETRYING", "SENT", "RETRYING", "SENT", "DELIVERED");
        String digest = message(id).get("digest").asText();
        assertThat(partner.received.stream().map(Submit::getDocument).map(Sha256::hex).filter(digest::equals)).hasSize(3);

        // three copies on the wire, one taken into effect
        List<PartnerTestServer.Call> calls = partner.callsOf(id);
        assertThat(calls).hasSize(3).extracting(PartnerTestServer.Call::digest).containsOnly(digest);
        assertThat(partner.wireCopies(id)).isEqualTo(3);
        assertThat(partner.effects(id)).isEqualTo(1);
        assertThat(partner.conflicts).doesNotContain(id);
        // the agreement's backoff between them: 1 s after the first failure, then 2 s (lower bounds only)
        assertThat(calls.get(1).since(calls.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(calls.get(2).since(calls.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aPartnerThatAlwaysFailsLeavesItFailedAfterTheAgreementsMaximum() throws Exception {
        pointAgreementAtPartner();
        partner.failFirst = Integer.MAX_VALUE;
        try {
            String id = postOutbound(DEU, "BusinessNotice");
            await().atMost(Duration.ofSeconds(30)).until(() -> state(id).equals("FAILED"));
            assertThat(states(id)).containsExactly("QUEUED", "SENT", "RETRYING", "SENT", "RETRYING", "SENT", "FAILED");
            JsonNode history = message(id).get("history");
            assertThat(history.get(history.size() - 1).get("note").asText())
                    .startsWith("attempt 3 of 3 failed: ").contains("SOAP fault");
            assertThat(partner.wireCopies(id)).isEqualTo(3);
            assertThat(partner.effects(id)).isZero();
        } finally {
            partner.failFirst = 0;
        }
    }

    /** Once for the class: version 2 of the agreement, at the partner's address, with short waits. */
    private synchronized void pointAgreementAtPartner() throws Exception {
        if (pointed) {
            return;
        }
        pointPushAgreementAt(partner.endpoint(), "soap-push-DEU-BMAS.xml", AGREEMENT, 3, "PT2S");
        pointed = true;
    }

    private static boolean pointed;
}
