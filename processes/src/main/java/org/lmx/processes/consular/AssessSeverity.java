package org.lmx.processes.consular;

import static org.lmx.processes.consular.ConsularVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.lmx.processes.cases.CaseValues;

/**
 * The severity by the decision table {@value ConsularVariables#SEVERITY_DECISION} (hit policy COLLECT: each rule a
 * case meets gives a severity and its reason). The case takes the highest severity given and keeps the reasons for
 * it, so the officer and the supervisor see every indicator that made a case urgent.
 */
public class AssessSeverity implements JavaDelegate {

    private static final List<String> ORDER = List.of(URGENT, HIGH, ROUTINE);

    @Override
    public void execute(DelegateExecution execution) {
        DmnDecisionResult result = execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionByKey(SEVERITY_DECISION)
                .variables(Variables.createVariables()
                        .putValue(INDICATORS, CaseValues.required(execution, INDICATORS))
                        .putValue(IMMEDIATE_DANGER, CaseValues.flag(execution, IMMEDIATE_DANGER))
                        .putValue(UNPAID_MONTHS, execution.getVariable(UNPAID_MONTHS)))
                .evaluate();
        String severity = ROUTINE;
        for (DmnDecisionResultEntries entries : result) {
            String given = (String) entries.get("severity");
            if (ORDER.indexOf(given) < ORDER.indexOf(severity)) {
                severity = given;
            }
        }
        List<String> reasons = new ArrayList<>();
        for (DmnDecisionResultEntries entries : result) {
            if (severity.equals(entries.get("severity"))) {
                reasons.add((String) entries.get("reason"));
            }
        }
        execution.setVariable(SEVERITY, severity);
        execution.setVariable(SEVERITY_REASONS, String.join("\n", reasons));
    }
}
