package org.lmx.processes.consular;

import static org.lmx.processes.consular.ConsularVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.cases.CaseValues;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.CaseReferral;
import org.lmx.xsd.exchange.v1.ConsularCaseNotice;
import org.lmx.xsd.exchange.v1.ConsularCaseUrgency;
import org.lmx.xsd.exchange.v1.ConsularNeed;
import org.lmx.xsd.exchange.v1.ConsularReporterRole;

/**
 * The CaseReferral to the host country's NGO (a counterparty with its own agreement): the citizen, where they are,
 * the needs the triage named, the indicators, the urgency from the severity, and the consul to work with (the
 * reporting consul, else the hub's desk). Request key = instance:activity:recipient.
 */
public class SendCaseReferral implements JavaDelegate {

    private final DocumentSender sender;
    private final ConsularProtectionSettings settings;

    public SendCaseReferral(DocumentSender sender, ConsularProtectionSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsularCaseNotice notice = Notices.of(execution);
        CaseReferral referral = new CaseReferral();
        referral.setCaseReference(CaseValues.required(execution, CASE_REFERENCE));
        referral.setCitizen(notice.getCitizen());
        referral.setCurrentLocation(notice.getCurrentLocation());
        referral.setCitizenContact(notice.getCitizenContact());
        CaseReferral.Needs needs = new CaseReferral.Needs();
        for (String need : CaseValues.required(execution, NEEDS).split(" ")) {
            needs.getNeed().add(ConsularNeed.fromValue(need));
        }
        referral.setNeeds(needs);
        referral.setIndicators(notice.getIndicators());
        String notes = CaseValues.string(execution, TRIAGE_NOTES);
        referral.setSummary(CaseValues.limit(notes == null || notes.isBlank() ? notice.getNarrative() : notes));
        referral.setUrgency(switch (CaseValues.required(execution, SEVERITY)) {
            case URGENT -> ConsularCaseUrgency.IMMEDIATE;
            case HIGH -> ConsularCaseUrgency.HIGH;
            default -> ConsularCaseUrgency.ROUTINE;
        });
        referral.setConsentGiven(notice.isConsentToShare());
        referral.setConsularContact(notice.getReporterRole() == ConsularReporterRole.CONSUL ? notice.getContact()
                : Notices.hubContact(settings, null, "Consular protection"));
        String to = CaseValues.required(execution, HOST_NGO);
        sender.send(new OutgoingDocument(to, "CaseReferral", CaseValues.required(execution, CONVERSATION_ID), null,
                ContractXml.element(referral),
                CaseValues.requestKey(execution.getProcessInstanceId(), execution.getCurrentActivityId(), to)));
        execution.setVariable(REFERRED_NGO, to);
    }
}
