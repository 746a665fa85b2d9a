package org.lmx.processes.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.processes.testing.RecordingSender.Issued;

/**
 * What every citizens-abroad process test does: the shared {@link AbroadEngine} (camunda-bpm-junit5 with an engine
 * built in code; each test class deploys what it needs with {@code @Deployment}), the world reset, and the moves of
 * a case: a document handed over by the dispatcher, the jobs run as the job executor would, tasks completed.
 */
public abstract class AbroadCaseTest {

    protected static final AbroadEngine WORLD = AbroadEngine.get();

    /** Per test instance: a static one would be shared by the subclasses and emptied by the first one's afterAll. */
    @RegisterExtension
    ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(WORLD.engine).build();

    protected ProcessEngine engine;
    private final Map<String, ProcessInstance> started = new HashMap<>();

    @BeforeEach
    void resetTheWorld() {
        engine = WORLD.engine;
        WORLD.reset();
        BpmnAwareTests.init(engine);
    }

    /** Hands a starting document over as the exchange's dispatcher does and runs the case up to its first wait. */
    protected String start(ReceivedDocument document) {
        DispatchOutcome outcome = WORLD.dispatcher.dispatch(document);
        assertThat(outcome.kind()).isEqualTo(DispatchOutcome.Kind.STARTED);
        started.put(outcome.processInstanceId(), engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(outcome.processInstanceId()).singleResult());
        runJobs(outcome.processInstanceId());
        return outcome.processInstanceId();
    }

    protected ProcessInstance instance(String processInstanceId) {
        return started.get(processInstanceId);
    }

    /** Runs every job of the case that is due, as the job executor would, until none is left. */
    protected void runJobs(String processInstanceId) {
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

    protected Object variable(String processInstanceId, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).singleResult().getValue();
    }

    protected String conversation(String processInstanceId) {
        return (String) variable(processInstanceId, "conversationId");
    }

    protected Task task(String processInstanceId, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).singleResult();
    }

    /** Completes the case's task as its assignee (the user the case records) and runs what follows. */
    protected void complete(String processInstanceId, String taskKey, String user, Map<String, Object> variables) {
        Task task = task(processInstanceId, taskKey);
        assertThat(task).as(taskKey + " of " + processInstanceId).isNotNull();
        engine.getTaskService().claim(task.getId(), user);
        engine.getTaskService().complete(task.getId(), variables);
        runJobs(processInstanceId);
    }

    /** The documents of this type the case issued, in order. */
    protected List<Issued> sent(String processInstanceId, String documentType) {
        return WORLD.sender.ofType(documentType, conversation(processInstanceId));
    }

    protected static String xml(Issued issued) {
        return new String(issued.document().document(), StandardCharsets.UTF_8);
    }
}
