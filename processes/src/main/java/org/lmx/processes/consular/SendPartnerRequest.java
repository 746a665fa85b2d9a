package org.lmx.processes.consular;

import static org.lmx.processes.consular.ConsularVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.cases.CaseValues;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.exchange.Sent;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.CaseKind;
import org.lmx.xsd.exchange.v1.ConsularCaseNotice;
import org.lmx.xsd.exchange.v1.InformationRequest;

/**
 * The InformationRequest to the host country's labour ministry (the triage's questions, RespondBy fixed before),
 * and the same questions again as the reminder when its deadline passed (RespondBy: the reminder's deadline). The
 * MessageId issued is kept ({@code partnerRequestId}, {@code partnerReminderId}): an InformationResponse naming
 * either as InReplyTo, from that ministry, in the case's conversation, is the answer. The citizen is named only with
 * their consent to share.
 */
public class SendPartnerRequest implements JavaDelegate {

    private final DocumentSender sender;
    private final ConsularProtectionSettings settings;
    private final boolean reminder;

    private SendPartnerRequest(DocumentSender sender, ConsularProtectionSettings settings, boolean reminder) {
        this.sender = sender;
        this.settings = settings;
        this.reminder = reminder;
    }

    static SendPartnerRequest request(DocumentSender sender, ConsularProtectionSettings settings) {
        return new SendPartnerRequest(sender, settings, false);
    }

    static SendPartnerRequest reminder(DocumentSender sender, ConsularProtectionSettings settings) {
        return new SendPartnerRequest(sender, settings, true);
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsularCaseNotice notice = Notices.of(execution);
        InformationRequest request = new InformationRequest();
        request.setCaseKind(CaseKind.CONSULAR_PROTECTION);
        request.setCaseReference(CaseValues.required(execution, CASE_REFERENCE));
        if (notice.isConsentToShare()) {
            request.setSubject(notice.getCitizen());
        }
        List<String> questions = Questions.of(CaseValues.string(execution, QUESTIONS));
        for (int i = 0; i < questions.size(); i++) {
            InformationRequest.Question question = new InformationRequest.Question();
            question.setId("q" + (i + 1));
            question.setValue(reminder && i == 0 ? "Reminder: our request of this case had no answer by "
                    + CaseValues.instant(execution, INFORMATION_DUE) + ". " + questions.get(i) : questions.get(i));
            request.getQuestion().add(question);
        }
        request.setRespondBy(CaseValues.instant(execution, reminder ? REMINDER_DUE : INFORMATION_DUE));
        request.setContact(Notices.hubContact(settings, null, "Consular protection"));
        String to = CaseValues.required(execution, PARTNER_MINISTRY);
        Sent sent = sender.send(new OutgoingDocument(to, "InformationRequest",
                CaseValues.required(execution, CONVERSATION_ID), null, ContractXml.element(request),
                CaseValues.requestKey(execution.getProcessInstanceId(), execution.getCurrentActivityId(), to)));
        execution.setVariable(reminder ? PARTNER_REMINDER_ID : PARTNER_REQUEST_ID, sent.messageId());
    }
}
