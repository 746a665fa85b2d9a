package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * After the three checks: is anything flagged? An identity check other than CLEAR, a tax standing other than
 * GOOD_STANDING, a qualification other than CONFIRMED (or not required), any check MISSED, or a category
 * requirement not met. A flagged case can still be approved, but only with a supervisor's approval.
 */
public class AssessChecks implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<String> flags = new ArrayList<>();
        String identity = CaseFile.string(execution, IDENTITY_CHECK_OUTCOME);
        if (!"CLEAR".equals(identity)) {
            flags.add("identity check " + identity);
        }
        String tax = CaseFile.string(execution, TAX_STANDING);
        if (!"GOOD_STANDING".equals(tax)) {
            flags.add("employer's tax standing " + tax);
        }
        String qualification = CaseFile.string(execution, QUALIFICATION_OUTCOME);
        if (!"CONFIRMED".equals(qualification) && !NOT_REQUIRED.equals(qualification)) {
            flags.add("qualification " + qualification);
        }
        if (!CaseFile.flag(execution, REQUIREMENTS_MET)) {
            flags.add("category requirements not met");
        }
        execution.setVariable(FLAGGED, !flags.isEmpty());
        execution.setVariable(FLAGS, flags.isEmpty() ? null : String.join("; ", flags));
    }
}
