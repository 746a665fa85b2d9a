package org.lmx.processes.consular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.exchange.DispatchOutcome.Kind;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.processes.testing.CaseNotices;
import org.lmx.processes.testing.Envelopes;

/**
 * The dispatcher's promise for consular cases: a redelivered notice starts one case, a redelivered answer completes
 * the wait once, and an answer from another party than the ministry asked, or naming no request, is a note.
 */
class ConsularDispatchTest extends ConsularCaseTest {

    @Test
    void theSameNoticeDeliveredTwiceStartsOneCaseAndAlertsMiaOnce() {
        ReceivedDocument notice = CaseNotices.from(MFA, CaseNotices.housekeeperInTheEmiratesWhosePassportWasTaken());

        DispatchOutcome first = WORLD.dispatcher.dispatch(notice);
        runJobs(first.processInstanceId());
        DispatchOutcome again = WORLD.dispatcher.dispatch(notice);
        runJobs(first.processInstanceId());

        assertThat(first.kind()).isEqualTo(Kind.STARTED);
        assertThat(first.note()).isEqualTo("started process consular-protection " + first.processInstanceId());
        assertThat(again.kind()).isEqualTo(Kind.ALREADY_DISPATCHED);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("consular-protection")
                .processInstanceBusinessKey(notice.messageId()).count()).isEqualTo(1);
        assertThat(WORLD.sender.ofType("ComplianceAlert")).hasSize(1);
    }

    @Test
    void theSameAnswerDeliveredTwiceCompletesTheWaitOnce() {
        String pid = report(KOREA, CaseNotices.welderInKoreaWorkingExcessiveHours());
        triage(pid, ask("Was the employer fined?"));
        ReceivedDocument answer = Envelopes.received(KOREA, conversation(pid),
                onlySent(pid, "InformationRequest").messageId(), CaseNotices.answer(caseReference(pid), "Yes"));

        DispatchOutcome first = WORLD.dispatcher.dispatch(answer);
        runJobs(pid);
        DispatchOutcome again = WORLD.dispatcher.dispatch(answer);
        runJobs(pid);

        assertThat(first.kind()).isEqualTo(Kind.CORRELATED);
        assertThat(again.kind()).isEqualTo(Kind.ALREADY_DISPATCHED);
        assertThat(again.note()).contains("CORRELATED");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid)
                .activityId("answerReceived").finished().count()).isEqualTo(1);
        assertThat(instance(pid)).isWaitingAt("actionPlan");
    }

    @Test
    void anAnswerFromAnotherPartyThanTheMinistryAskedIsUnmatched() {
        String pid = report(KOREA, CaseNotices.welderInKoreaWorkingExcessiveHours());
        triage(pid, ask("Was the employer fined?"));
        String request = onlySent(pid, "InformationRequest").messageId();

        DispatchOutcome outcome = reply(pid, "UZB:MEHNAT", request, CaseNotices.answer(caseReference(pid), "Yes"));

        assertThat(outcome.kind()).isEqualTo(Kind.UNMATCHED);
        assertThat(outcome.note()).isEqualTo("unmatched: process " + pid + " sent request " + request + " to "
                + KOREA + ", not to UZB:MEHNAT");
        assertThat(instance(pid)).isWaitingAt("awaitAnswer");
    }

    @Test
    void anAnswerNamingNoRequestOfACaseIsUnmatched() {
        String pid = report(KOREA, CaseNotices.welderInKoreaWorkingExcessiveHours());
        triage(pid, ask("Was the employer fined?"));
        String stray = UUID.randomUUID().toString();

        DispatchOutcome outcome = reply(pid, KOREA, stray, CaseNotices.answer(caseReference(pid), "Yes"));

        assertThat(outcome.kind()).isEqualTo(Kind.UNMATCHED);
        assertThat(outcome.note()).isEqualTo("unmatched: no open case of conversation " + conversation(pid)
                + " sent request " + stray);
        assertThat(instance(pid)).isWaitingAt("awaitAnswer");
    }
}
