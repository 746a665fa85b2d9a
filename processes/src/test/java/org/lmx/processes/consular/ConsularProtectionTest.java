package org.lmx.processes.consular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.lmx.processes.exchange.DispatchOutcome.Kind;
import org.lmx.processes.testing.CaseNotices;
import org.lmx.processes.testing.RecordingSender.Issued;
import org.lmx.processes.vetting.VettedContract;
import org.lmx.xsd.exchange.v1.ConsularCaseNotice;
import org.lmx.xsd.exchange.v1.ConsularIndicator;
import org.lmx.xsd.exchange.v1.ConsularReporterRole;

/**
 * consular-protection, every path: severity by the table (urgent cases alert KAZ:MIA at once and open a
 * supervisors' task), the NGO referral, the partner ministry's answer in time, the deadline passed with a reminder
 * and then escalation, the action plan and the signed outcome to every party, the link to the vetted contract.
 */
class ConsularProtectionTest extends ConsularCaseTest {

    @Test
    void aWelderInKoreaWorkingExcessiveHoursIsANormalCaseWithoutAlertOrSupervisor() {
        String pid = report(KOREA, CaseNotices.welderInKoreaWorkingExcessiveHours());

        assertThat(instance(pid)).isWaitingAt("triage").hasNotPassed("sendTraffickingAlert");
        assertThat(variable(pid, "severity")).isEqualTo("HIGH");
        assertThat(variable(pid, "caseReference")).isEqualTo("CP-2026-000001");
        assertThat(WORLD.sender.issued()).isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("supervisors").count()).isZero();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pid)
                .taskCandidateGroup("consular-officers").count()).isEqualTo(1);
    }

    @Test
    void theHousekeeperInTheEmiratesWhosePassportWasTakenIsUrgentMiaIsAlertedAtOnceAndASupervisorTaskOpens() {
        ConsularCaseNotice notice = CaseNotices.housekeeperInTheEmiratesWhosePassportWasTaken();
        String pid = report(MFA, notice);

        assertThat(variable(pid, "severity")).isEqualTo("URGENT");
        assertThat((String) variable(pid, "severityReasons")).contains("Passport confiscated",
                "Threats or violence", "Deceptive recruitment or contract substitution", "three months or more",
                "risk now");
        Issued alert = onlySent(pid, "ComplianceAlert");
        assertThat(alert.document().to()).isEqualTo(MIA);
        assertThat(xml(alert)).contains("<AlertType>TRAFFICKING_INDICATORS</AlertType>", "<Priority>URGENT</Priority>",
                "<AlertReference>CA-2026-000001</AlertReference>", "<Surname>SAPAROVA</Surname>",
                "<EvidenceMessageId>" + variable(pid, "noticeId") + "</EvidenceMessageId>", "CP-2026-000001");
        assertThat(instance(pid)).isWaitingAt("superviseUrgentCase", "triage");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pid).taskDefinitionKey(
                "superviseUrgentCase").taskCandidateGroup("supervisors").count()).isEqualTo(1);
    }

    @Test
    void wagesUnpaidForThreeMonthsAloneMakeACaseUrgentTwoMonthsDoNot() {
        ConsularCaseNotice three = CaseNotices.welderInKoreaWorkingExcessiveHours();
        CaseNotices.indicators(three, ConsularIndicator.UNPAID_WAGES);
        ConsularCaseNotice.UnpaidWages wages = new ConsularCaseNotice.UnpaidWages();
        wages.setAmount(org.lmx.processes.testing.Contracts.money("7800000.00", "KRW"));
        wages.setMonths(3);
        three.setUnpaidWages(wages);
        String urgent = report(KOREA, three);

        ConsularCaseNotice two = CaseNotices.welderInKoreaWorkingExcessiveHours();
        CaseNotices.indicators(two, ConsularIndicator.UNPAID_WAGES);
        ConsularCaseNotice.UnpaidWages fewer = new ConsularCaseNotice.UnpaidWages();
        fewer.setAmount(org.lmx.processes.testing.Contracts.money("5200000.00", "KRW"));
        fewer.setMonths(2);
        two.setUnpaidWages(fewer);
        String high = report(KOREA, two);

        assertThat(variable(urgent, "severity")).isEqualTo("URGENT");
        assertThat(onlySent(urgent, "ComplianceAlert").document().to()).isEqualTo(MIA);
        assertThat(variable(high, "severity")).isEqualTo("HIGH");
        assertThat(sent(high, "ComplianceAlert")).isEmpty();
    }

    @Test
    void aCaseWithNoHarmIndicatorIsRoutine() {
        ConsularCaseNotice notice = CaseNotices.welderInKoreaWorkingExcessiveHours();
        CaseNotices.indicators(notice, ConsularIndicator.OTHER);

        String pid = report(KOREA, notice);

        assertThat(variable(pid, "severity")).isEqualTo("ROUTINE");
    }

    @Test
    void theShelterNgoInTheEmiratesGetsTheReferralWithTheNeedsAndTheConsulToWorkWith() {
        String pid = report(MFA, CaseNotices.housekeeperInTheEmiratesWhosePassportWasTaken());

        triage(pid, refer("SHELTER, LEGAL_AID INTERPRETATION"));

        Issued referral = onlySent(pid, "CaseReferral");
        assertThat(referral.document().to()).isEqualTo(UAE_NGO);
        assertThat(xml(referral)).contains("<Need>SHELTER</Need>", "<Need>LEGAL_AID</Need>",
                "<Need>INTERPRETATION</Need>", "<Urgency>IMMEDIATE</Urgency>", "<ConsentGiven>true</ConsentGiven>",
                "<Name>Yerlan Abdikarimov</Name>", "<Summary>Shelter place needed today</Summary>",
                "<CaseReference>" + caseReference(pid) + "</CaseReference>");
        assertThat(variable(pid, "referredNgo")).isEqualTo(UAE_NGO);
        assertThat(instance(pid)).isWaitingAt("superviseUrgentCase", "actionPlan")
                .hasNotPassed("sendInformationRequest");
    }

    @Test
    void noReferralWithoutTheCitizensConsentOutsideAnEmergencyNorWithUnknownNeeds() {
        ConsularCaseNotice notice = CaseNotices.housekeeperInTheEmiratesWhosePassportWasTaken();
        notice.setConsentToShare(false);
        notice.setImmediateDanger(false);
        String pid = report(MFA, notice);
        String task = task(pid, "triage").getId();

        assertThatThrownBy(() -> engine.getTaskService().complete(task, refer("SHELTER")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("did not consent");

        String other = report(MFA, CaseNotices.housekeeperInTheEmiratesWhosePassportWasTaken());
        String otherTask = task(other, "triage").getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(otherTask, refer("SHELTER HOTEL")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("not a need: HOTEL");
        assertThat(sent(pid, "CaseReferral")).isEmpty();
        assertThat(sent(other, "CaseReferral")).isEmpty();
    }

    @Test
    void theUaeMinistryAnswersInTimeAndTheAnswersReachTheActionPlan() {
        String pid = report(MFA, CaseNotices.housekeeperInTheEmiratesWhosePassportWasTaken());
        triage(pid, ask("Has the employer filed an absconding report?\nWhen will MOHRE hear the wage complaint?"));

        Issued request = onlySent(pid, "InformationRequest");
        assertThat(request.document().to()).isEqualTo(UAE_MINISTRY);
        assertThat(xml(request)).contains("<CaseKind>CONSULAR_PROTECTION</CaseKind>",
                "<Question id=\"q1\">Has the employer filed an absconding report?</Question>",
                "<Question id=\"q2\">", "<RespondBy>2026-02-12T09:00:00+05:00</RespondBy>", "<Subject>");
        assertThat(instance(pid)).isWaitingAt("superviseUrgentCase", "awaitAnswer");

        WORLD.clock.advance(Duration.ofDays(3));
        var outcome = reply(pid, UAE_MINISTRY, request.messageId(), CaseNotices.answer(caseReference(pid),
                "No absconding report has been filed", "Hearing on 20 February"));

        assertThat(outcome.kind()).isEqualTo(Kind.CORRELATED);
        assertThat(outcome.note()).isEqualTo("correlated with process consular-protection " + pid
                + " as InformationResponse");
        assertThat((String) variable(pid, "informationAnswers")).contains("q1: No absconding report has been filed",
                "q2: Hearing on 20 February");
        assertThat(instance(pid)).isWaitingAt("superviseUrgentCase", "actionPlan")
                .hasNotPassed("sendInformationReminder");
        WORLD.clock.advance(Duration.ofDays(30));
        runJobs(pid);
        assertThat(sent(pid, "InformationRequest")).hasSize(1);
    }

    @Test
    void whenTheDeadlinePassesTheMinistryIsRemindedAndThenSupervisorsAreAskedToEscalate() {
        String pid = report(KOREA, CaseNotices.welderInKoreaWorkingExcessiveHours());
        triage(pid, ask("Was the employer fined?"));
        String first = onlySent(pid, "InformationRequest").messageId();

        WORLD.clock.advance(Duration.ofDays(9));
        runJobs(pid);
        assertThat(sent(pid, "InformationRequest")).as("nothing before the deadline").hasSize(1);

        WORLD.clock.advance(Duration.ofDays(1).plusMinutes(1));
        runJobs(pid);
        List<Issued> requests = sent(pid, "InformationRequest");
        assertThat(requests).hasSize(2);
        Issued reminder = requests.get(1);
        assertThat(reminder.document().to()).isEqualTo(KOREA);
        assertThat(xml(reminder)).contains("Reminder: our request of this case had no answer by",
                "<RespondBy>2026-02-17T09:00:00+05:00</RespondBy>");
        assertThat(variable(pid, "partnerReminderId")).isEqualTo(reminder.messageId());
        assertThat(variable(pid, "partnerRequestId")).isEqualTo(first);
        assertThat(instance(pid)).isWaitingAt("awaitLateAnswer");

        WORLD.clock.advance(Duration.ofDays(5));
        runJobs(pid);

        assertThat(instance(pid)).isWaitingAt("escalateInformation");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pid).taskCandidateGroup("supervisors")
                .count()).isEqualTo(1);
        complete(pid, "escalateInformation", "supervisor.nurlan",
                Map.of("escalationNotes", "Ask the embassy in Seoul to raise it with MOEL"));
        assertThat(instance(pid)).isWaitingAt("actionPlan");
        assertThat(variable(pid, "escalatedBy")).isEqualTo("supervisor.nurlan");
    }

    @Test
    void anAnswerAfterTheReminderCorrelatesWhetherItNamesTheReminderOrTheFirstRequest() {
        String toReminder = remindedCase();
        String reminder = sent(toReminder, "InformationRequest").get(1).messageId();
        String toFirst = remindedCase();
        String first = sent(toFirst, "InformationRequest").get(0).messageId();

        assertThat(reply(toReminder, KOREA, reminder, CaseNotices.answer(caseReference(toReminder), "Fined")).kind())
                .isEqualTo(Kind.CORRELATED);
        assertThat(reply(toFirst, KOREA, first, CaseNotices.answer(caseReference(toFirst), "Fined")).kind())
                .isEqualTo(Kind.CORRELATED);

        assertThat(instance(toReminder)).isWaitingAt("actionPlan").hasNotPassed("escalateInformation");
        assertThat(instance(toFirst)).isWaitingAt("actionPlan").hasNotPassed("escalateInformation");
    }

    private String remindedCase() {
        String pid = report(KOREA, CaseNotices.welderInKoreaWorkingExcessiveHours());
        triage(pid, ask("Was the employer fined?"));
        WORLD.clock.advance(Duration.ofDays(10).plusMinutes(1));
        runJobs(pid);
        assertThat(instance(pid)).isWaitingAt("awaitLateAnswer");
        return pid;
    }

    @Test
    void theOutcomeGoesSignedToTheConsulTheMinistryAndTheNgoAndTheUrgentCaseEndsWhenSupervised() {
        ConsularCaseNotice notice = CaseNotices.housekeeperInTheEmiratesWhosePassportWasTaken();
        String pid = report(MFA, notice);
        triage(pid, both(refer("SHELTER LEGAL_AID"), ask("Has the employer filed an absconding report?")));
        reply(pid, UAE_MINISTRY, onlySent(pid, "InformationRequest").messageId(),
                CaseNotices.answer(caseReference(pid), "No"));

        planAndClose(pid);

        List<Issued> outcomes = sent(pid, "CaseOutcome");
        assertThat(outcomes).extracting(o -> o.document().to()).containsExactly(MFA, UAE_MINISTRY, UAE_NGO);
        assertThat(outcomes.get(0).document().inReplyTo()).isEqualTo(variable(pid, "noticeId"));
        assertThat(xml(outcomes.get(0))).contains("<RecipientReference>" + notice.getCaseReference()
                + "</RecipientReference>", "<Outcome>WAGES_RECOVERED</Outcome>",
                "<Outcome>DOCUMENTS_RETURNED</Outcome>",
                "<Outcome>REPATRIATED</Outcome>", "<WagesRecovered currency=\"AED\">6600.00</WagesRecovered>",
                "<ClosedAt>2026-02-02T09:00:00+05:00</ClosedAt>");
        assertThat(xml(outcomes.get(1))).doesNotContain("<RecipientReference>");
        assertThat(outcomes.get(1).document().inReplyTo()).isNull();
        assertThat(outcomes.get(2).document().requestKey()).isEqualTo(pid + ":sendCaseOutcome:" + UAE_NGO);
        assertThat(variable(pid, "closedBy")).isEqualTo("consul.yerlan");
        assertThat(instance(pid)).isNotEnded();

        complete(pid, "superviseUrgentCase", "supervisor.nurlan", Map.of("supervisorNotes", "Followed daily"));

        assertThat(instance(pid)).isEnded();
    }

    @Test
    void aCaseReportedByTheNgoSendsItsOutcomeToTheConsulTheNgoAndTheMinistry() {
        ConsularCaseNotice notice = CaseNotices.housekeeperInTheEmiratesWhosePassportWasTaken();
        notice.setReporterRole(ConsularReporterRole.NGO);
        String pid = report(UAE_NGO, notice);
        triage(pid, Map.of());

        planAndClose(pid);

        assertThat(sent(pid, "CaseOutcome")).extracting(o -> o.document().to())
                .containsExactly(MFA, UAE_NGO, UAE_MINISTRY);
        assertThat(sent(pid, "CaseOutcome").get(1).document().inReplyTo()).isEqualTo(variable(pid, "noticeId"));
    }

    @Test
    void theOfficerMustGiveValidOutcomesAndASummaryToClose() {
        String pid = report(KOREA, CaseNotices.welderInKoreaWorkingExcessiveHours());
        triage(pid, Map.of());
        complete(pid, "actionPlan", "consul.yerlan", Map.of("actionPlan", "Inspection follow-up"));
        String task = task(pid, "closeCase").getId();

        assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("outcomes", "HAPPY",
                "outcomeSummary", "ok"))).hasMessageContaining("not an outcome: HAPPY");
        assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("outcomes", "RESOLVED_OTHERWISE")))
                .hasMessageContaining("outcomeSummary is required");
        assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("outcomes", "RESOLVED_OTHERWISE",
                "outcomeSummary", "ok", "wagesRecovered", "lots"))).hasMessageContaining("currency and amount");
        assertThat(sent(pid, "CaseOutcome")).isEmpty();
    }

    @Test
    void theCaseShowsTheCitizensVettedContractFromTheRegister() {
        WORLD.contracts.record(new VettedContract("CV-2026-000042", java.util.UUID.randomUUID().toString(),
                "TAD-2026-7", java.util.UUID.randomUUID().toString(), "ARE:MOHRE", "980702405224", "N13390412", "KAZ",
                "SAPAROVA", "MADINA", "ARE", "Al Noor Hospitality Services LLC", "CN-2841937",
                java.time.LocalDate.parse("2026-03-01"), java.time.LocalDate.parse("2028-02-29"), "APPROVED", "",
                null, "INFO-ARE-v1", java.time.OffsetDateTime.parse("2026-01-20T10:00:00+05:00")));

        String linked = report(MFA, CaseNotices.housekeeperInTheEmiratesWhosePassportWasTaken());
        String unlinked = report(KOREA, CaseNotices.welderInKoreaWorkingExcessiveHours());

        assertThat(variable(linked, "linkedContract")).isEqualTo("CV-2026-000042");
        assertThat((String) variable(linked, "linkedContractSummary")).startsWith("CV-2026-000042: APPROVED, Al Noor")
                .contains("2026-03-01 to 2028-02-29");
        assertThat(variable(unlinked, "linkedContract")).isNull();
        assertThat(variable(unlinked, "linkedContractSummary")).isEqualTo("no vetted contract in the register");
    }
}
