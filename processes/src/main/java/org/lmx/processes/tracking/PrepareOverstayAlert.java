package org.lmx.processes.tracking;

import static org.lmx.processes.tracking.TrackingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.permit.Permit;
import org.lmx.processes.permit.PermitRegister;

/** The permit has ended and the holder's last crossing was an entry: an OVERSTAY alert, fixed before it is sent. */
public class PrepareOverstayAlert implements JavaDelegate {

    private final PermitRegister register;
    private final AlertReferences references;

    public PrepareOverstayAlert(PermitRegister register, AlertReferences references) {
        this.register = register;
        this.references = references;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(PERMIT_NUMBER);
        Permit permit = register.find(number).orElseThrow(() -> new IllegalStateException("no permit " + number));
        execution.setVariable(ALERT_TYPE, "OVERSTAY");
        execution.setVariable(ALERT_REFERENCE, references.next());
        execution.setVariable(ALERT_OBSERVED_AT, references.now().toString());
        execution.setVariable(ALERT_REGION, null);
        execution.setVariable(ALERT_LOCALITY, null);
        execution.setVariable(ALERT_STREET, null);
        execution.setVariable(ALERT_EVIDENCE, execution.getVariable(LAST_ENTRY_MESSAGE_ID));
        execution.setVariable(ALERT_DETAILS, "Permit " + number + " (category " + permit.category() + ", "
                + permit.jobTitle() + ", employer " + permit.employer().name() + ") ended on " + permit.validTo()
                + ". The holder " + execution.getVariable(LAST_ENTRY_NOTE)
                + " and no exit has been reported by the border service since.");
    }
}
