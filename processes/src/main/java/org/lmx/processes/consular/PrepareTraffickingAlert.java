package org.lmx.processes.consular;

import static org.lmx.processes.consular.ConsularVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.tracking.AlertReferences;

/**
 * Fixes the urgent case's alert reference (CA-2026-000318, the hub's one series of compliance alerts) and time
 * before the alert's own step, so that a send that runs again builds the same document.
 */
public class PrepareTraffickingAlert implements JavaDelegate {

    private final AlertReferences references;

    public PrepareTraffickingAlert(AlertReferences references) {
        this.references = references;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(ALERT_REFERENCE) == null) {
            execution.setVariable(ALERT_REFERENCE, references.next());
            execution.setVariable(ALERT_OBSERVED_AT, Date.from(references.now().toInstant()));
        }
    }
}
