package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/**
 * The category and its requirements by the decision table {@value #DECISION} (work-permit-category.dmn), then
 * what follows from them for this application: the permit's validity (the employment period, capped by the
 * category's maximum, the travel document's expiry and a protection status's end) and whether the applicant meets
 * the category's education and experience requirements. Requirements not met do not refuse anything by
 * themselves: they are notes that flag the case for the caseworker and the supervisor.
 * <p>
 * The table is evaluated through the DecisionService rather than mapped into a variable by the engine, so that
 * no variable holds a serialized map.
 */
public class DecideCategory implements JavaDelegate {

    public static final String DECISION = "work-permit-category";

    @Override
    public void execute(DelegateExecution execution) {
        DmnDecisionResultEntries rules = execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionByKey(DECISION)
                .variables(Variables.createVariables()
                        .putValue(KANDAS, CaseFile.flag(execution, KANDAS))
                        .putValue(PROTECTION_STATUS, CaseFile.string(execution, PROTECTION_STATUS))
                        .putValue(INTRA_CORPORATE, CaseFile.flag(execution, INTRA_CORPORATE))
                        .putValue(ISCO_CODE, CaseFile.required(execution, ISCO_CODE))
                        .putValue(SECTOR, CaseFile.required(execution, SECTOR)))
                .evaluate()
                .getSingleResult();
        Map<String, Object> outputs = rules.getEntryMap();
        String category = (String) outputs.get(CATEGORY);
        int maxMonths = number(outputs, MAX_VALIDITY_MONTHS);
        int minEducation = number(outputs, MIN_EDUCATION_LEVEL);
        int minExperience = number(outputs, MIN_EXPERIENCE_YEARS);
        execution.setVariable(CATEGORY, category);
        execution.setVariable(QUOTA_REQUIRED, Boolean.TRUE.equals(outputs.get(QUOTA_REQUIRED)));
        execution.setVariable(VERIFY_QUALIFICATION, Boolean.TRUE.equals(outputs.get(VERIFY_QUALIFICATION)));
        execution.setVariable(MAX_VALIDITY_MONTHS, maxMonths);
        execution.setVariable(MIN_EDUCATION_LEVEL, minEducation);
        execution.setVariable(MIN_EXPERIENCE_YEARS, minExperience);

        WorkPermitApplication application = CaseFile.application(execution);
        List<String> notes = new ArrayList<>();
        LocalDate from = application.getPosition().getEmploymentPeriod().getFrom();
        LocalDate to = application.getPosition().getEmploymentPeriod().getTo();
        LocalDate cap = from.plusMonths(maxMonths).minusDays(1);
        if (to.isAfter(cap)) {
            notes.add("validity capped at " + maxMonths + " months for " + category + ": until " + cap
                    + " instead of " + to);
            to = cap;
        }
        LocalDate travelDocumentExpiry = application.getApplicant().getTravelDocument().getExpiryDate();
        if (to.isAfter(travelDocumentExpiry)) {
            notes.add("the travel document expires on " + travelDocumentExpiry + ": validity ends then");
            to = travelDocumentExpiry;
        }
        if (application.getProtectionStatus() != null && application.getProtectionStatus().getValidUntil() != null
                && to.isAfter(application.getProtectionStatus().getValidUntil())) {
            to = application.getProtectionStatus().getValidUntil();
            notes.add("the protection status ends on " + to + ": validity ends then");
        }
        boolean met = true;
        if (to.isBefore(from)) {
            notes.add("no valid period: the permit would end (" + to + ") before it starts (" + from + ")");
            met = false;
            to = from;
        }
        int education = CaseFile.integer(execution, EDUCATION_LEVEL);
        if (education < minEducation) {
            notes.add(category + " asks for education at ISCED " + minEducation + " or above; the applicant has ISCED "
                    + education);
            met = false;
        }
        int experience = CaseFile.integer(execution, EXPERIENCE_YEARS);
        if (experience < minExperience) {
            notes.add(category + " asks for " + minExperience + " years of experience; the applicant has "
                    + experience);
            met = false;
        }
        if (application.getIntraCorporateTransfer() != null && INTRA_CORPORATE_CATEGORY.equals(category)) {
            LocalDate since = application.getIntraCorporateTransfer().getEmployedByParentSince();
            if (Period.between(since, from).toTotalMonths() < 12) {
                notes.add("an intra-corporate transfer asks for a year with the parent company; employed since "
                        + since);
                met = false;
            }
        }
        String requested = CaseFile.string(execution, REQUESTED_CATEGORY);
        if (requested != null && !requested.equals(category)) {
            notes.add("requested " + requested + ", decided " + category + " by the category rules");
        }
        execution.setVariable(VALID_FROM, from.toString());
        execution.setVariable(VALID_TO, to.toString());
        execution.setVariable(REQUIREMENTS_MET, met);
        execution.setVariable(REQUIREMENT_NOTES, notes.isEmpty() ? null : String.join("\n", notes));
    }

    private static final String INTRA_CORPORATE_CATEGORY = "INTRA_CORPORATE";

    private static int number(Map<String, Object> outputs, String name) {
        Object value = outputs.get(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalStateException("decision " + DECISION + " gave no number " + name + ": " + value);
    }
}
