package org.lmx.processes.consular;

import static org.lmx.processes.consular.ConsularVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Fixes the information request's deadline and the reminder's before either is sent (ISO-8601 durations of the
 * settings), so the documents say the same RespondBy however often their steps run and the timers wait for them.
 */
public class PlanInformationRequest implements JavaDelegate {

    private final ConsularProtectionSettings settings;
    private final Clock clock;

    public PlanInformationRequest(ConsularProtectionSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant due = clock.instant().plus(settings.informationResponse());
        execution.setVariable(INFORMATION_DUE, Date.from(due));
        execution.setVariable(REMINDER_DUE, Date.from(due.plus(settings.reminder())));
    }
}
