package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lmx.hub.it.TasklistBrowser.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lmx.hub.camunda.DevelopmentCaseworkers;
import org.springframework.http.HttpStatus;

/**
 * The README's walkthrough in a real browser (in {@link TasklistBrowser}, as {@link TasklistBrowserIT}): Korea's ministry
 * registers the committed passport-retention sample, and the demo {@code consular-officer} sees it flagged in
 * Tasklist with the reason and the host country's information pack, rejects it with reasons, and the register has
 * the verdict. Skipped without chromium and chromedriver unless {@code LMX_REQUIRE_BROWSER} is set.
 */
class ContractVettingTasklistIT extends HubIT {

    private static final Duration PATIENCE = TasklistBrowser.PATIENCE;

    @RegisterExtension
    final TasklistBrowser tasklist = new TasklistBrowser("f_");

    @Test
    void aConsularOfficerSeesThePassportClauseFlaggedInTasklistAndRejectsTheContract() throws Exception {
        // the committed sample as lmx send would submit it, with a passport of this run (the register is by citizen)
        String passport = "N" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
        Parties.Attachment contract = Parties.Attachment.pdf("contract",
                "%PDF-1.4 signed employment contract".getBytes(StandardCharsets.UTF_8));
        Parties.Message registration = Parties.message("EmploymentContractRegistration-passport-retention")
                .attachments(contract).edit(dom -> ((org.w3c.dom.Element) dom.getElementsByTagNameNS(Parties.LMX,
                        "TravelDocument").item(0)).getElementsByTagNameNS(Parties.LMX, "Number").item(0)
                        .setTextContent(passport));
        assertThat(new PartnerClient(url(""), DATA_DIR).submit("1.2",
                registration.signedBy(Parties.credential(DATA_DIR, "KOR:MOEL")), PartnerClient.Part.of(contract))
                .receipt().status()).isEqualTo("ACCEPTED");
        String tasks = "/engine-rest/task?taskDefinitionKey=vetContract&processInstanceBusinessKey="
                + registration.messageId();
        String taskId = await().atMost(PATIENCE).until(() -> JSON.readTree(asCaseworker("consular-officer")
                .getForObject(url(tasks), String.class)), t -> t.size() == 1).get(0).get("id").asText();
        String pack = JSON.readTree(rest.getForObject(url("/api/country-packs/KOR"), String.class)).get("id").asText();

        tasklist.logIn(url("/camunda/app/tasklist/default/"), "consular-officer", DevelopmentCaseworkers.password(
                DATA_DIR.resolve(DevelopmentCaseworkers.FILE), "consular-officer"));
        tasklist.openAndClaim(url("/camunda/app/tasklist/default/#/?task=" + taskId));

        // the form shows who, where, and why the rules flagged it
        assertThat(await().atMost(PATIENCE).until(() -> value(tasklist.field("workerName")), v -> !v.isEmpty()))
                .isEqualTo("SERIKBAYEV DAUREN");
        assertThat(value(tasklist.field("travelDocument"))).contains(passport);
        assertThat(value(tasklist.field("hostCountry"))).isEqualTo("KOR");
        assertThat(value(tasklist.field("flagReasons"))).isEqualTo("PASSPORT_RETENTION: The contract lets the employer or the"
                + " recruiter keep the worker's passport (ILO forced-labour indicator).");
        assertThat(value(tasklist.field("countryPack"))).isEqualTo(pack);
        assertThat(tasklist.field("flagReasons").isEnabled()).as("a fact, not an input").isFalse();

        tasklist.choose("decision", "Reject");
        tasklist.type("reasons", "Clause 9 leaves the passport with the employer");
        tasklist.complete();

        // rejected by the officer, with the reasons typed in the form, and in the register
        await().atMost(PATIENCE).until(() -> JSON.readTree(asCaseworker("consular-officer")
                .getForObject(url(tasks), String.class)).isEmpty());
        JsonNode contracts = await().atMost(PATIENCE).until(() -> JSON.readTree(asCaseworker("consular-officer")
                .getForObject(url("/api/contracts?citizen=" + passport), String.class)), c -> c.size() == 1);
        assertThat(contracts.get(0).get("verdict").asText()).isEqualTo("REJECTED");
        assertThat(contracts.get(0).get("decidedBy").asText()).isEqualTo("consular-officer");
        assertThat(asCaseworker("consular-officer").getForEntity(url("/api/contracts/"
                + contracts.get(0).get("caseReference").asText()), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
