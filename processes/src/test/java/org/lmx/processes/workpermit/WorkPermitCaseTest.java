package org.lmx.processes.workpermit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.processes.testing.Applications;
import org.lmx.processes.testing.Envelopes;
import org.lmx.processes.testing.RecordingSender.Issued;
import org.lmx.processes.testing.Replies;
import org.lmx.processes.testing.WorkPermitEngine;
import org.lmx.xsd.exchange.v1.DocumentContent;
import org.lmx.xsd.exchange.v1.IdentityCheckOutcome;
import org.lmx.xsd.exchange.v1.QualificationVerificationOutcome;
import org.lmx.xsd.exchange.v1.TaxStanding;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/**
 * What every work-permit process test does: the shared engine (camunda-bpm-junit5 with an engine built in code),
 * the process, its decision table, its forms and the permit's tracking deployed for each test and removed after it (with its instances), the
 * ledger, register and clock reset; and the moves of a case: an application handed over by the dispatcher, the
 * agencies' and the partner's answers, the jobs run as the job executor would.
 */
@Deployment(resources = {WorkPermitEngine.BPMN, WorkPermitEngine.DMN, WorkPermitEngine.TRACKING_BPMN,
        WorkPermitEngine.REVIEW_FORM, WorkPermitEngine.SUPERVISOR_FORM})
abstract class WorkPermitCaseTest {

    static final String KOREA = "KOR:MOEL";
    static final String UZBEKISTAN = "UZB:MEHNAT";

    static final WorkPermitEngine WORLD = WorkPermitEngine.get();

    /** Per test instance: a static one would be shared by the subclasses and emptied by the first one's afterAll. */
    @RegisterExtension
    ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(WORLD.engine).build();

    ProcessEngine engine;
    /** Each case as it was when it started: assertions on it still work once it has ended. */
    private final Map<String, ProcessInstance> started = new HashMap<>();

    @BeforeEach
    void resetTheWorld() {
        engine = WORLD.engine;
        WORLD.reset();
        BpmnAwareTests.init(engine);
    }

    /** Hands the application over as the exchange's dispatcher does and runs the case up to its first wait. */
    String apply(String partner, WorkPermitApplication application) {
        return apply(Applications.from(partner, application));
    }

    /** The same for an application already in its envelope (e.g. one that declares attachments). */
    String apply(ReceivedDocument document) {
        DispatchOutcome outcome = WORLD.dispatcher.dispatch(document);
        assertThat(outcome.kind()).isEqualTo(DispatchOutcome.Kind.STARTED);
        started.put(outcome.processInstanceId(), engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(outcome.processInstanceId()).singleResult());
        runJobs(outcome.processInstanceId());
        return outcome.processInstanceId();
    }

    ProcessInstance instance(String processInstanceId) {
        return started.get(processInstanceId);
    }

    /** Runs every job of the case that is due, as the job executor would, until none is left. */
    void runJobs(String processInstanceId) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("the jobs of " + processInstanceId + " never settle");
    }

    Object variable(String processInstanceId, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).singleResult().getValue();
    }

    String conversation(String processInstanceId) {
        return (String) variable(processInstanceId, WorkPermitVariables.CONVERSATION_ID);
    }

    String caseReference(String processInstanceId) {
        return (String) variable(processInstanceId, WorkPermitVariables.CASE_REFERENCE);
    }

    /** The one document of this type the case issued. */
    Issued sent(String processInstanceId, String documentType) {
        List<Issued> issued = WORLD.sender.ofType(documentType, conversation(processInstanceId));
        assertThat(issued).as(documentType + " issued by " + processInstanceId).hasSize(1);
        return issued.get(0);
    }

    DispatchOutcome answer(String processInstanceId, String from, String requestType, DocumentContent answer) {
        Issued request = sent(processInstanceId, requestType);
        return reply(processInstanceId, from, request.messageId(), answer);
    }

    /** A document from a party in the case's conversation, answering whatever {@code inReplyTo} names. */
    DispatchOutcome reply(String processInstanceId, String from, String inReplyTo, DocumentContent answer) {
        ReceivedDocument document = Envelopes.received(from, conversation(processInstanceId), inReplyTo, answer);
        DispatchOutcome outcome = WORLD.dispatcher.dispatch(document);
        runJobs(processInstanceId);
        return outcome;
    }

    DispatchOutcome answerIdentity(String pid, IdentityCheckOutcome outcome) {
        return answer(pid, WorkPermitVariables.MIA, "IdentityCheckRequest", Replies.identity(caseReference(pid), outcome));
    }

    DispatchOutcome answerTax(String pid, TaxStanding standing) {
        return answer(pid, WorkPermitVariables.SRC, "TaxStatusRequest",
                Replies.tax(caseReference(pid), "120540017383", standing));
    }

    DispatchOutcome answerQualification(String pid, String partner, QualificationVerificationOutcome outcome) {
        return answer(pid, partner, "QualificationVerificationRequest",
                Replies.qualification(caseReference(pid), outcome));
    }

    /** All three checks answered with nothing to flag. */
    void cleanChecks(String pid, String partner) {
        assertThat(answerIdentity(pid, IdentityCheckOutcome.CLEAR).kind()).isEqualTo(DispatchOutcome.Kind.CORRELATED);
        assertThat(answerTax(pid, TaxStanding.GOOD_STANDING).kind()).isEqualTo(DispatchOutcome.Kind.CORRELATED);
        assertThat(answerQualification(pid, partner, QualificationVerificationOutcome.CONFIRMED).kind())
                .isEqualTo(DispatchOutcome.Kind.CORRELATED);
    }

    Task task(String processInstanceId, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).singleResult();
    }

    /** Completes the case's task (as its assignee: the user the decision records) and runs what follows. */
    void complete(String processInstanceId, String taskKey, String user, Map<String, Object> variables) {
        Task task = task(processInstanceId, taskKey);
        assertThat(task).as(taskKey + " of " + processInstanceId).isNotNull();
        engine.getTaskService().claim(task.getId(), user);
        engine.getTaskService().complete(task.getId(), variables);
        runJobs(processInstanceId);
    }

    void review(String pid, Map<String, Object> variables) {
        complete(pid, "review", "officer.aigerim", variables);
    }

    void supervise(String pid, Map<String, Object> variables) {
        complete(pid, "supervisorApproval", "supervisor.nurlan", variables);
    }

    List<Issued> decisions(String processInstanceId) {
        return WORLD.sender.ofType("PermitDecision", conversation(processInstanceId));
    }
}
