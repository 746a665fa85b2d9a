package org.lmx.processes.workpermit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.testing.Applications;
import org.lmx.processes.testing.RecordingSender.Issued;
import org.lmx.processes.testing.Replies;

/** The permit officer's review: reject, ask the applicant partner for information and decide on the answer. */
class WorkPermitReviewTest extends WorkPermitCaseTest {

    @BeforeEach
    void quota() {
        WORLD.ledger.seed(2026, "F", "KZ-23", 10);
        WORLD.ledger.seed(2026, "F", "KZ-47", 10);
    }

    String atReview() {
        String pid = apply(KOREA, Applications.standardWelder());
        cleanChecks(pid, KOREA);
        assertThat(instance(pid)).isWaitingAt("review");
        return pid;
    }

    @Test
    void anOfficersRejectionIsSentToAllFourWithItsGroundAndTakesNoQuota() {
        String pid = atReview();

        review(pid, Map.of("decision", "REJECT", "reasons", "Suitable local welders are registered in Atyrau",
                "refusalCode", "LOCAL_CANDIDATES_AVAILABLE"));

        assertThat(instance(pid)).isEnded().hasPassed("refuseApplication", "sendDecision")
                .hasNotPassed("reserveQuota", "grantPermit");
        assertThat(decisions(pid)).extracting(d -> d.document().to())
                .containsExactly(KOREA, "KAZ:MIA", "KAZ:SRC", "KAZ:BORDER");
        String decision = new String(decisions(pid).get(0).document().document(), StandardCharsets.UTF_8);
        assertThat(decision).contains("<Decision>REFUSED</Decision>", "<Code>LOCAL_CANDIDATES_AVAILABLE</Code>",
                "<Text>Suitable local welders are registered in Atyrau</Text>", "<Name>officer.aigerim</Name>")
                .doesNotContain("<Permit>");
        assertThat(WORLD.register.forCase(caseReference(pid))).isEmpty();
        assertThat(WORLD.ledger.remaining(2026, "F", "KZ-23")).isEqualTo(10);
    }

    @Test
    void aRejectionWithAnUnknownCodeIsRefusedAsOther() {
        String pid = atReview();

        review(pid, Map.of("decision", "REJECT", "reasons", "Employer under investigation", "refusalCode", "BAD"));

        assertThat(new String(decisions(pid).get(0).document().document(), StandardCharsets.UTF_8))
                .contains("<Code>OTHER</Code>");
    }

    @Test
    void theOfficerAsksForInformationAndDecidesOnTheAnswer() {
        String pid = atReview();

        review(pid, Map.of("decision", "REQUEST_INFORMATION",
                "questions", "Where will the applicant live in Atyrau?\n\nSend the welding certificate's renewal."));

        assertThat(instance(pid)).isWaitingAt("awaitInformation");
        Issued request = sent(pid, "InformationRequest");
        assertThat(request.document().to()).isEqualTo(KOREA);
        assertThat(request.document().inReplyTo()).isEqualTo(variable(pid, "applicationId"));
        assertThat(new String(request.document().document(), StandardCharsets.UTF_8))
                .contains("<CaseKind>WORK_PERMIT</CaseKind>",
                        "<Question id=\"q1\">Where will the applicant live in Atyrau?</Question>",
                        "<Question id=\"q2\">Send the welding certificate's renewal.</Question>",
                        "<RespondBy>2026-02-16T09:00:00+05:00</RespondBy>");

        DispatchOutcome answered = reply(pid, KOREA, request.messageId(),
                Replies.information(caseReference(pid), "Company housing, Azattyk Avenue 50", "Attached"));

        assertThat(answered.kind()).isEqualTo(DispatchOutcome.Kind.CORRELATED);
        assertThat(instance(pid)).isWaitingAt("review");
        assertThat(engine.getRuntimeService().getVariable(pid, "decision")).as("asked afresh").isNull();
        assertThat((String) variable(pid, "informationAnswers"))
                .isEqualTo("q1: Company housing, Azattyk Avenue 50\nq2: Attached");
        review(pid, Map.of("decision", "APPROVE", "reasons", "Housing confirmed"));
        assertThat(instance(pid)).isEnded().hasPassed("grantPermit");
    }

    @Test
    void aSecondRoundIsANewRequestAndOnlyItsAnswerCounts() {
        String pid = atReview();
        review(pid, Map.of("decision", "REQUEST_INFORMATION", "questions", "Where will the applicant live?"));
        Issued first = sent(pid, "InformationRequest");
        reply(pid, KOREA, first.messageId(), Replies.information(caseReference(pid), "Not yet known"));

        review(pid, Map.of("decision", "REQUEST_INFORMATION", "questions", "Please give the address when known."));

        assertThat(WORLD.sender.ofType("InformationRequest", conversation(pid))).hasSize(2);
        Issued second = WORLD.sender.ofType("InformationRequest", conversation(pid)).get(1);
        assertThat(second.messageId()).isNotEqualTo(first.messageId());
        // an answer to the first round again: nothing waits for it now
        DispatchOutcome stale = reply(pid, KOREA, first.messageId(),
                Replies.information(caseReference(pid), "Not yet known, still"));
        assertThat(stale.kind()).isEqualTo(DispatchOutcome.Kind.UNMATCHED);
        assertThat(instance(pid)).isWaitingAt("awaitInformation");
        reply(pid, KOREA, second.messageId(), Replies.information(caseReference(pid), "Azattyk Avenue 50"));
        assertThat(instance(pid)).isWaitingAt("review");
    }

    @Test
    void noAnswerToTheInformationRequestInTimeReturnsTheCaseToTheOfficer() {
        String pid = atReview();
        review(pid, Map.of("decision", "REQUEST_INFORMATION", "questions", "Where will the applicant live?"));
        Issued request = sent(pid, "InformationRequest");

        WORLD.clock.advance(Duration.ofDays(14).plusMinutes(1));
        runJobs(pid);

        assertThat(instance(pid)).isWaitingAt("review").hasPassed("informationOverdue");
        assertThat((String) variable(pid, "informationAnswers")).startsWith("no answer from KOR:MOEL");
        DispatchOutcome late = reply(pid, KOREA, request.messageId(),
                Replies.information(caseReference(pid), "Sorry for the delay"));
        assertThat(late.kind()).isEqualTo(DispatchOutcome.Kind.UNMATCHED);
        assertThat(late.note()).contains("no longer waits");

        review(pid, Map.of("decision", "REJECT", "reasons", "The information asked for was not supplied",
                "refusalCode", "INCOMPLETE_APPLICATION"));
        assertThat(new String(decisions(pid).get(0).document().document(), StandardCharsets.UTF_8))
                .contains("<Code>INCOMPLETE_APPLICATION</Code>");
    }

    @Test
    void aReviewWithoutAValidDecisionIsRefusedAndTheTaskStays() {
        String pid = atReview();

        assertThatThrownBy(() -> review(pid, Map.of("decision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("decision must be one of");
        assertThatThrownBy(() -> review(pid, Map.of("decision", "REJECT")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("REJECT needs reasons");
        assertThatThrownBy(() -> review(pid, Map.of("decision", "REQUEST_INFORMATION", "questions", " \n ")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("needs questions");

        assertThat(instance(pid)).isWaitingAt("review");
        assertThat(decisions(pid)).isEmpty();
    }
}
