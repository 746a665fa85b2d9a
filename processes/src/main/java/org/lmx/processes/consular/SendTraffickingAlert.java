package org.lmx.processes.consular;

import static org.lmx.processes.consular.ConsularVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.cases.CaseValues;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.ComplianceAlert;
import org.lmx.xsd.exchange.v1.ComplianceAlertPriority;
import org.lmx.xsd.exchange.v1.ComplianceAlertType;
import org.lmx.xsd.exchange.v1.ConsularCaseNotice;

/**
 * An URGENT case's ComplianceAlert (TRAFFICKING_INDICATORS, priority URGENT) to KAZ:MIA, in the case's conversation,
 * naming the notice as evidence; the hub signs it. Request key = instance:activity:recipient.
 */
public class SendTraffickingAlert implements JavaDelegate {

    private final DocumentSender sender;
    private final ConsularProtectionSettings settings;

    public SendTraffickingAlert(DocumentSender sender, ConsularProtectionSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsularCaseNotice notice = Notices.of(execution);
        ComplianceAlert alert = new ComplianceAlert();
        alert.setAlertReference(CaseValues.required(execution, ALERT_REFERENCE));
        alert.setAlertType(ComplianceAlertType.TRAFFICKING_INDICATORS);
        alert.setPriority(ComplianceAlertPriority.URGENT);
        alert.setPerson(notice.getCitizen());
        alert.setLocation(notice.getCurrentLocation());
        alert.setDetails(CaseValues.limit("Consular case " + CaseValues.required(execution, CASE_REFERENCE)
                + " (reported by " + CaseValues.required(execution, REPORTER) + " as "
                + notice.getCaseReference() + "): " + CaseValues.required(execution, SEVERITY_REASONS)
                + "\nIndicators: " + CaseValues.required(execution, INDICATORS)
                + "\nEmployer: " + CaseValues.required(execution, EMPLOYER_NAME)
                + "\n" + notice.getNarrative()));
        alert.setObservedAt(CaseValues.instant(execution, ALERT_OBSERVED_AT));
        alert.getEvidenceMessageId().add(CaseValues.required(execution, NOTICE_ID));
        alert.setContact(Notices.hubContact(settings, null, "Consular protection"));
        String to = settings.migrationPolice();
        sender.send(new OutgoingDocument(to, "ComplianceAlert", CaseValues.required(execution, CONVERSATION_ID), null,
                ContractXml.element(alert),
                CaseValues.requestKey(execution.getProcessInstanceId(), execution.getCurrentActivityId(), to)));
    }
}
