package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.xsd.exchange.v1.PermitRefusalReasonCode;

/**
 * The refusal: the quota places the case holds (if any) go back to the ledger, in the refusal's transaction, and
 * the ground is fixed: QUOTA_EXHAUSTED with the ledger's note when the quota stopped the case, else the code the
 * decider chose ({@code refusalCode}, OTHER when absent or not one of the contract's) with the decider's reasons.
 */
public class RefuseApplication implements JavaDelegate {

    private final QuotaLedger ledger;
    private final Clock clock;

    public RefuseApplication(QuotaLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ledger.release(CaseFile.required(execution, CASE_REFERENCE));
        boolean quotaStopped = Boolean.FALSE.equals(execution.getVariable(QUOTA_AVAILABLE))
                || Boolean.FALSE.equals(execution.getVariable(QUOTA_RESERVED));
        String code;
        String text;
        if (quotaStopped) {
            code = PermitRefusalReasonCode.QUOTA_EXHAUSTED.value();
            text = CaseFile.string(execution, QUOTA_NOTE);
        } else {
            code = code(CaseFile.string(execution, REFUSAL_CODE));
            text = REJECT.equals(CaseFile.string(execution, SUPERVISOR_DECISION))
                    ? CaseFile.string(execution, SUPERVISOR_REASONS) : CaseFile.string(execution, REVIEW_REASONS);
        }
        if (text == null || text.isBlank()) {
            text = "Refused: " + code.replace('_', ' ').toLowerCase();
        }
        execution.setVariable(OUTCOME, REFUSED);
        execution.setVariable(REFUSAL_CODE, code);
        execution.setVariable(REFUSAL_TEXT, text.length() > 3800 ? text.substring(0, 3800) : text);
        execution.setVariable(DECIDED_AT, OffsetDateTime.ofInstant(clock.instant(), CaseFile.KAZAKHSTAN).toString());
        execution.setVariable(DECIDED_BY, GrantPermit.decider(execution));
    }

    /** The decider's code when it is one of the contract's, else OTHER. */
    private static String code(String chosen) {
        try {
            return PermitRefusalReasonCode.fromValue(chosen == null ? "OTHER" : chosen.strip()).value();
        } catch (IllegalArgumentException e) {
            return PermitRefusalReasonCode.OTHER.value();
        }
    }
}
