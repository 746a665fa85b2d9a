package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import java.util.OptionalInt;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.processes.quota.QuotaShares;

/**
 * Before anyone is asked anything: is there a quota place left in every region (and in the applicant partner's
 * share there)? Without one, the case is refused at once (QUOTA_EXHAUSTED) instead of sending the agencies checks
 * for a permit that cannot be granted. Nothing is reserved here: places are taken when the caseworker approves
 * ({@link ReserveQuota}), atomically.
 */
public class CheckQuota implements JavaDelegate {

    private final QuotaLedger ledger;
    private final QuotaShares shares;

    public CheckQuota(QuotaLedger ledger, QuotaShares shares) {
        this.ledger = ledger;
        this.shares = shares;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!CaseFile.flag(execution, QUOTA_REQUIRED)) {
            execution.setVariable(QUOTA_AVAILABLE, true);
            execution.setVariable(QUOTA_NOTE, CaseFile.string(execution, CATEGORY) + " is not counted against the quota");
            return;
        }
        int year = CaseFile.integer(execution, QUOTA_YEAR);
        String sector = CaseFile.required(execution, SECTOR);
        String partner = CaseFile.required(execution, APPLICANT_PARTNER);
        for (String region : CaseFile.regions(execution)) {
            String stop = null;
            if (ledger.remaining(year, sector, region) < 1) {
                stop = "no quota place left for " + year + ", sector " + sector + ", region " + region;
            } else {
                OptionalInt share = shares.limit(partner, year, sector, region);
                if (share.isPresent() && ledger.heldBy(partner, year, sector, region) >= share.getAsInt()) {
                    stop = "the share of " + partner + " (" + share.getAsInt() + " places) is used up for " + year
                            + ", sector " + sector + ", region " + region;
                }
            }
            if (stop != null) {
                execution.setVariable(QUOTA_AVAILABLE, false);
                execution.setVariable(QUOTA_NOTE, stop);
                return;
            }
        }
        execution.setVariable(QUOTA_AVAILABLE, true);
        execution.setVariable(QUOTA_NOTE, "places left in every region on registration");
    }
}
