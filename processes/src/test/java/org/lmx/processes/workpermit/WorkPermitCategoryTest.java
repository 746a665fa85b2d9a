package org.lmx.processes.workpermit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.permit.Permit;
import org.lmx.processes.testing.Applications;
import org.lmx.xsd.exchange.v1.IdentityCheckOutcome;
import org.lmx.xsd.exchange.v1.IscedLevel;
import org.lmx.xsd.exchange.v1.TaxStanding;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/**
 * Each category of the policy through the whole case: the DMN decides it, its cap bounds the validity, its quota
 * flag decides whether places are taken, and humanitarian categories are never checked with a country of origin.
 */
class WorkPermitCategoryTest extends WorkPermitCaseTest {

    @Test
    void skillsVisaForASoftwareDeveloperInAlmatyRunsThreeYearsWithRelaxedRequirements() {
        WORLD.ledger.seed(2026, "J", "KZ-75", 3);
        WorkPermitApplication application = Applications.skillsVisaSoftwareDeveloper();

        String pid = apply(KOREA, application);

        assertThat(variable(pid, "category")).isEqualTo("SKILLS_VISA");
        assertThat(variable(pid, "requirementsMet")).isEqualTo(true);
        cleanChecks(pid, KOREA);
        review(pid, Map.of("decision", "APPROVE", "reasons", "In-demand IT specialist"));

        Permit permit = WORLD.register.forCase(caseReference(pid)).orElseThrow();
        assertThat(permit.category()).isEqualTo("SKILLS_VISA");
        assertThat(permit.validFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(permit.validTo()).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(WORLD.ledger.remaining(2026, "J", "KZ-75")).isEqualTo(2);
    }

    @Test
    void skillsVisaCoversScienceHealthcareEducationSportsAndCultureByProfession() {
        for (String isco : new String[] {"2131", "2211", "2310", "3421", "2652"}) {
            WorkPermitApplication application = Applications.skillsVisaSoftwareDeveloper();
            application.getPosition().getProfession().setIscoCode(isco);
            application.getPosition().setSector(org.lmx.xsd.exchange.v1.EconomicSector.S);
            String pid = apply(KOREA, application);
            assertThat(variable(pid, "category")).as("ISCO " + isco).isEqualTo("SKILLS_VISA");
        }
    }

    @Test
    void aSkillsVisaApplicantWithoutTheDegreeIsFlaggedNotRefused() {
        WORLD.ledger.seed(2026, "J", "KZ-75", 3);
        WorkPermitApplication application = Applications.skillsVisaSoftwareDeveloper();
        application.getQualification().setEducationLevel(IscedLevel.ISCED_3);

        String pid = apply(KOREA, application);
        cleanChecks(pid, KOREA);

        assertThat(variable(pid, "requirementsMet")).isEqualTo(false);
        assertThat((String) variable(pid, "requirementNotes")).contains("ISCED 5 or above");
        assertThat(variable(pid, "flagged")).isEqualTo(true);
        review(pid, Map.of("decision", "APPROVE", "reasons", "Ten years of open-source work stand in for the degree"));
        ProcessInstance instance = instance(pid);
        assertThat(instance).isWaitingAt("supervisorApproval");
    }

    @Test
    void kandasPermitIsCappedAtThreeYearsOutsideTheQuotaWithoutAQualificationCheck() {
        // no quota line at all: a Kandas permit takes no place
        String pid = apply(UZBEKISTAN, Applications.kandas());

        assertThat(variable(pid, "category")).isEqualTo("KANDAS");
        assertThat(variable(pid, "quotaRequired")).isEqualTo(false);
        assertThat(WORLD.sender.ofType("QualificationVerificationRequest", conversation(pid))).isEmpty();
        assertThat(variable(pid, "qualificationOutcome")).isEqualTo("NOT_REQUIRED");
        assertThat((String) variable(pid, "requirementNotes")).contains("capped at 36 months");
        assertThat(answerIdentity(pid, IdentityCheckOutcome.CLEAR).kind()).isEqualTo(DispatchOutcome.Kind.CORRELATED);
        assertThat(answerTax(pid, TaxStanding.GOOD_STANDING).kind()).isEqualTo(DispatchOutcome.Kind.CORRELATED);

        review(pid, Map.of("decision", "APPROVE", "reasons", "Kandas status confirmed"));

        Permit permit = WORLD.register.forCase(caseReference(pid)).orElseThrow();
        assertThat(permit.category()).isEqualTo("KANDAS");
        assertThat(permit.validTo()).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(instance(pid)).isEnded().hasPassed("grantPermit");
        assertThat(new String(decisions(pid).get(0).document().document(), StandardCharsets.UTF_8))
                .contains("<Category>KANDAS</Category>", "<To>2029-02-28</To>");
    }

    @Test
    void refugeesGetAccessToWorkWithoutQuotaAndTheirCountryOfOriginIsNeverAsked() {
        String pid = apply(UZBEKISTAN, Applications.refugee());

        assertThat(variable(pid, "category")).isEqualTo("REFUGEE_OR_STATELESS");
        assertThat(WORLD.sender.ofType("QualificationVerificationRequest")).isEmpty();
        assertThat(sent(pid, "IdentityCheckRequest").document().to()).isEqualTo("KAZ:MIA");
        answerIdentity(pid, IdentityCheckOutcome.CLEAR);
        answerTax(pid, TaxStanding.GOOD_STANDING);
        review(pid, Map.of("decision", "APPROVE", "reasons", "Recognised refugee"));

        Permit permit = WORLD.register.forCase(caseReference(pid)).orElseThrow();
        assertThat(permit.category()).isEqualTo("REFUGEE_OR_STATELESS");
        // the refugee certificate ends before the employment: the permit ends with it
        assertThat(permit.validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(permit.holder().travelDocumentKind()).isEqualTo("REFUGEE_TRAVEL_DOCUMENT");
    }

    @Test
    void statelessPersonsAreTheSameCategory() {
        WorkPermitApplication application = Applications.refugee();
        application.getProtectionStatus().setKind(org.lmx.xsd.exchange.v1.ProtectionStatusKind.STATELESS_PERSON);
        application.getApplicant().setCitizenship("XXA");

        String pid = apply(UZBEKISTAN, application);

        assertThat(variable(pid, "category")).isEqualTo("REFUGEE_OR_STATELESS");
    }

    @Test
    void intraCorporateTransferOfTheKoreanWeldingEngineerIsGrantedForTwoYears() {
        WORLD.ledger.seed(2026, "F", "KZ-23", 1);
        WORLD.ledger.seed(2026, "F", "KZ-47", 1);

        String pid = apply(KOREA, Applications.intraCorporateTransfer());

        assertThat(variable(pid, "category")).isEqualTo("INTRA_CORPORATE");
        assertThat(variable(pid, "requirementsMet")).isEqualTo(true);
        cleanChecks(pid, KOREA);
        review(pid, Map.of("decision", "APPROVE", "reasons", "Secondment from the parent company"));

        Permit permit = WORLD.register.forCase(caseReference(pid)).orElseThrow();
        assertThat(permit.category()).isEqualTo("INTRA_CORPORATE");
        assertThat(permit.validTo()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(WORLD.ledger.remaining(2026, "F", "KZ-23")).isZero();
        assertThat(WORLD.ledger.remaining(2026, "F", "KZ-47")).isZero();
    }

    @Test
    void aNewcomerToTheParentCompanyIsNotAnIntraCorporateTransferee() {
        WorkPermitApplication application = Applications.intraCorporateTransfer();
        application.getIntraCorporateTransfer().setEmployedByParentSince(LocalDate.of(2025, 9, 1));

        String pid = apply(KOREA, application);

        assertThat(variable(pid, "requirementsMet")).isEqualTo(false);
        assertThat((String) variable(pid, "requirementNotes")).contains("a year with the parent company");
    }

    @Test
    void standardPermitIsCappedAtOneYear() {
        WorkPermitApplication application = Applications.standardWelder();
        application.getPosition().getEmploymentPeriod().setTo(LocalDate.of(2028, 2, 29));

        String pid = apply(KOREA, application);

        assertThat(variable(pid, "category")).isEqualTo("STANDARD");
        assertThat(variable(pid, "validTo")).isEqualTo("2027-02-28");
        assertThat((String) variable(pid, "requirementNotes")).contains("capped at 12 months");
    }
}
