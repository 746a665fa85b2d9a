package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.xml.ContractXml;

/**
 * The signed PermitDecision (GRANTED with the permit, or REFUSED with its ground) to the applicant partner (in
 * reply to the application) and to KAZ:MIA, KAZ:SRC and KAZ:BORDER, all in the case's conversation. One step,
 * one transaction: all four are issued or none; request key = instance:activity:recipient, so a run again after a
 * failure gets the documents issued the first time.
 */
public class SendDecision implements JavaDelegate {

    private final DocumentSender sender;
    private final WorkPermitSettings settings;

    public SendDecision(DocumentSender sender, WorkPermitSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        byte[] document = ContractXml.element(PermitDecisions.of(execution, CaseFile.application(execution), settings));
        String partner = CaseFile.required(execution, APPLICANT_PARTNER);
        String conversation = CaseFile.required(execution, CONVERSATION_ID);
        String application = CaseFile.required(execution, APPLICATION_ID);
        for (String to : List.of(partner, MIA, SRC, BORDER)) {
            sender.send(new OutgoingDocument(to, "PermitDecision", conversation, to.equals(partner) ? application : null,
                    document, CaseFile.requestKey(execution.getProcessInstanceId(), execution.getCurrentActivityId(),
                    to)));
        }
    }
}
