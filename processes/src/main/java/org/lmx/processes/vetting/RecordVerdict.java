package org.lmx.processes.vetting;

import static org.lmx.processes.vetting.ContractVettingVariables.*;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.cases.CaseValues;
import org.lmx.xsd.exchange.v1.ContractVerdict;
import org.lmx.xsd.exchange.v1.EmploymentContractRegistration;
import org.lmx.xsd.exchange.v1.VettingDecisionMethod;

/**
 * The verdict and the register, in one transaction: a clean contract is APPROVED by the rules; a flagged one is
 * APPROVED_WITH_ADVICE when the officer approves it (its flags become advice to the worker) or REJECTED when the
 * officer rejects it, or AMENDMENT_REQUIRED when the officer asks for the terms to be amended (the sender registers
 * the amended contract again, which is a new case). The contract is then written to the contract register.
 */
public class RecordVerdict implements JavaDelegate {

    private final ContractRegister register;
    private final Clock clock;

    public RecordVerdict(ContractRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean flagged = CaseValues.flag(execution, FLAGGED);
        ContractVerdict verdict = !flagged ? ContractVerdict.APPROVED : switch (CaseValues.required(execution, DECISION)) {
            case APPROVE -> ContractVerdict.APPROVED_WITH_ADVICE;
            case REQUIRE_AMENDMENT -> ContractVerdict.AMENDMENT_REQUIRED;
            default -> ContractVerdict.REJECTED;
        };
        execution.setVariable(VERDICT, verdict.value());
        execution.setVariable(DECISION_METHOD,
                (flagged ? VettingDecisionMethod.OFFICER : VettingDecisionMethod.AUTOMATIC).value());
        if (execution.getVariable(DECIDED_AT) == null) {
            execution.setVariable(DECIDED_AT, Date.from(clock.instant()));
        }
        EmploymentContractRegistration registration = Registrations.of(execution);
        register.record(new VettedContract(CaseValues.required(execution, CASE_REFERENCE),
                CaseValues.required(execution, REGISTRATION_ID), registration.getRegistrationReference(),
                CaseValues.required(execution, CONVERSATION_ID), CaseValues.required(execution, SENDER),
                registration.getWorker().getIin(), registration.getWorker().getTravelDocument().getNumber(),
                registration.getWorker().getTravelDocument().getIssuingState(),
                registration.getWorker().getLatinName().getSurname(),
                registration.getWorker().getLatinName().getGivenNames(), registration.getHostCountry(),
                registration.getEmployer().getName(), registration.getEmployer().getForeignRegistration().getNumber(),
                registration.getContractPeriod().getFrom(), registration.getContractPeriod().getTo(),
                verdict.value(), CaseValues.string(execution, FLAGS) == null ? "" : CaseValues.string(execution, FLAGS),
                flagged ? CaseValues.string(execution, OFFICER) : null, CaseValues.string(execution, COUNTRY_PACK),
                CaseValues.instant(execution, DECIDED_AT)));
    }
}
