package org.lmx.processes.tracking;

import static org.lmx.processes.tracking.TrackingVariables.*;

import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.exchange.Sent;
import org.lmx.processes.permit.Permit;
import org.lmx.processes.permit.PermitRegister;
import org.lmx.processes.workpermit.WorkPermitSettings;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.Address;
import org.lmx.xsd.exchange.v1.ComplianceAlert;
import org.lmx.xsd.exchange.v1.ComplianceAlertPriority;
import org.lmx.xsd.exchange.v1.ComplianceAlertType;
import org.lmx.xsd.exchange.v1.Contact;
import org.lmx.xsd.exchange.v1.ForeignWorkerIdentification;
import org.lmx.xsd.exchange.v1.NameInLatinScript;
import org.lmx.xsd.exchange.v1.RegionCode;

/**
 * The ComplianceAlert prepared before this step, to KAZ:MIA in the permit's case conversation (the one its
 * PermitDecision went in); the hub signs it. Request key = instance:activity:recipient:alert reference, so a run
 * again after a failure gets the document issued the first time and a redelivered event alerts once. The alert is
 * recorded in the {@link ComplianceAlertLog} (the statistics bureau's flags) in the same transaction.
 */
public class SendComplianceAlert implements JavaDelegate {

    static final String MIA = "KAZ:MIA";

    private final DocumentSender sender;
    private final PermitRegister register;
    private final WorkPermitSettings settings;
    private final ComplianceAlertLog alerts;

    public SendComplianceAlert(DocumentSender sender, PermitRegister register, WorkPermitSettings settings,
                               ComplianceAlertLog alerts) {
        this.sender = sender;
        this.register = register;
        this.settings = settings;
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(PERMIT_NUMBER);
        Permit permit = register.find(number).orElseThrow(() -> new IllegalStateException("no permit " + number));
        String reference = (String) execution.getVariable(ALERT_REFERENCE);
        ComplianceAlert alert = new ComplianceAlert();
        alert.setAlertReference(reference);
        alert.setAlertType(ComplianceAlertType.fromValue((String) execution.getVariable(ALERT_TYPE)));
        alert.setPriority(ComplianceAlertPriority.ROUTINE);
        alert.setDeclaredWorker(worker(permit));
        alert.setPermitNumber(number);
        String region = (String) execution.getVariable(ALERT_REGION);
        if (region != null) {
            Address location = new Address();
            location.setCountry("KAZ");
            location.setRegion(RegionCode.fromValue(region));
            location.setLocality((String) execution.getVariable(ALERT_LOCALITY));
            location.getStreet().add((String) execution.getVariable(ALERT_STREET));
            alert.setLocation(location);
        }
        alert.setDetails((String) execution.getVariable(ALERT_DETAILS));
        alert.setObservedAt(OffsetDateTime.parse((String) execution.getVariable(ALERT_OBSERVED_AT)));
        String evidence = (String) execution.getVariable(ALERT_EVIDENCE);
        if (evidence != null) {
            alert.getEvidenceMessageId().add(evidence);
        }
        Contact contact = new Contact();
        contact.setName(settings.contactName());
        contact.setRole("Permit tracking, " + settings.hubParty());
        contact.setEmail(settings.contactEmail());
        contact.setPhone(settings.contactPhone());
        alert.setContact(contact);
        Sent sent = sender.send(new OutgoingDocument(MIA, "ComplianceAlert",
                (String) execution.getVariable(CONVERSATION_ID), null, ContractXml.element(alert),
                execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + MIA + ":" + reference));
        alerts.record(reference, alert.getAlertType().value(), number, region, sent.messageId(), alert.getObservedAt());
    }

    private static ForeignWorkerIdentification worker(Permit permit) {
        ForeignWorkerIdentification worker = new ForeignWorkerIdentification();
        NameInLatinScript name = new NameInLatinScript();
        name.setSurname(permit.holder().surname());
        name.setGivenNames(permit.holder().givenNames());
        worker.setLatinName(name);
        worker.setTravelDocumentNumber(permit.holder().travelDocumentNumber());
        worker.setTravelDocumentIssuingState(permit.holder().travelDocumentIssuingState());
        worker.setCitizenship(permit.holder().citizenship());
        worker.setBirthDate(permit.holder().birthDate());
        return worker;
    }
}
