package org.lmx.processes.consular;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.processes.testing.AbroadCaseTest;
import org.lmx.processes.testing.AbroadEngine;
import org.lmx.processes.testing.CaseNotices;
import org.lmx.processes.testing.Envelopes;
import org.lmx.processes.testing.RecordingSender.Issued;
import org.lmx.xsd.exchange.v1.ConsularCaseNotice;
import org.lmx.xsd.exchange.v1.DocumentContent;

/** What the consular-protection tests share: the deployment and the moves of a case. */
@Deployment(resources = {AbroadEngine.CONSULAR_BPMN, AbroadEngine.CONSULAR_DMN, AbroadEngine.TRIAGE_FORM,
        AbroadEngine.SUPERVISE_FORM, AbroadEngine.ESCALATE_FORM, AbroadEngine.ACTION_PLAN_FORM,
        AbroadEngine.CLOSE_FORM})
abstract class ConsularCaseTest extends AbroadCaseTest {

    static final String MFA = "KAZ:MFA";
    static final String MIA = "KAZ:MIA";
    static final String UAE_MINISTRY = "ARE:MOHRE";
    static final String UAE_NGO = "ARE:NGO-EWAS";
    static final String KOREA = "KOR:MOEL";

    String report(String from, ConsularCaseNotice notice) {
        return start(CaseNotices.from(from, notice));
    }

    String caseReference(String pid) {
        return (String) variable(pid, "caseReference");
    }

    void triage(String pid, Map<String, Object> variables) {
        complete(pid, "triage", "consul.yerlan", variables);
    }

    static Map<String, Object> ask(String questions) {
        return Map.of("requestInformation", true, "questions", questions);
    }

    static Map<String, Object> refer(String needs) {
        return Map.of("referToNgo", true, "needs", needs, "triageNotes", "Shelter place needed today");
    }

    static Map<String, Object> both(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }

    Issued onlySent(String pid, String type) {
        List<Issued> issued = sent(pid, type);
        assertThat(issued).as(type + " of " + pid).hasSize(1);
        return issued.get(0);
    }

    /** A document from a party in the case's conversation, answering what {@code inReplyTo} names. */
    DispatchOutcome reply(String pid, String from, String inReplyTo, DocumentContent answer) {
        ReceivedDocument document = Envelopes.received(from, conversation(pid), inReplyTo, answer);
        DispatchOutcome outcome = WORLD.dispatcher.dispatch(document);
        runJobs(pid);
        return outcome;
    }

    void planAndClose(String pid) {
        complete(pid, "actionPlan", "consul.yerlan", Map.of("actionPlan",
                "Shelter through the NGO, labour complaint with MOHRE, consul meets the employer on Monday"));
        complete(pid, "closeCase", "consul.yerlan", Map.of(
                "outcomes", "WAGES_RECOVERED DOCUMENTS_RETURNED, REPATRIATED",
                "outcomeSummary", "Wages paid through WPS, passport returned, flew home to Shymkent",
                "wagesRecovered", "AED 6600"));
    }
}
