package org.lmx.processes.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.exchange.DispatchOutcome.Kind;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.processes.testing.AbroadCaseTest;
import org.lmx.processes.testing.AbroadEngine;
import org.lmx.processes.testing.Contracts;
import org.lmx.processes.testing.Forms;
import org.lmx.processes.testing.RecordingSender.Issued;
import org.lmx.xsd.exchange.v1.EmploymentContractRegistration;
import org.lmx.xsd.exchange.v1.ReturnTravelPayer;

/**
 * contract-vetting, every path: a clean contract passes by the rules alone, each rule flags what it should and
 * sends the contract to a consular officer, the officer approves (the flags become advice) or rejects, and the
 * signed result goes to the sender and KAZ:MFA naming the host country's information pack; the verdict is in the
 * contract register.
 */
@Deployment(resources = {AbroadEngine.VETTING_BPMN, AbroadEngine.VETTING_DMN, AbroadEngine.VETTING_FORM})
class ContractVettingTest extends AbroadCaseTest {

    static final String KOREA = "KOR:MOEL";
    static final String GERMANY = "DEU:BMAS";
    static final String RECRUITER = "ARE:MOHRE";
    static final String MFA = "KAZ:MFA";

    String register(String from, EmploymentContractRegistration contract) {
        return start(Contracts.from(from, contract));
    }

    @Test
    void aKazakhWelderInKoreaWithACleanContractPassesAutomaticallyAndBothPartiesGetTheSignedResult() {
        ReceivedDocument registration = Contracts.from(KOREA, Contracts.welderInKorea());
        String pid = start(registration);

        assertThat(instance(pid)).isEnded().hasPassed("applyVettingRules", "recordVerdict", "sendVettingResult")
                .hasNotPassed("vetContract");
        List<Issued> results = sent(pid, "ContractVettingResult");
        assertThat(results).extracting(r -> r.document().to()).containsExactly(KOREA, MFA);
        assertThat(results.get(0).document().inReplyTo()).isEqualTo(registration.messageId());
        assertThat(results.get(1).document().inReplyTo()).isNull();
        assertThat(results.get(0).document().requestKey()).isEqualTo(pid + ":sendVettingResult:" + KOREA);
        assertThat(results.get(0).document().document()).isEqualTo(results.get(1).document().document());
        assertThat(xml(results.get(0))).contains("<Verdict>APPROVED</Verdict>", "<Method>AUTOMATIC</Method>",
                "<CaseReference>CV-2026-000001</CaseReference>",
                "<CountryInformationPack>INFO-KOR-v2</CountryInformationPack>",
                "<RuleSetVersion>contract-vetting-rules 1 (2026-11)</RuleSetVersion>").doesNotContain("<Findings>");
        VettedContract vetted = WORLD.contracts.find("CV-2026-000001").orElseThrow();
        assertThat(vetted.verdict()).isEqualTo("APPROVED");
        assertThat(vetted.flags()).isEmpty();
        assertThat(vetted.hostCountry()).isEqualTo("KOR");
        assertThat(vetted.decidedBy()).isNull();
        assertThat(vetted.countryPack()).isEqualTo("INFO-KOR-v2");
        assertThat(vetted.registrationId()).isEqualTo(registration.messageId());
    }

    static Stream<Arguments> eachRule() {
        return Stream.of(
                rule("a wage below Germany's minimum", "WAGE_BELOW_HOST_MINIMUM",
                        c -> c.setMonthlyWage(Contracts.money("1900.00", "EUR"))),
                rule("a wage in dollars against a minimum in euros", "OTHER",
                        c -> c.setMonthlyWage(Contracts.money("5000.00", "USD"))),
                rule("50 hours a week where 48 is the limit", "HOURS_ABOVE_HOST_LIMIT",
                        c -> c.setWeeklyHours(new BigDecimal("50"))),
                rule("the employer keeps the passport", "PASSPORT_RETENTION",
                        c -> c.setPassportRetainedByEmployer(true)),
                rule("the recruiter charges the nurse a fee", "RECRUITMENT_FEE_CHARGED",
                        c -> c.setRecruitmentFeeChargedToWorker(Contracts.money("450000.00", "KZT"))),
                rule("the worker pays the way home", "RETURN_TRAVEL_NOT_COVERED",
                        c -> Contracts.returnTravel(c, ReturnTravelPayer.WORKER)),
                rule("the way home shared", "RETURN_TRAVEL_NOT_COVERED",
                        c -> Contracts.returnTravel(c, ReturnTravelPayer.SHARED)),
                rule("no health insurance", "NO_HEALTH_INSURANCE", c -> {
                    c.getHealthInsurance().setCovered(false);
                    c.getHealthInsurance().setProvider(null);
                }),
                rule("insured with no insurer named", "NO_HEALTH_INSURANCE",
                        c -> c.getHealthInsurance().setProvider(null)),
                rule("a host country the hub has no figures for", "OTHER", c -> c.setHostCountry("TUR")));
    }

    static Arguments rule(String what, String flag, Consumer<EmploymentContractRegistration> change) {
        return Arguments.of(what, flag, change);
    }

