package org.lmx.processes.workpermit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.permit.PermitRegister;
import org.lmx.processes.permit.RegisterCounters;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.processes.quota.QuotaShares;
import org.lmx.processes.tracking.PermitTrackingBeans;

/**
 * Every bean that work-permit.bpmn and permit-tracking.bpmn name by delegateExpression, under that name. Process
 * tests give the map to the engine configuration ({@code setBeans}); the hub registers each entry as a Spring bean
 * of the same name.
 */
public final class WorkPermitBeans {

    private WorkPermitBeans() {
    }

    public static Map<String, Object> of(DocumentSender sender, QuotaLedger ledger, PermitRegister register,
                                         QuotaShares shares, WorkPermitSettings settings, Clock clock) {
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("registerCase", new RegisterCase(new RegisterCounters(register.jdbc()), settings, clock));
        beans.put("decideCategory", new DecideCategory());
        beans.put("checkQuota", new CheckQuota(ledger, shares));
        beans.put("sendIdentityCheckRequest", new SendCheckRequest(CheckKind.IDENTITY, sender, settings));
        beans.put("sendTaxStatusRequest", new SendCheckRequest(CheckKind.TAX, sender, settings));
        beans.put("sendQualificationRequest", new SendCheckRequest(CheckKind.QUALIFICATION, sender, settings));
        beans.put("identityCheckOverdue", new MarkCheckOverdue(CheckKind.IDENTITY));
        beans.put("taxCheckOverdue", new MarkCheckOverdue(CheckKind.TAX));
        beans.put("qualificationCheckOverdue", new MarkCheckOverdue(CheckKind.QUALIFICATION));
        beans.put("qualificationNotRequired", new QualificationNotRequired());
        beans.put("assessChecks", new AssessChecks());
        beans.put("reviewFacts", new ReviewFacts(ledger, shares));
        beans.put("recordReviewer", RecordDecider.review());
        beans.put("recordSupervisor", RecordDecider.supervisor());
        beans.put("planInformationRequest", new PlanInformationRequest(settings, clock));
        beans.put("sendInformationRequest", new SendInformationRequest(sender, settings));
        beans.put("informationOverdue", new MarkInformationOverdue());
        beans.put("reserveQuota", new ReserveQuota(ledger, shares));
        beans.put("grantPermit", new GrantPermit(register, clock));
        beans.put("refuseApplication", new RefuseApplication(ledger, clock));
        beans.put("sendDecision", new SendDecision(sender, settings));
        // the permit's tracking, started by work-permit on a grant
        beans.putAll(PermitTrackingBeans.of(sender, register, settings, clock));
        return beans;
    }
}
