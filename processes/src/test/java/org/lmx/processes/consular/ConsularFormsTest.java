package org.lmx.processes.consular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lmx.processes.testing.AbroadEngine;
import org.lmx.processes.testing.CaseNotices;
import org.lmx.processes.testing.Forms;

/**
 * Each user task's Camunda Form is deployed with the process and resolves, and every field it shows is a variable
 * the task has when it opens (the fields the officer fills in are listed per form).
 */
class ConsularFormsTest extends ConsularCaseTest {

    /** Fields a task's completion sets, which the case need not have yet. */
    static final Set<String> INPUTS = Set.of("requestInformation", "questions", "referToNgo", "needs", "triageNotes",
            "supervisorNotes", "escalationNotes", "actionPlan", "outcomes", "outcomeSummary", "wagesRecovered");

    @Test
    void everyTaskOfAnUrgentCaseThatEscalatesShowsItsFormWithVariablesItHas() throws Exception {
        String pid = report(MFA, CaseNotices.housekeeperInTheEmiratesWhosePassportWasTaken());
        assertForm(pid, "superviseUrgentCase", AbroadEngine.SUPERVISE_FORM);
        assertForm(pid, "triage", AbroadEngine.TRIAGE_FORM);
        triage(pid, ask("Has the employer filed an absconding report?"));
        WORLD.clock.advance(Duration.ofDays(16));
        runJobs(pid);
        assertForm(pid, "escalateInformation", AbroadEngine.ESCALATE_FORM);
        complete(pid, "escalateInformation", "supervisor.nurlan", Map.of("escalationNotes", "Through the embassy"));
        assertForm(pid, "actionPlan", AbroadEngine.ACTION_PLAN_FORM);
        complete(pid, "actionPlan", "consul.yerlan", Map.of("actionPlan", "Consul visits"));
        assertForm(pid, "closeCase", AbroadEngine.CLOSE_FORM);
    }

    @Test
    void theFormsShowTheCaseAsRegistered() {
        String pid = report(MFA, CaseNotices.housekeeperInTheEmiratesWhosePassportWasTaken());
        Map<String, Object> variables = engine.getTaskService().getVariables(task(pid, "triage").getId());

        assertThat(variables.get("citizenName")).isEqualTo("SAPAROVA MADINA");
        assertThat(variables.get("indicators"))
                .isEqualTo("PASSPORT_CONFISCATED UNPAID_WAGES CONTRACT_SUBSTITUTION EXCESSIVE_HOURS"
                        + " THREATS_OR_VIOLENCE");
        assertThat(variables.get("unpaidWages")).isEqualTo("AED 6600.00 for 3 month(s)");
        assertThat(variables.get("partnerMinistry")).isEqualTo(UAE_MINISTRY);
        assertThat(variables.get("hostNgo")).isEqualTo(UAE_NGO);
        assertThat(variables.get("travelDocument")).isEqualTo("none reported");
    }

    private void assertForm(String pid, String taskKey, String form) throws Exception {
        Task task = task(pid, taskKey);
        assertThat(task).as(taskKey).isNotNull();
        assertThat(engine.getFormService().getTaskFormData(task.getId()).getCamundaFormRef().getKey())
                .isEqualTo(Forms.id(form));
        try (InputStream deployed = engine.getFormService().getDeployedTaskForm(task.getId())) {
            assertThat(new String(deployed.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Forms.json(form));
        }
        Map<String, Object> variables = engine.getTaskService().getVariables(task.getId());
        List<String> shown = Forms.keys(form).stream().filter(k -> !INPUTS.contains(k)).toList();
        assertThat(variables.keySet()).as(form).containsAll(shown);
    }
}
