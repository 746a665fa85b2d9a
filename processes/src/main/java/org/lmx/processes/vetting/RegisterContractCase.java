package org.lmx.processes.vetting;

import static org.lmx.processes.vetting.ContractVettingVariables.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.cases.CaseValues;
import org.lmx.processes.permit.RegisterCounters;
import org.lmx.xsd.exchange.v1.EmploymentContractRegistration;

/**
 * The case's first step: a case reference of the hub (CV-2026-000123), the registration's facts in words for the
 * officer's form, the host country's figures that apply and the country information pack current now (fixed here,
 * so the result names the pack the verdict was given with, however often a later step runs).
 */
public class RegisterContractCase implements JavaDelegate {

    static final String COUNTER = "contract-vetting-case";

    private final RegisterCounters counters;
    private final HostCountryFigures figures;
    private final CountryPacks packs;
    private final Clock clock;

    public RegisterContractCase(RegisterCounters counters, HostCountryFigures figures, CountryPacks packs,
                                Clock clock) {
        this.counters = counters;
        this.figures = figures;
        this.packs = packs;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EmploymentContractRegistration registration = Registrations.of(execution);
        if (execution.getVariable(CASE_REFERENCE) == null) {
            int year = clock.instant().atOffset(CaseValues.KAZAKHSTAN).getYear();
            execution.setVariable(CASE_REFERENCE, "CV-%04d-%06d".formatted(year, counters.next(COUNTER, year)));
        }
        String host = registration.getHostCountry();
        execution.setVariable(REGISTRATION_REFERENCE, registration.getRegistrationReference());
        execution.setVariable(WORKER_NAME, Registrations.name(registration.getWorker()));
        execution.setVariable(WORKER_IIN, registration.getWorker().getIin());
        execution.setVariable(TRAVEL_DOCUMENT, registration.getWorker().getTravelDocument().getIssuingState() + " "
                + registration.getWorker().getTravelDocument().getNumber() + ", valid until "
                + registration.getWorker().getTravelDocument().getExpiryDate());
        execution.setVariable(HOST_COUNTRY, host);
        execution.setVariable(EMPLOYER_NAME, registration.getEmployer().getName() + " ("
                + registration.getEmployer().getForeignRegistration().getNumber() + ")");
        execution.setVariable(RECRUITER, registration.getRecruiter() == null ? "none (direct hire)"
                : registration.getRecruiter().getName() + ", licence "
                + registration.getRecruiter().getLicenceNumber());
        execution.setVariable(JOB_TITLE, registration.getPosition().getProfession().getJobTitle() + " (ISCO "
                + registration.getPosition().getProfession().getIscoCode() + ")");
        execution.setVariable(CONTRACT_PERIOD, registration.getContractPeriod().getFrom() + " to "
                + registration.getContractPeriod().getTo());
        execution.setVariable(CONTRACT_TERMS, Registrations.money(registration.getMonthlyWage()) + " a month for "
                + Registrations.hours(registration.getWeeklyHours()) + " hours a week");
        execution.setVariable(HOST_FIGURES, figures.of(host)
                .map(f -> "minimum " + Registrations.money(f.minimumMonthlyWage(), f.currency())
                        + " a month, at most " + Registrations.hours(f.maximumWeeklyHours()) + " hours a week")
                .orElse("no figures for " + host + ": wage and hours not checked by the rules"));
        execution.setVariable(COUNTRY_PACK, packs.currentReference(host).orElse(null));
    }
}
