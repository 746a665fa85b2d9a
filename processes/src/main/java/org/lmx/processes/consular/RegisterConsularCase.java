package org.lmx.processes.consular;

import static org.lmx.processes.consular.ConsularVariables.*;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.cases.CaseValues;
import org.lmx.processes.permit.RegisterCounters;
import org.lmx.processes.vetting.ContractRegister;
import org.lmx.processes.vetting.VettedContract;
import org.lmx.xsd.exchange.v1.ConsularCaseNotice;
import org.lmx.xsd.exchange.v1.Person;

/**
 * The case's first step: a case reference of the hub (CP-2026-000123), the notice's facts as variables for the
 * severity table and the forms, the host country's ministry and NGO, and the citizen's latest vetted contract from
 * the contract register (by IIN, else by travel document) when there is one.
 */
public class RegisterConsularCase implements JavaDelegate {

    static final String COUNTER = "consular-case";

    private final RegisterCounters counters;
    private final ContractRegister contracts;
    private final ConsularPartners partners;
    private final Clock clock;

    public RegisterConsularCase(RegisterCounters counters, ContractRegister contracts, ConsularPartners partners,
                                Clock clock) {
        this.counters = counters;
        this.contracts = contracts;
        this.partners = partners;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsularCaseNotice notice = Notices.of(execution);
        if (execution.getVariable(CASE_REFERENCE) == null) {
            int year = clock.instant().atOffset(CaseValues.KAZAKHSTAN).getYear();
            execution.setVariable(CASE_REFERENCE, "CP-%04d-%06d".formatted(year, counters.next(COUNTER, year)));
        }
        Person citizen = notice.getCitizen();
        String host = notice.getCurrentLocation().getCountry();
        execution.setVariable(REPORTER_REFERENCE, notice.getCaseReference());
        execution.setVariable(REPORTER_ROLE, notice.getReporterRole().value());
        execution.setVariable(CITIZEN_NAME, Notices.name(citizen));
        execution.setVariable(CITIZEN_IIN, citizen.getIin());
        execution.setVariable(TRAVEL_DOCUMENT, citizen.getTravelDocument() == null ? "none reported"
                : citizen.getTravelDocument().getIssuingState() + " " + citizen.getTravelDocument().getNumber());
        execution.setVariable(HOST_COUNTRY, host);
        execution.setVariable(CURRENT_LOCATION, Notices.place(notice.getCurrentLocation()));
        execution.setVariable(EMPLOYER_NAME, notice.getEmployer() == null ? "not reported"
                : notice.getEmployer().getName());
        execution.setVariable(INDICATORS, Notices.indicators(notice));
        execution.setVariable(IMMEDIATE_DANGER, notice.isImmediateDanger());
        execution.setVariable(UNPAID_MONTHS, notice.getUnpaidWages() == null ? 0 : notice.getUnpaidWages().getMonths());
        execution.setVariable(UNPAID_WAGES, notice.getUnpaidWages() == null ? "none reported"
                : notice.getUnpaidWages().getAmount().getCurrency() + " "
                + notice.getUnpaidWages().getAmount().getValue().toPlainString() + " for "
                + notice.getUnpaidWages().getMonths() + " month(s)");
        execution.setVariable(CONSENT_TO_SHARE, notice.isConsentToShare());
        execution.setVariable(NARRATIVE, CaseValues.limit(notice.getNarrative()));
        execution.setVariable(PARTNER_MINISTRY, partners.ministry(host).orElse(null));
        execution.setVariable(HOST_NGO, partners.ngo(host).orElse(null));
        linkContract(execution, citizen);
        // what later forms show and gateways read, present from the start (null or false until a step sets it)
        if (execution.getVariable(REQUEST_INFORMATION) == null) {
            execution.setVariable(REQUEST_INFORMATION, false);
            execution.setVariable(REFER_TO_NGO, false);
            for (String name : List.of(QUESTIONS, NEEDS, TRIAGE_NOTES, REFERRED_NGO, INFORMATION_ANSWERS,
                    ESCALATION_NOTES, SUPERVISOR_NOTES, ACTION_PLAN, OUTCOMES, OUTCOME_SUMMARY, WAGES_RECOVERED)) {
                execution.setVariable(name, null);
            }
        }
    }

    private void linkContract(DelegateExecution execution, Person citizen) {
        List<VettedContract> found = citizen.getIin() != null ? contracts.listByCitizen(citizen.getIin()) : List.of();
        if (found.isEmpty() && citizen.getTravelDocument() != null) {
            found = contracts.listByCitizen(citizen.getTravelDocument().getNumber());
        }
        if (found.isEmpty()) {
            execution.setVariable(LINKED_CONTRACT, null);
            execution.setVariable(LINKED_CONTRACT_SUMMARY, "no vetted contract in the register");
            return;
        }
        VettedContract c = found.get(0);
        execution.setVariable(LINKED_CONTRACT, c.caseReference());
        execution.setVariable(LINKED_CONTRACT_SUMMARY, c.caseReference() + ": " + c.verdict() + ", " + c.employerName()
                + " (" + c.hostCountry() + "), " + c.contractFrom() + " to " + c.contractTo()
                + (c.flags().isEmpty() ? "" : ", flags " + c.flags()) + ", registered by " + c.sender());
    }
}
