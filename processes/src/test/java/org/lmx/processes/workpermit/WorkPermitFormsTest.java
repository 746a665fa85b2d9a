package org.lmx.processes.workpermit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.processes.testing.Applications;
import org.lmx.processes.testing.Envelopes;
import org.lmx.processes.testing.WorkPermitEngine;
import org.lmx.xsd.exchange.v1.Attachment;
import org.lmx.xsd.exchange.v1.AttachmentRef;
import org.lmx.xsd.exchange.v1.IdentityCheckOutcome;
import org.lmx.xsd.exchange.v1.PermitRefusalReasonCode;
import org.lmx.xsd.exchange.v1.QualificationVerificationOutcome;
import org.lmx.xsd.exchange.v1.SupportingDocumentKind;
import org.lmx.xsd.exchange.v1.TaxStanding;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/**
 * The Camunda Forms (form-js JSON) Tasklist shows for the review and the supervisor's approval: deployed with the
 * process and resolved from the task, every fact they show is a variable the task has when it opens (prepared by
 * reviewFacts), the decisions they offer are the ones the gateways test, and the quota they show is the ledger's.
 */
class WorkPermitFormsTest extends WorkPermitCaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void quota() {
        WORLD.ledger.seed(2026, "F", "KZ-23", 10);
        WORLD.ledger.seed(2026, "F", "KZ-47", 10);
    }

    @Test
    void theWeldingEngineersReviewOpensWithTheReviewFormOfTheProcessDeployment() throws Exception {
        String pid = atReview(weldingEngineerWithAttachments());
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pid).initializeFormKeys().singleResult();

        assertThat(task.getCamundaFormRef().getKey()).isEqualTo("work-permit-review");
        assertThat(task.getCamundaFormRef().getBinding()).isEqualTo("deployment");
        JsonNode form = deployedForm(task);
        assertThat(form.get("id").asText()).isEqualTo("work-permit-review");
        ProcessDefinition definition = engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId());
        assertThat(engine.getRepositoryService().getDeploymentResourceNames(definition.getDeploymentId()))
                .contains("forms/work-permit-review.form", "forms/work-permit-supervisor-approval.form");
    }

    @Test
    void everyFactOnTheReviewFormIsAVariableOfTheWeldingEngineersReviewWhenItOpens() throws Exception {
        String pid = atReview(weldingEngineerWithAttachments());
        Task task = task(pid, "review");
        Map<String, Object> variables = engine.getTaskService().getVariables(task.getId());
        JsonNode form = deployedForm(task);

        for (String key : keys(form, true)) {
            assertThat(variables).as("the review's variables").containsKey(key);
            assertThat(variables.get(key)).as(key).isInstanceOf(String.class);
            assertThat((String) variables.get(key)).as(key).isNotBlank();
        }
        assertThat(keys(form, false)).containsExactlyInAnyOrder("decision", "reasons", "questions", "refusalCode");
        assertThat(keys(form, true)).contains("applicantName", "applicantBirthDate", "citizenship", "travelDocument",
                "employerBin", "employerName", "iscoCode", "jobTitle", "sector", "regions", "employmentPeriod",
                "category", "categoryBasis", "documents", "identityCheckOutcome", "identityCheckNote", "taxStanding",
                "taxCheckNote", "qualificationOutcome", "qualificationNote", "quotaLine", "quotaLeft");
        // what the application says, as the officer reads it
        assertThat(variables).containsEntry("applicantName", "PARK JIHOON")
                .containsEntry("applicantBirthDate", "1986-07-21")
                .containsEntry("travelDocument", "PASSPORT M715B2046 (KOR), issued 2022-03-15, expires 2032-03-15")
                .containsEntry("employerBin", "120540017383")
                .containsEntry("employmentPeriod", "2026-03-01 to 2027-02-28")
                .containsEntry("quotaLine", "2026, sector F, regions KZ-23 KZ-47")
                .containsEntry("identityCheckOutcome", "CLEAR")
                .containsEntry("flagSummary", "none")
                .containsEntry("informationSummary", "none requested");
        assertThat(((String) variables.get("documents")).lines()).containsExactly(
                "passport: PARK_JIHOON_passport.pdf (application/pdf, 402 KiB) TRAVEL_DOCUMENT_COPY",
                "diploma: PARK_JIHOON_diploma_PNU.pdf (application/pdf, 1.8 MiB) DIPLOMA: Bachelor of Engineering,"
                        + " apostilled");
        assertThat((String) variables.get("categoryBasis"))
                .startsWith("STANDARD by decision table work-permit-category from ISCO-08 7212, sector F")
                .contains("requested: STANDARD", "longest validity 12 months", "counted against the quota");
    }

    @Test
    void theSupervisorSeesTheReviewersDecisionAndTheFlagsOfAnIdentityHit() throws Exception {
        String pid = apply(KOREA, Applications.standardWelder());
        answerIdentity(pid, IdentityCheckOutcome.HIT);
        answerTax(pid, TaxStanding.GOOD_STANDING);
        answerQualification(pid, KOREA, QualificationVerificationOutcome.CONFIRMED);
        review(pid, Map.of("decision", "APPROVE", "reasons", "Closed overstay, fine paid"));

        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pid).initializeFormKeys().singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("supervisorApproval");
        assertThat(task.getCamundaFormRef().getKey()).isEqualTo("work-permit-supervisor-approval");
        JsonNode form = deployedForm(task);
        assertThat(form.get("id").asText()).isEqualTo("work-permit-supervisor-approval");
        Map<String, Object> variables = engine.getTaskService().getVariables(task.getId());
        for (String key : keys(form, true)) {
            assertThat(variables).as("the approval's variables").containsKey(key);
            assertThat((String) variables.get(key)).as(key).isNotBlank();
        }
        assertThat(keys(form, false)).containsExactlyInAnyOrder("supervisorDecision", "reasons", "refusalCode");
        assertThat(variables).containsEntry("reviewSummary", "APPROVE by officer.aigerim: Closed overstay, fine paid")
                .containsEntry("identityCheckOutcome", "HIT");
        assertThat((String) variables.get("flagSummary")).contains("identity check HIT");
        // the approval has taken this case's places by now: the figure shown is after them
        assertThat((String) variables.get("quotaLeft")).isEqualTo(
                "KZ-23: 9 places left\nKZ-47: 9 places left\nthis case holds one place in each region");
    }

    @Test
    void thePlacesLeftShownAreTheLedgersWhenTheReviewOpensWithThePartnersShare() {
        WORLD.shares.put("KOR:MOEL 2026 F KZ-47", 3);
        String pid = apply(KOREA, Applications.standardWelder());
        // while the checks run, two other cases of the ministry take places in Atyrau and Mangystau
        for (String other : List.of("WP-2026-OTHER-1", "WP-2026-OTHER-2")) {
            WORLD.ledger.reserve(other, 2026, "F", List.of("KZ-23", "KZ-47"), KOREA, Map.of("KZ-47", 3));
        }
        cleanChecks(pid, KOREA);

        String shown = (String) engine.getTaskService().getVariable(task(pid, "review").getId(), "quotaLeft");
        assertThat(shown).isEqualTo("KZ-23: " + WORLD.ledger.remaining(2026, "F", "KZ-23") + " places left\n"
                + "KZ-47: " + WORLD.ledger.remaining(2026, "F", "KZ-47") + " places left; share of KOR:MOEL: "
                + WORLD.ledger.heldBy(KOREA, 2026, "F", "KZ-47") + " of 3 held");
        assertThat(shown).isEqualTo("KZ-23: 8 places left\nKZ-47: 8 places left; share of KOR:MOEL: 2 of 3 held");
    }

    @Test
    void aKandasReviewShowsThatTheQuotaDoesNotCountAndWhy() {
        String pid = apply(UZBEKISTAN, Applications.kandas());
        answerIdentity(pid, IdentityCheckOutcome.CLEAR);
        answerTax(pid, TaxStanding.GOOD_STANDING);

        Map<String, Object> variables = engine.getTaskService().getVariables(task(pid, "review").getId());
        assertThat(variables).containsEntry("quotaLeft", "KANDAS is not counted against the quota")
                .containsEntry("qualificationOutcome", "NOT_REQUIRED");
        assertThat((String) variables.get("categoryBasis")).contains("KANDAS by decision table", "Kandas status",
                "not counted against the quota; qualification not verified");
        assertThat((String) variables.get("requirementSummary")).contains("capped at 36 months");
    }

    @Test
    void theDecisionsOnTheFormsAreTheValuesTheGatewaysTest() throws Exception {
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(engine.getRepositoryService()
                .createProcessDefinitionQuery().processDefinitionKey("work-permit").latestVersion().singleResult().getId());
        JsonNode review = resource(WorkPermitEngine.REVIEW_FORM);
        JsonNode approval = resource(WorkPermitEngine.SUPERVISOR_FORM);

        assertThat(selectValues(review, "decision")).isEqualTo(gatewayValues(model, "reviewDecision", "decision"))
                .containsExactlyInAnyOrder("APPROVE", "REJECT", "REQUEST_INFORMATION");
        assertThat(selectValues(approval, "supervisorDecision"))
                .isEqualTo(gatewayValues(model, "supervisorDecided", "supervisorDecision"))
                .containsExactlyInAnyOrder("APPROVE", "REJECT");
        assertThat(field(review, "decision").at("/validate/required").asBoolean()).isTrue();
        assertThat(field(approval, "supervisorDecision").at("/validate/required").asBoolean()).isTrue();
        // every refusal ground of the contract a caseworker may give (QUOTA_EXHAUSTED is the process's own)
        Set<String> grounds = Arrays.stream(PermitRefusalReasonCode.values()).map(PermitRefusalReasonCode::value)
                .filter(code -> !code.equals("QUOTA_EXHAUSTED")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(selectValues(review, "refusalCode")).isEqualTo(grounds);
        assertThat(selectValues(approval, "refusalCode")).isEqualTo(grounds);
        assertThat(field(review, "questions").at("/conditional/hide").asText())
                .isEqualTo("=decision != \"REQUEST_INFORMATION\"");
        // two forms, each id unique, each field id unique within its form
        assertThat(review.get("id").asText()).isNotEqualTo(approval.get("id").asText());
        for (JsonNode form : List.of(review, approval)) {
            List<String> ids = new ArrayList<>();
            walk(form, c -> ids.add(c.get("id").asText()));
            assertThat(ids).doesNotHaveDuplicates();
        }
    }

    @Test
    void theReviewFormsOwnFieldsSubmittedAsTasklistDoesRefuseTheCase() throws Exception {
        String pid = atReview(weldingEngineerWithAttachments());
        Task task = task(pid, "review");
        engine.getTaskService().claim(task.getId(), "officer.aigerim");
        // Tasklist submits the fields that are not disabled; the facts stay as reviewFacts wrote them
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("decision", "REJECT");
        submitted.put("reasons", "The employer withdrew the offer");
        submitted.put("questions", "");
        submitted.put("refusalCode", "EMPLOYER_NOT_ELIGIBLE");
        assertThat(submitted.keySet()).isEqualTo(new HashSet<>(keys(deployedForm(task), false)));

        engine.getFormService().submitTaskForm(task.getId(), submitted);
        runJobs(pid);

        assertThat(instance(pid)).isEnded().hasPassed("refuseApplication");
        assertThat(new String(decisions(pid).get(0).document().document(), StandardCharsets.UTF_8))
                .contains("<Code>EMPLOYER_NOT_ELIGIBLE</Code>", "<Text>The employer withdrew the offer</Text>");
    }

    // ---- the case ----

    /** Korea's welder, with his passport scan and diploma declared in the header and described in the application. */
    private static ReceivedDocument weldingEngineerWithAttachments() {
        WorkPermitApplication application = Applications.standardWelder();
        application.getSupportingDocument().add(ref("passport", SupportingDocumentKind.TRAVEL_DOCUMENT_COPY, null));
        application.getSupportingDocument().add(ref("diploma", SupportingDocumentKind.DIPLOMA,
                "Bachelor of Engineering, apostilled"));
        return Envelopes.received(KOREA, UUID.randomUUID().toString(), null, application, List.of(
                attachment("passport", "PARK_JIHOON_passport.pdf", 412_384),
                attachment("diploma", "PARK_JIHOON_diploma_PNU.pdf", 1_873_920)));
    }

    private String atReview(ReceivedDocument application) {
        String pid = apply(application);
        cleanChecks(pid, KOREA);
        assertThat(instance(pid)).isWaitingAt("review");
        return pid;
    }

    private static Attachment attachment(String id, String fileName, long size) {
        Attachment attachment = new Attachment();
        attachment.setId(id);
        attachment.setFileName(fileName);
        attachment.setMimeType("application/pdf");
        attachment.setSize(BigInteger.valueOf(size));
        attachment.setSha256("0".repeat(64));
        return attachment;
    }

    private static AttachmentRef ref(String id, SupportingDocumentKind kind, String description) {
        AttachmentRef ref = new AttachmentRef();
        ref.setAttachmentId(id);
        ref.setKind(kind);
        ref.setDescription(description);
        return ref;
    }

    // ---- the forms ----

    private JsonNode deployedForm(Task task) throws Exception {
        try (InputStream in = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return JSON.readTree(in);
        }
    }

    private static JsonNode resource(String path) throws Exception {
        try (InputStream in = WorkPermitFormsTest.class.getClassLoader().getResourceAsStream(path)) {
            return JSON.readTree(in);
        }
    }

    /** The keys of the form's fields that are disabled (facts shown) or not (what the caseworker enters). */
    private static List<String> keys(JsonNode form, boolean disabled) {
        List<String> keys = new ArrayList<>();
        walk(form, c -> {
            if (c.hasNonNull("key") && c.path("disabled").asBoolean(false) == disabled) {
                keys.add(c.get("key").asText());
            }
        });
        return keys;
    }

    private static JsonNode field(JsonNode form, String key) {
        Map<String, JsonNode> byKey = new HashMap<>();
        walk(form, c -> {
            if (c.hasNonNull("key")) {
                byKey.put(c.get("key").asText(), c);
            }
        });
        assertThat(byKey).containsKey(key);
        return byKey.get(key);
    }

    private static Set<String> selectValues(JsonNode form, String key) {
        JsonNode select = field(form, key);
        assertThat(select.get("type").asText()).isEqualTo("select");
        Set<String> values = new TreeSet<>();
        select.get("values").forEach(v -> values.add(v.get("value").asText()));
        return values;
    }

    private static void walk(JsonNode container, Consumer<JsonNode> visit) {
        for (JsonNode component : container.path("components")) {
            visit.accept(component);
            walk(component, visit);
        }
    }

    /** The values the gateway's outgoing conditions compare {@code variable} with ({@code ${decision == 'X'}}). */
    private static Set<String> gatewayValues(BpmnModelInstance model, String gatewayId, String variable) {
        ExclusiveGateway gateway = model.getModelElementById(gatewayId);
        Pattern comparison = Pattern.compile("\\$\\{" + variable + " == '([A-Z_]+)'}");
        Set<String> values = new TreeSet<>();
        for (SequenceFlow flow : gateway.getOutgoing()) {
            Matcher m = comparison.matcher(flow.getConditionExpression().getTextContent().trim());
            assertThat(m.matches()).as(flow.getId() + ": " + flow.getConditionExpression().getTextContent()).isTrue();
            values.add(m.group(1));
        }
        return values;
    }
}
