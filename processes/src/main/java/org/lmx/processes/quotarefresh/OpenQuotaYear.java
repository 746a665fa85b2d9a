package org.lmx.processes.quotarefresh;

import static org.lmx.processes.quotarefresh.QuotaRefreshVariables.*;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.permit.RegisterCounters;

/**
 * The case's first step: the year (given at a manual start; the next year in Kazakhstan at the yearly timer), the
 * business key {@code quota-refresh-<year>} and a conversation for its notices. A case started while another one
 * for the same year runs ends at once ({@value QuotaRefreshVariables#ALREADY_RUNNING}): the REST start refuses
 * that itself, the timer cannot. Two starts at the same moment (two nodes, two requests) serialise on the year's
 * row in {@code register_counter}, locked until the start commits, so the second sees the first.
 */
public class OpenQuotaYear implements JavaDelegate {

    static final String STARTS = "quota-refresh-start";

    private final QuotaRefreshSettings settings;
    private final RegisterCounters counters;
    private final Clock clock;

    public OpenQuotaYear(QuotaRefreshSettings settings, RegisterCounters counters, Clock clock) {
        this.settings = settings;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object given = execution.getVariable(YEAR);
        int year = given instanceof Number n ? n.intValue()
                : ZonedDateTime.ofInstant(clock.instant(), settings.zone()).getYear() + 1;
        String key = businessKey(year);
        if (!key.equals(execution.getProcessBusinessKey())) {
            execution.setProcessBusinessKey(key);
        }
        counters.next(STARTS, year);
        long others = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(key).list().stream()
                .filter(p -> !p.getId().equals(execution.getProcessInstanceId())).count();
        execution.setVariable(YEAR, year);
        execution.setVariable(ALREADY_RUNNING, others > 0);
        execution.setVariable(CONVERSATION_ID, UUID.randomUUID().toString());
        execution.setVariable(LINE_PROBLEM, "");
    }
}
