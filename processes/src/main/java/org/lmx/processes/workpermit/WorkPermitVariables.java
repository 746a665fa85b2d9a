package org.lmx.processes.workpermit;

import java.util.HashMap;
import java.util.Map;
import org.lmx.processes.exchange.ReceivedDocument;

/**
 * The names the process {@value #PROCESS_KEY}, its delegates, its forms and the dispatcher share. Every variable
 * is a String, Boolean, Integer, Date or byte[], so nothing depends on Java serialization (off by default in the
 * engine) and Tasklist and the REST API can show each one.
 */
public final class WorkPermitVariables {

    public static final String PROCESS_KEY = "work-permit";
    public static final String APPLICATION_TYPE = "WorkPermitApplication";

    public static final String MIA = "KAZ:MIA";
    public static final String SRC = "KAZ:SRC";
    public static final String BORDER = "KAZ:BORDER";

    // from the dispatcher, at the start
    public static final String APPLICATION_ID = "applicationId";
    public static final String CONVERSATION_ID = "conversationId";
    public static final String APPLICANT_PARTNER = "applicantPartner";
    public static final String AGREEMENT_ID = "agreementId";
    /** The signed WorkPermitApplication as received (byte[]); delegates read what they need from it. */
    public static final String APPLICATION_DOCUMENT = "applicationDocument";

    // registerCase: the application's facts the gateways, the DMN and the forms use
    public static final String CASE_REFERENCE = "caseReference";
    public static final String APPLICATION_REFERENCE = "applicationReference";
    public static final String APPLICANT_NAME = "applicantName";
    public static final String CITIZENSHIP = "citizenship";
    public static final String EMPLOYER_NAME = "employerName";
    public static final String SECTOR = "sector";
    /** The regions, separated by a space, in the application's order. */
    public static final String REGIONS = "regions";
    public static final String QUOTA_YEAR = "quotaYear";
    public static final String ISCO_CODE = "iscoCode";
    public static final String JOB_TITLE = "jobTitle";
    public static final String KANDAS = "kandas";
    public static final String PROTECTION_STATUS = "protectionStatus";
    public static final String INTRA_CORPORATE = "intraCorporate";
    public static final String EDUCATION_LEVEL = "educationLevel";
    public static final String EXPERIENCE_YEARS = "experienceYears";
    public static final String REQUESTED_CATEGORY = "requestedCategory";
    public static final String EMPLOYMENT_FROM = "employmentFrom";
    public static final String EMPLOYMENT_TO = "employmentTo";
    public static final String MENTORED_TRAINEES = "mentoredTrainees";
    public static final String IDENTITY_CHECK_PARTY = "identityCheckParty";
    public static final String TAX_CHECK_PARTY = "taxCheckParty";
    public static final String IDENTITY_CHECK_DUE = "identityCheckDue";
    public static final String TAX_CHECK_DUE = "taxCheckDue";
    public static final String QUALIFICATION_CHECK_DUE = "qualificationCheckDue";

    // the DMN's outputs (decision work-permit-category) and applyCategory
    public static final String CATEGORY = "category";
    public static final String QUOTA_REQUIRED = "quotaRequired";
    public static final String MAX_VALIDITY_MONTHS = "maxValidityMonths";
    public static final String MIN_EDUCATION_LEVEL = "minEducationLevel";
    public static final String MIN_EXPERIENCE_YEARS = "minExperienceYears";
    public static final String VERIFY_QUALIFICATION = "verifyQualification";
    public static final String VALID_FROM = "validFrom";
    public static final String VALID_TO = "validTo";
    public static final String REQUIREMENTS_MET = "requirementsMet";
    public static final String REQUIREMENT_NOTES = "requirementNotes";

    // checkQuota, reserveQuota
    public static final String QUOTA_AVAILABLE = "quotaAvailable";
    public static final String QUOTA_RESERVED = "quotaReserved";
    public static final String QUOTA_NOTE = "quotaNote";

