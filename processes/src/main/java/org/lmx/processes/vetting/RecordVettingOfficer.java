package org.lmx.processes.vetting;

import static org.lmx.processes.vetting.ContractVettingVariables.*;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lmx.processes.cases.CaseValues;

/**
 * Task listener (event complete) of {@code vetContract}: refuses a completion without APPROVE, REQUIRE_AMENDMENT or REJECT, or without
 * reasons (approving a flagged contract overrides the rules, rejecting it is the worker's ground: both are
 * explained), and records who decided: the authenticated user, else the task's assignee.
 */
public class RecordVettingOfficer implements TaskListener {

    static final List<String> DECISIONS = List.of(APPROVE, REQUIRE_AMENDMENT, REJECT);

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(DECISION);
        if (!(decision instanceof String d) || !DECISIONS.contains(d)) {
            throw new ProcessEngineException(DECISION + " must be one of " + DECISIONS + ", not " + decision);
        }
        String reasons = CaseValues.string(task, REASONS);
        if (reasons == null || reasons.isBlank()) {
            throw new ProcessEngineException(decision + " needs reasons: the worker and the consulate read them");
        }
        task.setVariable(OFFICER_REASONS, reasons.strip());
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        task.setVariable(OFFICER, authentication != null ? authentication.getUserId() : task.getAssignee());
    }
}
