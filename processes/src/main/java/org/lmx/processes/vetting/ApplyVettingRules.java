package org.lmx.processes.vetting;

import static org.lmx.processes.vetting.ContractVettingVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.lmx.xsd.exchange.v1.EmploymentContractRegistration;

/**
 * The vetting rules by the decision table {@value ContractVettingVariables#RULES_DECISION} (hit policy COLLECT: every
 * rule the contract breaks gives a flag and its reason). The table compares the contract with the host country's
 * figures; this step only feeds it and keeps its answer as plain variables ({@code flags}, {@code flagReasons},
 * {@code flagged}), evaluated through the DecisionService so that no variable holds a serialized list.
 */
public class ApplyVettingRules implements JavaDelegate {

    private final HostCountryFigures figures;

    public ApplyVettingRules(HostCountryFigures figures) {
        this.figures = figures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EmploymentContractRegistration registration = Registrations.of(execution);
        DmnDecisionResult result = execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionByKey(RULES_DECISION)
                .variables(inputs(registration, figures.of(registration.getHostCountry())))
                .evaluate();
        // one reason per code: two rules of one code (e.g. no insurance, no provider) never both match
        Map<String, String> flags = new LinkedHashMap<>();
        for (DmnDecisionResultEntries entries : result) {
            flags.putIfAbsent((String) entries.get("flag"), (String) entries.get("reason"));
        }
        List<String> lines = new ArrayList<>();
        flags.forEach((code, reason) -> lines.add(code + ": " + reason));
        execution.setVariable(FLAGGED, !flags.isEmpty());
        execution.setVariable(FLAGS, String.join(" ", flags.keySet()));
        execution.setVariable(FLAG_REASONS, lines.isEmpty() ? null : String.join("\n", lines));
        DecisionDefinition table = execution.getProcessEngineServices().getRepositoryService()
                .createDecisionDefinitionQuery().decisionDefinitionKey(RULES_DECISION).latestVersion().singleResult();
        execution.setVariable(RULE_SET_VERSION, RULES_DECISION + " " + table.getVersion()
                + (table.getVersionTag() == null ? "" : " (" + table.getVersionTag() + ")"));
    }

    /** The table's inputs: the contract's terms and, where the hub has them, the host country's figures. */
    static VariableMap inputs(EmploymentContractRegistration registration,
                              Optional<HostCountryFigures.Figures> host) {
        return Variables.createVariables()
                .putValue("hostFiguresKnown", host.isPresent())
                .putValue("wageCurrency", registration.getMonthlyWage().getCurrency())
                .putValue("monthlyWage", registration.getMonthlyWage().getValue().doubleValue())
                .putValue("hostWageCurrency", host.map(HostCountryFigures.Figures::currency).orElse(null))
                .putValue("hostMinimumMonthlyWage",
                        host.map(f -> f.minimumMonthlyWage().doubleValue()).orElse(null))
                .putValue("weeklyHours", registration.getWeeklyHours().doubleValue())
                .putValue("hostMaximumWeeklyHours",
                        host.map(f -> f.maximumWeeklyHours().doubleValue()).orElse(null))
                .putValue("passportRetained", registration.isPassportRetainedByEmployer())
                .putValue("recruitmentFeeCharged", Registrations.feeCharged(registration))
                .putValue("returnTravelPaidBy", registration.getReturnTravelPaidBy().value())
                .putValue("healthInsuranceCovered", registration.getHealthInsurance().isCovered())
                .putValue("healthInsuranceProviderNamed", registration.getHealthInsurance().getProvider() != null
                        && !registration.getHealthInsurance().getProvider().isBlank());
    }
}
