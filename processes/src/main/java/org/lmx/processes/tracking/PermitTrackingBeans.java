package org.lmx.processes.tracking;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.permit.PermitRegister;
import org.lmx.processes.permit.RegisterCounters;
import org.lmx.processes.workpermit.WorkPermitSettings;

/** Every bean permit-tracking.bpmn names (and startPermitTracking, which work-permit.bpmn names), under that name. */
public final class PermitTrackingBeans {

    private PermitTrackingBeans() {
    }

    public static Map<String, Object> of(DocumentSender sender, PermitRegister register, WorkPermitSettings settings,
                                         Clock clock) {
        AlertReferences references = new AlertReferences(new RegisterCounters(register.jdbc()), clock);
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("startPermitTracking", new StartPermitTracking());
        beans.put("recordCrossing", new RecordCrossing(new MovementLog(register.jdbc()), clock));
        beans.put("assessWorkplaceReport", new AssessWorkplaceReport(register, references));
        beans.put("prepareOverstayAlert", new PrepareOverstayAlert(register, references));
        beans.put("sendComplianceAlert", new SendComplianceAlert(sender, register, settings,
                new ComplianceAlertLog(register.jdbc())));
        return beans;
    }
}
