package org.lmx.processes.workpermit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmx.processes.testing.Applications;
import org.lmx.processes.testing.RecordingSender.Issued;

/**
 * A send step that fails part-way runs again as a job and asks the outbound entry for the same documents under the
 * same request keys: the ones issued the first time come back, nothing is issued twice, and no request key is
 * reused for other content (the recording sender refuses that as the hub does, LMX-OUT-KEY-CONFLICT).
 */
class WorkPermitRetryTest extends WorkPermitCaseTest {

    @BeforeEach
    void quota() {
        WORLD.ledger.seed(2026, "F", "KZ-23", 10);
        WORLD.ledger.seed(2026, "F", "KZ-47", 10);
    }

    @Test
    void aDecisionRefusedForOneAgencyIsSentAgainWithoutDuplicatesForTheOthers() {
        String pid = apply(KOREA, Applications.standardWelder());
        cleanChecks(pid, KOREA);
        WORLD.sender.refuseOnce("KAZ:SRC");
        engine.getTaskService().complete(task(pid, "review").getId(), Map.of("decision", "APPROVE", "reasons", "ok"));
        Job send = engine.getManagementService().createJobQuery().processInstanceId(pid).activityId("sendDecision")
                .singleResult();

        assertThatThrownBy(() -> engine.getManagementService().executeJob(send.getId()))
                .hasMessageContaining("LMX-OUT-AGREEMENT-NOT-ACTIVE");
        assertThat(engine.getManagementService().createJobQuery().jobId(send.getId()).singleResult().getRetries())
                .isEqualTo(2);
        assertThat(decisions(pid)).extracting(d -> d.document().to()).containsExactly(KOREA, "KAZ:MIA");

        WORLD.clock.advance(Duration.ofMinutes(10));
        runJobs(pid);

        assertThat(instance(pid)).isEnded();
        assertThat(decisions(pid)).extracting(d -> d.document().to())
                .containsExactly(KOREA, "KAZ:MIA", "KAZ:SRC", "KAZ:BORDER");
        assertThat(WORLD.sender.repeats()).extracting(r -> r.document().to()).containsExactly(KOREA, "KAZ:MIA");
        assertThat(decisions(pid)).extracting(d -> d.document().requestKey())
                .containsExactly(pid + ":sendDecision:" + KOREA, pid + ":sendDecision:KAZ:MIA",
                        pid + ":sendDecision:KAZ:SRC", pid + ":sendDecision:KAZ:BORDER");
        assertThat(WORLD.register.forCase(caseReference(pid))).isPresent();
    }

    @Test
    void aCheckRequestWhoseAnswerWasLostIsAskedForAgainAnHourLaterAsTheSameDocument() {
        WORLD.sender.loseAnswerOnce("KAZ:SRC");
        String pid = WORLD.dispatcher.dispatch(Applications.from(KOREA, Applications.standardWelder()))
                .processInstanceId();
        engine.getManagementService().executeJob(
                engine.getManagementService().createJobQuery().processInstanceId(pid).singleResult().getId());
        Job taxRequest = engine.getManagementService().createJobQuery().processInstanceId(pid)
                .activityId("sendTaxStatusRequest").singleResult();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(taxRequest.getId()))
                .hasMessageContaining("was lost");
        Issued first = sent(pid, "TaxStatusRequest");

        WORLD.clock.advance(Duration.ofHours(1));
        runJobs(pid);

        // asked again with the same key and the same bytes (RespondBy fixed on registration, not at sending)
        assertThat(WORLD.sender.repeats()).containsExactly(first);
        assertThat(sent(pid, "TaxStatusRequest")).isEqualTo(first);
        assertThat(new String(first.document().document(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<RespondBy>2026-02-07T09:00:00+05:00</RespondBy>");
        assertThat(variable(pid, "taxStatusRequestId")).isEqualTo(first.messageId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).singleResult())
                .isWaitingAt("awaitIdentityCheck", "awaitTaxStatus", "awaitQualification");
    }
}