    @ParameterizedTest(name = "the nurse in Germany: {0} -> {1}")
    @MethodSource("eachRule")
    void eachBrokenRuleFlagsTheContractAloneAndSendsItToAConsularOfficer(
            String what, String flag, Consumer<EmploymentContractRegistration> change) {
        EmploymentContractRegistration contract = Contracts.cleanNurseInGermany();
        change.accept(contract);

        String pid = register(GERMANY, contract);

        assertThat(instance(pid)).isWaitingAt("vetContract");
        assertThat(variable(pid, "flags")).isEqualTo(flag);
        assertThat((String) variable(pid, "flagReasons")).startsWith(flag + ": ").doesNotContain("\n");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pid).taskCandidateGroup(
                "consular-officers").count()).isEqualTo(1);
        assertThat(sent(pid, "ContractVettingResult")).isEmpty();
        assertThat(WORLD.contracts.find((String) variable(pid, "caseReference"))).isEmpty();
    }

    @Test
    void aContractBreakingSeveralRulesListsEveryFlagWithItsReason() {
        EmploymentContractRegistration contract = Contracts.domesticWorkerInTheEmirates();
        contract.setWeeklyHours(new BigDecimal("72"));
        contract.setReturnTravelPaidBy(ReturnTravelPayer.WORKER);

        String pid = register(RECRUITER, contract);

        assertThat(variable(pid, "flags"))
                .isEqualTo("HOURS_ABOVE_HOST_LIMIT PASSPORT_RETENTION RETURN_TRAVEL_NOT_COVERED");
        assertThat(((String) variable(pid, "flagReasons")).lines()).hasSize(3);
    }

    @Test
    void theOfficerApprovesTheNurseDespiteTheFeeAndTheFlagBecomesAdviceInTheResult() {
        String pid = register(GERMANY, Contracts.nurseInGermany());
        assertThat(variable(pid, "flags")).isEqualTo("RECRUITMENT_FEE_CHARGED");

        complete(pid, "vetContract", "consul.dana", Map.of("decision", "APPROVE",
                "reasons", "The recruiter refunded the fee in writing on 18 November"));

        assertThat(instance(pid)).isEnded().hasPassed("vetContract", "recordVerdict", "sendVettingResult");
        List<Issued> results = sent(pid, "ContractVettingResult");
        assertThat(results).extracting(r -> r.document().to()).containsExactly(GERMANY, MFA);
        assertThat(xml(results.get(0))).contains("<Verdict>APPROVED_WITH_ADVICE</Verdict>",
                "<Method>OFFICER</Method>", "<Name>consul.dana</Name>", "<RuleCode>RECRUITMENT_FEE_CHARGED</RuleCode>",
                "<Severity>ADVISORY</Severity>", "<ContractTerm>KZT 450000.00 charged to the worker</ContractTerm>",
                "The recruiter refunded the fee in writing on 18 November", "INFO-DEU-v1");
        VettedContract vetted = WORLD.contracts.find((String) variable(pid, "caseReference")).orElseThrow();
        assertThat(vetted.verdict()).isEqualTo("APPROVED_WITH_ADVICE");
        assertThat(vetted.flags()).isEqualTo("RECRUITMENT_FEE_CHARGED");
        assertThat(vetted.decidedBy()).isEqualTo("consul.dana");
    }

    @Test
    void theOfficerRejectsTheDomesticWorkersContractWhoseEmployerWouldKeepHerPassport() {
        String pid = register(RECRUITER, Contracts.domesticWorkerInTheEmirates());
        assertThat(variable(pid, "flags")).isEqualTo("PASSPORT_RETENTION");

        complete(pid, "vetContract", "consul.dana", Map.of("decision", "REJECT",
                "reasons", "Passport retention is a forced-labour indicator; the employer refused to strike it"));

        assertThat(instance(pid)).isEnded();
        String result = xml(sent(pid, "ContractVettingResult").get(0));
        assertThat(result).contains("<Verdict>REJECTED</Verdict>", "<RuleCode>PASSPORT_RETENTION</RuleCode>",
                "<Severity>BLOCKING</Severity>", "the employer refused to strike it", "INFO-ARE-v1",
                "do not leave to work under it");
        assertThat(WORLD.contracts.listByCitizen("980702405224")).extracting(VettedContract::verdict)
                .containsExactly("REJECTED");
    }

    @Test
    void theOfficerAsksTheRecruiterToStrikeThePassportClauseAndTheResultSaysAmendmentRequired() {
        String pid = register(RECRUITER, Contracts.domesticWorkerInTheEmirates());

        complete(pid, "vetContract", "consul.dana", Map.of("decision", "REQUIRE_AMENDMENT",
                "reasons", "Strike clause 9 (the employer keeps the passport) and register the contract again"));

        assertThat(instance(pid)).isEnded();
        List<Issued> results = sent(pid, "ContractVettingResult");
        assertThat(results).extracting(r -> r.document().to()).containsExactly(RECRUITER, MFA);
        assertThat(xml(results.get(0))).contains("<Verdict>AMENDMENT_REQUIRED</Verdict>", "<Method>OFFICER</Method>",
                "<RuleCode>PASSPORT_RETENTION</RuleCode>", "Strike clause 9", "cannot be approved as it stands",
                "не может быть одобрен в этой редакции");
        assertThat(WORLD.contracts.listByCitizen("980702405224")).extracting(VettedContract::verdict)
                .containsExactly("AMENDMENT_REQUIRED");
    }

    @Test
    void theOfficerMustChooseApproveOrRejectAndGiveReasons() {
        String pid = register(GERMANY, Contracts.nurseInGermany());
        Task task = task(pid, "vetContract");

        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), Map.of("decision", "APPROVE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("needs reasons");
        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(),
                Map.of("decision", "MAYBE", "reasons", "unsure")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("must be one of");
        assertThat(instance(pid)).isWaitingAt("vetContract");
        assertThat(sent(pid, "ContractVettingResult")).isEmpty();
    }

    @Test
    void theRegisterFindsACitizensContractsByIinOrPassportNewestFirst() {
        String first = register(KOREA, Contracts.welderInKorea());
        WORLD.clock.advance(Duration.ofDays(30));
        String second = register(KOREA, Contracts.welderInKorea());

        assertThat(WORLD.contracts.listByCitizen("890412300517")).extracting(VettedContract::caseReference)
                .containsExactly((String) variable(second, "caseReference"), (String) variable(first, "caseReference"));
        assertThat(WORLD.contracts.listByCitizen("N10452291")).hasSize(2);
        assertThat(WORLD.contracts.listByCitizen("N00000000")).isEmpty();
    }

    @Test
    void theSameRegistrationDeliveredTwiceStartsOneCase() {
        ReceivedDocument registration = Contracts.from(KOREA, Contracts.welderInKorea());

        DispatchOutcome first = WORLD.dispatcher.dispatch(registration);
        DispatchOutcome again = WORLD.dispatcher.dispatch(registration);

        assertThat(first.kind()).isEqualTo(Kind.STARTED);
        assertThat(first.note()).isEqualTo("started process contract-vetting " + first.processInstanceId());
        assertThat(again.kind()).isEqualTo(Kind.ALREADY_DISPATCHED);
        assertThat(again.processInstanceId()).isEqualTo(first.processInstanceId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("contract-vetting")
                .processInstanceBusinessKey(registration.messageId()).count()).isEqualTo(1);
    }

    @Test
    void aResultWhoseAnswerWasLostIsSentAgainAsTheSameDocument() {
        WORLD.sender.loseAnswerOnce(MFA);
        String pid = WORLD.dispatcher.dispatch(Contracts.from(KOREA, Contracts.welderInKorea())).processInstanceId();
        engine.getManagementService().executeJob(
                engine.getManagementService().createJobQuery().processInstanceId(pid).singleResult().getId());
        Job send = engine.getManagementService().createJobQuery().processInstanceId(pid)
                .activityId("sendVettingResult").singleResult();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(send.getId()))
                .hasMessageContaining("was lost");
        List<Issued> first = sent(pid, "ContractVettingResult");

        WORLD.clock.advance(Duration.ofHours(1));
        runJobs(pid);

        // asked again with the same keys and the same bytes (DecidedAt fixed by the verdict, not at sending)
        assertThat(WORLD.sender.repeats()).containsExactlyElementsOf(first);
        assertThat(sent(pid, "ContractVettingResult")).isEqualTo(first);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
        assertThat(WORLD.contracts.listByCitizen("890412300517")).hasSize(1);
    }

    @Test
    void theOfficersFormShowsTheCaseAndOffersWhatTheProcessExpects() throws Exception {
        String pid = register(GERMANY, Contracts.nurseInGermany());
        Task task = task(pid, "vetContract");

        assertThat(engine.getFormService().getTaskFormData(task.getId()).getCamundaFormRef().getKey())
                .isEqualTo(Forms.id(AbroadEngine.VETTING_FORM)).isEqualTo("contract-vetting-vet");
        try (InputStream deployed = engine.getFormService().getDeployedTaskForm(task.getId())) {
            assertThat(new String(deployed.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Forms.json(AbroadEngine.VETTING_FORM));
        }
        Map<String, Object> variables = engine.getTaskService().getVariables(task.getId());
        assertThat(variables.keySet()).containsAll(Forms.keys(AbroadEngine.VETTING_FORM).stream()
                .filter(k -> !k.equals("decision") && !k.equals("reasons")).toList());
        assertThat(Forms.options(AbroadEngine.VETTING_FORM, "decision"))
                .containsExactlyInAnyOrderElementsOf(RecordVettingOfficer.DECISIONS);
        assertThat((String) variables.get("flagReasons")).startsWith("RECRUITMENT_FEE_CHARGED: ");
        assertThat(variables.get("workerName")).isEqualTo("ZHUMABEKOVA AIGERIM");
        assertThat(variables.get("hostFigures")).isEqualTo("minimum EUR 2400.00 a month, at most 48 hours a week");
    }
}
