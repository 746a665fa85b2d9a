package org.lmx.processes.workpermit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.permit.PermitRegister;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.processes.quota.QuotaShares;
import org.lmx.processes.testing.WorkPermitEngine;

/**
 * The models against what the code and the hub rely on: every bean the BPMNs name is in WorkPermitBeans (the hub
 * registers exactly those), the messages are the reply document types the dispatcher correlates, the user tasks
 * are for the groups the hub authorises.
 */
class WorkPermitModelTest {

    private static final BpmnModelInstance MODEL = read(WorkPermitEngine.BPMN);
    private static final BpmnModelInstance TRACKING = read(WorkPermitEngine.TRACKING_BPMN);

    @Test
    void everyBeanTheModelNamesIsOneOfWorkPermitBeansAndEveryBeanIsUsed() {
        Set<String> named = new TreeSet<>();
        for (ModelElementInstance element : all(MODEL, TRACKING)) {
            String expression = element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
            if (expression != null) {
                named.add(expression.substring(2, expression.length() - 1));
            }
        }
        MODEL.getModelElementsByType(UserTask.class).forEach(task -> task.getExtensionElements()
                .getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class)
                .list().forEach(l -> named.add(l.getCamundaDelegateExpression()
                        .substring(2, l.getCamundaDelegateExpression().length() - 1))));

        Set<String> beans = WorkPermitBeans.of((DocumentSender) d -> null,
                new QuotaLedger(null, new org.springframework.jdbc.datasource.DataSourceTransactionManager()),
                new PermitRegister(null), QuotaShares.NONE, WorkPermitSettings.defaults(), Clock.systemUTC())
                .keySet();
        assertThat(named).isEqualTo(new TreeSet<>(beans));
    }

    @Test
    void theModelWaitsForTheRepliesTheDispatcherCorrelates() {
        assertThat(MODEL.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactlyInAnyOrder("IdentityCheckResult", "TaxStatusResult", "QualificationVerificationResult",
                        "InformationResponse");
    }

    @Test
    void thePermitTrackingWaitsForTheDocumentsTheDispatcherCorrelatesAndHasNoUserTask() {
        assertThat(TRACKING.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactlyInAnyOrder("BorderCrossingEvent", "WorkplaceReport");
        assertThat(TRACKING.getModelElementsByType(UserTask.class)).isEmpty();
    }

    @Test
    void theUserTasksAreForPermitOfficersAndSupervisors() {
        assertThat(MODEL.getModelElementsByType(UserTask.class))
                .extracting(UserTask::getId, UserTask::getCamundaCandidateGroups)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("review", "permit-officers"),
                        org.assertj.core.groups.Tuple.tuple("supervisorApproval", "supervisors"));
    }

    private static Collection<ModelElementInstance> all(BpmnModelInstance... models) {
        return java.util.Arrays.stream(models).flatMap(model -> model.getModelElementsByType(model.getModel().getType(
                org.camunda.bpm.model.bpmn.instance.FlowNode.class)).stream()).map(e -> (ModelElementInstance) e).toList();
    }

    private static BpmnModelInstance read(String resource) {
        try (InputStream in = WorkPermitModelTest.class.getClassLoader().getResourceAsStream(resource)) {
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            Bpmn.validateModel(model);
            return model;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
