package org.lmx.processes.tracking;

import static org.lmx.processes.tracking.TrackingVariables.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.permit.Permit;
import org.lmx.processes.permit.PermitRegister;

/**
 * Compares the workplaces an employer declares for the holder with the permit's regions; the first workplace
 * outside them (not alerted for this report before) becomes a WORK_OUTSIDE_PERMITTED_REGIONS alert, fixed here
 * (reference, time, text) so that its sending step, if run again, sends the same document.
 */
public class AssessWorkplaceReport implements JavaDelegate {

    private final PermitRegister register;
    private final AlertReferences references;

    public AssessWorkplaceReport(PermitRegister register, AlertReferences references) {
        this.register = register;
        this.references = references;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(PERMIT_NUMBER);
        Permit permit = register.find(number).orElseThrow(() -> new IllegalStateException("no permit " + number));
        String reportReference = (String) execution.getVariable(REPORT_REFERENCE);
        String alertedText = (String) execution.getVariable(ALERTED_WORKPLACES);
        List<String> alerted = new ArrayList<>(alertedText == null || alertedText.isBlank() ? List.of()
                : Arrays.asList(alertedText.split("\n")));
        WorkplaceLine outside = WorkplaceLine.decode((String) execution.getVariable(REPORT_LINES)).stream()
                .filter(line -> !permit.regions().contains(line.region()))
                .filter(line -> !alerted.contains(reportReference + " " + line.region()))
                .findFirst().orElse(null);
        execution.setVariable(WORK_OUTSIDE_REGIONS, outside != null);
        if (outside == null) {
            return;
        }
        alerted.add(reportReference + " " + outside.region());
        execution.setVariable(ALERTED_WORKPLACES, String.join("\n", alerted));
        execution.setVariable(ALERT_TYPE, "WORK_OUTSIDE_PERMITTED_REGIONS");
        execution.setVariable(ALERT_REFERENCE, references.next());
        execution.setVariable(ALERT_OBSERVED_AT, references.now().toString());
        execution.setVariable(ALERT_REGION, outside.region());
        execution.setVariable(ALERT_LOCALITY, outside.locality());
        execution.setVariable(ALERT_STREET, outside.street());
        execution.setVariable(ALERT_EVIDENCE, execution.getVariable(REPORT_MESSAGE_ID));
        execution.setVariable(ALERT_DETAILS, "Permit " + number + " (category " + permit.category() + ", "
                + permit.jobTitle() + ", valid " + permit.validFrom() + " to " + permit.validTo() + ") covers "
                + String.join(", ", permit.regions()) + " only. The employer's workplace report " + reportReference
                + " places the holder in " + outside.region() + " (" + outside.locality() + ") since "
                + outside.startDate() + (outside.endDate() == null ? "" : " until " + outside.endDate()) + ".");
    }
}
