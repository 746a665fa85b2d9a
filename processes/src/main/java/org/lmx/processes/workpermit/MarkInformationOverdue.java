package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The applicant partner did not answer the information request in time: the case goes back to the caseworker,
 * who may ask again, decide without the information, or refuse (INCOMPLETE_APPLICATION).
 */
public class MarkInformationOverdue implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(INFORMATION_ANSWERS, "no answer from " + CaseFile.string(execution, APPLICANT_PARTNER)
                + " to InformationRequest " + CaseFile.string(execution, INFORMATION_REQUEST_ID) + " by "
                + CaseFile.instant(execution, INFORMATION_DUE));
    }
}
