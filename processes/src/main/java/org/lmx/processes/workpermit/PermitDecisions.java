package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.lmx.xsd.exchange.v1.Contact;
import org.lmx.xsd.exchange.v1.PermitCategory;
import org.lmx.xsd.exchange.v1.PermitDecision;
import org.lmx.xsd.exchange.v1.PermitDecisionOutcome;
import org.lmx.xsd.exchange.v1.PermitRefusalReason;
import org.lmx.xsd.exchange.v1.PermitRefusalReasonCode;
import org.lmx.xsd.exchange.v1.RegionCode;
import org.lmx.xsd.exchange.v1.RegionList;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;
import org.lmx.xsd.exchange.v1.ClosedPeriod;

/**
 * The PermitDecision of a case, from the application and the decision's variables only (number, validity,
 * DecidedAt, ground), so that it is the same document every time it is built.
 */
final class PermitDecisions {

    static final String APPEAL_BODY =
            "Ministry of Labour and Social Protection of Population of the Republic of Kazakhstan";

    private PermitDecisions() {
    }

    static PermitDecision of(VariableScope c, WorkPermitApplication application, WorkPermitSettings settings) {
        PermitDecision decision = new PermitDecision();
        decision.setApplicationReference(application.getApplicationReference());
        decision.setCaseReference(CaseFile.required(c, CASE_REFERENCE));
        OffsetDateTime decidedAt = CaseFile.instant(c, DECIDED_AT);
        if (GRANTED.equals(CaseFile.required(c, OUTCOME))) {
            decision.setDecision(PermitDecisionOutcome.GRANTED);
            decision.setPermit(permit(c, application));
        } else {
            decision.setDecision(PermitDecisionOutcome.REFUSED);
            PermitRefusalReason reason = new PermitRefusalReason();
            reason.setCode(PermitRefusalReasonCode.fromValue(CaseFile.required(c, REFUSAL_CODE)));
            reason.setText(CaseFile.required(c, REFUSAL_TEXT));
            decision.getRefusalReason().add(reason);
        }
        decision.setDecidedAt(decidedAt);
        String decider = CaseFile.string(c, DECIDED_BY);
        Contact decidedBy = CaseDocuments.contact(settings, decider,
                decider == null ? "Decided by the quota rules" : role(c));
        decision.setDecidedBy(decidedBy);
        PermitDecision.Appeal appeal = new PermitDecision.Appeal();
        appeal.setAppealBody(APPEAL_BODY);
        appeal.setDeadline(decidedAt.toLocalDate().plusMonths(3));
        appeal.setInstructions("A complaint against this decision or its conditions may be filed with the ministry"
                + " within three months of the decision, under the Administrative Procedural and Process Code of the"
                + " Republic of Kazakhstan; the ministry's answer may be challenged in the administrative court.");
        decision.setAppeal(appeal);
        return decision;
    }

    private static String role(VariableScope c) {
        return CaseFile.string(c, APPROVED_BY) != null ? "Supervisor, Department of Labour Migration"
                : "Permit officer, Department of Labour Migration";
    }

    private static PermitDecision.Permit permit(VariableScope c, WorkPermitApplication application) {
        PermitDecision.Permit permit = new PermitDecision.Permit();
        permit.setPermitNumber(CaseFile.required(c, PERMIT_NUMBER));
        permit.setCategory(PermitCategory.fromValue(CaseFile.required(c, CATEGORY)));
        permit.setHolder(application.getApplicant());
        permit.setEmployer(application.getEmployer());
        permit.setProfession(application.getPosition().getProfession());
        permit.setSector(application.getPosition().getSector());
        RegionList regions = new RegionList();
        List<String> codes = CaseFile.regions(c);
        codes.forEach(r -> regions.getRegion().add(RegionCode.fromValue(r)));
        permit.setRegions(regions);
        ClosedPeriod validity = new ClosedPeriod();
        validity.setFrom(CaseFile.date(c, VALID_FROM));
        validity.setTo(CaseFile.date(c, VALID_TO));
        permit.setValidity(validity);
        permit.getCondition().add("The holder works only for " + application.getEmployer().getName() + ", as "
                + application.getPosition().getProfession().getJobTitle() + ", in " + String.join(", ", codes) + ".");
        permit.getCondition().add("The employer registers the holder's place of stay with the migration police and"
                + " declares the holder's workplace in its quarterly returns to state revenue.");
        Integer trainees = CaseFile.optionalInteger(c, MENTORED_TRAINEES);
        if (trainees != null) {
            permit.getCondition().add("The employer mentors " + trainees + " local trainee" + (trainees == 1 ? "" : "s")
                    + " alongside the holder for the permit's validity, as committed in the application.");
        }
        return permit;
    }
}
