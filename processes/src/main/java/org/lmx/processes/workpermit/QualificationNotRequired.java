package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The category needs no verification of the qualification (refugees and stateless persons: their country of origin
 * is never asked about them; Kandas: no education requirement), so the partner ministry is not asked.
 */
public class QualificationNotRequired implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(QUALIFICATION_OUTCOME, NOT_REQUIRED);
        execution.setVariable(QUALIFICATION_NOTE, "not verified: " + CaseFile.string(execution, CATEGORY)
                + " has no qualification requirement");
    }
}
