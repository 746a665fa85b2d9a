package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Task listener (event complete) of the review and of the supervisor's approval: refuses a completion without a
 * valid decision (so the caseworker sees why in Tasklist or the REST answer instead of the case going astray),
 * records who decided (the authenticated user, else the task's assignee) and keeps the {@code reasons} given with
 * this completion under the decider's own name ({@code reviewReasons}, {@code supervisorReasons}).
 */
public class RecordDecider implements TaskListener {

    private final String decisionVariable;
    private final Set<String> allowed;
    private final String deciderVariable;
    private final String reasonsVariable;

    private RecordDecider(String decisionVariable, Set<String> allowed, String deciderVariable,
                          String reasonsVariable) {
        this.decisionVariable = decisionVariable;
        this.allowed = allowed;
        this.deciderVariable = deciderVariable;
        this.reasonsVariable = reasonsVariable;
    }

    static RecordDecider review() {
        return new RecordDecider(DECISION, Set.of(APPROVE, REJECT, REQUEST_INFORMATION), REVIEWED_BY,
                REVIEW_REASONS);
    }

    static RecordDecider supervisor() {
        return new RecordDecider(SUPERVISOR_DECISION, Set.of(APPROVE, REJECT), APPROVED_BY, SUPERVISOR_REASONS);
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(decisionVariable);
        if (!(decision instanceof String d) || !allowed.contains(d)) {
            throw new ProcessEngineException(decisionVariable + " must be one of " + allowed + ", not " + decision);
        }
        if (REQUEST_INFORMATION.equals(decision) && lines(CaseFile.string(task, QUESTIONS)) == 0) {
            throw new ProcessEngineException("REQUEST_INFORMATION needs questions, one per line");
        }
        String reasons = CaseFile.string(task, REASONS);
        if (REJECT.equals(decision) && (reasons == null || reasons.isBlank())) {
            throw new ProcessEngineException("REJECT needs reasons: they are the refusal's ground");
        }
        // each decider's reasons under its own name: a supervisor's refusal never quotes the approval it overrules
        task.setVariable(reasonsVariable, reasons);
        task.removeVariable(REASONS);
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = authentication != null ? authentication.getUserId() : task.getAssignee();
        task.setVariable(deciderVariable, user);
    }

    static int lines(String text) {
        return text == null ? 0 : (int) text.lines().filter(l -> !l.isBlank()).count();
    }
}
