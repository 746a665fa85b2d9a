package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.exchange.Sent;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.DocumentContent;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/**
 * Sends one check's request through the hub's outbound entry and keeps its MessageId, which the answer must name
 * as InReplyTo. The document depends only on the case's variables and the request key on the instance, the
 * activity and the recipient, so a step that runs again gets the document issued the first time.
 */
public class SendCheckRequest implements JavaDelegate {

    private final CheckKind check;
    private final DocumentSender sender;
    private final WorkPermitSettings settings;

    SendCheckRequest(CheckKind check, DocumentSender sender, WorkPermitSettings settings) {
        this.check = check;
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkPermitApplication application = CaseFile.application(execution);
        String caseReference = CaseFile.required(execution, CASE_REFERENCE);
        OffsetDateTime respondBy = CaseFile.instant(execution, check.dueVariable);
        DocumentContent request = switch (check) {
            case IDENTITY -> CaseDocuments.identityCheckRequest(application, caseReference, respondBy);
            case TAX -> CaseDocuments.taxStatusRequest(application, caseReference, respondBy);
            case QUALIFICATION -> CaseDocuments.qualificationRequest(application, caseReference, respondBy,
                    CaseDocuments.contact(settings, null, null));
        };
        String to = CaseFile.required(execution, check.partyVariable);
        Sent sent = sender.send(new OutgoingDocument(to, check.requestType,
                CaseFile.required(execution, CONVERSATION_ID), null, ContractXml.element(request),
                CaseFile.requestKey(execution.getProcessInstanceId(), execution.getCurrentActivityId(), to)));
        execution.setVariable(check.requestIdVariable, sent.messageId());
    }
}
