package org.lmx.processes.consular;

import java.util.HashMap;
import java.util.Map;
import org.lmx.processes.exchange.ReceivedDocument;

/**
 * The names the process {@value #PROCESS_KEY}, its delegates, its forms and the dispatcher share. Every variable is
 * a String, Boolean, Integer, Date or byte[] (no Java serialization; Tasklist and the REST API show each one).
 */
public final class ConsularVariables {

    public static final String PROCESS_KEY = "consular-protection";
    public static final String NOTICE_TYPE = "ConsularCaseNotice";
    public static final String SEVERITY_DECISION = "consular-severity";

    public static final String URGENT = "URGENT";
    public static final String HIGH = "HIGH";
    public static final String ROUTINE = "ROUTINE";

    // from the dispatcher, at the start
    public static final String NOTICE_ID = "noticeId";
    public static final String CONVERSATION_ID = "conversationId";
    public static final String REPORTER = "reporter";
    /** The signed ConsularCaseNotice as received (byte[]). */
    public static final String NOTICE_DOCUMENT = "noticeDocument";

    // registerConsularCase: the notice's facts for the DMN, the forms and the documents
    public static final String CASE_REFERENCE = "caseReference";
    public static final String REPORTER_REFERENCE = "reporterReference";
    public static final String REPORTER_ROLE = "reporterRole";
    public static final String CITIZEN_NAME = "citizenName";
    public static final String CITIZEN_IIN = "citizenIin";
    public static final String TRAVEL_DOCUMENT = "travelDocument";
    public static final String HOST_COUNTRY = "hostCountry";
    public static final String CURRENT_LOCATION = "currentLocation";
    public static final String EMPLOYER_NAME = "employerName";
    /** The indicators reported, separated by a space, as in the notice. */
    public static final String INDICATORS = "indicators";
    public static final String IMMEDIATE_DANGER = "immediateDanger";
    /** Months of wages unpaid (0 when none are reported). */
    public static final String UNPAID_MONTHS = "unpaidMonths";
    public static final String UNPAID_WAGES = "unpaidWages";
    public static final String CONSENT_TO_SHARE = "consentToShare";
    public static final String NARRATIVE = "narrative";
    /** The host country's labour ministry, a counterparty of the hub, or null when it has none. */
    public static final String PARTNER_MINISTRY = "partnerMinistry";
    /** The NGO of the host country the hub may refer cases to, or null. */
    public static final String HOST_NGO = "hostNgo";
    /** The case reference of the citizen's latest vetted contract in the contract register, or null. */
    public static final String LINKED_CONTRACT = "linkedContract";
    public static final String LINKED_CONTRACT_SUMMARY = "linkedContractSummary";

    // assessSeverity: the DMN's answer
    public static final String SEVERITY = "severity";
    /** One line per reason the table gave for the severity. */
    public static final String SEVERITY_REASONS = "severityReasons";
    public static final String ALERT_REFERENCE = "alertReference";
    public static final String ALERT_OBSERVED_AT = "alertObservedAt";
    public static final String SUPERVISOR_NOTES = "supervisorNotes";
    public static final String SUPERVISED_BY = "supervisedBy";

    // triage (consular-officers)
    public static final String REQUEST_INFORMATION = "requestInformation";
    public static final String QUESTIONS = "questions";
    public static final String REFER_TO_NGO = "referToNgo";
    /** ConsularNeed codes separated by spaces or commas, e.g. "SHELTER LEGAL_AID". */
    public static final String NEEDS = "needs";
    public static final String TRIAGE_NOTES = "triageNotes";
    public static final String TRIAGED_BY = "triagedBy";

    // the information request to the partner ministry, its reminder and escalation
    public static final String PARTNER_REQUEST_ID = "partnerRequestId";
    public static final String PARTNER_REMINDER_ID = "partnerReminderId";
    public static final String INFORMATION_DUE = "informationDue";
    public static final String REMINDER_DUE = "reminderDue";
    public static final String INFORMATION_ANSWERS = "informationAnswers";
    public static final String ESCALATION_NOTES = "escalationNotes";
    public static final String REFERRED_NGO = "referredNgo";

    // action plan and closure
    public static final String ACTION_PLAN = "actionPlan";
    public static final String PLANNED_BY = "plannedBy";
    /** ConsularOutcome codes separated by spaces or commas. */
    public static final String OUTCOMES = "outcomes";
    public static final String OUTCOME_SUMMARY = "outcomeSummary";
    /** Optional: "AED 6600.00". */
    public static final String WAGES_RECOVERED = "wagesRecovered";
    public static final String CLOSED_AT = "closedAt";
    public static final String CLOSED_BY = "closedBy";

    private ConsularVariables() {
    }

    /** What a case starts with: the notice as received and who reported it. */
    public static Map<String, Object> start(ReceivedDocument notice) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(NOTICE_ID, notice.messageId());
        variables.put(CONVERSATION_ID, notice.conversationId());
        variables.put(REPORTER, notice.from());
        variables.put(NOTICE_DOCUMENT, notice.signed());
        return variables;
    }
}
