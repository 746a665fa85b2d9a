package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The caseworker asked for more information: a new round with its own deadline, fixed here (in the review's
 * transaction) so that the request sent next says the same RespondBy however often its step runs. Earlier answers
 * and the review's decision are cleared, so that the next review shows this round's answers (or that none came)
 * and asks for a new decision.
 */
public class PlanInformationRequest implements JavaDelegate {

    private final WorkPermitSettings settings;
    private final Clock clock;

    public PlanInformationRequest(WorkPermitSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer round = CaseFile.optionalInteger(execution, INFORMATION_ROUND);
        execution.setVariable(INFORMATION_ROUND, round == null ? 1 : round + 1);
        execution.setVariable(INFORMATION_DUE, CaseFile.due(clock.instant().plus(settings.informationResponse())));
        execution.setVariable(INFORMATION_ANSWERS, null);
        // the next review starts without a decision in its form; this one stays in the history
        execution.removeVariable(DECISION);
    }
}
