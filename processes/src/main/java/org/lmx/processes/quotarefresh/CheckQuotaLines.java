package org.lmx.processes.quotarefresh;

import static org.lmx.processes.quotarefresh.QuotaRefreshVariables.*;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.processes.quota.QuotaLine;

/**
 * The officer's lines, checked before anything is written: on a problem the review comes back with
 * {@value QuotaRefreshVariables#LINE_PROBLEM} saying what to fix; valid lines are written back normalised. A
 * rejection needs no valid lines (nothing is written).
 */
public class CheckQuotaLines implements JavaDelegate {

    private final QuotaLedger ledger;

    public CheckQuotaLines(QuotaLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object decision = execution.getVariable(DECISION);
        if ("REJECT".equals(decision)) {
            execution.setVariable(LINES_VALID, true);
            execution.setVariable(LINE_PROBLEM, "");
            return;
        }
        if (!"APPROVE".equals(decision)) {
            execution.setVariable(LINES_VALID, false);
            execution.setVariable(LINE_PROBLEM, "the decision must be APPROVE or REJECT, not " + decision);
            return;
        }
        int year = ((Number) execution.getVariable(YEAR)).intValue();
        Map<String, Integer> taken = ledger.lines(year).stream()
                .collect(Collectors.toMap(l -> l.sector() + " " + l.region(), QuotaLine::taken));
        QuotaText.Parsed parsed = QuotaText.parse((String) execution.getVariable(QUOTA_LINES),
                (sector, region) -> taken.getOrDefault(sector + " " + region, 0));
        execution.setVariable(LINES_VALID, parsed.valid());
        execution.setVariable(LINE_PROBLEM, String.join("\n", parsed.problems()));
        if (parsed.valid()) {
            execution.setVariable(QUOTA_LINES, QuotaText.write(parsed.lines()));
        }
    }
}
