package org.lmx.processes.quotarefresh;

import static org.lmx.processes.quotarefresh.QuotaRefreshVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.permit.RegisterCounters;
import org.lmx.processes.quota.QuotaLedger;

/**
 * The approved quota goes into the ledger ({@link QuotaLedger#setYear}) and the notice gets its reference,
 * {@code QN-<year>-NN} (the year's NN-th notice, superseding the one before), in the same transaction as the
 * notices that follow, so a failure leaves neither half done. Effective from 1 January of the year, or today when
 * the year has begun.
 */
public class SetYearQuota implements JavaDelegate {

    static final String COUNTER = "quota-notice";

    private final QuotaLedger ledger;
    private final RegisterCounters counters;
    private final QuotaRefreshSettings settings;
    private final Clock clock;

    public SetYearQuota(QuotaLedger ledger, RegisterCounters counters, QuotaRefreshSettings settings, Clock clock) {
        this.ledger = ledger;
        this.counters = counters;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = ((Number) execution.getVariable(YEAR)).intValue();
        QuotaText.Parsed parsed = QuotaText.parse((String) execution.getVariable(QUOTA_LINES), (s, r) -> 0);
        if (!parsed.valid()) {
            throw new IllegalStateException("the approved quota lines are not valid: " + parsed.problems());
        }
        ledger.setYear(year, parsed.lines());
        int number = counters.next(COUNTER, year);
        execution.setVariable(NOTICE_REFERENCE, reference(year, number));
        execution.setVariable(SUPERSEDES, number > 1 ? reference(year, number - 1) : null);
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.zone());
        LocalDate first = LocalDate.of(year, 1, 1);
        execution.setVariable(EFFECTIVE_FROM, (today.isAfter(first) ? today : first).toString());
    }

    static String reference(int year, int number) {
        return "QN-%04d-%02d".formatted(year, number);
    }
}
