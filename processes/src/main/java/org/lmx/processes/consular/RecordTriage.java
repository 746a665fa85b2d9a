package org.lmx.processes.consular;

import static org.lmx.processes.consular.ConsularVariables.*;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lmx.processes.cases.CaseValues;
import org.lmx.xsd.exchange.v1.ConsularNeed;

/**
 * Task listener (event complete) of {@code triage}: refuses a completion the next steps cannot act on (questions
 * without a partner ministry to ask, a referral without an NGO in the host country, without needs, or without the
 * citizen's consent outside an emergency) and records who triaged. Needs are kept normalised, one space apart.
 */
public class RecordTriage implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        boolean ask = CaseValues.flag(task, REQUEST_INFORMATION);
        boolean refer = CaseValues.flag(task, REFER_TO_NGO);
        task.setVariable(REQUEST_INFORMATION, ask);
        task.setVariable(REFER_TO_NGO, refer);
        if (ask) {
            if (CaseValues.string(task, PARTNER_MINISTRY) == null) {
                throw new ProcessEngineException("the hub has no partner ministry in "
                        + CaseValues.string(task, HOST_COUNTRY) + " to ask");
            }
            if (Questions.of(CaseValues.string(task, QUESTIONS)).isEmpty()) {
                throw new ProcessEngineException("an information request needs questions, one per line");
            }
        }
        if (refer) {
            if (CaseValues.string(task, HOST_NGO) == null) {
                throw new ProcessEngineException("the hub has no NGO in " + CaseValues.string(task, HOST_COUNTRY)
                        + " to refer the case to");
            }
            if (!CaseValues.flag(task, CONSENT_TO_SHARE) && !CaseValues.flag(task, IMMEDIATE_DANGER)) {
                throw new ProcessEngineException("the citizen did not consent to sharing: a referral only in a"
                        + " life-threatening emergency");
            }
            task.setVariable(NEEDS, needs(CaseValues.string(task, NEEDS)));
        }
        task.setVariable(TRIAGED_BY, Deciders.user(task));
    }

    static String needs(String text) {
        String normalised = text == null ? "" : Arrays.stream(text.trim().split("[\\s,;]+"))
                .filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining(" "));
        if (normalised.isEmpty()) {
            throw new ProcessEngineException("a referral needs the citizen's needs, e.g. SHELTER LEGAL_AID");
        }
        for (String need : normalised.split(" ")) {
            try {
                ConsularNeed.fromValue(need);
            } catch (IllegalArgumentException e) {
                throw new ProcessEngineException("not a need: " + need + " (one of "
                        + Arrays.stream(ConsularNeed.values()).map(ConsularNeed::value)
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        return normalised;
    }
}