    // the checks: the request sent (its MessageId), the answer taken (or MISSED when the deadline passed)
    public static final String IDENTITY_CHECK_REQUEST_ID = "identityCheckRequestId";
    public static final String TAX_STATUS_REQUEST_ID = "taxStatusRequestId";
    public static final String QUALIFICATION_REQUEST_ID = "qualificationRequestId";
    public static final String INFORMATION_REQUEST_ID = "informationRequestId";
    public static final String IDENTITY_CHECK_OUTCOME = "identityCheckOutcome";
    public static final String IDENTITY_CHECK_NOTE = "identityCheckNote";
    public static final String TAX_STANDING = "taxStanding";
    public static final String TAX_CHECK_NOTE = "taxCheckNote";
    public static final String QUALIFICATION_OUTCOME = "qualificationOutcome";
    public static final String QUALIFICATION_NOTE = "qualificationNote";
    /** The outcome a check gets when its deadline passes without an answer. */
    public static final String MISSED = "MISSED";
    /** The qualification outcome when the category needs no verification. */
    public static final String NOT_REQUIRED = "NOT_REQUIRED";
    public static final String FLAGGED = "flagged";
    public static final String FLAGS = "flags";

    // the review and the supervisor's approval (user tasks' variables)
    public static final String DECISION = "decision";
    public static final String REASONS = "reasons";
    public static final String QUESTIONS = "questions";
    /** Optional on REJECT: a PermitRefusalReasonCode of the contract; OTHER when absent. */
    public static final String REFUSAL_CODE = "refusalCode";
    public static final String SUPERVISOR_DECISION = "supervisorDecision";
    public static final String REVIEWED_BY = "reviewedBy";
    public static final String REVIEW_REASONS = "reviewReasons";
    public static final String SUPERVISOR_REASONS = "supervisorReasons";
    public static final String APPROVED_BY = "approvedBy";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    public static final String REQUEST_INFORMATION = "REQUEST_INFORMATION";

    // the information request
    public static final String INFORMATION_ROUND = "informationRound";
    public static final String INFORMATION_DUE = "informationDue";
    public static final String INFORMATION_ANSWERS = "informationAnswers";

    // what the forms show, prepared by reviewFacts (ReviewFacts) when the review or the supervisor's approval opens
    public static final String APPLICANT_BIRTH_DATE = "applicantBirthDate";
    public static final String TRAVEL_DOCUMENT = "travelDocument";
    public static final String EMPLOYER_BIN = "employerBin";
    public static final String EMPLOYMENT_PERIOD = "employmentPeriod";
    public static final String PERMIT_VALIDITY = "permitValidity";
    public static final String CATEGORY_BASIS = "categoryBasis";
    /** The application's attachments, one per line: id, file name, type, size and what it is. */
    public static final String DOCUMENTS = "documents";
    public static final String QUOTA_LINE = "quotaLine";
    /** Per region of the permit, one per line: the places left in the ledger, and the partner's share there. */
    public static final String QUOTA_LEFT = "quotaLeft";
    public static final String FLAG_SUMMARY = "flagSummary";
    public static final String REQUIREMENT_SUMMARY = "requirementSummary";
    public static final String INFORMATION_SUMMARY = "informationSummary";
    public static final String REVIEW_SUMMARY = "reviewSummary";

    // the decision
    public static final String OUTCOME = "outcome";
    public static final String REFUSAL_TEXT = "refusalText";
    public static final String PERMIT_NUMBER = "permitNumber";
    public static final String DECIDED_AT = "decidedAt";
    public static final String DECIDED_BY = "decidedBy";
    public static final String GRANTED = "GRANTED";
    public static final String REFUSED = "REFUSED";

    private WorkPermitVariables() {
    }

    /** What a case starts with: the application as received and where it came from. */
    public static Map<String, Object> start(ReceivedDocument application) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(APPLICATION_ID, application.messageId());
        variables.put(CONVERSATION_ID, application.conversationId());
        variables.put(APPLICANT_PARTNER, application.from());
        variables.put(AGREEMENT_ID, application.agreementId());
        variables.put(APPLICATION_DOCUMENT, application.signed());
        return variables;
    }
}
