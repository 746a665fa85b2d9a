package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.permit.RegisterCounters;
import org.lmx.xsd.exchange.v1.RegionCode;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/**
 * The case's first step: a case reference of the hub, the application's facts as variables (what the gateways,
 * the DMN and Tasklist need), and the checks' deadlines, fixed once here so that every document asking for them
 * says the same RespondBy however often its step runs.
 */
public class RegisterCase implements JavaDelegate {

    private final RegisterCounters counters;
    private final WorkPermitSettings settings;
    private final Clock clock;

    public RegisterCase(RegisterCounters counters, WorkPermitSettings settings, Clock clock) {
        this.counters = counters;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkPermitApplication application = CaseFile.application(execution);
        Instant now = clock.instant();
        if (execution.getVariable(CASE_REFERENCE) == null) {
            execution.setVariable(CASE_REFERENCE,
                    counters.nextCaseReference(now.atOffset(CaseFile.KAZAKHSTAN).getYear()));
        }
        WorkPermitApplication.Position position = application.getPosition();
        execution.setVariable(APPLICATION_REFERENCE, application.getApplicationReference());
        execution.setVariable(APPLICANT_NAME, Applicants.latinName(application.getApplicant()));
        execution.setVariable(CITIZENSHIP, application.getApplicant().getCitizenship());
        execution.setVariable(EMPLOYER_NAME, application.getEmployer().getName());
        execution.setVariable(SECTOR, position.getSector().value());
        execution.setVariable(REGIONS, position.getRegions().getRegion().stream().map(RegionCode::value)
                .collect(Collectors.joining(" ")));
        LocalDate from = position.getEmploymentPeriod().getFrom();
        execution.setVariable(QUOTA_YEAR, from.getYear());
        execution.setVariable(EMPLOYMENT_FROM, from.toString());
        execution.setVariable(EMPLOYMENT_TO, position.getEmploymentPeriod().getTo().toString());
        execution.setVariable(ISCO_CODE, position.getProfession().getIscoCode());
        execution.setVariable(JOB_TITLE, position.getProfession().getJobTitle());
        execution.setVariable(KANDAS, application.getKandasStatus() != null);
        execution.setVariable(PROTECTION_STATUS, application.getProtectionStatus() == null ? null
                : application.getProtectionStatus().getKind().value());
        execution.setVariable(INTRA_CORPORATE, application.getIntraCorporateTransfer() != null);
        execution.setVariable(EDUCATION_LEVEL, Applicants.isced(application.getQualification().getEducationLevel()));
        execution.setVariable(EXPERIENCE_YEARS, application.getQualification().getYearsOfExperience());
        execution.setVariable(REQUESTED_CATEGORY, application.getRequestedCategory() == null ? null
                : application.getRequestedCategory().value());
        execution.setVariable(MENTORED_TRAINEES, Applicants.mentoredTrainees(application));
        execution.setVariable(IDENTITY_CHECK_PARTY, MIA);
        execution.setVariable(TAX_CHECK_PARTY, SRC);
        execution.setVariable(IDENTITY_CHECK_DUE, CaseFile.due(now.plus(settings.identityCheck())));
        execution.setVariable(TAX_CHECK_DUE, CaseFile.due(now.plus(settings.taxCheck())));
        execution.setVariable(QUALIFICATION_CHECK_DUE, CaseFile.due(now.plus(settings.qualificationCheck())));
    }
}
