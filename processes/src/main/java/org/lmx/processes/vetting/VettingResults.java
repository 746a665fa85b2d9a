package org.lmx.processes.vetting;

import static org.lmx.processes.vetting.ContractVettingVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.lmx.processes.cases.CaseValues;
import org.lmx.xsd.exchange.v1.Contact;
import org.lmx.xsd.exchange.v1.ContractFinding;
import org.lmx.xsd.exchange.v1.ContractFindingSeverity;
import org.lmx.xsd.exchange.v1.ContractRuleCode;
import org.lmx.xsd.exchange.v1.ContractVerdict;
import org.lmx.xsd.exchange.v1.ContractVettingResult;
import org.lmx.xsd.exchange.v1.EmploymentContractRegistration;
import org.lmx.xsd.exchange.v1.VettingDecisionMethod;
import org.lmx.xsd.exchange.v1.WorkerAdvice;

/**
 * The ContractVettingResult of a case, from the registration and the case's variables only, so that it is the same
 * document every time it is built. It names the host country's information pack in the advice to the worker (the
 * contract has no element of its own for it in v1).
 */
final class VettingResults {

    private VettingResults() {
    }

    static ContractVettingResult of(VariableScope c, EmploymentContractRegistration registration,
                                    ContractVettingSettings settings) {
        ContractVerdict verdict = ContractVerdict.fromValue(CaseValues.required(c, VERDICT));
        VettingDecisionMethod method = VettingDecisionMethod.fromValue(CaseValues.required(c, DECISION_METHOD));
        ContractVettingResult result = new ContractVettingResult();
        result.setRegistrationReference(registration.getRegistrationReference());
        result.setCaseReference(CaseValues.required(c, CASE_REFERENCE));
        result.setWorker(registration.getWorker());
        result.setEmployer(registration.getEmployer());
        result.setHostCountry(registration.getHostCountry());
        result.setContractPeriod(registration.getContractPeriod());
        result.setVerdict(verdict);
        List<ContractFinding> findings = findings(c, registration, verdict);
        if (!findings.isEmpty()) {
            ContractVettingResult.Findings list = new ContractVettingResult.Findings();
            list.getFinding().addAll(findings);
            result.setFindings(list);
        }
        result.setDecidedAt(CaseValues.instant(c, DECIDED_AT));
        ContractVettingResult.DecidedBy decidedBy = new ContractVettingResult.DecidedBy();
        decidedBy.setMethod(method);
        if (method == VettingDecisionMethod.OFFICER) {
            Contact officer = new Contact();
            officer.setName(CaseValues.required(c, OFFICER));
            officer.setRole("Consular officer, contract vetting");
            officer.setEmail(settings.contactEmail());
            officer.setPhone(settings.contactPhone());
            decidedBy.setOfficer(officer);
        }
        decidedBy.setRuleSetVersion(CaseValues.string(c, RULE_SET_VERSION));
        result.setDecidedBy(decidedBy);
        result.getAdviceToWorker().add(advice("en", english(verdict, CaseValues.string(c, COUNTRY_PACK),
                registration.getHostCountry())));
        result.getAdviceToWorker().add(advice("ru", russian(verdict, CaseValues.string(c, COUNTRY_PACK),
                registration.getHostCountry())));
        result.setCountryInformationPack(CaseValues.string(c, COUNTRY_PACK));
        return result;
    }

    private static List<ContractFinding> findings(VariableScope c, EmploymentContractRegistration registration,
                                                  ContractVerdict verdict) {
        String reasons = CaseValues.string(c, FLAG_REASONS);
        List<ContractFinding> findings = new ArrayList<>();
        if (reasons == null) {
            return findings;
        }
        String officerReasons = CaseValues.string(c, OFFICER_REASONS);
        for (String line : reasons.split("\n")) {
            int colon = line.indexOf(": ");
            ContractRuleCode code = ContractRuleCode.fromValue(line.substring(0, colon));
            ContractFinding finding = new ContractFinding();
            finding.setRuleCode(code);
            finding.setSeverity(verdict == ContractVerdict.REJECTED ? ContractFindingSeverity.BLOCKING
                    : ContractFindingSeverity.ADVISORY);
            finding.setContractTerm(text200(term(code, registration, c)));
            finding.setRequirement(text200(requirement(code, c)));
            String text = line.substring(colon + 2)
                    + (officerReasons == null ? "" : " The officer's assessment: " + officerReasons);
            finding.setText(text.length() <= 4000 ? text : text.substring(0, 3996) + " ...");
            findings.add(finding);
        }
        return findings;
    }

