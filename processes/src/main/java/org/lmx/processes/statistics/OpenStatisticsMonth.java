package org.lmx.processes.statistics;

import static org.lmx.processes.statistics.StatisticsVariables.*;

import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The case's first step: the month (given at a manual start; at the monthly timer the month before, in Almaty), the
 * business key {@code statistics-report-2026-10}, and the claim on the month in {@link MonthlyReports}: a month
 * already claimed (sent, or being sent by another case) ends this case at once ({@value #ALREADY_REPORTED}).
 */
public class OpenStatisticsMonth implements JavaDelegate {

    private final StatisticsSettings settings;
    private final MonthlyReports reports;
    private final Clock clock;

    public OpenStatisticsMonth(StatisticsSettings settings, MonthlyReports reports, Clock clock) {
        this.settings = settings;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object given = execution.getVariable(MONTH);
        YearMonth month = given == null ? YearMonth.from(clock.instant().atZone(settings.zone())).minusMonths(1)
                : YearMonth.parse(given.toString());
        String key = businessKey(month);
        if (!key.equals(execution.getProcessBusinessKey())) {
            execution.setProcessBusinessKey(key);
        }
        String conversation = UUID.randomUUID().toString();
        boolean claimed = reports.claim(month, reportReference(month), execution.getProcessInstanceId(), conversation,
                clock.instant().atZone(settings.zone()).toOffsetDateTime());
        execution.setVariable(MONTH, month.toString());
        execution.setVariable(REPORT_REFERENCE, reportReference(month));
        execution.setVariable(CONVERSATION_ID, conversation);
        execution.setVariable(ALREADY_REPORTED, !claimed);
    }
}
