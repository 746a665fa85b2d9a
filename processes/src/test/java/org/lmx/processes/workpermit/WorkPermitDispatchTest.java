package org.lmx.processes.workpermit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.exchange.DispatchOutcome.Kind;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.processes.testing.Applications;
import org.lmx.processes.testing.Envelopes;
import org.lmx.processes.testing.Replies;
import org.lmx.xsd.exchange.v1.IdentityCheckOutcome;
import org.lmx.xsd.exchange.v1.Ping;

/**
 * The dispatcher's promise (ARCHITECTURE.md "Reliability contract"): at-least-once delivery of the same document
 * takes effect once. A redelivered application starts no second case; a redelivered reply completes no step
 * twice; a reply nothing waits for is a note, never an exception.
 */
class WorkPermitDispatchTest extends WorkPermitCaseTest {

    @BeforeEach
    void quota() {
        WORLD.ledger.seed(2026, "F", "KZ-23", 10);
        WORLD.ledger.seed(2026, "F", "KZ-47", 10);
    }

    @Test
    void theSameApplicationTwiceStartsOneCase() {
        ReceivedDocument application = Applications.from(KOREA, Applications.standardWelder());

        DispatchOutcome first = WORLD.dispatcher.dispatch(application);
        DispatchOutcome again = WORLD.dispatcher.dispatch(application);

        assertThat(first.kind()).isEqualTo(Kind.STARTED);
        assertThat(first.note()).isEqualTo("started process work-permit " + first.processInstanceId());
        assertThat(again.kind()).isEqualTo(Kind.ALREADY_DISPATCHED);
        assertThat(again.processInstanceId()).isEqualTo(first.processInstanceId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("work-permit")
                .processInstanceBusinessKey(application.messageId()).count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(1);
    }

    @Test
    void theSameReplyTwiceCompletesTheCheckOnce() {
        String pid = apply(KOREA, Applications.standardWelder());
        ReceivedDocument result = Envelopes.received("KAZ:MIA", conversation(pid),
                sent(pid, "IdentityCheckRequest").messageId(),
                Replies.identity(caseReference(pid), IdentityCheckOutcome.CLEAR));

        DispatchOutcome first = WORLD.dispatcher.dispatch(result);
        runJobs(pid);
        DispatchOutcome again = WORLD.dispatcher.dispatch(result);
        runJobs(pid);

        assertThat(first.kind()).isEqualTo(Kind.CORRELATED);
        assertThat(first.processInstanceId()).isEqualTo(pid);
        assertThat(again.kind()).isEqualTo(Kind.ALREADY_DISPATCHED);
        assertThat(again.note()).contains("CORRELATED");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid)
                .activityId("awaitIdentityCheck").finished().count()).isEqualTo(1);
        assertThat(instance(pid)).isWaitingAt("awaitTaxStatus", "awaitQualification");
    }

    @Test
    void aReplyThatNamesNoRequestOfACaseIsUnmatched() {
        String pid = apply(KOREA, Applications.standardWelder());
        ReceivedDocument stray = Envelopes.received("KAZ:MIA", conversation(pid), UUID.randomUUID().toString(),
                Replies.identity(caseReference(pid), IdentityCheckOutcome.CLEAR));

        DispatchOutcome outcome = WORLD.dispatcher.dispatch(stray);

        assertThat(outcome.kind()).isEqualTo(Kind.UNMATCHED);
        assertThat(outcome.processInstanceId()).isNull();
        assertThat(outcome.note()).startsWith("unmatched: no open case of conversation " + conversation(pid));
        assertThat(WORLD.dispatcher.dispatch(stray).kind()).as("a redelivered stray").isEqualTo(Kind.ALREADY_DISPATCHED);
        assertThat(instance(pid)).isWaitingAt("awaitIdentityCheck");
    }

    @Test
    void aReplyWithoutInReplyToIsUnmatched() {
        String pid = apply(KOREA, Applications.standardWelder());

        DispatchOutcome outcome = WORLD.dispatcher.dispatch(Envelopes.received("KAZ:MIA", conversation(pid), null,
                Replies.identity(caseReference(pid), IdentityCheckOutcome.CLEAR)));

        assertThat(outcome.kind()).isEqualTo(Kind.UNMATCHED);
        assertThat(outcome.note()).contains("without InReplyTo");
    }

    @Test
    void aReplyInAnotherConversationIsUnmatchedEvenWithTheRightRequestId() {
        String pid = apply(KOREA, Applications.standardWelder());

        DispatchOutcome outcome = WORLD.dispatcher.dispatch(Envelopes.received("KAZ:MIA",
                UUID.randomUUID().toString(), sent(pid, "IdentityCheckRequest").messageId(),
                Replies.identity(caseReference(pid), IdentityCheckOutcome.CLEAR)));

        assertThat(outcome.kind()).isEqualTo(Kind.UNMATCHED);
        assertThat(instance(pid)).isWaitingAt("awaitIdentityCheck");
    }

    @Test
    void aDocumentNoProcessTakesIsLeftToTheExchange() {
        Ping ping = new Ping();
        DispatchOutcome outcome = WORLD.dispatcher.dispatch(Envelopes.received(KOREA, UUID.randomUUID().toString(),
                null, ping));

        assertThat(outcome.kind()).isEqualTo(Kind.NOT_FOR_PROCESSES);
        assertThat(WORLD.database.jdbc().queryForObject("SELECT COUNT(*) FROM process_dispatch", Integer.class))
                .isZero();
    }

    @Test
    void theDispatchIsRecordedInItsTable() {
        ReceivedDocument application = Applications.from(KOREA, Applications.standardWelder());

        DispatchOutcome started = WORLD.dispatcher.dispatch(application);

        assertThat(WORLD.database.jdbc().queryForMap(
                "SELECT outcome, process_instance_id FROM process_dispatch WHERE message_id = ?",
                application.messageId()))
                .containsEntry("OUTCOME", "STARTED").containsEntry("PROCESS_INSTANCE_ID", started.processInstanceId());
    }
}
