package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.processes.quota.QuotaShares;
import org.lmx.processes.quota.Reservation;

/**
 * On the caseworker's approval: one place in every region, all or none, in the approval's transaction. Parallel
 * approvals for the last place serialise on the ledger's row; the one that finds it gone goes on to a refusal
 * (QUOTA_EXHAUSTED). A refusal later in the case gives the places back ({@link RefuseApplication}).
 */
public class ReserveQuota implements JavaDelegate {

    private final QuotaLedger ledger;
    private final QuotaShares shares;

    public ReserveQuota(QuotaLedger ledger, QuotaShares shares) {
        this.ledger = ledger;
        this.shares = shares;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!CaseFile.flag(execution, QUOTA_REQUIRED)) {
            execution.setVariable(QUOTA_RESERVED, true);
            return;
        }
        Reservation reservation = ledger.reserve(CaseFile.required(execution, CASE_REFERENCE),
                CaseFile.integer(execution, QUOTA_YEAR), CaseFile.required(execution, SECTOR),
                CaseFile.regions(execution), CaseFile.required(execution, APPLICANT_PARTNER), shares);
        execution.setVariable(QUOTA_RESERVED, reservation.reserved());
        if (reservation.reserved()) {
            execution.setVariable(QUOTA_NOTE, "one place reserved in each of " + CaseFile.string(execution, REGIONS));
        } else {
            execution.setVariable(QUOTA_NOTE, reservation.reason());
        }
    }
}
