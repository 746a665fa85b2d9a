package org.lmx.processes.vetting;

import static org.lmx.processes.vetting.ContractVettingVariables.*;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.cases.CaseValues;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.xml.ContractXml;

/**
 * The signed ContractVettingResult to the sender of the registration (in reply to it) and to the consular service
 * (KAZ:MFA), in the registration's conversation; the hub signs. One step, one transaction: both are issued or
 * neither; request key = instance:activity:recipient, so a run again gets the documents issued the first time.
 */
public class SendVettingResult implements JavaDelegate {

    private final DocumentSender sender;
    private final ContractVettingSettings settings;

    public SendVettingResult(DocumentSender sender, ContractVettingSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        byte[] document = ContractXml.element(VettingResults.of(execution, Registrations.of(execution), settings));
        String from = CaseValues.required(execution, SENDER);
        String registration = CaseValues.required(execution, REGISTRATION_ID);
        String conversation = CaseValues.required(execution, CONVERSATION_ID);
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(from);
        recipients.add(settings.consularService());
        for (String to : recipients) {
            sender.send(new OutgoingDocument(to, "ContractVettingResult", conversation,
                    to.equals(from) ? registration : null, document,
                    CaseValues.requestKey(execution.getProcessInstanceId(), execution.getCurrentActivityId(), to)));
        }
    }
}
