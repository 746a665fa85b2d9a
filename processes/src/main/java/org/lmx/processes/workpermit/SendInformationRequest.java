package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.exchange.Sent;
import org.lmx.processes.xml.ContractXml;

/**
 * Sends the caseworker's questions (one per line) to the applicant partner as an InformationRequest answering the
 * application, and keeps its MessageId for the InformationResponse to name. The request key carries the round, so
 * that each round is its own document and a round that runs again is the same one.
 */
public class SendInformationRequest implements JavaDelegate {

    private static final int MAX_QUESTIONS = 20;

    private final DocumentSender sender;
    private final WorkPermitSettings settings;

    public SendInformationRequest(DocumentSender sender, WorkPermitSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> questions = CaseFile.required(execution, QUESTIONS).lines().map(String::strip)
                .filter(l -> !l.isEmpty()).limit(MAX_QUESTIONS).toList();
        String to = CaseFile.required(execution, APPLICANT_PARTNER);
        byte[] document = ContractXml.element(CaseDocuments.informationRequest(CaseFile.application(execution),
                CaseFile.required(execution, CASE_REFERENCE), questions, CaseFile.instant(execution, INFORMATION_DUE),
                CaseDocuments.contact(settings, null, null)));
        String key = CaseFile.requestKey(execution.getProcessInstanceId(), execution.getCurrentActivityId(), to)
                + ":" + CaseFile.integer(execution, INFORMATION_ROUND);
        Sent sent = sender.send(new OutgoingDocument(to, "InformationRequest",
                CaseFile.required(execution, CONVERSATION_ID), CaseFile.required(execution, APPLICATION_ID),
                document, key));
        execution.setVariable(INFORMATION_REQUEST_ID, sent.messageId());
    }
}
