package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

/**
 * The three checks a case runs in parallel: who is asked (the variable naming the party), the request's MessageId
 * variable that the reply's InReplyTo must equal, the deadline, and where the answer goes.
 */
enum CheckKind {
    IDENTITY("IdentityCheckRequest", IDENTITY_CHECK_PARTY, IDENTITY_CHECK_REQUEST_ID, IDENTITY_CHECK_DUE,
            IDENTITY_CHECK_OUTCOME, IDENTITY_CHECK_NOTE, "identity check"),
    TAX("TaxStatusRequest", TAX_CHECK_PARTY, TAX_STATUS_REQUEST_ID, TAX_CHECK_DUE, TAX_STANDING, TAX_CHECK_NOTE,
            "employer's tax standing"),
    QUALIFICATION("QualificationVerificationRequest", APPLICANT_PARTNER, QUALIFICATION_REQUEST_ID,
            QUALIFICATION_CHECK_DUE, QUALIFICATION_OUTCOME, QUALIFICATION_NOTE, "qualification verification");

    final String requestType;
    final String partyVariable;
    final String requestIdVariable;
    final String dueVariable;
    final String outcomeVariable;
    final String noteVariable;
    final String title;

    CheckKind(String requestType, String partyVariable, String requestIdVariable, String dueVariable,
              String outcomeVariable, String noteVariable, String title) {
        this.requestType = requestType;
        this.partyVariable = partyVariable;
        this.requestIdVariable = requestIdVariable;
        this.dueVariable = dueVariable;
        this.outcomeVariable = outcomeVariable;
        this.noteVariable = noteVariable;
        this.title = title;
    }
}
