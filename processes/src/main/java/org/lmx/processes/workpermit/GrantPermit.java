package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.permit.Permit;
import org.lmx.processes.permit.PermitRegister;
import org.lmx.xsd.exchange.v1.TravelDocument;
import org.lmx.xsd.exchange.v1.Traveller;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/**
 * The permit: registered under a new number, in the approval's transaction; the quota places reserved on approval
 * stay taken. The decision's time is fixed here, so that the decision sent next says the same DecidedAt however
 * often its step runs.
 */
public class GrantPermit implements JavaDelegate {

    private final PermitRegister register;
    private final Clock clock;

    public GrantPermit(PermitRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkPermitApplication application = CaseFile.application(execution);
        Traveller applicant = application.getApplicant();
        TravelDocument travelDocument = applicant.getTravelDocument();
        OffsetDateTime decidedAt = OffsetDateTime.ofInstant(clock.instant(), CaseFile.KAZAKHSTAN);
        Permit permit = register.register(new Permit(null, CaseFile.required(execution, CASE_REFERENCE),
                CaseFile.required(execution, APPLICATION_ID), CaseFile.required(execution, APPLICANT_PARTNER),
                CaseFile.required(execution, CATEGORY),
                new Permit.Holder(applicant.getLatinName().getSurname(), applicant.getLatinName().getGivenNames(),
                        applicant.getBirthDate(), applicant.getCitizenship(), travelDocument.getKind().value(),
                        travelDocument.getNumber(), travelDocument.getIssuingState()),
                new Permit.Employer(application.getEmployer().getBin(), application.getEmployer().getName()),
                application.getPosition().getProfession().getIscoCode(),
                application.getPosition().getProfession().getJobTitle(), CaseFile.required(execution, SECTOR),
                CaseFile.regions(execution), CaseFile.date(execution, VALID_FROM), CaseFile.date(execution, VALID_TO),
                CaseFile.optionalInteger(execution, MENTORED_TRAINEES), decidedAt));
        execution.setVariable(OUTCOME, GRANTED);
        execution.setVariable(PERMIT_NUMBER, permit.number());
        execution.setVariable(DECIDED_AT, permit.decidedAt().atZoneSameInstant(CaseFile.KAZAKHSTAN)
                .toOffsetDateTime().toString());
        execution.setVariable(DECIDED_BY, decider(execution));
    }

    /** The supervisor who approved a flagged case, else the caseworker who approved it. */
    static String decider(DelegateExecution execution) {
        String supervisor = CaseFile.string(execution, APPROVED_BY);
        return supervisor != null ? supervisor : CaseFile.string(execution, REVIEWED_BY);
    }
}
