package org.lmx.processes.vetting;

import java.util.HashMap;
import java.util.Map;
import org.lmx.processes.exchange.ReceivedDocument;

/**
 * The names the process {@value #PROCESS_KEY}, its delegates, its form and the dispatcher share. Every variable is
 * a String, Boolean, Date or byte[] (no Java serialization; Tasklist and the REST API show each one).
 */
public final class ContractVettingVariables {

    public static final String PROCESS_KEY = "contract-vetting";
    public static final String REGISTRATION_TYPE = "EmploymentContractRegistration";
    public static final String RULES_DECISION = "contract-vetting-rules";

    // from the dispatcher, at the start
    public static final String REGISTRATION_ID = "registrationId";
    public static final String CONVERSATION_ID = "conversationId";
    public static final String SENDER = "sender";
    /** The signed EmploymentContractRegistration as received (byte[]). */
    public static final String REGISTRATION_DOCUMENT = "registrationDocument";

    // registerContract: facts for the rules, the form and the register
    public static final String CASE_REFERENCE = "caseReference";
    public static final String REGISTRATION_REFERENCE = "registrationReference";
    public static final String WORKER_NAME = "workerName";
    public static final String WORKER_IIN = "workerIin";
    public static final String TRAVEL_DOCUMENT = "travelDocument";
    public static final String HOST_COUNTRY = "hostCountry";
    public static final String EMPLOYER_NAME = "employerName";
    public static final String RECRUITER = "recruiter";
    public static final String JOB_TITLE = "jobTitle";
    public static final String CONTRACT_PERIOD = "contractPeriod";
    /** "3650.00 EUR a month for 39 hours a week" */
    public static final String CONTRACT_TERMS = "contractTerms";
    /** "EUR 2 161.00 minimum a month, at most 48 hours a week (demo figures)", or why none apply */
    public static final String HOST_FIGURES = "hostFigures";
    public static final String COUNTRY_PACK = "countryPack";

    // applyVettingRules: the DMN's findings
    public static final String FLAGGED = "flagged";
    /** The rule codes flagged, separated by a space, in the table's order. */
    public static final String FLAGS = "flags";
    /** One line per flag: "CODE: reason". */
    public static final String FLAG_REASONS = "flagReasons";
    public static final String RULE_SET_VERSION = "ruleSetVersion";

    // the officer's task vetContract
    public static final String DECISION = "decision";
    public static final String REASONS = "reasons";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    /** The officer asks for an amended contract: the blocking flags can be cured by amending the terms. */
    public static final String REQUIRE_AMENDMENT = "REQUIRE_AMENDMENT";
    public static final String OFFICER = "officer";
    public static final String OFFICER_REASONS = "officerReasons";

    // the verdict
    public static final String VERDICT = "verdict";
    public static final String DECISION_METHOD = "decisionMethod";
    public static final String DECIDED_AT = "decidedAt";

    private ContractVettingVariables() {
    }

    /** What a case starts with: the registration as received and who sent it. */
    public static Map<String, Object> start(ReceivedDocument registration) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(REGISTRATION_ID, registration.messageId());
        variables.put(CONVERSATION_ID, registration.conversationId());
        variables.put(SENDER, registration.from());
        variables.put(REGISTRATION_DOCUMENT, registration.signed());
        return variables;
    }
}
