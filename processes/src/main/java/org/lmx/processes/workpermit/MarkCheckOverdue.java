package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A check's deadline passed without an answer: the escalation. The check is marked MISSED (which flags the case:
 * an approval then needs a supervisor, see {@link AssessChecks}) and the case goes on to the review; an answer
 * that comes later finds no step waiting and is kept as an unmatched note on its message.
 */
public class MarkCheckOverdue implements JavaDelegate {

    private final CheckKind check;

    MarkCheckOverdue(CheckKind check) {
        this.check = check;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(check.outcomeVariable, MISSED);
        execution.setVariable(check.noteVariable, "no answer from " + CaseFile.string(execution, check.partyVariable)
                + " to " + check.requestType + " " + CaseFile.string(execution, check.requestIdVariable) + " by "
                + CaseFile.instant(execution, check.dueVariable) + ": escalated to a supervisor");
    }
}
