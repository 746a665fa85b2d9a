package org.lmx.processes.workpermit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.testing.Applications;
import org.lmx.processes.testing.Replies;
import org.lmx.xsd.exchange.v1.IdentityCheckOutcome;
import org.lmx.xsd.exchange.v1.QualificationVerificationOutcome;
import org.lmx.xsd.exchange.v1.TaxStanding;

/**
 * A check that misses its deadline is escalated: marked MISSED, the case goes on to the review, and an approval
 * then needs a supervisor (as for a flagged answer). The deadlines are the settings' defaults: identity and tax 5
 * days, qualification 10 days.
 */
class WorkPermitDeadlineTest extends WorkPermitCaseTest {

    @BeforeEach
    void quota() {
        WORLD.ledger.seed(2026, "F", "KZ-23", 10);
        WORLD.ledger.seed(2026, "F", "KZ-47", 10);
    }

    @Test
    void theMigrationPoliceMissingItsDeadlineNeedsASupervisorsApproval() {
        String pid = apply(KOREA, Applications.standardWelder());
        answerTax(pid, TaxStanding.GOOD_STANDING);
        answerQualification(pid, KOREA, QualificationVerificationOutcome.CONFIRMED);

        WORLD.clock.advance(Duration.ofDays(4));
        runJobs(pid);
        assertThat(instance(pid)).isWaitingAt("awaitIdentityCheck");
        WORLD.clock.advance(Duration.ofDays(1).plusMinutes(1));
        runJobs(pid);

        assertThat(instance(pid)).isWaitingAt("review").hasPassed("identityCheckOverdue");
        assertThat(variable(pid, "identityCheckOutcome")).isEqualTo("MISSED");
        assertThat((String) variable(pid, "identityCheckNote")).startsWith("no answer from KAZ:MIA");
        assertThat((String) variable(pid, "flags")).contains("identity check MISSED");
        DispatchOutcome late = answerIdentity(pid, IdentityCheckOutcome.CLEAR);
        assertThat(late.kind()).isEqualTo(DispatchOutcome.Kind.UNMATCHED);

        review(pid, Map.of("decision", "APPROVE", "reasons", "Clean record in the partner's file"));
        assertThat(instance(pid)).isWaitingAt("supervisorApproval");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pid)
                .taskCandidateGroup("supervisors").count()).isEqualTo(1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pid)
                .taskCandidateGroup("permit-officers").count()).isZero();
        assertThat(WORLD.ledger.remaining(2026, "F", "KZ-23")).as("held while the supervisor decides").isEqualTo(9);

        supervise(pid, Map.of("supervisorDecision", "APPROVE", "reasons", "Proceed; MIA to confirm on entry"));

        assertThat(instance(pid)).isEnded().hasPassed("grantPermit");
        assertThat(new String(decisions(pid).get(0).document().document(), StandardCharsets.UTF_8))
                .contains("<Name>supervisor.nurlan</Name>", "<Role>Supervisor, Department of Labour Migration</Role>");
        assertThat(WORLD.ledger.remaining(2026, "F", "KZ-23")).isEqualTo(9);
    }

    @Test
    void stateRevenueMissingItsDeadlineAndTheSupervisorRefusingGivesThePlacesBack() {
        String pid = apply(KOREA, Applications.standardWelder());
        answerIdentity(pid, IdentityCheckOutcome.CLEAR);
        answerQualification(pid, KOREA, QualificationVerificationOutcome.CONFIRMED);

        WORLD.clock.advance(Duration.ofDays(5).plusMinutes(1));
        runJobs(pid);

        assertThat(instance(pid)).isWaitingAt("review").hasPassed("taxCheckOverdue");
        assertThat(variable(pid, "taxStanding")).isEqualTo("MISSED");
        review(pid, Map.of("decision", "APPROVE", "reasons", "Employer known to us"));
        assertThat(WORLD.ledger.remaining(2026, "F", "KZ-47")).isEqualTo(9);

        supervise(pid, Map.of("supervisorDecision", "REJECT", "reasons", "No permit without the employer's tax standing",
                "refusalCode", "EMPLOYER_NOT_ELIGIBLE"));

        assertThat(instance(pid)).isEnded().hasPassed("refuseApplication").hasNotPassed("grantPermit");
        String decision = new String(decisions(pid).get(0).document().document(), StandardCharsets.UTF_8);
        assertThat(decision).contains("<Code>EMPLOYER_NOT_ELIGIBLE</Code>",
                "<Text>No permit without the employer's tax standing</Text>", "<Name>supervisor.nurlan</Name>");
        assertThat(WORLD.ledger.remaining(2026, "F", "KZ-23")).isEqualTo(10);
        assertThat(WORLD.ledger.remaining(2026, "F", "KZ-47")).isEqualTo(10);
        assertThat(WORLD.register.forCase(caseReference(pid))).isEmpty();
    }

    @Test
    void thePartnerMinistryMissingTheQualificationDeadlineIsEscalatedAfterTenDays() {
        String pid = apply(KOREA, Applications.standardWelder());
        answerIdentity(pid, IdentityCheckOutcome.CLEAR);
        answerTax(pid, TaxStanding.GOOD_STANDING);

        WORLD.clock.advance(Duration.ofDays(9));
        runJobs(pid);
        assertThat(instance(pid)).isWaitingAt("awaitQualification");
        WORLD.clock.advance(Duration.ofDays(1).plusMinutes(1));
        runJobs(pid);

        assertThat(instance(pid)).isWaitingAt("review").hasPassed("qualificationCheckOverdue");
        assertThat(variable(pid, "flagged")).isEqualTo(true);
        review(pid, Map.of("decision", "APPROVE", "reasons", "Diploma apostilled"));
        assertThat(instance(pid)).isWaitingAt("supervisorApproval");
    }

    @Test
    void everyCheckMissedStillReachesTheOfficer() {
        String pid = apply(KOREA, Applications.standardWelder());

        WORLD.clock.advance(Duration.ofDays(11));
        runJobs(pid);

        assertThat(instance(pid)).isWaitingAt("review");
        assertThat((String) variable(pid, "flags"))
                .isEqualTo("identity check MISSED; employer's tax standing MISSED; qualification MISSED");
    }

    @Test
    void anIdentityHitIsFlaggedForTheSupervisorWhoMayApprove() {
        String pid = apply(KOREA, Applications.standardWelder());
        answerIdentity(pid, IdentityCheckOutcome.HIT);
        answerTax(pid, TaxStanding.GOOD_STANDING);
        answerQualification(pid, KOREA, QualificationVerificationOutcome.CONFIRMED);

        assertThat((String) variable(pid, "identityCheckNote")).contains("PRIOR_OVERSTAY (closed)");
        review(pid, Map.of("decision", "APPROVE", "reasons", "Closed overstay, fine paid"));
        supervise(pid, Map.of("supervisorDecision", "APPROVE", "reasons", "Agreed"));

        assertThat(instance(pid)).isEnded().hasPassed("supervisorApproval", "grantPermit");
    }

    @Test
    void taxArrearsAndAnUnconfirmedQualificationAreFlaggedToo() {
        String pid = apply(KOREA, Applications.standardWelder());
        answerIdentity(pid, IdentityCheckOutcome.CLEAR);
        answerTax(pid, TaxStanding.ARREARS);
        answerQualification(pid, KOREA, QualificationVerificationOutcome.NOT_CONFIRMED);

        assertThat((String) variable(pid, "flags"))
                .isEqualTo("employer's tax standing ARREARS; qualification NOT_CONFIRMED");
        review(pid, Map.of("decision", "REJECT", "reasons", "Diploma not confirmed by Korea",
                "refusalCode", "QUALIFICATION_NOT_CONFIRMED"));
        assertThat(instance(pid)).isEnded().hasNotPassed("supervisorApproval");
    }

    @Test
    void anAnswerFromAnotherPartyThanTheOneAskedIsNotTaken() {
        String pid = apply(KOREA, Applications.standardWelder());
        String request = sent(pid, "IdentityCheckRequest").messageId();

        DispatchOutcome impostor = reply(pid, "KAZ:SRC", request, Replies.identity(caseReference(pid),
                IdentityCheckOutcome.CLEAR));

        assertThat(impostor.kind()).isEqualTo(DispatchOutcome.Kind.UNMATCHED);
        assertThat(impostor.note()).contains("to KAZ:MIA, not to KAZ:SRC");
        assertThat(instance(pid)).isWaitingAt("awaitIdentityCheck");
    }
}