    private static String term(ContractRuleCode code, EmploymentContractRegistration r, VariableScope c) {
        return switch (code) {
            case WAGE_BELOW_HOST_MINIMUM -> Registrations.money(r.getMonthlyWage()) + " a month";
            case HOURS_ABOVE_HOST_LIMIT -> Registrations.hours(r.getWeeklyHours()) + " hours a week";
            case PASSPORT_RETENTION -> "The employer or the recruiter may keep the worker's passport";
            case RECRUITMENT_FEE_CHARGED -> Registrations.money(r.getRecruitmentFeeChargedToWorker())
                    + " charged to the worker";
            case RETURN_TRAVEL_NOT_COVERED -> "Return travel paid by " + r.getReturnTravelPaidBy().value();
            case NO_HEALTH_INSURANCE -> r.getHealthInsurance().isCovered() ? "Insured, no insurer named"
                    : "Not insured from the first day of work";
            default -> CaseValues.required(c, CONTRACT_TERMS);
        };
    }

    private static String requirement(ContractRuleCode code, VariableScope c) {
        String host = CaseValues.required(c, HOST_COUNTRY);
        return switch (code) {
            case WAGE_BELOW_HOST_MINIMUM, HOURS_ABOVE_HOST_LIMIT, OTHER ->
                    host + ": " + CaseValues.required(c, HOST_FIGURES);
            case PASSPORT_RETENTION -> "The worker keeps the passport (ILO C029 forced-labour indicators)";
            case RECRUITMENT_FEE_CHARGED -> "No recruitment fee or cost charged to the worker (ILO C181 art. 7)";
            case RETURN_TRAVEL_NOT_COVERED -> "The employer pays the whole journey home";
            case NO_HEALTH_INSURANCE -> "Health insurance from the first day of work, with the insurer named";
            default -> "See the text";
        };
    }

    private static String english(ContractVerdict verdict, String pack, String host) {
        String said = switch (verdict) {
            case APPROVED -> "Your employment contract was vetted and meets the rules.";
            case APPROVED_WITH_ADVICE -> "Your employment contract was approved by an officer, with the points in"
                    + " the findings to watch: keep this result and ask your employer about them before you leave.";
            case AMENDMENT_REQUIRED -> "Your employment contract cannot be approved as it stands: the points in the"
                    + " findings must be amended. Do not leave before the amended contract is registered and approved.";
            default -> "Your employment contract was not approved: do not leave to work under it. Contact the"
                    + " sender of the contract or the consulate of Kazakhstan.";
        };
        return said + (pack == null ? "" : " Before you leave, read the country information pack " + pack
                + " for " + host + " (legislation, culture, language and procedures for workers).");
    }

    private static String russian(ContractVerdict verdict, String pack, String host) {
        String said = switch (verdict) {
            case APPROVED -> "Ваш трудовой договор проверен и соответствует правилам.";
            case APPROVED_WITH_ADVICE -> "Ваш трудовой договор одобрен сотрудником с замечаниями: сохраните это"
                    + " решение и обсудите замечания с работодателем до отъезда.";
            case AMENDMENT_REQUIRED -> "Ваш трудовой договор не может быть одобрен в этой редакции: пункты из"
                    + " замечаний нужно изменить. Не выезжайте, пока изменённый договор не зарегистрирован и не одобрен.";
            default -> "Ваш трудовой договор не одобрен: не выезжайте на работу по нему. Обратитесь к отправителю"
                    + " договора или в консульство Казахстана.";
        };
        return said + (pack == null ? "" : " Перед отъездом прочитайте информационный пакет о стране " + pack
                + " (" + host + "): законодательство, культура, язык и порядок действий для работников.");
    }

    private static WorkerAdvice advice(String language, String text) {
        WorkerAdvice advice = new WorkerAdvice();
        advice.setLanguage(language);
        advice.setValue(text);
        return advice;
    }

    private static String text200(String text) {
        return text.length() <= 200 ? text : text.substring(0, 196) + " ...";
    }
}
