package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lmx.hub.it.TasklistBrowser.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lmx.hub.broker.EmbeddedBroker;
import org.lmx.hub.camunda.DevelopmentCaseworkers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A permit officer in a real browser (Debian's chromium, driven through chromedriver by Selenium): a welding
 * engineer's case brought to its review as in {@link WorkPermitIT} ({@link WorkPermitCases}), then the demo
 * {@code permit-officer} logs in to Tasklist, opens the review, reads the applicant's name and travel document in
 * the Camunda Form, claims the task, approves with reasons and completes it; the case moves on and the signed
 * PermitDecision reaches the ministry and the agencies.
 * <p>
 * Skipped where /usr/bin/chromium or /usr/bin/chromedriver is missing, unless {@code LMX_REQUIRE_BROWSER} is set
 * (.ci/run sets it and installs both). On failure the page's screenshot and HTML are saved under target/.
 */
class TasklistBrowserIT extends HubIT {

    private static final Duration PATIENCE = TasklistBrowser.PATIENCE;

    @RegisterExtension
    final TasklistBrowser tasklist = new TasklistBrowser("Field_");

    @Autowired
    EmbeddedBroker broker;

    @Test
    void aPermitOfficerApprovesAWeldingEngineerInTasklistAfterReadingHimInTheForm() throws Exception {
        try (WorkPermitCases cases = new WorkPermitCases(this);
             AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA");
             AgencyClient revenue = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "SRC");
             AgencyClient border = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "BORDER")) {
            WorkPermitCases.Application application = cases.apply();
            cases.answerChecks(application, police, revenue);
            String taskId = await().atMost(PATIENCE).until(() -> cases.reviewTasks("permit-officer",
                    application.applicationId()), tasks -> tasks.size() == 1).get(0).get("id").asText();

            // the permit officer logs in to Tasklist and opens the review
            tasklist.logIn(url("/camunda/app/tasklist/default/"), "permit-officer", DevelopmentCaseworkers.password(
                    DATA_DIR.resolve(DevelopmentCaseworkers.FILE), "permit-officer"));
            tasklist.openAndClaim(url("/camunda/app/tasklist/default/#/?task=" + taskId));

            // the form shows the applicant as the application names him
            assertThat(await().atMost(PATIENCE).until(() -> value(tasklist.field("applicantName")), v -> !v.isEmpty()))
                    .isEqualTo("PARK JIHOON");
            assertThat(value(tasklist.field("travelDocument")))
                    .isEqualTo("PASSPORT " + application.passport() + " (KOR), issued 2022-03-15, expires 2032-03-15");
            assertThat(value(tasklist.field("employerBin"))).isEqualTo("120540017383");
            assertThat(value(tasklist.field("documents"))).contains("passport: ", "diploma: ");
            assertThat(tasklist.field("applicantName").isEnabled()).as("a fact, not an input").isFalse();

            // the questions for the ministry are asked for only when the officer requests information
            assertThat(tasklist.shown("questions")).isFalse();
            tasklist.choose("decision", "Request information from the applicant partner");
            await().atMost(PATIENCE).until(() -> tasklist.shown("questions"));
            // a second pick in the same form-js select did not open its list here (chromedriver): the form afresh
            tasklist.driver().navigate().refresh();
            tasklist.field("applicantName");
            assertThat(tasklist.shown("questions")).isFalse();

            // decides: Approve, with reasons, and completes
            tasklist.choose("decision", "Approve");
            tasklist.type("reasons", "Checks clear; seconded by the parent company since 2014");
            tasklist.complete();

            // the case moves on: the review is done, by the officer, with the reasons typed in the form
            await().atMost(PATIENCE).until(() -> cases.reviewTasks("permit-officer", application.applicationId())
                    .isEmpty());
            JsonNode review = JSON.readTree(asCaseworker("permit-officer").getForObject(url(
                    "/engine-rest/history/task?taskDefinitionKey=review&processInstanceId=" + application.instance()),
                    String.class)).get(0);
            assertThat(review.get("assignee").asText()).isEqualTo("permit-officer");
            assertThat(review.get("deleteReason").asText()).isEqualTo("completed");
            JsonNode reviewReasons = JSON.readTree(asCaseworker("permit-officer").getForObject(url(
                    "/engine-rest/history/variable-instance?variableName=reviewReasons&processInstanceId="
                            + application.instance()), String.class));
            assertThat(reviewReasons.get(0).get("value").asText())
                    .isEqualTo("Checks clear; seconded by the parent company since 2014");

            // ... and the signed PermitDecision (GRANTED, decided by the officer) reaches the ministry and the agencies
            WorkPermitCases.Received decision = await().atMost(PATIENCE)
                    .until(() -> cases.pushed("PermitDecision", application.conversation()), Optional::isPresent).get();
            assertThat(decision.body("Decision")).isEqualTo("GRANTED");
            assertThat(WorkPermitCases.text(WorkPermitCases.first(decision.root(), "DecidedBy"), "Name"))
                    .isEqualTo("permit-officer");
            for (Object[] agency : new Object[][] {{police, "KAZ:MIA", "AGR-KAZ-MIA"},
                    {revenue, "KAZ:SRC", "AGR-KAZ-SRC"}, {border, "KAZ:BORDER", "AGR-KAZ-BORDER"}}) {
                WorkPermitCases.Received copy = cases.take((AgencyClient) agency[0], "PermitDecision",
                        application.conversation());
                assertThat(copy.body("PermitNumber")).isEqualTo(decision.body("PermitNumber"));
                WorkPermitCases.acknowledge((AgencyClient) agency[0], copy, (String) agency[1], (String) agency[2]);
            }
        }
    }
}
