package org.lmx.processes.consular;

import static org.lmx.processes.consular.ConsularVariables.*;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.cases.CaseValues;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.exchange.OutgoingDocument;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.CaseOutcome;
import org.lmx.xsd.exchange.v1.ConsularOutcome;
import org.lmx.xsd.exchange.v1.Money;

/**
 * The signed CaseOutcome to every party of the case: the consul (KAZ:MFA), the reporter (in reply to its notice,
 * with its own reference), the host country's ministry where the hub has one, and the NGO the case was referred to.
 * One step, one transaction; request key = instance:activity:recipient.
 */
public class SendCaseOutcome implements JavaDelegate {

    private final DocumentSender sender;
    private final ConsularProtectionSettings settings;

    public SendCaseOutcome(DocumentSender sender, ConsularProtectionSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reporter = CaseValues.required(execution, REPORTER);
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(settings.consularService());
        recipients.add(reporter);
        String ministry = CaseValues.string(execution, PARTNER_MINISTRY);
        if (ministry != null) {
            recipients.add(ministry);
        }
        String ngo = CaseValues.string(execution, REFERRED_NGO);
        if (ngo != null) {
            recipients.add(ngo);
        }
        String conversation = CaseValues.required(execution, CONVERSATION_ID);
        for (String to : recipients) {
            boolean toReporter = to.equals(reporter);
            sender.send(new OutgoingDocument(to, "CaseOutcome", conversation,
                    toReporter ? CaseValues.required(execution, NOTICE_ID) : null,
                    ContractXml.element(outcome(execution, toReporter)),
                    CaseValues.requestKey(execution.getProcessInstanceId(), execution.getCurrentActivityId(), to)));
        }
    }

    private static CaseOutcome outcome(DelegateExecution execution, boolean toReporter) {
        CaseOutcome outcome = new CaseOutcome();
        outcome.setCaseReference(CaseValues.required(execution, CASE_REFERENCE));
        if (toReporter) {
            outcome.setRecipientReference(CaseValues.required(execution, REPORTER_REFERENCE));
        }
        CaseOutcome.Outcomes outcomes = new CaseOutcome.Outcomes();
        for (String code : CaseValues.required(execution, OUTCOMES).split(" ")) {
            outcomes.getOutcome().add(ConsularOutcome.fromValue(code));
        }
        outcome.setOutcomes(outcomes);
        outcome.setSummary(CaseValues.limit(CaseValues.required(execution, OUTCOME_SUMMARY)));
        String wages = CaseValues.string(execution, WAGES_RECOVERED);
        if (wages != null) {
            Money money = new Money();
            money.setCurrency(wages.substring(0, 3));
            money.setValue(new BigDecimal(wages.substring(4)));
            outcome.setWagesRecovered(money);
        }
        outcome.setClosedAt(CaseValues.instant(execution, CLOSED_AT));
        return outcome;
    }
}
