package org.lmx.processes.tracking;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * In work-permit, once the permit is granted: starts its {@value TrackingVariables#PROCESS_KEY} (business key: the
 * permit number) in the grant's transaction, so a grant that rolls back tracks nothing; a step run again finds the
 * tracking already there.
 */
public class StartPermitTracking implements JavaDelegate {

    static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

    @Override
    public void execute(DelegateExecution execution) {
        String permit = (String) execution.getVariable("permitNumber");
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        if (runtime.createProcessInstanceQuery().processDefinitionKey(TrackingVariables.PROCESS_KEY)
                .processInstanceBusinessKey(permit).count() > 0) {
            return;
        }
        LocalDate validTo = LocalDate.parse(String.valueOf(execution.getVariable("validTo")));
        Map<String, Object> variables = new HashMap<>();
        variables.put(TrackingVariables.PERMIT_NUMBER, permit);
        variables.put(TrackingVariables.CONVERSATION_ID, execution.getVariable("conversationId"));
        variables.put(TrackingVariables.PERMIT_ENDS_AT,
                Date.from(validTo.plusDays(1).atStartOfDay().toInstant(KAZAKHSTAN)));
        variables.put(TrackingVariables.IN_COUNTRY, false);
        runtime.createProcessInstanceByKey(TrackingVariables.PROCESS_KEY).businessKey(permit)
                .setVariables(variables).execute();
    }
}
