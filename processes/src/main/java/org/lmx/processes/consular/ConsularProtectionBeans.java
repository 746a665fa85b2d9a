package org.lmx.processes.consular;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.permit.RegisterCounters;
import org.lmx.processes.tracking.AlertReferences;
import org.lmx.processes.vetting.ContractRegister;

/**
 * Every bean that consular-protection.bpmn names by delegateExpression, under that name. Process tests give the map
 * to the engine configuration ({@code setBeans}); the hub registers each entry as a Spring bean of the same name.
 * Names are global in the hub, so the steps work-permit also has are named for this process
 * ({@code sendConsularInformationRequest}).
 */
public final class ConsularProtectionBeans {

    private ConsularProtectionBeans() {
    }

    public static Map<String, Object> of(DocumentSender sender, ContractRegister contracts, ConsularPartners partners,
                                         ConsularProtectionSettings settings, Clock clock) {
        RegisterCounters counters = new RegisterCounters(contracts.jdbc());
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("registerConsularCase", new RegisterConsularCase(counters, contracts, partners, clock));
        beans.put("assessSeverity", new AssessSeverity());
        beans.put("prepareTraffickingAlert", new PrepareTraffickingAlert(new AlertReferences(counters, clock)));
        beans.put("sendTraffickingAlert", new SendTraffickingAlert(sender, settings));
        beans.put("recordUrgentSupervision",
                new RecordTaskNotes(ConsularVariables.SUPERVISOR_NOTES, false, ConsularVariables.SUPERVISED_BY));
        beans.put("recordTriage", new RecordTriage());
        beans.put("sendCaseReferral", new SendCaseReferral(sender, settings));
        beans.put("planConsularInformationRequest", new PlanInformationRequest(settings, clock));
        beans.put("sendConsularInformationRequest", SendPartnerRequest.request(sender, settings));
        beans.put("sendInformationReminder", SendPartnerRequest.reminder(sender, settings));
        beans.put("recordEscalation",
                new RecordTaskNotes(ConsularVariables.ESCALATION_NOTES, true, "escalatedBy"));
        beans.put("recordActionPlan",
                new RecordTaskNotes(ConsularVariables.ACTION_PLAN, true, ConsularVariables.PLANNED_BY));
        beans.put("recordClosure", new RecordClosure(clock));
        beans.put("sendCaseOutcome", new SendCaseOutcome(sender, settings));
        return beans;
    }
}
