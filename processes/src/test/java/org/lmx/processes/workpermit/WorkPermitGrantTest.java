package org.lmx.processes.workpermit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.lmx.processes.permit.Permit;
import org.lmx.processes.testing.Applications;
import org.lmx.processes.testing.RecordingSender.Issued;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/** A clean case from application to granted permit, the way most permits go. */
class WorkPermitGrantTest extends WorkPermitCaseTest {

    @Test
    void standardPermitForAWelderIsGrantedAfterCleanChecksAndAnOfficersApproval() {
        WORLD.ledger.seed(2026, "F", "KZ-23", 5);
        WORLD.ledger.seed(2026, "F", "KZ-47", 5);

        String pid = apply(KOREA, Applications.standardWelder());

        ProcessInstance instance = instance(pid);
        assertThat(instance).isWaitingAt("awaitIdentityCheck", "awaitTaxStatus", "awaitQualification");
        assertThat(variable(pid, "category")).isEqualTo("STANDARD");
        Issued identity = sent(pid, "IdentityCheckRequest");
        assertThat(identity.document().to()).isEqualTo("KAZ:MIA");
        assertThat(sent(pid, "TaxStatusRequest").document().to()).isEqualTo("KAZ:SRC");
        assertThat(sent(pid, "QualificationVerificationRequest").document().to()).isEqualTo(KOREA);
        assertThat(new String(identity.document().document(), StandardCharsets.UTF_8))
                .contains("<CaseReference>WP-2026-000001</CaseReference>", "<Number>M715B2046</Number>",
                        "<RespondBy>2026-02-07T09:00:00+05:00</RespondBy>");

        cleanChecks(pid, KOREA);
        assertThat(instance).isWaitingAt("review");
        assertThat(task(pid, "review")).isNotNull();
        assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("permit-officers")
                .processInstanceId(pid).count()).isEqualTo(1);

        review(pid, Map.of("decision", "APPROVE", "reasons", "All checks clear"));

        assertThat(instance).isEnded().hasPassed("reserveQuota", "grantPermit", "sendDecision")
                .hasNotPassed("supervisorApproval", "refuseApplication");
        assertThat(WORLD.ledger.remaining(2026, "F", "KZ-23")).isEqualTo(4);
        assertThat(WORLD.ledger.remaining(2026, "F", "KZ-47")).isEqualTo(4);
        Permit permit = WORLD.register.find("KZ-WP-2026-000001").orElseThrow();
        assertThat(permit.category()).isEqualTo("STANDARD");
        assertThat(permit.regions()).containsExactly("KZ-23", "KZ-47");
        assertThat(permit.validFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(permit.validTo()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(permit.holder().travelDocumentNumber()).isEqualTo("M715B2046");
        assertThat(permit.applicantPartner()).isEqualTo(KOREA);
        assertThat(permit.mentoredTrainees()).as("the application's commitment").isEqualTo(2);

        List<Issued> decisions = decisions(pid);
        assertThat(decisions).extracting(d -> d.document().to())
                .containsExactly(KOREA, "KAZ:MIA", "KAZ:SRC", "KAZ:BORDER");
        assertThat(decisions.get(0).document().inReplyTo()).isEqualTo(variable(pid, "applicationId"));
        assertThat(new String(decisions.get(0).document().document(), StandardCharsets.UTF_8))
                .contains("<Decision>GRANTED</Decision>", "<PermitNumber>KZ-WP-2026-000001</PermitNumber>",
                        "<Name>officer.aigerim</Name>",
                        "The employer mentors 2 local trainees alongside the holder");
    }

    @Test
    void anApplicationWithoutAMentoringCommitmentGivesAPermitWithoutOne() {
        WORLD.ledger.seed(2026, "F", "KZ-23", 5);
        WORLD.ledger.seed(2026, "F", "KZ-47", 5);
        WorkPermitApplication application = Applications.standardWelder();
        application.getPosition().setLocalTraineeMentoring(null);

        String pid = apply(KOREA, application);
        cleanChecks(pid, KOREA);
        review(pid, Map.of("decision", "APPROVE", "reasons", "ok"));

        assertThat(WORLD.register.forCase(caseReference(pid)).orElseThrow().mentoredTrainees()).isNull();
        assertThat(new String(decisions(pid).get(0).document().document(), StandardCharsets.UTF_8))
                .doesNotContain("trainee");
    }
}
